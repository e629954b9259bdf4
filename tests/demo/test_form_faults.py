"""Every fault of a form comes in one round: the live checks of each value (engine.validate, which
also says when a username is taken in the current state) and the engine's answer (`errors`) are
shown together, each under its own field and listed once with a link to it; and every text field
carries the engine's bound as maxlength (data/field_limits.json, through engine.catalogue)."""

from __future__ import annotations

import pytest
from demo_page import one_language
from flows import DATASET, fill_account, form_with, new_niss, send, wait_heading

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
    # One submit: the username someone already has (in other letter case: usernames compare
    # case-insensitively), the e-mail without domain and the too short password, all at once.
    fill_account(account, username="JulienSimons", password="Court.1", name="Peeters", first_name="An", email="an@")
    send(account)
    error = page.wait_error("form")
    expected = {  # in the form's order
        "username": messages.render("username_taken", lang, {}, "person.username"),
        "password": messages.reason_text("password.length", lang, {"min": PASSWORD["min_length"], "max": PASSWORD["max_length"]}, "person.password"),
        "email": messages.reason_text("email.format", lang, {}, "person.email"),
    }
    labels = {"username": page.t("account.username"), "password": page.t("account.password"), "email": page.t("account.email")}
    items = page.page.locator(".demo-screen .demo-error li")
    assert items.count() == len(expected)
    for index, (name, text) in enumerate(expected.items()):
        assert page.field_error(f"form [name={name}]") == text
        assert error["text"].count(text) == 1  # listed once
        item = items.nth(index)
        assert text in item.inner_text()
        assert item.get_by_role("button").inner_text() == page.t("error.go_to_field", field=labels[name])
    assert page.page.locator("form [aria-invalid=true]").count() == len(expected)
    assert page.focused("form [name=username]")  # the first field at fault, in the form's order
    page.assert_accessible("every fault at once")
    items.nth(2).get_by_role("button").click()  # each entry of the list leads to its field
    assert page.focused("form [name=email]")
    # Every fault fixed: the form goes through, at the next submit.
    fill_account(account, username="anpeeters86", password="Langer.123", name="Peeters", first_name="An",
                 email="an@example.be")
    send(account)
    wait_heading(page, page.t("members.added_title"))
    assert page.page.locator(".demo-screen .demo-error:not([hidden])").count() == 0


# What the page asks the engine, through the demo's own client: its answer comes after every answer
# asked before it (one worker, one queue), so the live check of a field left before has answered.
ENGINE_ROUND_TRIP_JS = """async () => {
  const { engine } = await import("egov-engine");
  const response = await engine.request({ command: "engine.validate", args: { field: "niss", value: "1" } });
  return response.ok;
}"""


@one_language
def test_a_live_check_waits_for_the_release_of_the_button_pressed(demo, lang):
    """A field's message shown or cleared between the press and the release of the button below it
    would move that button from under the pointer, and the click would be lost."""
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    page.goto("#/quality/q-demo-provider/gl", "designate-gl")
    form = page.page.locator(".demo-screen-body form").first
    form.locator("input[name=gl_choice][value=other]").check()
    send(form)
    page.wait_error("form")
    niss = form.locator("[name=gl_niss]")
    assert page.field_error("form [name=gl_niss]")
    niss.fill(DATASET["people"]["person-lotte"]["niss"])
    button = form.locator("button[type=submit]")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.page.mouse.down()  # the NISS field is left: its live check is asked
    assert page.page.evaluate(ENGINE_ROUND_TRIP_JS)
    # The check has answered (the NISS is right), yet nothing moved while the button is held.
    assert niss.get_attribute("aria-invalid") == "true"
    assert button.bounding_box() == box
    page.page.mouse.up()  # the click goes through: the demo asks before replacing the sitting GL
    page.page.locator(".demo-confirm").wait_for()
    assert niss.get_attribute("aria-invalid") is None
