"""Nothing a link or a file holds can break the engine: requests of any size and nesting get an
error response, never an exception (bounded before any recursive step); a state is loaded only
if it has the one checked shape (schema.py), and every state that passes is one every read
command can serve — never an internal_error. The counts of a longer run: hostile.py."""

from __future__ import annotations

import copy
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import egov_roles
from egov_roles import messages, protocol, schema
from egov_roles import state as state_mod
from egov_roles.commands import COMMANDS

import hostile
from engine_helpers import Client, make_engine


# --- the cases found by probing (each failed before) -------------------------------------------

@pytest.mark.parametrize("text", ["[" * 5000, "[" * 5000 + "]" * 5000, '{"a":' * 5000 + "1" + "}" * 5000,
                                  '{"command": "state.load", "args": {"state": ' + "[" * 5000 + "]" * 5000 + "}}"])
def test_deep_nesting_is_refused_not_raised(text):
    response = json.loads(make_engine().handle(text))
    assert response["ok"] is False
    assert response["error"]["code"] in ("request_too_deep", "malformed_request")


def test_deep_nesting_given_as_python_values_is_refused(client):
    # 200 deep, well past the bound: inside Pyodide (Python 3.14) merely freeing a dict nested
    # 5,000 deep overflows the stack and kills the interpreter — why text is refused before
    # json.loads would build such a thing.
    deep = "x"
    for _ in range(200):
        deep = {"a": deep}
    state = client.ok("state.export")
    state["qualities"]["q-demo-employer"]["fields"] = deep
    for request in ({"command": "state.load", "args": {"state": state}}, {"command": "engine.commands", "args": deep}):
        response = client.engine.handle(request)
        assert (response["ok"], response["error"]["code"]) == (False, "request_too_deep")


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_bounds_are_said_in_the_readers_language(lang):
    engine = make_engine()
    deep = '{"command": "state.load", "args": {"state": ' + "[" * 100 + "]" * 100 + '}, "lang": "' + lang + '"}'
    error = json.loads(engine.handle(deep))["error"]
    assert (error["code"], error["lang"]) == ("request_too_deep", lang)
    assert str(protocol.MAX_DEPTH) in error["message"]
    big = '{"command": "engine.commands", "args": {"x": "' + "a" * protocol.MAX_REQUEST_CHARS + '"}, "lang": "' + lang + '"}'
    error = json.loads(engine.handle(big))["error"]
    assert (error["code"], error["lang"]) == ("request_too_large", lang)


def test_the_deepest_state_the_demo_sends_passes_the_bounds(client):
    text = json.dumps({"command": "state.load", "args": {"state": client.ok("state.export")}, "lang": "nl"})
    protocol.check_text(text)  # no refusal
    assert client.ok("state.load", {"state": client.ok("state.export")})["loaded"] is True


def _broken(client, change) -> dict:
    state = client.ok("state.export")
    change(state)
    return state


CASES = {
    # A routing entry for a declaration the catalogue does not know made quality.view answer internal_error.
    "unknown declaration": lambda s: s["qualities"]["q-demo-employer"]["routing"].update(
        nope={"recipient": {"kind": "enterprise"}, "channel": "ebox", "modified": "2024-01-01"}),
    # Journal and outbox entries of any shape broke the journal screen and the mailbox.
    "journal entry of another shape": lambda s: s["journal"].append({"seq": len(s["journal"]) + 1, "at": 5}),
    "outbox entry of another shape": lambda s: s["outbox"].append({"id": "mail-9", "to": ["a"], "subject": 1}),
    "journal command not a text": lambda s: s["journal"].append(
        {"seq": len(s["journal"]) + 1, "at": "2024-03-04T09:00:00+00:00", "command": {"x": 1}, "effect": "write",
         "actor": None, "profile": None, "target": {}}),
    "id named like a JavaScript property": lambda s: s["people"].update(
        constructor=dict(s["people"]["person-john"], id="constructor", niss="85073003328", username=None)),
    "too long a name": lambda s: s["people"]["person-john"].update(name="x" * (schema.MAX_TEXT + 1)),
    "unknown field": lambda s: s["roles"]["role-john-user"].update(colour="red"),
    "procuration for an unknown declaration": lambda s: s["qualities"]["q-demo-employer"]["procurations"][
        "procuration-1"].update(declarations=["nope"]),
}


@pytest.mark.parametrize("case", CASES)
def test_states_the_engine_could_not_serve_are_refused(client, case):
    before = json.dumps(client.state, sort_keys=True)
    error = client.refused("state.load", {"state": _broken(client, CASES[case])}, lang="nl")
    assert error["code"] == "invalid_state"
    assert error["problems"] and all(p["message"] and p["path"] for p in error["problems"])
    assert json.dumps(client.state, sort_keys=True) == before


def test_too_many_records_are_refused_before_anything_else(client):
    state = client.ok("state.export")
    state["journal"] = [None] * (schema.MAX_ENTRIES + 1)
    found = state_mod.problems(state)
    assert [(f["path"], f["problem"]) for f in found] == [("journal", "state.too_many")]


# --- fuzz: no escape, no internal error, no change on refusal ------------------------------------

def _assert_clean(counts: dict) -> None:
    assert {k: counts[k] for k in ("escapes", "bad_responses", "internal_errors", "changed_on_refusal")} == {
        "escapes": 0, "bad_responses": 0, "internal_errors": 0, "changed_on_refusal": 0}, counts


def test_fuzzed_requests_never_escape():
    counts = hostile.fuzz(300, seed=16)
    assert counts["iterations"] == 300
    _assert_clean(counts)


@pytest.mark.slow
def test_fuzzed_requests_never_escape_long_run():
    counts = hostile.fuzz(20_000, seed=1)
    _assert_clean(counts)


# --- property: every accepted state can be served by every read command --------------------------

READ_COMMANDS = sorted(name for name, cmd in COMMANDS.items() if cmd.effect == "read")


def _value(rng: random.Random, arg, state: dict):
    if arg.choices:
        return rng.choice(list(arg.choices))
    pool = hostile._ids(state) + ["drs", "constructor", "", "85073003328"]
    pool += [inv["code"] for inv in state["invitations"].values()]
    return {"string": lambda: rng.choice(pool), "integer": lambda: rng.choice([0, 1, 2, 50, -1]),
            "object": dict, "string_list": lambda: rng.sample(pool, 2), "object_list": list,
            "boolean": lambda: rng.random() < 0.5}[arg.type]()


def serve_every_read(engine, rng: random.Random) -> list[str]:
    """Run every read command, logged out and as a few of the state's roles; the internal errors."""
    state = engine.state
    sessions = [None]
    roles = list(state["roles"].values())
    for role in rng.sample(roles, min(4, len(roles))):
        person = state["people"][role["person"]]
        login = engine.execute("session.login", {"method": "eid", "niss": person["niss"], "profile": role["id"]})
        if login["ok"]:
            sessions.append(login["data"]["session"])
    sessions.extend(t for t in list(state["sessions"])[:2])  # the state's own sessions too
    failures = []
    for name in READ_COMMANDS:
        cmd = COMMANDS[name]
        for session in sessions if cmd.session != "none" else [None]:
            args = {a.name: _value(rng, a, state) for a in cmd.args if a.required or rng.random() < 0.5}
            for lang in messages.LANGUAGES:
                response = engine.execute(name, args, session, lang)
                if not response["ok"] and response["error"]["code"] == "internal_error":
                    failures.append(f"{name} {args}: {response['error']['message']}")
    return failures


def accepted_state(rng: random.Random, base: dict, tries: int = 60) -> dict | None:
    for _ in range(tries):
        candidate = hostile.mutated_state(rng, base, plausible=True)
        if not state_mod.problems(candidate):
            return candidate
    return None


@settings(max_examples=12, deadline=None)
@given(rng=st.randoms(use_true_random=False))
def test_every_accepted_state_is_served_by_every_read_command(rng):
    base = make_engine().state
    candidate = accepted_state(rng, base)
    if candidate is None:
        return
    engine = make_engine()
    loaded = engine.execute("state.load", {"state": copy.deepcopy(candidate)})
    assert loaded["ok"], loaded
    assert serve_every_read(engine, rng) == []


@pytest.mark.slow
def test_every_accepted_state_is_served_long_run():
    rng = random.Random(16)
    base = make_engine().state
    accepted = 0
    for _ in range(400):
        candidate = accepted_state(rng, base)
        if candidate is None:
            continue
        accepted += 1
        engine = make_engine()
        assert engine.execute("state.load", {"state": candidate})["ok"]
        assert serve_every_read(engine, rng) == []
    assert accepted > 100


def test_module_handle_survives_hostile_text():
    assert json.loads(egov_roles.handle("[" * 100_000))["ok"] is False
    assert Client(make_engine()).run("engine.validate", {"field": "niss", "value": "\ud800"})["ok"]
