"""The policy table drives the engine: every (role, action) pair of the table is checked through
the protocol, so the table the site prints and the engine's behaviour cannot differ."""

from __future__ import annotations

import pytest

from egov_roles import policy
from egov_roles.commands import COMMANDS

from engine_helpers import PROFILES, Client, engine_sources, make_engine, session_for

# The shared vocabulary of /work/notes/actions.md: guide pages call who_may() with these ids.
GUIDE_ACTIONS = """
enterprise.register enterprise.view enterprise.change_rae quality.activate quality.designate_gl
co_rae.add co_rae.block co_rae.unblock co_rae.delete co_rae.edit co_rae.reset_password users.search
users.list user.add user.block user.unblock user.delete user.edit user.reset_password user.grant_application
co_gl.add co_gl.block co_gl.unblock co_gl.delete co_gl.edit co_gl.reset_password quality.view quality.edit
technical_user.designate routing.view routing.edit batch_channel.register
account.view account.edit account.change_password account.upload_certificate
assignment.invite assignment.assign assignment.publish_link assignment.request
assignment.list_own assignment.request_deactivation assignment.change_email
""".split()


def test_every_guide_action_exists_in_the_policy():
    assert not set(GUIDE_ACTIONS) - set(policy.action_ids())


def test_every_policy_action_has_its_command_and_back():
    governed = {c.action for c in COMMANDS.values() if c.action}
    assert governed == set(policy.action_ids())
    for name, cmd in COMMANDS.items():
        if cmd.action:
            assert cmd.name == cmd.action, name


def test_rows_cover_every_action_and_role_with_both_languages():
    rows = policy.rows()
    assert len(rows) == len(policy.action_ids()) * len(policy.ROLE_ORDER)
    for row in rows:
        assert row["explanation"]["fr"] and row["explanation"]["nl"]
        assert (row["scope"] is not None) == row["allowed"]


def _session(client: Client, role: str) -> str:
    if role == "person":
        # someone known only by their eID, without any role yet
        return client.ok("session.login", {"method": "eid", "niss": "85073003328", "name": "Nieuw", "first_name": "Iemand"})["session"]
    return session_for(client, role)


ROLES = [*PROFILES, "person"]


@pytest.mark.parametrize("role", ROLES)
def test_engine_decides_as_the_table_says(role):
    client = Client(make_engine())
    session = _session(client, role)
    for action in policy.action_ids():
        decision = policy.decide(role, action)
        response = client.run(action, {}, session)
        code = None if response["ok"] else response["error"]["code"]
        if decision.allowed:
            assert code not in ("forbidden", "profile_required"), (role, action, response)
        elif role == "person" and decision.rule == policy.DEFAULT_RULE:
            assert code == "profile_required", (role, action, response)
        else:
            error = response["error"]
            assert (error["code"], error["rule"]) == ("forbidden", decision.rule), (role, action, response)
            assert error["instead"] == list(decision.instead)
            assert error["message"] == policy.explanation(decision.rule, "fr")


def test_refusal_message_in_dutch_is_the_rule_explanation():
    client = Client(make_engine())
    session = session_for(client, "co_rae")
    error = client.refused("co_rae.add", {"person": {"niss": "85073003328"}}, session, lang="nl")
    assert error["message"] == policy.explanation("co_rae_cannot_manage_co_rae", "nl")


def test_inconsistent_table_is_refused(monkeypatch):
    from egov_roles import resources

    broken = resources.load_json("policy")
    broken = {**broken, "actions": broken["actions"] + [{"id": "x.y", "level": "quality", "fr": "x", "nl": "x",
                                                          "rule": "no_such_rule", "allow": {"wizard": "galaxy"},
                                                          "deny": {}}]}
    monkeypatch.setattr(policy, "load_json", lambda name: broken)
    policy._checked.cache_clear()
    try:
        with pytest.raises(ValueError, match="unknown rule no_such_rule.*unknown role wizard.*unknown scope galaxy"):
            policy.data()
    finally:
        monkeypatch.undo()
        policy._checked.cache_clear()
        policy.data()


def test_every_rule_still_decides_something():
    """A rule no action names and no command raises is dead text: it would be printed nowhere or,
    worse, in a note that no longer matches the engine."""
    table = policy.data()
    named = {a["rule"] for a in table["actions"]} | {r for a in table["actions"] for r in a["deny"].values()}
    sources = engine_sources()
    unused = [rule for rule in table["rules"] if rule not in named and f'"{rule}"' not in sources]
    assert not unused


# An allowed profile and the arguments that make each designating action give every role it names.
DESIGNATIONS = {
    "enterprise.register": ("person-sofie", "role-sofie-lr",
                            {"email": "info@atelier-claes.be", "rae": {"self": True},
                             "co_rae": {"niss": "85073003328", "name": "Peeters", "first_name": "An",
                                        "email": "an.peeters@example.be"}}),
    "quality.activate": ("person-julien", "role-julien-rae", {"type": "mandatary", "gl": {"self": True}}),
    "quality.designate_gl": ("person-julien", "role-julien-rae", {"quality": "q-demo-employer", "gl": {"self": True}}),
}


def test_designating_actions_are_listed():
    assert {a["id"] for a in policy.data()["actions"] if "designates" in a} == set(DESIGNATIONS)


@pytest.mark.parametrize("action", sorted(DESIGNATIONS))
def test_an_action_gives_the_roles_its_entry_says_it_designates(action):
    """The table's `designates` (checked by the wizard's claims) is what the command does."""
    client = Client(make_engine())
    person, profile, args = DESIGNATIONS[action]
    session = client.eid(client.state["people"][person]["niss"], profile)
    before = set(client.state["roles"])
    client.ok(action, args, session)
    created = {client.state["roles"][r]["kind"] for r in set(client.state["roles"]) - before}
    assert created == set(policy.action(action)["designates"])
