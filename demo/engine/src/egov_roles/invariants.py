"""What must hold in every state the engine accepts or produces. Checked when a state is
imported, and after every command in the property-based tests."""

from __future__ import annotations

from . import catalogue


def violations(state: dict) -> list[str]:
    out: list[str] = []
    people, roles, qualities, enterprises = state["people"], state["roles"], state["qualities"], state["enterprises"]

    rae_count = {eid: 0 for eid in enterprises}
    gl_count = {qid: 0 for qid in qualities}
    seen_roles = set()
    for rid, role in roles.items():
        if role["person"] not in people:
            out.append(f"role {rid}: unknown person {role['person']}")
        if role["enterprise"] not in enterprises:
            out.append(f"role {rid}: unknown enterprise {role['enterprise']}")
            continue
        if role["kind"] in ("legal_rep", "rae", "co_rae"):
            if role["quality"] is not None:
                out.append(f"role {rid}: an enterprise-level role has no quality")
        else:
            quality = qualities.get(role["quality"])
            if quality is None:
                out.append(f"role {rid}: unknown quality {role['quality']}")
                continue
            if quality["enterprise"] != role["enterprise"]:
                out.append(f"role {rid}: quality of another enterprise")
            allowed_apps = set(catalogue.quality_type(quality["type"])["applications"])
            if set(role["applications"]) - allowed_apps:
                out.append(f"role {rid}: applications outside its quality")
            if role["applications"] and role["kind"] != "user":
                out.append(f"role {rid}: only user roles carry granted applications")
        if role["kind"] in ("rae", "gl", "legal_rep") and role["status"] != "active":
            out.append(f"role {rid}: a {role['kind']} role cannot be blocked")
        key = (role["person"], role["kind"], role["enterprise"], role["quality"])
        if key in seen_roles:
            out.append(f"role {rid}: duplicate role")
        seen_roles.add(key)
        if role["kind"] == "rae":
            rae_count[role["enterprise"]] += 1
        if role["kind"] == "gl" and role["quality"] in gl_count:
            gl_count[role["quality"]] += 1

    for rid, role in roles.items():
        if role["kind"] == "co_gl" and (role["person"], "gl", role["enterprise"], role["quality"]) in seen_roles:
            out.append(f"role {rid}: the GL of a quality is not also its co-GL")

    for eid, ent in enterprises.items():
        registered = ent["created"] is not None
        if registered and rae_count[eid] != 1:
            out.append(f"enterprise {eid}: {rae_count[eid]} RAE instead of exactly one")
        if not registered and rae_count[eid] != 0:
            out.append(f"enterprise {eid}: an unregistered enterprise has no RAE")
    for qid, quality in qualities.items():
        ent = enterprises.get(quality["enterprise"])
        if ent is None or ent["created"] is None:
            out.append(f"quality {qid}: belongs to no registered enterprise")
        if gl_count[qid] != 1:
            out.append(f"quality {qid}: {gl_count[qid]} GL instead of exactly one")
        tech = quality["technical_user"]
        if tech is not None and (tech not in roles or roles[tech]["quality"] != qid or roles[tech]["kind"] != "user"):
            out.append(f"quality {qid}: technical user is not a user role of the quality")
        for decl, setting in quality["routing"].items():
            channel = setting.get("channel")
            if channel not in (None, "ebox") and channel not in quality["channels"]:
                out.append(f"quality {qid}: routing of {decl} uses an unregistered channel")
            recipient = setting.get("recipient", {})
            if recipient.get("kind") == "mandatary" and recipient.get("procuration") not in quality["procurations"]:
                out.append(f"quality {qid}: routing of {decl} names an unknown procuration")

    niss_seen, usernames = {}, {}
    for pid, person in people.items():
        if person["niss"] in niss_seen:
            out.append(f"person {pid}: NISS already used by {niss_seen[person['niss']]}")
        niss_seen[person["niss"]] = pid
        if person.get("username"):
            key = person["username"].lower()
            if key in usernames:
                out.append(f"person {pid}: username already used by {usernames[key]}")
            usernames[key] = pid
        if person.get("password") is not None and "hash" not in person["password"]:
            out.append(f"person {pid}: password is not stored as a hash")

    for token, session in state["sessions"].items():
        if session["person"] not in people:
            out.append(f"session {token}: unknown person")
        profile = session.get("profile")
        if profile is not None and (profile not in roles or roles[profile]["person"] != session["person"]):
            out.append(f"session {token}: profile is not one of the person's roles")
    for iid, inv in state["invitations"].items():
        if inv["quality"] not in qualities:
            out.append(f"invitation {iid}: unknown quality")
    seqs = [entry.get("seq") for entry in state["journal"]]
    if seqs != list(range(1, len(seqs) + 1)):
        out.append("journal: sequence numbers are not 1, 2, 3...")
    return out
