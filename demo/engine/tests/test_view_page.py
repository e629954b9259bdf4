"""session.view_page: the journal's note that a detail page was opened (the demo's guided tours
tick "look at the enterprise" or "look at the quality" from it). Allowed and refused exactly as
reading the page's data is, through the policy table; atomic and journaled like any command."""

from __future__ import annotations

import pytest

from egov_roles import policy
from egov_roles.commands.session import PAGES

from engine_helpers import PROFILES, Client, make_engine, session_for


def last_entry(client: Client) -> dict:
    return client.ok("journal.list", {"limit": 1})[0]


@pytest.mark.parametrize("role", list(PROFILES))
@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_follows_the_policy_of_its_data(role, page):
    client = Client(make_engine())
    session = session_for(client, role)
    before = len(client.state["journal"])
    decision = policy.decide(role, PAGES[page])
    # The quality page of the employer quality: every demo profile's enterprise holds it, and it is
    # the local managers' own quality (an RAE has no quality of its own and names it).
    args = {"page": page, "quality": "q-demo-employer"} if page == "quality" else {"page": page}
    response = client.run("session.view_page", args, session)
    if decision.allowed:
        assert response["ok"], response
        entry = last_entry(client)
        assert entry["command"] == "session.view_page"
        assert entry["effect"] == "read"
        assert entry["profile"]["kind"] == role
        assert entry["target"]["page"] == page
        profile = client.state["roles"][PROFILES[role][1]]
        assert entry["target"]["enterprise"] == profile["enterprise"]
        if page == "quality":
            assert entry["target"]["quality"] == "q-demo-employer"
        assert len(client.state["journal"]) == before + 1
    else:
        assert not response["ok"]
        assert response["error"]["code"] == "forbidden"
        assert response["error"]["rule"] == decision.rule
        assert len(client.state["journal"]) == before


def test_rae_notes_a_quality_of_the_enterprise_not_of_another(client):
    session = session_for(client, "rae")
    client.ok("session.view_page", {"page": "quality", "quality": "q-demo-provider"}, session)
    assert last_entry(client)["target"] == {"enterprise": "ent-demo", "quality": "q-demo-provider", "page": "quality"}
    before = client.ok("state.export")
    error = client.refused("session.view_page", {"page": "quality", "quality": "q-bakery-employer"}, session)
    assert (error["code"], error["rule"]) == ("out_of_scope", "outside_enterprise")
    assert client.ok("state.export") == before


def test_gl_cannot_note_another_quality(client):
    session = session_for(client, "gl")
    error = client.refused("session.view_page", {"page": "quality", "quality": "q-demo-provider"}, session)
    assert (error["code"], error["rule"]) == ("out_of_scope", "outside_quality")


def test_without_profile_or_session_nothing_is_noted(client):
    error = client.refused("session.view_page", {"page": "enterprise"})
    assert error["code"] == "not_logged_in"
    niss = client.state["people"]["person-julien"]["niss"]
    session = client.eid(niss)  # several profiles: none chosen yet
    before = len(client.state["journal"])
    error = client.refused("session.view_page", {"page": "enterprise"}, session)
    assert error["code"] == "profile_required"
    assert len(client.state["journal"]) == before


def test_blocked_profile_and_bad_arguments_are_refused(client):
    session = session_for(client, "rae")
    assert client.refused("session.view_page", {"page": "journal"}, session)["reason"] == "choice.unknown"
    assert client.refused("session.view_page", {"page": "enterprise", "quality": "q-demo-employer"},
                          session)["field"] == "quality"
    # Oscar's co-RAE profile blocked by the RAE while his session is open.
    oscar = session_for(client, "co_rae")
    client.ok("co_rae.block", {"role": "role-oscar-corae"}, session)
    assert client.refused("session.view_page", {"page": "enterprise"}, oscar)["code"] == "account_blocked"
