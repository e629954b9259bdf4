"""Bounds on every text input (data/field_limits.json): longer text and control characters are
refused with a field error in the reader's language, and nothing changes."""

from __future__ import annotations

import json

import pytest

from egov_roles import bounds, messages
from egov_roles.resources import load_json

from engine_helpers import Client, make_engine, session_for

NEW = {"niss": "85073003328", "name": "Peeters", "first_name": "An", "email": "an.peeters@example.be"}
LIMITS = load_json("field_limits")


def state_of(client) -> str:
    return json.dumps(client.state, sort_keys=True)


@pytest.mark.parametrize("key", ["name", "first_name", "title", "email", "local_email"])
def test_a_person_field_one_character_too_long_is_refused(key):
    client = Client(make_engine())
    session = session_for(client, "gl")
    bound = LIMITS["fields"][key]
    before = state_of(client)
    value = "a" * (bound + 1) if "email" not in key else "a" * (bound - 10) + "@example.be"
    error = client.refused("user.add", {"person": {**NEW, key: value}}, session)
    assert (error["field"], error["reason"]) == (f"person.{key}", "text.too_long")
    assert str(bound) in error["message"]
    assert state_of(client) == before


def test_a_name_at_its_bound_is_accepted():
    client = Client(make_engine())
    name = "N" * LIMITS["fields"]["name"]
    role = client.ok("user.add", {"person": {**NEW, "name": name}}, session_for(client, "gl"))
    assert role["person"]["name"] == name


def test_a_ten_megabyte_name_is_refused_and_stored_nowhere():
    client = Client(make_engine())
    session = session_for(client, "gl")
    before = state_of(client)
    huge = "x" * 10_000_000
    error = client.refused("user.add", {"person": {**NEW, "name": huge}}, session)
    assert (error["field"], error["reason"]) == ("person.name", "text.too_long")
    assert state_of(client) == before


@pytest.mark.parametrize("value", ["Jean\nMarie", "Tab\there", "nul\x00", "del\x7f", "c1\x85"])
def test_control_characters_are_refused(value):
    client = Client(make_engine())
    error = client.refused("user.add", {"person": {**NEW, "first_name": value}}, session_for(client, "gl"))
    assert (error["field"], error["reason"]) == ("person.first_name", "text.control")


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_a_top_level_text_argument_is_bounded_too(lang):
    client = Client(make_engine())
    bound = LIMITS["fields"]["address"]
    error = client.refused("batch_channel.register", {"kind": "ftp", "address": "f" * (bound + 1)},
                           session_for(client, "gl"), lang=lang)
    assert (error["field"], error["reason"]) == ("address", "text.too_long")
    label = messages.FIELD_LABELS["address"][lang]
    assert error["message"].startswith(label[:1].upper() + label[1:]) and str(bound) in error["message"]


def test_an_enterprise_name_has_its_own_bound():
    client = Client(make_engine())
    bound = LIMITS["per_command"]["bce.add_enterprise"]["name"]
    error = client.refused("bce.add_enterprise", {"number": "0403.019.261", "name": "E" * (bound + 1),
                                                  "legal_representatives": [NEW]})
    assert (error["field"], error["reason"]) == ("name", "text.too_long")
    assert bound != LIMITS["fields"]["name"]


def test_a_quality_field_is_bounded():
    client = Client(make_engine())
    error = client.refused("quality.activate", {"type": "trustee", "gl": {"self": True},
                                                "identifier": "85073003328",
                                                "fields": {"bankrupt_enterprise_number": "0403.019.261",
                                                           "judgment_date": "2" * 300}}, session_for(client, "rae"))
    faults = {(e["field"], e["reason"]) for e in error["errors"]}
    assert ("fields.judgment_date", "text.too_long") in faults


def test_the_demo_gets_the_same_limits():
    exported = Client(make_engine()).ok("engine.catalogue")["field_limits"]
    assert exported == bounds.export()
    rules = load_json("password_rules")
    assert exported["fields"]["name"] == LIMITS["fields"]["name"]
    assert exported["fields"]["username"] == rules["username"]["max_length"]
    assert exported["fields"]["password"] == rules["password"]["max_length"]
