"""Role assignments ("Ma gestion des rôles eGov"): a local manager invites by e-mail — the mail
lands in the demo's mailbox, the invitee opens it and accepts —, assigns directly (account form
for a new person), publishes and withdraws links; a person lists their assignments, changes the
e-mail of several, has one deactivated (its manager told by e-mail), and is refused when asking
for a role themself; an RAE is refused the managers' screen."""

from __future__ import annotations

import pytest
from demo_page import one_language, quality_name, rule_text
from flows import (
    DATASET, HOSTILE, application, assert_denied, assert_nothing_ran, assert_refused, body, email_of, fill_account,
    form_with, logout, new_niss, send, wait_heading,
)

from egov_roles import messages

pytestmark = pytest.mark.browser

QUALITY = "q-demo-employer"
SCREEN = f"#/quality/{QUALITY}/assignments"


def open_assignments(page):
    page.act(lambda: page.page.locator(f".demo-menu a[href='{SCREEN}']").click(), "assignments")


def form_of_button(page, label: str):
    return page.page.locator(".demo-screen-body form", has=page.page.get_by_role("button", name=label, exact=True))


@one_language
def test_invitation_by_email_lands_in_the_mailbox_and_is_accepted(demo, lang):
    lotte = email_of("person-lotte")
    page = demo(lang)
    page.as_profile("person-marie")
    open_assignments(page)
    page.assert_accessible("assignments")
    assert page.page.locator("tr[data-invitation]").count() == len(DATASET["invitations"])
    invite = form_of_button(page, page.t("invite.send"))
    invite.locator("[name=email]").fill("lotte@")
    send(invite)
    assert_refused(page, "form", field="email")
    assert page.focused("form [name=email]")
    invite.locator("[name=email]").fill(lotte)
    # Leaving the field asks the engine again, and its answer removes the error line under the
    # field: the form's lower part moves up. Clicking the box meanwhile could miss it (seen on a
    # loaded machine), as a reader's click could: wait for the line to go.
    invite.locator("[name=email]").press("Tab")
    page.page.wait_for_selector(".demo-screen-body form [name=email]:not([aria-invalid])")
    invite.locator("input[name=applications][value='drs']").check()
    page.act(lambda: send(invite), "assignments")
    page.wait_live(page.t("invite.sent", email=lotte))
    row = page.page.locator("tr[data-invitation]", has_text=lotte)
    assert page.t("invite.status.pending") in row.inner_text()
    # The invitee opens the mailbox and accepts.
    logout(page)
    page.login_password("lottepeeters", "Demo2024.ok", "home")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/mailbox']").click(), "mailbox")
    page.assert_accessible("mailbox")
    mail = page.page.locator("article[data-kind='invitation']")
    assert mail.count() == 1
    assert quality_name("employer_onss", lang) in mail.locator("h4").inner_text()
    text = mail.inner_text()
    page.act(lambda: mail.get_by_role("link", name=page.t("mailbox.accept")).click(), "accept")
    accept = form_with(page, "[name=code]")
    code = accept.locator("[name=code]").input_value()
    assert code and code in text  # the code the mail gives is the one filled in
    page.assert_accessible("accept")
    send(accept)
    wait_heading(page, page.t("accept.done_title"))
    assert application("drs", lang) in body(page) and quality_name("employer_onss", lang) in body(page)
    # The same code a second time, then a code typed as markup.
    page.goto(f"#/assignments/accept?code={code}", "accept")
    again = form_with(page, "[name=code]")
    send(again)
    assert_refused(page, "invitation_unusable", field="code")
    again.locator("[name=code]").fill(HOSTILE)
    send(again)
    error = assert_refused(page, "not_found", field="code")
    # the engine's sentence, without the typed code (a message shows no id); the markup never ran
    assert messages.render("not_found", lang, {"entity": messages.entity("invitation", lang)}) in error["text"]
    assert_nothing_ran(page)
    page.act(lambda: page.page.locator(".demo-menu a[href='#/assignments']").click(), "my-assignments")
    assert page.page.locator("tbody tr", has_text=quality_name("employer_onss", lang)).count() == 1


@one_language
def test_direct_assignment_links_and_the_rae_refused(demo, lang):
    page = demo(lang)
    dialogs = []
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.as_profile("person-marie")
    open_assignments(page)
    # Direct assignment of a person the application does not know: the account form follows.
    assign = form_of_button(page, page.t("invite.assign"))
    assign.locator("[name=niss]").fill(new_niss(5, 47))
    assign.locator("input[name=applications][value='belcotax']").check()
    send(assign)
    account = page.page.locator(".demo-screen-body form:has([name=username_confirm])")
    account.wait_for()
    page.assert_accessible("assignment account form")
    fill_account(account, username="attribue2025", password="Attribue.2025", name=HOSTILE, first_name="Ann",
                 email="ann@example.be")
    send(account)
    wait_heading(page, page.t("invite.assigned_title"))
    assert HOSTILE in body(page) and application("belcotax", lang) in body(page)
    assert_nothing_ran(page)
    page.act(lambda: page.page.get_by_role("link", name=page.t("invite.back")).click(), "assignments")
    # Publish a link; withdraw the dataset's link.
    link_form = form_of_button(page, page.t("invite.publish"))
    link_form.locator("input[name=applications][value='temporary_unemployment']").check()
    page.act(lambda: send(link_form), "assignments")
    links = page.page.locator("tr[data-invitation] a[href*='accept']").all_inner_texts()
    new_code = next(c for c in links if c != "DEMO-LINK-0001")
    page.wait_live(page.t("invite.published", code=new_code))
    page.act(lambda: page.page.get_by_role("button", name=page.t("invite.withdraw_for", code="DEMO-LINK-0001")).click(),
             "assignments")
    assert page.t("invite.status.withdrawn") in page.page.locator("tr[data-invitation='invitation-demo-2']").inner_text()
    # Someone logged in (no profile chosen) opens the new link and gets the role; the withdrawn one is refused.
    logout(page)
    page.login_password("pieterjanssens", "Demo2024.ok", "profile")
    page.goto("#/assignments/accept?code=DEMO-LINK-0001", "accept")
    send(form_with(page, "[name=code]"))
    assert_refused(page, "invitation_unusable", field="code")
    page.goto(f"#/assignments/accept?code={new_code}", "accept")
    send(form_with(page, "[name=code]"))
    wait_heading(page, page.t("accept.done_title"))
    assert application("temporary_unemployment", lang) in body(page)
    # An RAE who opens the quality: assignments are the local manager's.
    page.as_profile("person-julien", "role-julien-rae")
    page.goto(SCREEN, "assignments")
    assert page.page.locator(f".demo-menu li:has(a[href='{SCREEN}'])").get_attribute("data-state") == "denied"
    assert_denied(page, "rae", "assignment.list_quality")
    page.assert_accessible("assignments refused")
    assert dialogs == []


@one_language
def test_my_assignments_email_change_deactivation_and_request(demo, lang):
    page = demo(lang)
    page.as_profile("person-caterina", "role-caterina-user")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/assignments']").click(), "my-assignments")
    page.assert_accessible("my assignments")
    mine = [r for r in DATASET["roles"].values() if r["person"] == "person-caterina"]
    assert page.page.locator("tbody tr[data-role]").count() == len(mine)
    change = form_with(page, "[name=email]")
    # No role ticked: the engine says so, on the roles.
    change.locator("[name=email]").fill("caterina@example.be")
    send(change)
    assert_refused(page, "missing_argument", field="roles")
    assert page.field_error("input[name=roles]")
    change.locator("input[name=roles][value='role-caterina-user']").check()
    change.locator("input[name=roles][value='role-caterina-cogl']").check()
    change.locator("[name=email]").fill(HOSTILE)
    send(change)
    assert_refused(page, "form", field="email")
    assert_nothing_ran(page)
    change.locator("[name=email]").fill("caterina@example.be")
    page.act(lambda: send(change), "my-assignments")
    page.wait_live(page.t("mine.email_changed.other", count=2, email="caterina@example.be"))
    for role in ("role-caterina-user", "role-caterina-cogl"):
        assert "caterina@example.be" in page.page.locator(f"tr[data-role='{role}']").inner_text()
    assert "caterina@example.be" not in page.page.locator("tr[data-role='role-caterina-user2']").inner_text()
    # Deactivate the bakery role: confirmed, gone, the bakery's local manager told by e-mail.
    page.page.locator("tr[data-role='role-caterina-user2'] button").click()
    page.page.locator(".demo-confirm:not([hidden])").wait_for()
    assert page.focused(".demo-confirm button")
    page.act(lambda: page.page.locator(".demo-confirm").get_by_role("button", name=page.t("form.confirm")).click(),
             "my-assignments")
    assert page.page.locator("tr[data-role='role-caterina-user2']").count() == 0
    page.goto(f"#/mailbox?address={email_of('person-pieter')}", "mailbox")
    assert "Caterina Martini" in page.page.locator("article[data-kind='deactivation_request']").inner_text()
    # Asking for a role oneself: refused, with the rule and who assigns roles.
    page.goto("#/assignments", "my-assignments")
    page.page.get_by_role("button", name=page.t("mine.request"), exact=True).click()
    assert_denied(page, "user", "assignment.request")
    # A GL cannot have the GL role deactivated on request: the engine says who changes it.
    page.as_profile("person-marie")
    page.goto("#/assignments", "my-assignments")
    page.page.locator("tr[data-role='role-marie-gl'] button").click()
    page.page.locator(".demo-confirm").get_by_role("button", name=page.t("form.confirm")).click()
    error = assert_refused(page, "deactivation_not_possible")
    assert rule_text("gl_designated_by_rae", lang) in error["text"]
    page.assert_accessible("deactivation refused")
