"""The engine's answer to a form holds every fault it found (`errors`); the demo shows them all
at once, each under its own field and listed with a link to it, and every text field carries the
engine's bound as maxlength (data/field_limits.json, through engine.catalogue)."""

from __future__ import annotations

import pytest
from demo_page import one_language
from flows import fill_account, form_with, new_niss, send

from egov_roles import Engine, messages

pytestmark = pytest.mark.browser

USERS = "#/quality/q-demo-employer/users"
CATALOGUE = Engine().execute("engine.catalogue")["data"]
LIMITS = CATALOGUE["field_limits"]
PASSWORD = CATALOGUE["password_rules"]["password"]


@one_language
def test_every_fault_of_the_account_form_comes_at_once(demo, lang):
    page = demo(lang)
    page.as_profile("person-marie")
    page.goto(USERS, "users")
    add = form_with(page, "input[name=kind]")
    add.locator("[name=niss]").fill(new_niss(12, 61))
    page.act(lambda: send(add), "member-add")
    account = form_with(page, "[name=username_confirm]")
    for name in ("name", "first_name", "email", "username"):
        assert account.locator(f"[name={name}]").get_attribute("maxlength") == str(LIMITS["fields"][name])
    # Round one: every fault a value shows by itself comes at once (the e-mail without domain, the
    # password too short), found by the interface's live checks of each value (engine.validate).
    fill_account(account, username="juliensimons", password="Court.1", name="Peeters", first_name="An", email="an@")
    send(account)
    error = page.wait_error("form")
    expected = {
        "email": messages.reason_text("email.format", lang, {}, "person.email"),
        "password": messages.reason_text("password.length", lang, {"min": PASSWORD["min_length"], "max": PASSWORD["max_length"]}, "person.password"),
    }
    for name, text in expected.items():
        assert page.field_error(f"form [name={name}]") == text
        assert text in error["text"]
    assert page.page.locator(".demo-screen .demo-error li").count() == len(expected)
    assert page.focused("form [name=password]")  # the first field at fault, in the form's order
    page.assert_accessible("every fault at once")
    # Round two: what only the engine knows (the username is taken) comes from its answer, tied to
    # its field, and the earlier messages are gone.
    fill_account(account, username="juliensimons", password="Langer.123", name="Peeters", first_name="An",
                 email="an@example.be")
    send(account)
    error = page.wait_error("username_taken")
    assert error["field"] == "person.username"
    taken = messages.render("username_taken", lang, {}, "person.username")
    assert page.field_error("form [name=username]") == taken
    assert account.locator("[name=email]").get_attribute("aria-invalid") != "true"
