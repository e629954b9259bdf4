"""The protocol: malformed requests get an error response, never an exception; JSON in, JSON
out; the command catalogue is introspectable; errors carry code, rule, field and a message in
the request's language."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import egov_roles
from egov_roles import messages
from egov_roles.commands import COMMANDS

from engine_helpers import Client, make_engine, session_for


@pytest.mark.parametrize("request_", [None, 42, "", "[]", [], "not json", b"\xff\xfe", 3.5, True,
                                      {"args": {}}, {"command": ""}, {"command": 12},
                                      {"command": "engine.commands", "args": []},
                                      {"command": "engine.commands", "session": 5},
                                      {"command": "engine.commands", "lang": "xx"},
                                      {"command": "engine.commands", "extra": 1}])
def test_malformed_requests_get_an_error_response(engine, request_):
    response = engine.handle(request_)
    if isinstance(request_, (str, bytes)):
        response = json.loads(response)
    assert response["ok"] is False
    assert response["error"]["code"] == "malformed_request"
    assert response["error"]["message"]


def test_unknown_command(engine):
    error = engine.handle({"command": "user.fly"})["error"]
    assert error["code"] == "unknown_command"
    assert error["field"] == "command"
    assert "user.fly" in error["message"]


def test_missing_wrong_typed_and_unknown_arguments(client):
    error = client.refused("engine.validate", {"field": "niss"})
    assert (error["code"], error["field"]) == ("missing_argument", "value")
    error = client.refused("engine.validate", {"field": "niss", "value": 85073003328})
    assert (error["code"], error["field"]) == ("wrong_type", "value")
    error = client.refused("engine.validate", {"field": "niss", "value": "x", "colour": "red"})
    assert (error["code"], error["field"]) == ("unknown_argument", "colour")
    error = client.refused("engine.validate", {"field": "iban", "value": "x"})
    assert (error["code"], error["field"], error["reason"]) == ("invalid_field", "field", "choice.unknown")
    error = client.refused("journal.list", {"limit": True})  # a boolean is not an integer
    assert error["code"] == "wrong_type"


def test_wrong_typed_nested_person_field(client):
    session = session_for(client, "rae")
    error = client.refused("co_rae.add", {"person": {"niss": 85073003328}}, session)
    assert (error["code"], error["field"]) == ("invalid_field", "person.niss")
    error = client.refused("co_rae.add", {"person": {"niss": "85073003328", "shoe_size": 42}}, session)
    assert (error["code"], error["field"]) == ("unknown_argument", "person.shoe_size")


def test_json_string_in_json_string_out(engine):
    out = engine.handle(json.dumps({"command": "engine.validate", "args": {"field": "niss", "value": "85073003328"},
                                    "id": "r1"}))
    assert isinstance(out, str)
    response = json.loads(out)
    assert response == {"ok": True, "id": "r1", "data": {"valid": True, "value": "85073003328",
                                                          "formatted": "85.07.30-033.28", "kind": "nn"}}


def test_request_id_is_echoed_on_errors(engine):
    assert engine.handle({"command": "nope", "id": 7})["id"] == 7


def test_messages_follow_the_request_language(client):
    from egov_roles import messages

    answers = {lang: client.refused("session.login", {"method": "password", "username": "juliensimons",
                                                      "password": "bad"}, lang=lang)
               for lang in messages.REQUEST_LANGUAGES}
    assert {a["code"] for a in answers.values()} == {"bad_credentials"}
    # each message language answers in its own words; English falls back to French, and says so
    assert len({answers[lang]["message"] for lang in messages.LANGUAGES}) == len(messages.LANGUAGES)
    assert [answers[lang]["lang"] for lang in messages.LANGUAGES] == list(messages.LANGUAGES)
    assert "de" in messages.LANGUAGES and answers["de"]["message"] == "Der Benutzername oder das Passwort ist falsch."
    assert answers["en"]["lang"] == "fr" and answers["en"]["message"] == answers["fr"]["message"]


def test_every_error_code_has_a_text_in_every_language():
    from egov_roles import messages

    for code, texts in messages.ERRORS.items():
        assert all(texts[lang] for lang in messages.LANGUAGES), code
    for reason, texts in messages.REASONS.items():
        assert all(texts[lang] for lang in messages.LANGUAGES), reason


def test_catalogue_is_introspectable(client):
    data = client.ok("engine.commands")
    names = {c["name"] for c in data["commands"]}
    assert names == set(COMMANDS)
    for cmd in data["commands"]:
        assert all(cmd["description"][lang] for lang in messages.LANGUAGES), cmd["name"]
        for arg in cmd["args"]:
            assert arg["type"] in ("string", "integer", "boolean", "object", "string_list", "object_list")
            assert all(arg["description"][lang] for lang in messages.LANGUAGES), (cmd["name"], arg["name"])
    assert data["schema_version"] == egov_roles.SCHEMA_VERSION


def test_policy_is_exported_by_command_and_function(client):
    assert client.ok("engine.policy") == egov_roles.policy_table()


def test_catalogue_command_returns_qualities_and_rules(client):
    data = client.ok("engine.catalogue")
    assert data["password_rules"]["password"]["min_length"] == 10
    assert {q["id"] for q in data["qualities"]["qualities"]} >= {"employer_onss", "trustee"}


def test_responses_are_copies_not_the_state(client):
    session = session_for(client, "gl")
    data = client.ok("quality.view", {}, session)
    data["email"] = "changed@example.be"
    assert client.state["qualities"]["q-demo-employer"]["email"] == "personnel@demo-sa.be"
    exported = client.ok("state.export")
    exported["people"].clear()
    assert client.state["people"]


def test_internal_errors_roll_back_and_are_reported(client, monkeypatch):
    from egov_roles.commands import registry

    session = session_for(client, "gl")
    before = json.dumps(client.state, sort_keys=True)
    original = COMMANDS["user.block"]

    def broken(ctx, role):
        ctx.tx.set(ctx.state["roles"][role], "status", "blocked")
        raise RuntimeError("boom")

    monkeypatch.setitem(registry.COMMANDS, "user.block", registry.Command(**{**original.__dict__, "handler": broken}))
    error = client.refused("user.block", {"role": "role-john-user"}, session)
    assert error["code"] == "internal_error"
    assert "boom" in error["message"]
    assert json.dumps(client.state, sort_keys=True) == before


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                           max_leaves=10)


@given(command=st.sampled_from(sorted(COMMANDS)) | st.text(max_size=10),
       args=st.dictionaries(st.text(max_size=12), json_values, max_size=4) | json_values,
       lang=st.sampled_from(["fr", "nl", "de", "en"]))
def test_random_requests_never_raise(command, args, lang):
    engine = make_engine()
    response = engine.handle({"command": command, "args": args, "lang": lang})
    assert isinstance(response, dict) and isinstance(response["ok"], bool)
    if not response["ok"]:
        assert response["error"]["code"] != "internal_error", response
        assert response["error"]["message"]


def test_module_level_handle_uses_a_default_engine():
    egov_roles.reset_default_engine(make_engine())
    response = egov_roles.handle({"command": "session.login", "args": {"method": "password", "username": "juliensimons",
                                                                       "password": "Demo2024.ok"}})
    assert response["ok"]
    assert egov_roles.default_engine().state["sessions"]
    egov_roles.reset_default_engine(None)


def test_client_helper_is_not_cpython_specific():
    # The scenario tests use only the protocol; this guards the helper they share.
    client = Client(make_engine())
    assert client.ok("engine.validate", {"field": "email", "value": "a@b.be"})["valid"]
