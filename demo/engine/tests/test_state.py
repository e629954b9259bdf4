"""State: JSON round trip with a schema version, validated import, atomic commands, datasets."""

from __future__ import annotations

import json

import pytest

from egov_roles import catalogue, invariants, messages, schema, state
from egov_roles.demo_data import DEMO_PASSWORD, demo, large

from engine_helpers import Client, make_engine, session_for


def test_round_trip_through_json(client):
    session = session_for(client, "gl")
    client.ok("user.add", {"person": {"niss": "85073003328", "name": "Peeters", "first_name": "An", "email": "an@x.be"}},
              session)
    exported = client.ok("state.export")
    text = json.dumps(exported)
    other = Client(make_engine("empty"))
    assert other.ok("state.load", {"state": json.loads(text)})["people"] == len(exported["people"])
    reloaded = other.ok("state.export")
    # the load itself is journaled: everything else is identical
    assert reloaded["journal"][:-1] == exported["journal"]
    assert reloaded["journal"][-1]["command"] == "state.load"
    assert {k: v for k, v in reloaded.items() if k != "journal"} == {k: v for k, v in exported.items() if k != "journal"}
    assert exported["schema"] == "egov-roles/state" and exported["version"] == 1


def test_loaded_state_keeps_working_and_new_ids_do_not_collide(client):
    exported = client.ok("state.export")
    other = Client(make_engine("empty"))
    other.ok("state.load", {"state": exported})
    session = other.login("marielambert", "role-marie-gl")
    role = other.ok("user.add", {"person": {"niss": "85073003328", "name": "P", "first_name": "A", "email": "a@x.be"}}, session)
    assert role["id"] not in exported["roles"]


def test_import_reports_every_problem_with_its_path(client):
    broken = client.ok("state.export")
    broken["version"] = 99
    error = client.refused("state.load", {"state": broken})
    assert error["code"] == "invalid_state"
    assert [(p["path"], p["problem"]) for p in error["problems"]] == [("version", "state.version")]
    assert "99" in error["problems"][0]["message"]

    broken = client.ok("state.export")
    broken["people"]["person-john"]["niss"] = "75461500999"
    broken["people"]["person-anne"]["email"] = "anne-at-example"
    broken["roles"]["role-julien-rae"]["kind"] = "co_rae"
    del broken["qualities"]["q-demo-provider"]["routing"]
    error = client.refused("state.load", {"state": broken})
    assert [(p["path"], p["problem"]) for p in error["problems"]] == [("qualities.q-demo-provider.routing", "state.missing")]

    broken["qualities"]["q-demo-provider"]["routing"] = {}
    error = client.refused("state.load", {"state": broken})
    paths = {p["path"]: p["problem"] for p in error["problems"]}
    assert paths["people.person-john.niss"] == "niss.checksum"
    assert paths["people.person-anne.email"] == "email.format"
    assert paths["enterprises.ent-demo"] == "state.rae_count"
    assert "le premier problème" in error["message"]


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_every_problem_of_a_refused_state_is_said_in_the_readers_language(client, lang):
    """Every fault code the checks can give has its words in each language, placeholders filled."""
    broken = client.ok("state.export")
    broken["roles"]["role-julien-rae"]["kind"] = "co_rae"
    broken["people"]["person-john"]["niss"] = "75461500999"
    error = client.refused("state.load", {"state": broken}, lang=lang)
    texts = [p["message"] for p in error["problems"]]
    assert texts and all(t and "{" not in t for t in texts)
    assert texts[0] in error["message"]
    codes = set(schema_codes()) | set(invariants.ENGLISH)
    for code in codes:
        text = messages.state_problem({"problem": code, "params": SAMPLE_PARAMS}, lang)
        assert text and "{" not in text and "state." not in text, (code, text)
    assert set(messages.STATE_PROBLEMS) >= codes


SAMPLE_PARAMS = {"expected": "string", "null": False, "max": 5, "min": 1, "choices": "a, b", "found": "9",
                 "entity": "person", "id": "x", "kind": "rae", "count": 2, "declaration": "drs", "other": "p"}


def schema_codes():
    import re
    from pathlib import Path

    source = Path(schema.__file__).read_text(encoding="utf-8") + Path(state.__file__).read_text(encoding="utf-8")
    return set(re.findall(r'"(state\.[a-z_]+)"', source))


def test_refused_import_leaves_state_unchanged(client):
    before = json.dumps(client.state, sort_keys=True)
    client.refused("state.load", {"state": {"schema": "something else"}})
    assert json.dumps(client.state, sort_keys=True) == before


def test_clear_passwords_cannot_be_imported(client):
    broken = client.ok("state.export")
    broken["people"]["person-julien"]["password"] = {"clear": DEMO_PASSWORD}
    error = client.refused("state.load", {"state": broken})
    assert ("people.person-julien.password", "state.password") in [(p["path"], p["problem"]) for p in error["problems"]]


def test_no_clear_password_anywhere_in_the_state(client):
    session = session_for(client, "gl")
    client.ok("user.add", {"person": {"niss": "85073003328", "name": "P", "first_name": "A", "email": "a@x.be",
                                      "username": "anpeeters85", "password": "Secret2024.x"}}, session)
    text = json.dumps(client.state)
    assert DEMO_PASSWORD not in text and "Secret2024.x" not in text


def test_failing_multi_step_command_changes_nothing(client):
    # quality.activate creates the quality, then fails on the GL's data: nothing must remain
    session = session_for(client, "rae")
    before = json.dumps(client.state, sort_keys=True)
    error = client.refused("quality.activate", {"type": "mandatary", "gl": {"niss": "85073003328", "name": "X",
                                                                            "first_name": "Y", "email": "not-an-email"}},
                           session)
    assert (error["field"], error["reason"]) == ("gl.email", "email.format")
    assert json.dumps(client.state, sort_keys=True) == before


def test_reset_to_each_dataset(client):
    assert client.ok("state.reset", {"dataset": "empty"})["people"] == 0
    assert client.ok("state.reset", {"dataset": "large", "users": 50})["roles"] > 50
    assert client.ok("state.reset", {"dataset": "demo"})["people"] == 16
    assert client.refused("state.reset", {"dataset": "large", "users": 0})["field"] == "users"


def test_demo_dataset_is_valid_deterministic_and_complete():
    first, second = demo(), demo()
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert state.problems(first) == []
    kinds_status = {(r["kind"], r["status"]) for r in first["roles"].values()}
    for kind in ("legal_rep", "rae", "co_rae", "gl", "co_gl", "user"):
        assert (kind, "active") in kinds_status
    for kind in ("co_rae", "co_gl", "user"):
        assert (kind, "blocked") in kinds_status
    assert 2 <= len(first["qualities"]) <= 3
    assert 14 <= len(first["people"]) <= 16
    assert any(p["niss"][2:4] >= "20" for p in first["people"].values())        # a BIS number
    assert any(p["niss"].startswith("0") for p in first["people"].values())      # born in 2000 or later
    assert any(e["created"] is None for e in first["enterprises"].values())      # one to register


def test_large_dataset_is_valid():
    data = large(users=2_000, seed=3)
    assert state.problems(data) == []
    assert sum(1 for r in data["roles"].values() if r["kind"] == "user") == 2_000


def test_quality_catalogue_has_the_required_types_in_every_language():
    names = {q["fr"] for q in catalogue.data()["qualities"]}
    assert names >= {"Employeur ONSS", "Prestataire de services (personne morale)",
                     "Prestataire de services (personne physique)", "Secrétariat Social Agréé", "Secrétariat Full Service",
                     "Prestataire de soins : hôpital", "Opérateur téléphonique", "Mandataire", "Curateur"}
    for q in catalogue.data()["qualities"]:
        assert all(q[lang] for lang in messages.LANGUAGES) and q["applications"]
        assert q["identifier"] in catalogue.data()["identifier_kinds"]
        assert set(q["applications"]) <= set(catalogue.applications())
    assert catalogue.data()["example_values"] is True


def test_a_state_saved_before_german_still_loads(client):
    """Outbox mails of a state saved when the engine spoke French and Dutch only have no German
    words: the state loads, and the mails keep what they had."""
    gl = session_for(client, "gl")
    client.ok("assignment.invite", {"email": "new.person@example.be", "applications": ["drs"]}, gl)
    saved = client.ok("state.export")
    assert all(set(m["subject"]) == set(messages.LANGUAGES) for m in saved["outbox"])
    for mail in saved["outbox"]:
        for part in ("subject", "body"):
            del mail[part]["de"]
    client.ok("state.load", {"state": saved})
    assert client.ok("state.export")["outbox"] == saved["outbox"]
    del saved["outbox"][0]["subject"]["nl"]
    error = client.refused("state.load", {"state": saved})
    assert error["code"] == "invalid_state"


def test_invariant_checker_catches_two_gls():
    data = demo()
    data["roles"]["role-willem-cogl"]["kind"] = "gl"
    assert any("2 GL instead of exactly one" in v for v in invariants.violations(data))


def test_malformed_nested_records_are_reported_not_crashed(client):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    base = client.ok("state.export")
    junk = st.none() | st.integers() | st.text(max_size=3) | st.lists(st.integers(), max_size=2) | st.just({})
    paths = [("qualities", "q-demo-employer", "routing"), ("qualities", "q-demo-employer", "channels"),
             ("qualities", "q-demo-employer", "procurations"), ("roles", "role-john-user", "applications"),
             ("roles", "role-john-user", "quality"), ("people", "person-john", "password"),
             ("invitations", "invitation-demo-1", "applications"), ("qualities", "q-demo-employer", "type"),
             ("roles", "role-john-user", "person"), ("sessions",), ("journal",)]

    @settings(max_examples=60, deadline=None)
    @given(path=st.sampled_from(paths), value=junk, nested=st.booleans())
    def check(path, value, nested):
        state = json.loads(json.dumps(base))
        target = state
        for key in path[:-1]:
            target = target[key]
        if nested and isinstance(target.get(path[-1]), dict) and target[path[-1]]:
            inner = target[path[-1]]
            inner[next(iter(inner))] = value
        else:
            target[path[-1]] = value
        response = client.run("state.load", {"state": state})
        assert response["ok"] or response["error"]["code"] == "invalid_state", response

    check()
