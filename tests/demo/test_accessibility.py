"""Accessibility beyond the flows' own checks: axe-core (WCAG 2.1 A/AA) on the screens the other
tests do not check, in every site language, and a flow done with the keyboard alone — the focus
following each step (heading after a change of screen, the confirmation, the result)."""

from __future__ import annotations

import datetime as dt

import pytest
from demo_page import LANGUAGES, one_language
from egov_roles import demo_data
from egov_roles.identifiers_gen import niss

from tools.check_pages import LAYOUT_SHIFT

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_other_screens_have_no_axe_violation(demo, lang):
    page = demo(lang)
    page.goto("#/nowhere", "not-found")
    page.assert_accessible("not found")
    page.as_profile("person-julien", "role-julien-rae")
    for fragment, screen in [
        ("#/quality/q-demo-employer", "quality-home"),
        ("#/quality/q-demo-provider/gl", "designate-gl"),
        (f"#/co-rae/add?niss={niss(dt.date(1990, 1, 1), 11)}", "co-rae-add"),
        ("#/co-rae/role-oscar-corae/password", "co-rae-password"),
        ("#/search", "search"),
    ]:
        page.goto(fragment, screen)
        page.assert_accessible(screen)
    # A form full of errors, and the tools with their share link shown.
    page.goto("#/co-rae/role-oscar-corae/password", "co-rae-password")
    page.page.locator(".demo-screen-body form button[type=submit]").click()
    page.wait_error("form")
    page.page.locator(".demo-tools").get_by_role("button", name=page.t("tools.share")).click()
    page.page.locator(".demo-share-url").wait_for()
    page.assert_accessible("errors and share link")


def press_until(page, key: str, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.page.keyboard.press(key)
        if page.focused(selector):
            return
    raise AssertionError(f"{key} never reached {selector}")


@one_language
def test_block_a_co_rae_with_the_keyboard_only(demo, lang):
    page = demo(lang)
    kb = page.page.keyboard
    # Log in with username and password.
    press_until(page, "Tab", "form [autocomplete=username]")
    kb.type("juliensimons")
    kb.press("Tab")
    assert page.focused("[autocomplete=current-password]")
    kb.type(demo_data.DEMO_PASSWORD)
    page.act(lambda: kb.press("Enter"), "profile")
    assert page.focused("#demo-heading")
    # The profile: the radios, then "Connexion".
    press_until(page, "Tab", "input[name=profile]")
    press_until(page, "ArrowDown", "input[name=profile][value='role-julien-rae']", limit=5)
    assert page.page.locator("input[value='role-julien-rae']").is_checked()
    press_until(page, "Tab", ".demo-screen-body button[type=submit]")
    page.act(lambda: kb.press("Enter"), "home")
    assert page.focused("#demo-heading")
    # The menu is before the screen: back with Shift+Tab to "Co-RAE".
    press_until(page, "Shift+Tab", ".demo-menu a[href='#/co-rae']")
    page.act(lambda: kb.press("Enter"), "co-rae")
    assert page.focused("#demo-heading")
    # Select Oscar, keep "block", execute, confirm.
    press_until(page, "Tab", "input[name=selected][value='role-oscar-corae']")
    kb.press("Space")
    press_until(page, "Tab", "select[name=action]")
    press_until(page, "Tab", ".demo-screen-body form button[type=submit]")
    kb.press("Enter")
    page.page.locator(".demo-confirm:not([hidden])").wait_for()
    assert page.focused(".demo-confirm button")
    kb.press("Enter")
    page.wait_live(page.tn("co_rae.done.block", 1))
    assert page.focused("#demo-heading")
    assert page.t("status.blocked") in page.page.locator("tr[data-role='role-oscar-corae']").inner_text()


@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_on_the_page_moves_while_the_demo_loads(demo, width):
    """The loader, the frame and the first screen take their places without pushing the page
    (Lighthouse measured a cumulative layout shift of 0.55 to 0.65 before the demo's box kept
    its room)."""
    page = demo(LANGUAGES[0], viewport={"width": width, "height": 844 if width == 390 else 800})
    assert page.page.evaluate(LAYOUT_SHIFT) < 0.01
