"""The engine's state: one JSON-compatible dict with a schema version.

    {"schema": "egov-roles/state", "version": 1,
     "enterprises": {id: enterprise}, "qualities": {id: quality}, "people": {id: person},
     "roles": {id: role}, "invitations": {id: invitation}, "sessions": {token: session},
     "outbox": [mail], "journal": [entry]}

`problems(state)` checks an imported state (shape, field values, invariants) and reports every
fault with its path; the engine refuses to load a state with problems.
"""

from __future__ import annotations

import datetime as _dt

from . import catalogue, invariants, validators
from .errors import FieldError

SCHEMA = "egov-roles/state"
VERSION = 1
COLLECTIONS = ("enterprises", "qualities", "people", "roles", "invitations", "sessions")
LISTS = ("outbox", "journal")
ROLE_KINDS = ("legal_rep", "rae", "co_rae", "gl", "co_gl", "user")
ENTERPRISE_ROLES = ("legal_rep", "rae", "co_rae")
LANGUAGES = ("fr", "nl", "de", "en")
STATUSES = ("active", "blocked")


def empty() -> dict:
    state = {"schema": SCHEMA, "version": VERSION}
    for name in COLLECTIONS:
        state[name] = {}
    for name in LISTS:
        state[name] = []
    return state


# Required keys and their JSON types per record ("?" marks a value that may be null).
SHAPES = {
    "enterprises": {"id": "str", "number": "str", "name": "str", "email": "str?", "created": "str?"},
    "qualities": {"id": "str", "enterprise": "str", "type": "str", "identifier": "str", "fields": "dict",
                  "email": "str?", "created": "str", "technical_user": "str?", "routing": "dict",
                  "channels": "dict", "procurations": "dict"},
    "people": {"id": "str", "niss": "str", "name": "str", "first_name": "str", "title": "str?", "language": "str",
               "email": "str?", "local_email": "str?", "username": "str?", "password": "dict?",
               "certificate": "dict?", "created": "str", "modified": "str?"},
    "roles": {"id": "str", "person": "str", "kind": "str", "enterprise": "str", "quality": "str?", "status": "str",
              "email": "str?", "applications": "dict", "created": "str", "modified": "str?"},
    "invitations": {"id": "str", "kind": "str", "quality": "str", "email": "str?", "niss": "str?",
                    "applications": "list", "code": "str", "created": "str", "expires": "str", "status": "str",
                    "created_by": "str", "uses": "int"},
    "sessions": {"id": "str", "person": "str", "profile": "str?", "method": "str", "started": "str"},
}
_TYPES = {"str": str, "dict": dict, "list": list, "int": int}


def _shape_problems(name: str, key: str, record, out: list) -> None:
    path = f"{name}.{key}"
    if not isinstance(record, dict):
        out.append({"path": path, "problem": "not an object"})
        return
    for field, spec in SHAPES[name].items():
        optional = spec.endswith("?")
        kind = _TYPES[spec.rstrip("?")]
        if field not in record:
            out.append({"path": f"{path}.{field}", "problem": "missing"})
        elif record[field] is None and optional:
            continue
        elif not isinstance(record[field], kind) or isinstance(record[field], bool):
            out.append({"path": f"{path}.{field}", "problem": f"expected {spec.rstrip('?')}"})
    if record.get("id") != key:
        out.append({"path": f"{path}.id", "problem": "differs from its key"})


def _nested_problems(state: dict, out: list) -> None:
    """Shapes inside records: what the invariants and the views walk through."""
    def expect(path, value, kind):
        if not isinstance(value, kind) or isinstance(value, bool):
            out.append({"path": path, "problem": f"expected {kind.__name__}"})
            return False
        return True

    for key, q in state["qualities"].items():
        for decl, setting in q["routing"].items():
            path = f"qualities.{key}.routing.{decl}"
            if expect(path, setting, dict):
                if expect(f"{path}.recipient", setting.get("recipient"), dict):
                    if setting["recipient"].get("kind") not in ("enterprise", "mandatary"):
                        out.append({"path": f"{path}.recipient.kind", "problem": "enterprise or mandatary"})
                if setting.get("channel") is not None:
                    expect(f"{path}.channel", setting["channel"], str)
        for name in ("channels", "procurations"):
            for cid, item in q[name].items():
                expect(f"qualities.{key}.{name}.{cid}", item, dict)
        for cid, item in q["procurations"].items():
            if isinstance(item, dict) and not isinstance(item.get("declarations"), list):
                out.append({"path": f"qualities.{key}.procurations.{cid}.declarations", "problem": "expected list"})
        expect(f"qualities.{key}.fields", q["fields"], dict)
    for key, inv in state["invitations"].items():
        if not all(isinstance(a, str) for a in inv["applications"]):
            out.append({"path": f"invitations.{key}.applications", "problem": "expected a list of strings"})
    for index, entry in enumerate(state["journal"]):
        if expect(f"journal.{index}", entry, dict):
            expect(f"journal.{index}.seq", entry.get("seq"), int)
    for index, mail in enumerate(state["outbox"]):
        expect(f"outbox.{index}", mail, dict)


def _hash_record(pw: dict) -> bool:
    if set(pw) != {"algorithm", "iterations", "salt", "hash"} or pw["algorithm"] != "pbkdf2_sha256":
        return False
    if not isinstance(pw["iterations"], int) or isinstance(pw["iterations"], bool) or not 1 <= pw["iterations"] <= 10_000_000:
        return False
    try:
        return len(bytes.fromhex(pw["salt"])) >= 8 and len(bytes.fromhex(pw["hash"])) == 32
    except (TypeError, ValueError):
        return False


def _value_problems(state: dict, out: list) -> None:
    def check(path, fn, value):
        try:
            fn(value, path)
        except FieldError as exc:
            out.append({"path": path, "problem": exc.reason})

    for key, ent in state["enterprises"].items():
        check(f"enterprises.{key}.number", validators.enterprise_number, ent["number"])
        if ent.get("email"):
            check(f"enterprises.{key}.email", validators.email, ent["email"])
    for key, person in state["people"].items():
        check(f"people.{key}.niss", validators.niss, person["niss"])
        if person["language"] not in LANGUAGES:
            out.append({"path": f"people.{key}.language", "problem": "unknown language"})
        for field in ("email", "local_email"):
            if person.get(field):
                check(f"people.{key}.{field}", validators.email, person[field])
        if person.get("username"):
            check(f"people.{key}.username", validators.username, person["username"])
        pw = person.get("password")
        if pw is not None and not _hash_record(pw):
            out.append({"path": f"people.{key}.password", "problem": "not a password hash record"})
    for key, quality in state["qualities"].items():
        qtype = catalogue.quality_type(quality["type"])
        if qtype is None:
            out.append({"path": f"qualities.{key}.type", "problem": "unknown quality type"})
            continue
        kind = qtype["identifier"]
        check_fn = {"onss_number": validators.onss_number, "enterprise_number": validators.enterprise_number,
                    "niss": validators.niss}[kind]
        check(f"qualities.{key}.identifier", check_fn, quality["identifier"])
    for key, role in state["roles"].items():
        if role["kind"] not in ROLE_KINDS:
            out.append({"path": f"roles.{key}.kind", "problem": "unknown role kind"})
        if role["status"] not in STATUSES:
            out.append({"path": f"roles.{key}.status", "problem": "unknown status"})
        for app, granted in role["applications"].items():
            try:
                _dt.date.fromisoformat(granted)
            except (TypeError, ValueError):
                out.append({"path": f"roles.{key}.applications.{app}", "problem": "grant date is not YYYY-MM-DD"})


def problems(state) -> list[dict]:
    """Every fault of an imported state; an empty list means it can be loaded."""
    if not isinstance(state, dict):
        return [{"path": "", "problem": "not an object"}]
    out: list[dict] = []
    if state.get("schema") != SCHEMA:
        out.append({"path": "schema", "problem": f"expected {SCHEMA!r}"})
    if state.get("version") != VERSION:
        out.append({"path": "version", "problem": f"expected version {VERSION}"})
    for name in COLLECTIONS:
        if not isinstance(state.get(name), dict):
            out.append({"path": name, "problem": "missing or not an object"})
    for name in LISTS:
        if not isinstance(state.get(name), list):
            out.append({"path": name, "problem": "missing or not a list"})
    if out:
        return out
    for name in COLLECTIONS:
        for key, record in state[name].items():
            _shape_problems(name, key, record, out)
    if out:
        return out
    _nested_problems(state, out)
    if out:
        return out
    _value_problems(state, out)  # bad values do not stop the invariant checks: report both
    try:
        out.extend({"path": "", "problem": text} for text in invariants.violations(state))
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        # a dangling reference the checks above do not cover: report it, never crash the import
        out.append({"path": "", "problem": f"inconsistent references ({type(exc).__name__}: {exc})"})
    return out
