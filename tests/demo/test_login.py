"""Logging in: the shell before the engine, eID persons, username and password, the profile
choice of a person with several profiles, and the refusals of each (bad password, blocked
account, blocked profile, bad NISS, unknown card)."""

from __future__ import annotations

import pytest
from demo_page import LANGUAGES, one_language, role_name
from egov_roles import demo_data

pytestmark = pytest.mark.browser

PASSWORD = demo_data.DEMO_PASSWORD  # every account of the demo dataset has it


@pytest.mark.parametrize("lang", LANGUAGES)
def test_interface_shows_before_the_engine_is_ready(demo, lang):
    page = demo(lang)
    shown, engine = (int(page.app.get_attribute(a)) for a in ("data-shown-at", "data-engine-at"))
    assert shown <= engine, "the frame must be drawn before the engine answers"
    assert page.page.locator("progress[data-engine-progress]").count() == 1
    assert page.page.evaluate("document.documentElement.dataset.engine") == "ready"
    assert page.screen() == "login"
    assert page.heading() == page.t("login.title")
    page.assert_accessible("login")


@one_language
def test_eid_person_with_one_profile_goes_home(demo, lang):
    page = demo(lang)
    page.login_eid("person-marie", "home")
    bar = page.page.locator(".demo-bar").inner_text()
    assert "Marie Lambert" in bar
    assert role_name("gl", lang) in bar
    # The local manager's menu: the quality group, no enterprise group.
    groups = page.page.locator(".demo-menu-group").all_inner_texts()
    assert page.t("menu.group.quality") in groups
    assert page.t("menu.group.enterprise") not in groups
    page.assert_accessible("home (GL)")


@one_language
def test_several_profiles_are_offered_per_enterprise(demo, lang):
    page = demo(lang)
    page.login_eid("person-caterina", "profile")
    legends = page.page.locator(".demo-enterprise-profiles legend").all_inner_texts()
    assert legends == [
        page.t("profile.enterprise", name="S.A. Demo N.V.", number="1234.567.894"),
        page.t("profile.enterprise", name="Bakkerij Peeters BV", number="0566.988.259"),
    ]
    assert page.page.locator("input[type=radio][name=profile]").count() == 3
    page.assert_accessible("profile choice")
    # "Connexion" without a choice: the field is marked and gets the focus.
    page.page.get_by_role("button", name=page.t("profile.submit"), exact=True).click()
    page.wait_error("form")
    assert page.field_error("input[name=profile]") == page.t("form.required_choice")
    assert page.focused("input[name=profile]")
    page.choose_profile("role-caterina-user2")
    assert "Bakkerij Peeters BV" in page.page.locator(".demo-bar").inner_text()


@one_language
def test_password_login_and_its_refusals(demo, lang):
    page = demo(lang)
    form = page.password_form()
    # Nothing typed: the interface's own check.
    form.locator("button[type=submit]").click()
    page.wait_error("form")
    assert page.focused("[name=username]")
    # A wrong password: the engine's refusal, tied to the password field.
    form.locator("[name=username]").fill("juliensimons")
    form.locator("[name=password]").fill("not-the-password")
    form.locator("button[type=submit]").click()
    error = page.wait_error("bad_credentials")
    assert error["field"] == "password"
    assert page.focused("form [name=password]")
    assert page.field_error("form [name=password][autocomplete=current-password]") in error["text"]
    page.assert_accessible("login with a refusal")
    # The right one: Julien has three profiles, so the choice follows.
    page.login_password("JulienSimons", PASSWORD, "profile")
    page.choose_profile("role-julien-rae")
    assert page.heading() == page.t("home.welcome", name="Julien Simons")


@one_language
def test_blocked_account_and_blocked_profile_are_refused_with_the_rule(demo, lang):
    page = demo(lang)
    # Thomas Laudot's only role is blocked: no login at all.
    page.page.click("button[data-person='person-thomas']")
    error = page.wait_error("account_blocked")
    assert error["rule"] == "blocked_cannot_act"
    assert page.focused(".demo-screen .demo-error")
    # Hélène Leroy has one blocked profile among two: choosing it is refused.
    page.login_eid("person-helene", "profile")
    page.page.check("input[name=profile][value='role-helene-user']")
    page.page.get_by_role("button", name=page.t("profile.submit"), exact=True).click()
    error = page.wait_error("profile_blocked")
    assert error["field"] == "profile"
    assert page.field_error("input[name=profile]") in error["text"]
    page.choose_profile("role-helene-user2")


@one_language
def test_another_card_new_person_and_bad_niss(demo, lang):
    page = demo(lang)
    card = page.page.locator("form", has=page.page.locator("[name=first_name]"))
    # A NISS whose check digits are wrong: the engine's reason, on the NISS field.
    card.locator("[name=niss]").fill("85073003329")
    card.locator("button[type=submit]").click()
    error = page.wait_error("form")
    assert error["field"] == "niss"
    assert page.focused("form [name=niss]")
    # A valid NISS nobody has, without the name on the card: unknown person.
    card.locator("[name=niss]").fill("85073003328")
    card.locator("button[type=submit]").click()
    page.wait_error("unknown_person")
    # With the name: an account without profile.
    card.locator("[name=name]").fill("Peeters")
    card.locator("[name=first_name]").fill("Anna")
    page.act(lambda: card.locator("button[type=submit]").click(), "home")
    assert page.t("bar.no_profile") in page.page.locator(".demo-bar").inner_text()
    assert page.page.locator(".demo-screen-body").inner_text().startswith(page.t("home.no_profile"))
    # Logging out ends the session.
    page.act(lambda: page.page.get_by_role("button", name=page.t("bar.logout")).click(), "login")
    assert page.t("bar.logged_out") in page.page.locator(".demo-bar").inner_text()
