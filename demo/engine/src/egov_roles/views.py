"""Read-only views of state records for responses: fresh JSON-compatible dicts (never the
state's own objects, so a caller cannot change the state by editing a response)."""

from __future__ import annotations

from . import catalogue, messages, policy, validators


def _lang(lang: str) -> str:
    return messages.language(lang)


def person_status(state: dict, person_id: str) -> str:
    """'blocked' when the person has roles and every one of them is blocked."""
    statuses = [r["status"] for r in state["roles"].values() if r["person"] == person_id]
    return "blocked" if statuses and all(s == "blocked" for s in statuses) else "active"


def person(state: dict, p: dict, lang: str, with_status: bool = True) -> dict:
    out = {
        "id": p["id"], "niss": p["niss"], "niss_formatted": validators.format_niss(p["niss"]),
        "niss_kind": validators.niss_kind(p["niss"]), "name": p["name"], "first_name": p["first_name"],
        "title": p["title"], "language": p["language"], "email": p["email"], "local_email": p["local_email"],
        "username": p["username"], "has_password": p["password"] is not None,
        "certificate": dict(p["certificate"]) if p["certificate"] else None,
        "created": p["created"], "modified": p["modified"],
    }
    if with_status:
        out["status"] = person_status(state, p["id"])
    return out


def person_brief(p: dict) -> dict:
    return {"id": p["id"], "name": p["name"], "first_name": p["first_name"], "niss": p["niss"],
            "niss_formatted": validators.format_niss(p["niss"]), "username": p["username"]}


def enterprise_brief(e: dict) -> dict:
    return {"id": e["id"], "name": e["name"], "number": e["number"],
            "number_formatted": validators.format_enterprise_number(e["number"]),
            "registered": e["created"] is not None}


def identifier_formatted(kind: str, value: str) -> str:
    if kind == "onss_number":
        return validators.format_onss_number(value)
    if kind == "enterprise_number":
        return validators.format_enterprise_number(value)
    return validators.format_niss(value)


def quality_brief(q: dict, lang: str) -> dict:
    qtype = catalogue.quality_type(q["type"])
    kind = qtype["identifier"]
    return {"id": q["id"], "type": q["type"], "name": catalogue.name(q["type"], _lang(lang)),
            "identifier_kind": kind,
            "identifier_label": catalogue.data()["identifier_kinds"][kind][_lang(lang)],
            "identifier": q["identifier"], "identifier_formatted": identifier_formatted(kind, q["identifier"])}


def reach(state: dict, role: dict, lang: str) -> dict:
    """The applications a profile reaches (the reach rules of the policy)."""
    rule = policy.reach(role["kind"])
    lang = _lang(lang)
    apps: list[str] = []
    if rule["applications"] == "quality":
        apps = list(catalogue.quality_type(state["qualities"][role["quality"]]["type"])["applications"])
    elif rule["applications"] == "granted":
        apps = list(role["applications"])
    user_management = rule["applications"] != "none"
    return {"user_management": user_management,
            "applications": [{"id": a, "name": catalogue.application_name(a, lang)} for a in apps],
            "explanation": rule[lang]}


def role(state: dict, r: dict, lang: str, with_person: bool = True) -> dict:
    lang = _lang(lang)
    out = {
        "id": r["id"], "kind": r["kind"], "kind_label": policy.role_name(r["kind"], lang),
        "status": r["status"], "email": r["email"],
        "enterprise": enterprise_brief(state["enterprises"][r["enterprise"]]),
        "quality": quality_brief(state["qualities"][r["quality"]], lang) if r["quality"] else None,
        "applications": [{"id": a, "name": catalogue.application_name(a, lang), "granted": d}
                         for a, d in r["applications"].items()],
        "created": r["created"], "modified": r["modified"],
    }
    if with_person:
        out["person"] = person_brief(state["people"][r["person"]])
    return out


def profile(state: dict, r: dict, lang: str) -> dict:
    out = role(state, r, lang, with_person=False)
    out["selectable"] = r["status"] == "active"
    out["reach"] = reach(state, r, lang)
    return out


def user_row(state: dict, r: dict, lang: str) -> dict:
    """One line of a user list or search result."""
    p = state["people"][r["person"]]
    return {"role": r["id"], "kind": r["kind"], "kind_label": policy.role_name(r["kind"], _lang(lang), short=True),
            "person": p["id"], "name": p["name"], "first_name": p["first_name"], "username": p["username"],
            "niss": p["niss"], "niss_formatted": validators.format_niss(p["niss"]), "status": r["status"],
            "language": p["language"], "quality": r["quality"], "applications": list(r["applications"]),
            # what a manager's edit screen shows: the person's e-mails and title, each grant's date
            "title": p["title"], "email": p["email"], "local_email": p["local_email"], "role_email": r["email"],
            "granted": dict(r["applications"])}


def invitation(inv: dict, today: str) -> dict:
    out = {k: (list(v) if isinstance(v, list) else v) for k, v in inv.items()}
    if inv["status"] in ("pending", "published") and today > inv["expires"]:
        out["status"] = "expired"
    return out
