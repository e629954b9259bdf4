"""The legal representative's flow: an enterprise known to the (simulated) Crossroads Bank for
Enterprises, its number checked; its legal representative logs in with the eID card, registers
it and designates its RAE — a new person (account form) or themself; the RAE is told by e-mail;
an enterprise registered already is refused."""

from __future__ import annotations

import pytest
from demo_page import one_language, role_name
from flows import (
    DATASET, HOSTILE, assert_nothing_ran, assert_refused, body, fill, fill_account, form_with, new_niss, send,
    wait_heading,
)

from egov_roles.identifiers_gen import enterprise_number

pytestmark = pytest.mark.browser


def other_number(number: str) -> str:
    """The same number with its last check digit changed: no longer a valid enterprise number."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


@one_language
def test_register_a_new_enterprise_and_its_new_rae(demo, lang):
    page = demo(lang, "#/bce")
    assert page.screen() == "bce"
    page.assert_accessible("BCE simulation")
    number = enterprise_number("07654321")
    representative, rae = new_niss(3, 41), new_niss(4, 43)
    simulate = form_with(page, "[name=enterprise]")
    fill(simulate, {"number": other_number(number), "enterprise": HOSTILE, "niss": representative, "name": "Verbeke",
                    "first_name": "Jan", "email": "jan.verbeke@example.be"})
    send(simulate)
    assert_refused(page, "form", field="number")
    assert page.focused("form [name=number]")
    assert page.field_error("form [name=number]")
    simulate.locator("[name=number]").fill(number)
    send(simulate)
    wait_heading(page, page.t("bce.done_title"))
    assert HOSTILE in body(page)
    assert_nothing_ran(page)
    # The legal representative logs in with the card: one profile, the enterprise's own.
    page.act(lambda: page.page.get_by_role("button", name=page.t("bce.login")).click(), "home")
    bar = page.page.locator(".demo-bar").inner_text()
    assert HOSTILE in bar and role_name("legal_rep", lang) in bar
    page.act(lambda: page.page.locator(".demo-menu a[href='#/register']").click(), "register")
    page.assert_accessible("registration")
    assert page.t("register.not_registered") in body(page)
    register = form_with(page, "input[name=rae_choice]")
    register.locator("[name=email]").fill("info@example.be")
    register.locator("input[name=rae_choice][value=other]").check()
    send(register)
    page.wait_error("form")
    assert page.field_error("form [name=rae_niss]") == page.t("register.rae_niss_required")
    register.locator("[name=rae_niss]").fill(rae)
    send(register)
    wait_heading(page, page.t("register.account_title"))
    assert page.focused("#demo-heading")
    page.assert_accessible("RAE account form")
    account = form_with(page, "[name=username_confirm]")
    fill_account(account, username="nouveaurae01", password="Nouveau.RAE1", name="Maes", first_name="Ilse",
                 email="ilse.maes@example.be")
    send(account)
    wait_heading(page, page.t("register.done_title"))
    text = body(page)
    assert "Ilse Maes" in text and "nouveaurae01" in text and HOSTILE in text
    page.wait_live(page.t("register.done", enterprise=HOSTILE, name="Ilse Maes"))
    # The RAE's mail, in the demo's mailbox.
    page.goto("#/mailbox?address=ilse.maes%40example.be", "mailbox")
    mail = page.page.locator("article[data-kind='rae_designated']")
    assert mail.count() == 1 and HOSTILE in mail.inner_text() and "nouveaurae01" in mail.inner_text()
    assert_nothing_ran(page)
    # Registered already: the engine refuses a second time.
    page.goto("#/register", "register")
    assert page.t("register.registered") in body(page)
    again = form_with(page, "input[name=rae_choice]")
    again.locator("[name=email]").fill("info@example.be")
    again.locator("input[name=rae_choice][value=self]").check()
    send(again)
    assert_refused(page, "already_registered")
    # And the new RAE logs in with the account just created.
    page.act(lambda: page.page.get_by_role("button", name=page.t("bar.logout")).click(), "login")
    page.login_password("nouveaurae01", "Nouveau.RAE1", "home")
    assert HOSTILE in page.page.locator(".demo-bar").inner_text()
    assert_nothing_ran(page)


@one_language
def test_legal_representative_designates_themself(demo, lang):
    page = demo(lang)
    # Anne represents an enterprise registered long ago: refused.
    page.as_profile("person-anne")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/register']").click(), "register")
    form = form_with(page, "input[name=rae_choice]")
    form.locator("[name=email]").fill("info@demo-sa.be")
    form.locator("input[name=rae_choice][value=self]").check()
    send(form)
    assert_refused(page, "already_registered")
    # Sofie represents Atelier Claes SRL, known to the BCE but not registered: she becomes its RAE.
    page.as_profile("person-sofie")
    page.goto("#/register", "register")
    atelier = DATASET["enterprises"]["ent-atelier"]
    assert atelier["name"] in body(page)
    form = form_with(page, "input[name=rae_choice]")
    form.locator("[name=email]").fill("info@atelier-claes.be")
    form.locator("input[name=rae_choice][value=self]").check()
    send(form)
    wait_heading(page, page.t("register.done_title"))
    assert "Sofie Claes" in body(page)
    page.act(lambda: page.page.locator(".demo-screen-body").get_by_role("link", name=page.t("bar.change_profile")).click(),
             "profile")
    labels = page.page.locator(".demo-profiles label").all_inner_texts()
    assert any(role_name("rae", lang) in label for label in labels), labels
    page.assert_accessible("profiles after registration")
