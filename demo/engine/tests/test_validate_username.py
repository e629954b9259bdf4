"""engine.validate checks a username the way the commands do: by the rules first, then "taken" in
the current state (case-insensitively, as data/password_rules.json says). A form that asks it
about each value on submit thus shows the taken username beside its other faults, in one round.
Nothing is written: the state after the check is the state before."""

from __future__ import annotations

import json

import pytest

from egov_roles import messages
from engine_helpers import Client, make_engine, session_for

LANGS = messages.LANGUAGES
NEW_PERSON = {"niss": "85073003328", "name": "Peeters", "first_name": "An", "email": "an.peeters@example.be",
              "language": "nl", "password": "Nieuw2024.x"}


def check(client: Client, value: str, lang: str = "fr") -> dict:
    return client.ok("engine.validate", {"field": "username", "value": value}, lang=lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", ["juliensimons", "JulienSimons"])
def test_a_taken_username_is_refused_with_the_commands_own_message(lang, value):
    client = Client(make_engine())
    before = json.dumps(client.state, sort_keys=True)
    answer = check(client, value, lang)
    assert json.dumps(client.state, sort_keys=True) == before
    assert answer == {"valid": False, "code": "username_taken", "reason": None,
                      "message": messages.render("username_taken", lang, {}, "username")}
    # the command that would create the account says the same words about the same field
    error = client.refused("co_gl.add", {"person": {**NEW_PERSON, "username": value}}, session_for(client, "gl"), lang=lang)
    assert [(e["field"], e["message"]) for e in error["errors"]] == [("person.username", answer["message"])]


def test_the_rules_come_before_taken_and_a_free_name_is_valid():
    client = Client(make_engine())
    answer = check(client, "julien simons")
    assert (answer["valid"], answer["code"], answer["reason"]) == (False, "invalid_field", "username.spaces")
    assert check(client, "anpeeters85") == {"valid": True, "value": "anpeeters85"}
    client.ok("co_gl.add", {"person": {**NEW_PERSON, "username": "anpeeters85"}}, session_for(client, "gl"))
    assert check(client, "ANPEETERS85")["code"] == "username_taken"  # taken as soon as the account exists
    assert check(Client(make_engine("empty")), "juliensimons")["valid"]  # the state decides, not a list


def test_an_account_choosing_its_username_hears_every_fault_at_once():
    client = Client(make_engine())
    session = client.eid(client.state["people"]["person-emma"]["niss"], "role-emma-user")
    error = client.refused("account.change_password", {"new": "court", "confirmation": "autre", "username": "JulienSimons"},
                           session)
    assert [(e["field"], e["reason"] or e["code"]) for e in error["errors"]] == [
        ("username", "username_taken"), ("new", "password.length"), ("confirmation", "confirmation_mismatch")]
    assert client.state["people"]["person-emma"]["username"] is None
