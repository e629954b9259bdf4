"""One test per right and per refusal the seeds state (seed 000: the User Management guide;
seed 004: "Ma gestion des rôles eGov"), played through the protocol on the demo dataset."""

from __future__ import annotations

import json

import pytest

from engine_helpers import PASSWORD, session_for

NEW_PERSON = {"niss": "85073003328", "name": "Peeters", "first_name": "An", "email": "an.peeters@example.be",
              "language": "nl", "username": "anpeeters85", "password": "Nieuw2024.x"}


def snapshot(client) -> str:
    return json.dumps(client.state, sort_keys=True)


# --- legal representative ----------------------------------------------------------------------
def test_legal_rep_registers_the_enterprise_and_designates_the_rae(client):
    sofie = client.state["people"]["person-sofie"]
    session = client.eid(sofie["niss"], "role-sofie-lr")
    data = client.ok("enterprise.register", {"email": "info@atelier-claes.be", "rae": {"self": True}}, session)
    assert data["rae"]["kind"] == "rae"
    assert data["enterprise"]["registered"]
    profiles = client.ok("session.profiles", {}, session)
    assert {p["kind"] for p in profiles} == {"legal_rep", "rae"}


def test_legal_rep_may_designate_someone_else_as_rae(client):
    session = client.eid(client.state["people"]["person-sofie"]["niss"], "role-sofie-lr")
    data = client.ok("enterprise.register", {"email": "info@atelier-claes.be", "rae": NEW_PERSON}, session)
    assert data["rae"]["person"]["niss"] == NEW_PERSON["niss"]
    assert client.ok("outbox.list", {"to": NEW_PERSON["email"]})[0]["kind"] == "rae_designated"
    # the new RAE logs in with the credentials given at designation
    assert client.ok("session.login", {"method": "password", "username": "anpeeters85", "password": "Nieuw2024.x"})


def test_new_enterprise_from_the_bce_is_registered_by_its_legal_rep(client):
    data = client.ok("bce.add_enterprise", {"number": "0403.019.261", "name": "Nouvelle SRL",
                                            "legal_representatives": [NEW_PERSON]})
    session = client.ok("session.login", {"method": "password", "username": "anpeeters85", "password": "Nieuw2024.x",
                                          "profile": data["legal_representatives"][0]})["session"]
    assert client.refused("quality.activate", {"type": "mandatary", "gl": {"self": True}}, session)["rule"] == "legal_rep_not_rae"
    client.ok("enterprise.register", {"email": "info@nouvelle.be", "rae": {"self": True}}, session)
    rae_role = next(r["id"] for r in client.state["roles"].values()
                    if r["kind"] == "rae" and r["enterprise"] == data["enterprise"])
    client.ok("session.choose_profile", {"profile": rae_role}, session)
    view = client.ok("enterprise.view", {}, session)
    assert [p["niss"] for p in view["legal_representatives"]] == [NEW_PERSON["niss"]]
    assert client.ok("quality.activate", {"type": "mandatary", "gl": {"self": True}}, session)


def test_legal_rep_designates_a_co_rae_when_registering(client):
    # Seed 004: the legal representative "can also designate themself RAE or designate a co-RAE".
    sofie = client.state["people"]["person-sofie"]
    session = client.eid(sofie["niss"], "role-sofie-lr")
    data = client.ok("enterprise.register", {"email": "info@atelier-claes.be", "rae": {"self": True},
                                             "co_rae": NEW_PERSON}, session)
    assert (data["rae"]["kind"], data["co_rae"]["kind"]) == ("rae", "co_rae")
    assert data["co_rae"]["person"]["niss"] == NEW_PERSON["niss"]
    assert client.ok("outbox.list", {"to": NEW_PERSON["email"]})[0]["kind"] == "co_rae_designated"
    kinds = {r["kind"] for r in client.state["roles"].values() if r["enterprise"] == data["enterprise"]["id"]}
    assert {"rae", "co_rae"} <= kinds


def test_the_rae_cannot_also_be_the_co_rae_at_registration(client):
    session = client.eid(client.state["people"]["person-sofie"]["niss"], "role-sofie-lr")
    before = snapshot(client)
    error = client.refused("enterprise.register", {"email": "info@atelier-claes.be", "rae": {"self": True},
                                                   "co_rae": {"self": True}}, session)
    assert (error["code"], error["field"]) == ("already_has_role", "co_rae")
    assert snapshot(client) == before


def test_after_registration_only_the_rae_adds_co_raes(client):
    error = client.refused("co_rae.add", {"person": NEW_PERSON}, session_for(client, "legal_rep"))
    assert (error["code"], error["rule"], error["instead"]) == ("forbidden", "co_rae_by_legal_rep_at_registration", ["rae"])


def test_registering_twice_is_refused_one_rae(client):
    session = client.eid(client.state["people"]["person-julien"]["niss"], "role-julien-lr")
    error = client.refused("enterprise.register", {"email": "x@demo-sa.be", "rae": {"self": True}}, session)
    assert (error["code"], error["rule"]) == ("already_registered", "one_rae")


def test_legal_rep_cannot_activate_a_quality(client):
    session = session_for(client, "legal_rep")
    error = client.refused("quality.activate", {"type": "mandatary", "gl": {"self": True}}, session)
    assert (error["code"], error["rule"]) == ("forbidden", "legal_rep_not_rae")
    assert error["instead"] == ["rae", "co_rae"]


def test_legal_rep_cannot_designate_a_gl(client):
    session = session_for(client, "legal_rep")
    error = client.refused("quality.designate_gl", {"quality": "q-demo-employer", "gl": {"self": True}}, session)
    assert (error["code"], error["rule"]) == ("forbidden", "legal_rep_not_rae")


def test_legal_rep_who_is_also_rae_activates_with_the_rae_profile(client):
    session = client.login("juliensimons", "role-julien-rae")
    data = client.ok("quality.activate", {"type": "mandatary", "gl": {"self": True}}, session)
    assert data["gl"]["person"]["id"] == "person-julien"


def test_legal_rep_cannot_manage_role_assignments(client):
    session = session_for(client, "legal_rep")
    error = client.refused("assignment.invite", {"email": "a@b.be", "applications": []}, session)
    assert error["rule"] == "assignments_by_local_manager"


# --- RAE -------------------------------------------------------------------------------------------
def test_rae_activates_a_quality_with_its_identifier_and_data(client):
    session = session_for(client, "rae")
    data = client.ok("quality.activate", {"type": "trustee", "gl": {"niss": client.state["people"]["person-marie"]["niss"]},
                                          "fields": {"bankrupt_enterprise_number": "0566.988.259",
                                                     "judgment_date": "2024-01-15"}}, session)
    quality = client.state["qualities"][data["quality"]["id"]]
    assert quality["identifier"] == "1234567894"  # the enterprise number, taken as is
    assert quality["fields"] == {"bankrupt_enterprise_number": "0566988259", "judgment_date": "2024-01-15"}


def test_activation_checks_the_onss_number_field_by_field(client):
    session = session_for(client, "rae")
    error = client.refused("quality.activate", {"type": "employer_onss", "identifier": "1122334-56",
                                                "gl": {"self": True}}, session)
    assert (error["code"], error["field"], error["reason"]) == ("invalid_field", "identifier", "onss_number.checksum")
    error = client.refused("quality.activate", {"type": "approved_social_secretariat", "gl": {"self": True}}, session)
    assert (error["code"], error["field"]) == ("missing_argument", "fields.approval_number")


def test_activating_the_same_quality_twice_is_refused(client):
    session = session_for(client, "rae")
    error = client.refused("quality.activate", {"type": "service_provider_legal", "gl": {"self": True}}, session)
    assert error["code"] == "quality_already_active"


def test_rae_designates_and_changes_the_gl(client):
    session = session_for(client, "rae")
    willem = client.state["people"]["person-willem"]
    data = client.ok("quality.designate_gl", {"quality": "q-demo-employer", "gl": {"niss": willem["niss"]}}, session)
    assert data["previous"]["id"] == "person-marie"
    kinds = {(r["person"], r["kind"]) for r in client.state["roles"].values() if r["quality"] == "q-demo-employer"}
    assert ("person-willem", "gl") in kinds and ("person-willem", "co_gl") not in kinds
    assert ("person-marie", "gl") not in kinds


def test_the_sitting_gl_is_known_beforehand_and_loses_the_role_in_the_same_command(client):
    session = session_for(client, "rae")
    sitting = client.ok("quality.view", {"quality": "q-demo-employer"}, session)["gl"]  # what the demo names
    before = snapshot(client)
    error = client.refused("quality.designate_gl", {"quality": "q-demo-employer", "gl": {**NEW_PERSON, "email": "x@"}},
                           session)
    assert (error["field"], error["reason"]) == ("gl.email", "email.format")
    assert snapshot(client) == before  # a refused designation leaves the sitting GL in place
    data = client.ok("quality.designate_gl", {"quality": "q-demo-employer", "gl": NEW_PERSON}, session)
    assert data["previous"]["id"] == sitting["id"]
    gls = [r["person"] for r in client.state["roles"].values() if r["kind"] == "gl" and r["quality"] == "q-demo-employer"]
    assert gls == [data["gl"]["person"]["id"]] and sitting["id"] not in gls
    assert client.ok("quality.view", {"quality": "q-demo-employer"}, session)["gl"]["niss"] == NEW_PERSON["niss"]


def test_gl_cannot_designate_a_gl(client):
    session = session_for(client, "gl")
    error = client.refused("quality.designate_gl", {"quality": "q-demo-employer", "gl": {"self": True}}, session)
    assert error["rule"] == "gl_designated_by_rae"


def test_rae_manages_co_raes(client):
    session = session_for(client, "rae")
    role = client.ok("co_rae.add", {"person": NEW_PERSON}, session)["id"]
    assert client.ok("co_rae.block", {"role": role}, session)["status"] == "blocked"
    assert client.ok("co_rae.unblock", {"role": role}, session)["status"] == "active"
    assert client.ok("co_rae.edit", {"role": role, "language": "fr"}, session)["language"] == "fr"
    assert client.ok("co_rae.reset_password", {"role": role, "password": "Autre2024.x"}, session)["password_changed"]
    assert client.ok("co_rae.delete", {"role": role}, session)["deleted"]
    assert role not in client.state["roles"]


def test_co_rae_adding_a_co_rae_is_refused_by_the_named_rule(client):
    session = session_for(client, "co_rae")
    before = snapshot(client)
    error = client.refused("co_rae.add", {"person": NEW_PERSON}, session)
    assert (error["code"], error["rule"], error["instead"]) == ("forbidden", "co_rae_cannot_manage_co_rae", ["rae"])
    assert snapshot(client) == before


@pytest.mark.parametrize("command", ["co_rae.block", "co_rae.unblock", "co_rae.delete"])
def test_co_rae_cannot_act_on_co_raes(client, command):
    session = session_for(client, "co_rae")
    error = client.refused(command, {"role": "role-jules-corae"}, session)
    assert error["rule"] == "co_rae_cannot_manage_co_rae"


def test_co_rae_has_the_other_rae_rights(client):
    session = session_for(client, "co_rae")
    assert client.ok("enterprise.view", {}, session)["number"] == "1234567894"
    assert client.ok("users.search", {"name": "smith"}, session)["total"] == 1  # John Smith, user
    assert client.ok("quality.activate", {"type": "mandatary", "gl": {"self": True}}, session)
    assert client.ok("users.search", {"name": "smith"}, session)["total"] == 2  # and Oscar, GL of the new quality


def test_rae_cannot_change_the_rae_contact_centre_does(client):
    session = session_for(client, "rae")
    error = client.refused("enterprise.change_rae", {"rae": NEW_PERSON}, session)
    assert (error["rule"], error["instead"]) == ("rae_change_via_contact_centre", ["contact_centre"])
    assert "02 511 51 51" in error["message"]
    nl = client.refused("enterprise.change_rae", {}, session, lang="nl")
    assert "Contactcenter" in nl["message"]


@pytest.mark.parametrize("role", ["legal_rep", "rae", "co_rae", "gl", "co_gl", "user"])
def test_nobody_changes_the_rae_in_the_application(client, role):
    error = client.refused("enterprise.change_rae", {}, session_for(client, role))
    assert error["rule"] == "rae_change_via_contact_centre"


def test_rae_searches_users_across_qualities(client):
    session = session_for(client, "rae")
    result = client.ok("users.search", {"page_size": 100}, session)
    qualities = {row["quality"] for row in result["items"]}
    assert qualities == {"q-demo-employer", "q-demo-provider"}  # not the bakery's
    assert client.ok("users.search", {"quality": "q-demo-provider", "application": "personnel_file"}, session)["total"] == 1


def test_rae_views_the_enterprise(client):
    data = client.ok("enterprise.view", {}, session_for(client, "rae"))
    assert data["rae"]["id"] == "person-julien"
    assert {q["id"] for q in data["qualities"]} == {"q-demo-employer", "q-demo-provider"}


def test_rae_manages_users_like_a_gl_in_every_quality(client):
    session = session_for(client, "rae")
    role = client.ok("user.add", {"quality": "q-demo-employer", "person": NEW_PERSON, "applications": ["drs"]}, session)
    assert role["applications"][0]["granted"] == "2024-03-04"
    assert client.ok("user.block", {"role": "role-lotte-user"}, session)["status"] == "blocked"


def test_rae_of_one_enterprise_cannot_touch_another(client):
    session = session_for(client, "rae")
    error = client.refused("user.block", {"role": "role-caterina-user2"}, session)
    assert (error["code"], error["rule"]) == ("out_of_scope", "outside_enterprise")
    error = client.refused("users.list", {"quality": "q-bakery-employer"}, session)
    assert error["rule"] == "outside_enterprise"


# Seed 000 §1.1.2: the RAE's rights "similar to the local manager" (co-GLs at a quality's level,
# technical user, the quality's data); §2, margin of illustration 3: an RAE who selects a quality
# gets the local manager's menu, which holds the Routing Module (illustration 17). The lexicon gives
# the co-RAE the RAE's rights except on co-RAEs.
@pytest.mark.parametrize("role", ["rae", "co_rae"])
def test_enterprise_manager_manages_the_co_gls_of_a_quality(client, role):
    session = session_for(client, role)
    added = client.ok("co_gl.add", {"quality": "q-demo-employer", "person": NEW_PERSON}, session)
    assert (added["kind"], added["quality"]["id"]) == ("co_gl", "q-demo-employer")
    assert client.ok("co_gl.block", {"role": "role-willem-cogl"}, session)["status"] == "blocked"
    assert client.ok("co_gl.unblock", {"role": "role-willem-cogl"}, session)["status"] == "active"
    assert client.ok("co_gl.edit", {"role": added["id"], "language": "fr"}, session)["language"] == "fr"
    assert client.ok("co_gl.reset_password", {"role": added["id"], "password": "Autre2024.x"}, session)["password_changed"]
    assert client.ok("co_gl.delete", {"role": added["id"]}, session)["deleted"]
    assert added["id"] not in client.state["roles"]


@pytest.mark.parametrize("role", ["rae", "co_rae"])
def test_enterprise_manager_needs_to_name_the_quality_of_a_new_co_gl(client, role):
    error = client.refused("co_gl.add", {"person": NEW_PERSON}, session_for(client, role))
    assert (error["code"], error["field"]) == ("missing_argument", "quality")


@pytest.mark.parametrize("role", ["rae", "co_rae"])
def test_enterprise_manager_keeps_the_routing_module_of_a_quality(client, role):
    session = session_for(client, role)
    routing = client.ok("routing.view", {"quality": "q-demo-employer"}, session)
    assert routing["routing"][0]["declaration"] == "drs"
    channel = client.ok("batch_channel.register", {"quality": "q-demo-employer", "kind": "ftp", "address": "ftp.demo-sa.be"},
                        session)["id"]
    data = client.ok("routing.edit", {"quality": "q-demo-employer", "declaration": "drs", "recipient": "enterprise",
                                      "channel": channel}, session)
    assert data["routing"][0]["channel"] == channel


@pytest.mark.parametrize("role", ["rae", "co_rae"])
def test_enterprise_manager_designates_the_technical_user_and_edits_the_quality(client, role):
    session = session_for(client, role)
    data = client.ok("technical_user.designate", {"role": "role-john-user"}, session)
    assert data["technical_user"]["role"] == "role-john-user"
    edited = client.ok("quality.edit", {"quality": "q-demo-employer", "email": "rh@demo-sa.be"}, session)
    assert edited["email"] == "rh@demo-sa.be"


@pytest.mark.parametrize(("command", "args"), [
    ("co_gl.add", {"quality": "q-bakery-employer", "person": NEW_PERSON}),
    ("routing.view", {"quality": "q-bakery-employer"}),
    ("routing.edit", {"quality": "q-bakery-employer", "declaration": "drs", "recipient": "enterprise", "channel": "ebox"}),
    ("batch_channel.register", {"quality": "q-bakery-employer", "kind": "ftp", "address": "ftp.example.be"}),
])
def test_enterprise_manager_stays_inside_the_enterprise(client, command, args):
    session = session_for(client, "rae")
    before = snapshot(client)
    error = client.refused(command, args, session)
    assert (error["code"], error["rule"]) == ("out_of_scope", "outside_enterprise")
    assert snapshot(client) == before


@pytest.mark.parametrize("command", ["co_gl.block", "co_gl.unblock", "co_gl.delete", "co_gl.edit", "co_gl.reset_password"])
def test_a_co_gl_never_manages_co_gls(client, command):
    error = client.refused(command, {"role": "role-willem-cogl"}, session_for(client, "co_gl"))
    assert (error["code"], error["rule"]) == ("forbidden", "co_gl_cannot_manage_co_gl")
    assert error["instead"] == ["rae", "co_rae", "gl"]


# --- GL and co-GL ------------------------------------------------------------------------------------
def test_gl_manages_co_gls(client):
    session = session_for(client, "gl")
    role = client.ok("co_gl.add", {"person": NEW_PERSON}, session)["id"]
    for command, key, value in [("co_gl.block", "status", "blocked"), ("co_gl.unblock", "status", "active")]:
        assert client.ok(command, {"role": role}, session)[key] == value
    assert client.ok("co_gl.edit", {"role": role, "email": "an@example.be"}, session)["email"] == "an@example.be"
    assert client.ok("co_gl.reset_password", {"role": role, "password": "Autre2024.x"}, session)
    assert client.ok("co_gl.delete", {"role": role}, session)["deleted"]


def test_co_gl_cannot_designate_a_co_gl(client):
    error = client.refused("co_gl.add", {"person": NEW_PERSON}, session_for(client, "co_gl"))
    assert (error["code"], error["rule"], error["instead"]) == ("forbidden", "co_gl_cannot_manage_co_gl",
                                                                 ["rae", "co_rae", "gl"])


def test_gl_registers_a_user_and_grants_applications(client):
    session = session_for(client, "gl")
    role = client.ok("user.add", {"person": NEW_PERSON, "applications": ["drs", "belcotax"]}, session)
    assert [a["id"] for a in role["applications"]] == ["drs", "belcotax"]
    data = client.ok("user.grant_application", {"role": role["id"], "grant": ["dmfa_modification"], "withdraw": ["belcotax"]},
                     session)
    assert {a["id"]: a["granted"] for a in data["applications"]} == {"drs": "2024-03-04", "dmfa_modification": "2024-03-04"}


def test_gl_cannot_grant_an_application_of_another_quality(client):
    error = client.refused("user.grant_application", {"role": "role-john-user", "grant": ["tts"]}, session_for(client, "gl"))
    assert (error["code"], error["field"]) == ("unknown_application", "grant")


def test_gl_changes_language_and_emails_blocks_unblocks_deletes(client):
    session = session_for(client, "gl")
    person = client.ok("user.edit", {"role": "role-john-user", "language": "nl", "local_email": "js@demo-sa.be"}, session)
    assert (person["language"], person["local_email"]) == ("nl", "js@demo-sa.be")
    assert client.ok("user.unblock", {"role": "role-thomas-user"}, session)["status"] == "active"
    assert client.ok("user.block", {"role": "role-thomas-user"}, session)["status"] == "blocked"
    assert client.ok("user.delete", {"role": "role-emma-user"}, session)["deleted"]


def test_gl_of_one_quality_cannot_touch_a_user_of_another(client):
    session = session_for(client, "gl")
    before = snapshot(client)
    error = client.refused("user.block", {"role": "role-lotte-user"}, session)
    assert (error["code"], error["rule"]) == ("out_of_scope", "outside_quality")
    error = client.refused("users.list", {"quality": "q-demo-provider"}, session)
    assert error["rule"] == "outside_quality"
    assert snapshot(client) == before


def test_gl_searches_only_its_quality(client):
    result = client.ok("users.search", {"page_size": 100}, session_for(client, "gl"))
    assert {row["quality"] for row in result["items"]} == {"q-demo-employer"}
    assert client.ok("users.list", {"status": "blocked"}, session_for(client, "gl"))["total"] == 2


def test_users_list_pages(client):
    session = session_for(client, "gl")
    page1 = client.ok("users.list", {"page_size": 3}, session)
    page3 = client.ok("users.list", {"page_size": 3, "page": 3}, session)
    assert page1["total"] == 8 and page1["pages"] == 3 and len(page1["items"]) == 3 and len(page3["items"]) == 2
    names = [row["name"] for row in page1["items"]]
    assert names == sorted(names, key=str.casefold)


def test_gl_designates_the_technical_user(client):
    session = session_for(client, "gl")
    data = client.ok("technical_user.designate", {"role": "role-john-user"}, session)
    assert data["technical_user"]["role"] == "role-john-user"
    error = client.refused("technical_user.designate", {"role": "role-willem-cogl"}, session)
    assert error["code"] == "wrong_target"


def test_gl_edits_the_quality(client):
    session = session_for(client, "gl")
    assert client.ok("quality.edit", {"email": "rh@demo-sa.be"}, session)["email"] == "rh@demo-sa.be"
    error = client.refused("quality.edit", {"email": "rh@"}, session)
    assert (error["field"], error["reason"]) == ("email", "email.format")


def test_routing_module_rules(client):
    session = session_for(client, "gl")
    routing = client.ok("routing.view", {}, session)
    assert routing["routing"][0]["declaration"] == "drs"
    data = client.ok("routing.edit", {"declaration": "drs", "recipient": "mandatary", "procuration": "procuration-1"}, session)
    assert data["routing"][0]["recipient"]["mandatary_name"] == "Secrétariat social Exemple ASBL"
    error = client.refused("routing.edit", {"declaration": "drs", "recipient": "mandatary", "procuration": "procuration-1",
                                            "channel": "ebox"}, session)
    assert error["code"] == "channel_chosen_by_mandatary"
    error = client.refused("routing.edit", {"declaration": "drs", "recipient": "enterprise", "channel": "channel-9"}, session)
    assert error["code"] == "channel_not_registered"
    channel = client.ok("batch_channel.register", {"kind": "isabel", "address": "isabel:demo"}, session)["id"]
    data = client.ok("routing.edit", {"declaration": "drs", "recipient": "enterprise", "channel": channel}, session)
    assert data["routing"][0]["channel"] == channel
    error = client.refused("routing.edit", {"declaration": "dmfa", "recipient": "enterprise", "channel": "ebox"}, session)
    assert error["code"] == "unknown_declaration"


def test_co_gl_has_the_gl_rights_except_co_gls(client):
    session = session_for(client, "co_gl")
    assert client.ok("user.add", {"person": NEW_PERSON}, session)
    assert client.ok("routing.view", {}, session)
    assert client.ok("technical_user.designate", {"role": "role-john-user"}, session)
    assert client.refused("co_gl.delete", {"role": "role-nadia-cogl"}, session)["rule"] == "co_gl_cannot_manage_co_gl"


# --- every account -----------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["legal_rep", "rae", "co_rae", "gl", "co_gl", "user"])
def test_every_account_consults_its_own_data(client, role):
    data = client.ok("account.view", {}, session_for(client, role))
    assert "password" not in data["person"]
    assert data["roles"]


def test_every_account_changes_its_password(client):
    session = client.login("caterinamartini", "role-caterina-user")
    error = client.refused("account.change_password", {"current": "wrong1234.", "new": "Nouveau24.x", "confirmation": "Nouveau24.x"},
                           session)
    assert error["code"] == "wrong_password"
    error = client.refused("account.change_password", {"current": PASSWORD, "new": "Nouveau24.x", "confirmation": "Nouveau24.y"},
                           session)
    assert error["code"] == "confirmation_mismatch"
    error = client.refused("account.change_password", {"current": PASSWORD, "new": "court", "confirmation": "court"}, session)
    assert (error["field"], error["reason"]) == ("new", "password.length")
    client.ok("account.change_password", {"current": PASSWORD, "new": "Nouveau24.x", "confirmation": "Nouveau24.x"}, session)
    assert client.ok("session.login", {"method": "password", "username": "caterinamartini", "password": "Nouveau24.x"})
    assert client.refused("session.login", {"method": "password", "username": "caterinamartini", "password": PASSWORD})


def test_eid_only_account_creates_username_and_password(client):
    session = client.eid(client.state["people"]["person-emma"]["niss"], "role-emma-user")
    error = client.refused("account.change_password", {"new": "Wouters03.x", "confirmation": "Wouters03.x"}, session)
    assert error["field"] == "username"
    client.ok("account.change_password", {"new": "Wouters03.x", "confirmation": "Wouters03.x", "username": "emmawouters"}, session)
    assert client.ok("session.login", {"method": "password", "username": "emmawouters", "password": "Wouters03.x"})


def test_every_account_edits_personal_data(client):
    session = session_for(client, "user")
    data = client.ok("account.edit", {"language": "nl", "email": "c.martini@example.be"}, session)
    assert (data["language"], data["email"], data["modified"]) == ("nl", "c.martini@example.be", "2024-03-04")
    error = client.refused("account.edit", {"language": "it"}, session)
    assert (error["field"], error["reason"]) == ("language", "choice.unknown")


def test_every_account_loads_a_certificate(client):
    session = session_for(client, "user")
    data = client.ok("account.upload_certificate", {"subject": "CN=Caterina Martini", "valid_from": "2024-01-01",
                                                    "valid_until": "2027-01-01", "issuer": "CN=Example CA"}, session)
    assert data["valid_until"] == "2027-01-01"
    error = client.refused("account.upload_certificate", {"subject": "CN=x", "valid_from": "2020-01-01",
                                                          "valid_until": "2021-01-01"}, session)
    assert error["code"] == "certificate_expired"


# --- reach -------------------------------------------------------------------------------------------------
def test_reach_rules(client):
    profiles = {p["id"]: p for p in client.ok("session.login", {"method": "password", "username": "juliensimons",
                                                                "password": PASSWORD})["profiles"]}
    assert profiles["role-julien-rae"]["reach"]["applications"] == []  # User Management only
    assert profiles["role-julien-rae"]["reach"]["user_management"]
    assert {a["id"] for a in profiles["role-julien-gl"]["reach"]["applications"]} == {
        "mandatory_declaration", "paperless_customs", "personnel_file"}
    caterina = client.ok("session.login", {"method": "password", "username": "caterinamartini", "password": PASSWORD})
    user = next(p for p in caterina["profiles"] if p["id"] == "role-caterina-user")
    assert {a["id"] for a in user["reach"]["applications"]} == {"drs", "dmfa_modification"}


# --- profiles and blocked accounts ------------------------------------------------------------------------
def test_one_person_several_roles_in_several_enterprises_picks_a_profile(client):
    data = client.ok("session.login", {"method": "password", "username": "caterinamartini", "password": PASSWORD})
    enterprises = {p["enterprise"]["id"] for p in data["profiles"]}
    assert enterprises == {"ent-demo", "ent-bakery"}
    assert data["profile"] is None
    assert client.refused("users.list", {}, data["session"])["code"] == "profile_required"
    client.ok("session.choose_profile", {"profile": "role-caterina-cogl"}, data["session"])
    assert client.ok("users.list", {}, data["session"])["total"] == 4


def test_cannot_choose_someone_elses_profile(client):
    session = client.login("caterinamartini")
    assert client.refused("session.choose_profile", {"profile": "role-julien-rae"}, session)["code"] == "not_your_profile"


def test_blocked_account_cannot_log_in(client):
    for args in ({"method": "password", "username": "thomaslaudot", "password": PASSWORD},
                 {"method": "eid", "niss": client.state["people"]["person-thomas"]["niss"]}):
        error = client.refused("session.login", args)
        assert (error["code"], error["rule"]) == ("account_blocked", "blocked_cannot_act")


def test_blocked_profile_cannot_be_chosen(client):
    data = client.ok("session.login", {"method": "password", "username": "heleneleroy", "password": PASSWORD})
    selectable = {p["id"]: p["selectable"] for p in data["profiles"]}
    assert selectable == {"role-helene-user": False, "role-helene-user2": True}
    assert client.refused("session.choose_profile", {"profile": "role-helene-user"}, data["session"])["code"] == "profile_blocked"


def test_blocked_account_cannot_act_even_with_an_open_session(client):
    user = session_for(client, "co_gl")  # Willem, co-GL
    client.ok("co_gl.block", {"role": "role-willem-cogl"}, session_for(client, "gl"))
    before = snapshot(client)
    error = client.refused("users.list", {}, user)
    assert error["code"] == "account_blocked"
    assert client.refused("account.edit", {"language": "fr"}, user)["code"] == "account_blocked"
    assert snapshot(client) == before


def test_blocked_profile_cannot_act_while_another_profile_is_fine(client):
    session = client.login("caterinamartini", "role-caterina-user")
    client.ok("user.block", {"role": "role-caterina-user"}, session_for(client, "gl"))
    assert client.refused("account.view", {}, session)["code"] == "profile_blocked"
    client.ok("session.choose_profile", {"profile": "role-caterina-cogl"}, session)
    assert client.ok("account.view", {}, session)


def test_wrong_password_and_unknown_user_say_the_same(client):
    a = client.refused("session.login", {"method": "password", "username": "juliensimons", "password": "Wrong2024.x"})
    b = client.refused("session.login", {"method": "password", "username": "nobodyhere", "password": "Wrong2024.x"})
    assert a["message"] == b["message"]


def test_eid_only_account_cannot_use_a_password(client):
    # Anne Dubois has no username; Emma has none either: password login needs a username
    assert client.refused("session.login", {"method": "password", "username": "emmawouters", "password": PASSWORD})["code"] \
        == "bad_credentials"


def test_logout_closes_the_session(client):
    session = session_for(client, "user")
    client.ok("session.logout", {}, session)
    assert client.refused("account.view", {}, session)["code"] == "not_logged_in"


# --- role assignments (seed 004) ----------------------------------------------------------------------------
def test_manager_invites_by_email_and_the_person_accepts(client):
    session = session_for(client, "gl")
    invitation = client.ok("assignment.invite", {"email": "an.peeters@example.be", "applications": ["drs"]}, session)
    mail = client.ok("outbox.list", {"to": "an.peeters@example.be"})[0]
    assert invitation["code"] in mail["body"]["fr"] and invitation["code"] in mail["body"]["nl"]
    newcomer = client.ok("session.login", {"method": "eid", "niss": "85073003328", "name": "Peeters", "first_name": "An"})
    assert newcomer["profiles"] == []
    role = client.ok("assignment.accept", {"code": invitation["code"].lower()}, newcomer["session"])
    assert (role["kind"], role["email"]) == ("user", "an.peeters@example.be")
    again = client.refused("assignment.accept", {"code": invitation["code"]}, newcomer["session"])
    assert again["code"] == "invitation_unusable"


def test_invitation_restricted_to_one_niss(client):
    session = session_for(client, "gl")
    inv = client.ok("assignment.invite", {"email": "x@example.be", "applications": [], "niss": "17073003384"}, session)
    other = client.ok("session.login", {"method": "eid", "niss": "85073003328", "name": "A", "first_name": "B"})["session"]
    assert client.refused("assignment.accept", {"code": inv["code"]}, other)["code"] == "invitation_for_someone_else"


def test_manager_publishes_a_link_used_by_several_people(client):
    session = session_for(client, "gl")
    link = client.ok("assignment.publish_link", {"applications": ["drs"]}, session)
    for niss in ("85073003328", "17073003384"):
        other = client.ok("session.login", {"method": "eid", "niss": niss, "name": "A", "first_name": "B"})["session"]
        client.ok("assignment.accept", {"code": link["code"]}, other)
    assert client.state["invitations"][link["id"]]["uses"] == 2
    client.ok("assignment.withdraw", {"invitation": link["id"]}, session)
    third = client.ok("session.login", {"method": "eid", "niss": "98472899765", "name": "C", "first_name": "D"})["session"]
    assert client.refused("assignment.accept", {"code": link["code"]}, third)["code"] == "invitation_unusable"


def test_expired_invitation_is_refused(client):
    client.state["invitations"]["invitation-demo-1"]["expires"] = "2024-01-01"
    other = client.ok("session.login", {"method": "eid", "niss": "85073003328", "name": "A", "first_name": "B"})["session"]
    error = client.refused("assignment.accept", {"code": "DEMO-INVI-TE01"}, other)
    assert error["code"] == "invitation_unusable" and error["message"].endswith("elle a expiré.")


def test_manager_assigns_directly(client):
    role = client.ok("assignment.assign", {"person": {"niss": client.state["people"]["person-lotte"]["niss"]},
                                           "applications": ["drs"]}, session_for(client, "gl"))
    assert role["person"]["id"] == "person-lotte"


@pytest.mark.parametrize("role", ["legal_rep", "rae", "co_rae", "gl", "co_gl", "user"])
def test_nobody_requests_a_role_for_themselves(client, role):
    error = client.refused("assignment.request", {}, session_for(client, role))
    assert (error["rule"], error["instead"]) == ("assignment_by_invitation_only", ["gl", "co_gl"])


def test_person_without_profile_cannot_request_a_role_either(client):
    session = client.ok("session.login", {"method": "eid", "niss": "85073003328", "name": "A", "first_name": "B"})["session"]
    assert client.refused("assignment.request", {}, session)["rule"] == "assignment_by_invitation_only"


def test_rae_does_not_manage_role_assignments(client):
    error = client.refused("assignment.invite", {"email": "a@b.be", "applications": []}, session_for(client, "rae"))
    assert (error["rule"], error["instead"]) == ("assignments_by_local_manager", ["gl", "co_gl"])


def test_user_lists_own_assignments(client):
    roles = client.ok("assignment.list_own", {}, client.login("caterinamartini"))
    assert {r["id"] for r in roles} == {"role-caterina-user", "role-caterina-user2", "role-caterina-cogl"}


def test_user_asks_to_deactivate_a_role(client):
    session = client.login("caterinamartini", "role-caterina-cogl")
    client.ok("assignment.request_deactivation", {"role": "role-caterina-user2"}, session)
    assert "role-caterina-user2" not in client.state["roles"]
    mail = client.ok("outbox.list", {"to": "pieter.janssens@bakkerij-peeters.be"})[0]
    assert mail["kind"] == "deactivation_request"


def test_rae_role_is_not_deactivated_on_request(client):
    session = session_for(client, "rae")
    error = client.refused("assignment.request_deactivation", {"role": "role-julien-rae"}, session)
    assert (error["code"], error["rule"]) == ("deactivation_not_possible", "rae_change_via_contact_centre")


def test_cannot_deactivate_someone_elses_role(client):
    error = client.refused("assignment.request_deactivation", {"role": "role-john-user"}, session_for(client, "user"))
    assert (error["code"], error["rule"]) == ("out_of_scope", "not_own_account")


def test_user_changes_the_email_of_several_roles(client):
    session = client.login("caterinamartini", "role-caterina-user")
    client.ok("assignment.change_email", {"roles": ["role-caterina-user", "role-caterina-user2"], "email": "cm@example.be"},
              session)
    assert client.state["roles"]["role-caterina-user2"]["email"] == "cm@example.be"
    assert client.state["roles"]["role-caterina-cogl"]["email"] != "cm@example.be"
    error = client.refused("assignment.change_email", {"roles": ["role-caterina-user", "role-john-user"], "email": "x@y.be"},
                           session)
    assert error["rule"] == "not_own_account"
    assert client.state["roles"]["role-caterina-user"]["email"] == "cm@example.be"  # refused: nothing changed


# --- journal --------------------------------------------------------------------------------------------------
def test_journal_records_who_profile_what_whom_when(client):
    session = session_for(client, "gl")
    client.ok("user.block", {"role": "role-john-user"}, session)
    entry = client.state["journal"][-1]
    assert entry["command"] == "user.block"
    assert entry["actor"] == {"person": "person-marie", "name": "Marie Lambert"}
    assert entry["profile"]["role"] == "role-marie-gl"
    assert entry["target"]["person"] == "person-john" and entry["target"]["role"] == "role-john-user"
    assert entry["at"].startswith("2024-03-04T")
