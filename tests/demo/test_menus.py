"""Each profile's home and menu, derived from the policy table: what the role may do is listed,
what the table refuses it with an explanation is listed and marked (following it shows the
engine's refusal), the rest is left out. An RAE who opens a quality gets the quality's menu."""

from __future__ import annotations

import pytest
from demo_page import decide, one_language, quality_name, rule_text

pytestmark = pytest.mark.browser

# The menu entries of the enterprise group and the policy action each one shows.
ENTERPRISE_ENTRIES = {"#/enterprise": "enterprise.view", "#/co-rae": "co_rae.list", "#/search": "users.search"}


def menu_states(page) -> dict[str, str]:
    return page.page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.demo-menu li[data-state] a')]
              .map(a => [a.getAttribute('href'), a.closest('li').dataset.state]))""")


def expected(role: str, entries: dict[str, str]) -> dict[str, str]:
    out = {}
    for href, action in entries.items():
        state = decide(role, action)
        if state != "none":
            out[href] = state
    return out


@one_language
@pytest.mark.parametrize(("person", "role_id", "role"), [
    ("person-julien", "role-julien-rae", "rae"),
    ("person-oscar", None, "co_rae"),
    ("person-anne", None, "legal_rep"),
])
def test_enterprise_menu_follows_the_policy_table(demo, lang, person, role_id, role):
    page = demo(lang)
    page.as_profile(person, role_id)
    states = menu_states(page)
    shown = {href: state for href, state in states.items() if href in ENTERPRISE_ENTRIES}
    assert shown == expected(role, ENTERPRISE_ENTRIES)
    page.assert_accessible(f"home ({role})")


@one_language
def test_denied_entry_shows_the_engines_refusal(demo, lang):
    page = demo(lang)
    page.as_profile("person-anne")  # legal representative only
    item = page.page.locator(".demo-menu li[data-state=denied] a[href='#/enterprise']")
    assert page.t("menu.denied") in item.inner_text()
    page.act(item.click, "enterprise")
    error = page.wait_error("forbidden")
    assert error["rule"] == "legal_rep_asks_contact_centre"
    assert rule_text("legal_rep_asks_contact_centre", lang) in error["text"]
    assert page.focused(".demo-screen .demo-error")
    page.assert_accessible("refused screen")


@one_language
def test_rae_opening_a_quality_gets_its_menu(demo, lang):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    assert page.t("menu.group.quality") not in page.page.locator(".demo-menu").inner_text()
    employer = quality_name("employer_onss", lang)
    page.act(lambda: page.page.get_by_role("link", name=employer, exact=True).click(), "quality-home")
    menu = page.page.locator(".demo-menu").inner_text()
    assert page.t("menu.group.enterprise") in menu and page.t("menu.group.quality") in menu
    assert page.focused("#demo-heading")
    assert employer in page.heading()
    states = menu_states(page)
    assert states["#/quality/q-demo-employer"] == decide("rae", "quality.view")
    # Seed 000 §2: the local manager's menu, Routing Module and co-GLs included, as working entries.
    for href, action in (("#/quality/q-demo-employer/co-gl", "co_gl.add"),
                         ("#/quality/q-demo-employer/routing", "routing.view")):
        assert states[href] == decide("rae", action) == "allowed"
    # Another enterprise's quality is outside the RAE's scope: the engine says so.
    page.goto("#/quality/q-bakery-employer", "quality-home")
    error = page.wait_error("out_of_scope")
    assert error["rule"] == "outside_enterprise"


@one_language
def test_local_manager_home_shows_the_quality(demo, lang):
    page = demo(lang)
    page.as_profile("person-willem")  # co-GL of the employer quality
    body = page.page.locator(".demo-screen-body").inner_text()
    assert quality_name("employer_onss", lang) in body
    assert "1122334-61" in body
    assert page.t("home.intro.co_gl") in body
