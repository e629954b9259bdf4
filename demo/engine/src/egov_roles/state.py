"""The engine's state: one JSON-compatible dict with a schema version.

    {"schema": "egov-roles/state", "version": 1,
     "enterprises": {id: enterprise}, "qualities": {id: quality}, "people": {id: person},
     "roles": {id: role}, "invitations": {id: invitation}, "sessions": {token: session},
     "outbox": [mail], "journal": [entry]}

`problems(state)` checks an imported state — its shape and limits (schema.py, the one place that
describes it), field values (validators), invariants (invariants.py) — and reports every fault
with its path and a code; the engine refuses to load a state with problems.
"""

from __future__ import annotations

from . import catalogue, invariants, schema, validators
from .errors import EngineError, FieldError

SCHEMA = "egov-roles/state"
VERSION = 1
COLLECTIONS = ("enterprises", "qualities", "people", "roles", "invitations", "sessions")
LISTS = ("outbox", "journal")


def empty() -> dict:
    state = {"schema": SCHEMA, "version": VERSION}
    for name in COLLECTIONS:
        state[name] = {}
    for name in LISTS:
        state[name] = []
    return state


def _value_problems(state: dict, add) -> None:
    """Values the shape alone does not judge: identifiers with a checksum, e-mail addresses,
    usernames, a quality's own fields."""
    from .commands.enterprise import quality_fields

    def check(path, fn, value):
        try:
            fn(value, path)
        except FieldError as exc:
            add(path, exc.reason, **exc.params)

    for key, ent in state["enterprises"].items():
        check(f"enterprises.{key}.number", validators.enterprise_number, ent["number"])
        if ent["email"]:
            check(f"enterprises.{key}.email", validators.email, ent["email"])
    for key, person in state["people"].items():
        check(f"people.{key}.niss", validators.niss, person["niss"])
        for field in ("email", "local_email"):
            if person[field]:
                check(f"people.{key}.{field}", validators.email, person[field])
        if person["username"]:
            check(f"people.{key}.username", validators.username, person["username"])
    for key, quality in state["qualities"].items():
        qtype = catalogue.quality_type(quality["type"])
        check_fn = {"onss_number": validators.onss_number, "enterprise_number": validators.enterprise_number,
                    "niss": validators.niss}[qtype["identifier"]]
        check(f"qualities.{key}.identifier", check_fn, quality["identifier"])
        if quality["email"]:
            check(f"qualities.{key}.email", validators.email, quality["email"])
        try:
            quality_fields(qtype, quality["fields"])
        except FieldError as exc:
            add(f"qualities.{key}.{exc.field}", exc.reason, **exc.params)
        except EngineError as exc:
            add(f"qualities.{key}.{exc.field}", "state.missing" if exc.code == "missing_argument" else "state.unknown_field")
        for cid, proc in quality["procurations"].items():
            check(f"qualities.{key}.procurations.{cid}.mandatary_number", validators.enterprise_number,
                  proc["mandatary_number"])
    for key, inv in state["invitations"].items():
        if inv["niss"] is not None:
            check(f"invitations.{key}.niss", validators.niss, inv["niss"])
        if inv["email"]:
            check(f"invitations.{key}.email", validators.email, inv["email"])


def problems(state) -> list[dict]:
    """Every fault of an imported state, each {"path", "problem", "params"}; an empty list
    means it can be loaded. `problem` is a code (messages.state_problem gives its words)."""
    out: list[dict] = []

    def add(path, problem, **params):
        out.append({"path": path, "problem": problem, "params": params})

    if not isinstance(state, dict):
        add("", "state.type", expected="object", null=False)
        return out
    if state.get("schema") != SCHEMA:
        add("schema", "state.schema")
        return out
    if state.get("version") != VERSION:
        add("version", "state.version", found=str(state.get("version"))[:20], expected=VERSION)
        return out
    shape, count = schema.walk(state)
    if count:
        return shape
    _value_problems(state, add)  # bad values do not stop the invariant checks: report both
    out.extend(invariants.found(state))
    return out
