"""Data the demo's management screens read: one user's row by its role (the edit screens), the
row's e-mails, title and grant dates, and the invitation mail's code kept beside its text (the
mailbox's "accept" button)."""

from __future__ import annotations

from engine_helpers import Client, make_engine


def test_users_list_finds_one_role_with_its_emails_and_grant_dates():
    client = Client(make_engine())
    session = client.login("marielambert", "role-marie-gl")
    found = client.ok("users.list", {"role": "role-caterina-user"}, session)
    assert found["total"] == 1
    row = found["items"][0]
    assert row["role"] == "role-caterina-user"
    assert row["email"] == row["role_email"] == "caterina.martini@demo-sa.be"
    assert row["title"] == "Mme" and row["local_email"] is None
    assert row["granted"] == {"drs": "2019-01-15", "dmfa_modification": "2019-01-15"}
    assert row["applications"] == ["drs", "dmfa_modification"]
    # A role of another quality is not found from this quality, and no other filter is weakened.
    assert client.ok("users.list", {"role": "role-lotte-user"}, session)["total"] == 0
    assert client.ok("users.list", {"role": "role-caterina-user", "status": "blocked"}, session)["total"] == 0


def test_users_search_by_role_stays_in_the_enterprise():
    client = Client(make_engine())
    session = client.login("juliensimons", "role-julien-rae")
    assert client.ok("users.search", {"role": "role-lotte-user"}, session)["total"] == 1
    assert client.ok("users.search", {"role": "role-caterina-user2"}, session)["total"] == 0  # the bakery's


def test_invitation_mail_carries_its_code():
    client = Client(make_engine())
    session = client.login("marielambert", "role-marie-gl")
    invitation = client.ok("assignment.invite", {"email": "new.colleague@example.be", "applications": ["drs"]}, session)
    mail = client.ok("outbox.list", {"to": "new.colleague@example.be"})[0]
    assert mail["data"] == {"invitation": invitation["id"], "code": invitation["code"]}
    assert invitation["code"] in mail["body"]["fr"] and invitation["code"] in mail["body"]["nl"]
    # A mail about nothing to act on has no data.
    me = client.eid(client.state["people"]["person-caterina"]["niss"])
    client.ok("assignment.request_deactivation", {"role": "role-caterina-user"}, me)
    notice = client.ok("outbox.list", {"to": "marie.lambert@demo-sa.be"})[0]
    assert notice["kind"] == "deactivation_request" and "data" not in notice
    # The state with such mails exports and loads again.
    exported = client.ok("state.export")
    assert client.ok("state.load", {"state": exported})["loaded"]
