"""What must hold in every state the engine accepts or produces. Checked when a state is
imported, and after every command in the property-based tests.

`found(state)` gives each fault as {"path", "problem", "params"} (its words per language are in
messages.STATE_PROBLEMS); `violations(state)` the same faults as English sentences, for tests and
logs. Both expect a state whose shape schema.walk accepted."""

from __future__ import annotations

from . import catalogue

# English sentences of the faults (tests and logs; the reader gets messages.STATE_PROBLEMS).
ENGLISH = {
    "state.reference": "unknown {entity} {id}",
    "state.enterprise_role_quality": "an enterprise-level role has no quality",
    "state.quality_elsewhere": "quality of another enterprise",
    "state.applications_outside": "applications outside its quality",
    "state.applications_not_user": "only user roles carry granted applications",
    "state.not_blockable": "a {kind} role cannot be blocked",
    "state.duplicate_role": "duplicate role",
    "state.gl_and_co_gl": "the GL of a quality is not also its co-GL",
    "state.rae_count": "{count} RAE instead of exactly one",
    "state.unregistered_rae": "an unregistered enterprise has no RAE",
    "state.quality_unregistered": "belongs to no registered enterprise",
    "state.gl_count": "{count} GL instead of exactly one",
    "state.technical_user": "technical user is not a user role of the quality",
    "state.routing_channel": "routing of {declaration} uses an unregistered channel",
    "state.routing_procuration": "routing of {declaration} names an unknown procuration",
    "state.procuration_declaration": "procuration does not cover {declaration}",
    "state.niss_twice": "NISS already used by {other}",
    "state.username_twice": "username already used by {other}",
    "state.session_profile": "profile is not one of the person's roles",
    "state.journal_sequence": "sequence numbers are not 1, 2, 3...",
}


def found(state: dict) -> list[dict]:
    out: list[dict] = []

    def add(path, problem, **params):
        out.append({"path": path, "problem": problem, "params": params})

    people, roles, qualities, enterprises = state["people"], state["roles"], state["qualities"], state["enterprises"]
    rae_count = {eid: 0 for eid in enterprises}
    gl_count = {qid: 0 for qid in qualities}
    seen_roles = set()
    for rid, role in roles.items():
        here = f"roles.{rid}"
        if role["person"] not in people:
            add(f"{here}.person", "state.reference", entity="person", id=role["person"])
        if role["enterprise"] not in enterprises:
            add(f"{here}.enterprise", "state.reference", entity="enterprise", id=role["enterprise"])
            continue
        if role["kind"] in ("legal_rep", "rae", "co_rae"):
            if role["quality"] is not None:
                add(f"{here}.quality", "state.enterprise_role_quality")
            if role["applications"]:
                add(f"{here}.applications", "state.applications_not_user")
        else:
            quality = qualities.get(role["quality"]) if role["quality"] is not None else None
            if quality is None:
                add(f"{here}.quality", "state.reference", entity="quality", id=str(role["quality"]))
                continue
            if quality["enterprise"] != role["enterprise"]:
                add(f"{here}.quality", "state.quality_elsewhere")
            allowed_apps = set(catalogue.quality_type(quality["type"])["applications"])
            if set(role["applications"]) - allowed_apps:
                add(f"{here}.applications", "state.applications_outside")
            if role["applications"] and role["kind"] != "user":
                add(f"{here}.applications", "state.applications_not_user")
        if role["kind"] in ("rae", "gl", "legal_rep") and role["status"] != "active":
            add(f"{here}.status", "state.not_blockable", kind=role["kind"])
        key = (role["person"], role["kind"], role["enterprise"], role["quality"])
        if key in seen_roles:
            add(here, "state.duplicate_role")
        seen_roles.add(key)
        if role["kind"] == "rae":
            rae_count[role["enterprise"]] += 1
        if role["kind"] == "gl" and role["quality"] in gl_count:
            gl_count[role["quality"]] += 1

    for rid, role in roles.items():
        if role["kind"] == "co_gl" and (role["person"], "gl", role["enterprise"], role["quality"]) in seen_roles:
            add(f"roles.{rid}", "state.gl_and_co_gl")

    for eid, ent in enterprises.items():
        registered = ent["created"] is not None
        if registered and rae_count[eid] != 1:
            add(f"enterprises.{eid}", "state.rae_count", count=rae_count[eid])
        if not registered and rae_count[eid] != 0:
            add(f"enterprises.{eid}", "state.unregistered_rae")
    for qid, quality in qualities.items():
        here = f"qualities.{qid}"
        ent = enterprises.get(quality["enterprise"])
        if ent is None or ent["created"] is None:
            add(f"{here}.enterprise", "state.quality_unregistered")
        if gl_count[qid] != 1:
            add(here, "state.gl_count", count=gl_count[qid])
        tech = quality["technical_user"]
        if tech is not None and (tech not in roles or roles[tech]["quality"] != qid or roles[tech]["kind"] != "user"):
            add(f"{here}.technical_user", "state.technical_user")
        for decl, setting in quality["routing"].items():
            channel = setting["channel"]
            if channel not in (None, "ebox") and channel not in quality["channels"]:
                add(f"{here}.routing.{decl}.channel", "state.routing_channel", declaration=decl)
            recipient = setting["recipient"]
            if recipient["kind"] == "mandatary":
                proc = quality["procurations"].get(recipient.get("procuration"))
                if proc is None:
                    add(f"{here}.routing.{decl}.recipient", "state.routing_procuration", declaration=decl)
                elif decl not in proc["declarations"]:
                    add(f"{here}.routing.{decl}.recipient", "state.procuration_declaration", declaration=decl)

    niss_seen, usernames = {}, {}
    for pid, person in people.items():
        if person["niss"] in niss_seen:
            add(f"people.{pid}.niss", "state.niss_twice", other=niss_seen[person["niss"]])
        niss_seen[person["niss"]] = pid
        if person.get("username"):
            key = person["username"].lower()
            if key in usernames:
                add(f"people.{pid}.username", "state.username_twice", other=usernames[key])
            usernames[key] = pid

    for token, session in state["sessions"].items():
        if session["person"] not in people:
            add(f"sessions.{token}.person", "state.reference", entity="person", id=session["person"])
        profile = session["profile"]
        if profile is not None and (profile not in roles or roles[profile]["person"] != session["person"]):
            add(f"sessions.{token}.profile", "state.session_profile")
    for iid, inv in state["invitations"].items():
        if inv["quality"] not in qualities:
            add(f"invitations.{iid}.quality", "state.reference", entity="quality", id=inv["quality"])
    seqs = [entry["seq"] for entry in state["journal"]]
    if seqs != list(range(1, len(seqs) + 1)):
        add("journal", "state.journal_sequence")
    return out


def english(fault: dict) -> str:
    return f"{fault['path']}: " + ENGLISH[fault["problem"]].format(**fault["params"])


def violations(state: dict) -> list[str]:
    return [english(fault) for fault in found(state)]
