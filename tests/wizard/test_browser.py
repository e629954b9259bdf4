"""The wizard in Debian's chromium: clean pages (no console error, no third-party request, axe-core
WCAG 2.1 A/AA without violation), the interactive wizard (steps loaded in place, address, back,
home, definitions, keyboard only), the plain wizard with JavaScript off, and print."""

from __future__ import annotations

import re

import pytest
from wizard_html import url_path

from macros import wizard_tree
from tools.check_pages import LAYOUT_SHIFT, PageProbe, run_axe, wait_until_ready
from tools.languages import LANGUAGES

pytestmark = pytest.mark.browser

LANGS = LANGUAGES
# One page of each kind; the profile and answer are ones with notes, external links and next steps.
SAMPLES = ["start", "legal-representative", "legal-representative/activate-quality", "about", "questions"]


def labels_of(lang: str) -> dict[str, str]:
    """What a reader clicks, as data/wizard.yml words it in the language."""
    tree = wizard_tree.tree()
    ui = tree["ui"][lang]
    rae = next(p for p in tree["profiles"] if p["id"] == "rae")
    return {"rae": rae[lang]["name"], "back": ui["back"], "home": ui["home"], "definitions": ui["definitions"]}


def no_problems(probe: PageProbe) -> None:
    probe.settle()
    assert probe.report.problems() == [], probe.report.url


def wait_step(page, node_id: str, lang: str) -> None:
    """Wait until the address and the content both show a step (the content loads after the
    address changes when going back or forward)."""
    page.wait_for_url(re.compile(re.escape(url_path(node_id, lang)) + "$"))
    page.wait_for_function(
        "id => document.querySelector('.wizard').dataset.wizardNode === id", arg=node_id
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("node_id", SAMPLES)
def test_page_is_clean_and_accessible(browser, site_url, lang, node_id):
    with PageProbe(browser, site_url) as probe:
        page = probe.open(url_path(node_id, lang))
        page.wait_for_selector(".wizard-toolbar[data-ready]")  # the enhanced page is the one readers get
        probe.report.axe_violations = run_axe(page)
        no_problems(probe)


@pytest.mark.parametrize("lang", LANGS)
def test_interactive_wizard_click_through_back_and_home(browser, site_url, lang):
    labels = labels_of(lang)
    with PageProbe(browser, site_url) as probe:
        page = probe.open(url_path("start", lang))
        # A marker on the window survives only if steps load in place (no new document).
        page.evaluate("window.__sameDocument = true")

        page.locator(".wizard-choices a", has_text=labels["rae"]).click()
        wait_step(page, "rae", lang)
        assert page.evaluate("document.activeElement.classList.contains('wizard-title')")

        page.locator(".wizard-choices a").nth(1).click()  # the RAE's second task
        wait_step(page, "rae/activate-quality", lang)
        assert page.evaluate("window.__sameDocument") is True
        assert page.title().startswith(page.locator(".wizard").get_attribute("data-wizard-title"))
        # the steps taken, the current one last
        steps = page.locator(".wizard-history li")
        assert steps.count() == 3
        assert steps.nth(2).locator("[aria-current=step]").count() == 1
        # the language switch follows the step
        other = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]  # the next language
        switch = page.locator(f".md-header a[hreflang={other}]").get_attribute("href")
        assert page.evaluate("h => new URL(h, location.href).pathname", switch) == url_path("rae/activate-quality", other)
        # announced to screen readers
        page.wait_for_function("document.querySelector('.wizard-toolbar [role=status]').textContent.length > 0")

        page.get_by_role("button", name=labels["back"], exact=True).click()
        wait_step(page, "rae", lang)

        page.go_forward()
        wait_step(page, "rae/activate-quality", lang)

        page.get_by_role("button", name=labels["home"], exact=True).click()
        wait_step(page, "start", lang)
        assert page.get_by_role("button", name=labels["home"], exact=True).is_disabled()

        page.go_back()
        wait_step(page, "rae/activate-quality", lang)
        assert page.evaluate("window.__sameDocument") is True
        # the page after steps loaded in place is as clean as a fresh one
        probe.report.axe_violations = run_axe(page)
        no_problems(probe)


@pytest.mark.parametrize("lang", LANGS)
def test_interactive_wizard_with_the_keyboard_only(browser, site_url, lang):
    labels = labels_of(lang)
    with PageProbe(browser, site_url) as probe:
        page = probe.open(url_path("start", lang))
        active = "() => document.activeElement"
        # Tab until a choice has the focus, as a keyboard user would.
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('.wizard-choices a')"):
                break
        else:
            pytest.fail("Tab never reaches the wizard's choices")
        first = page.evaluate(f"({active})().textContent.trim()")
        page.keyboard.press("ArrowDown")
        second = page.evaluate(f"({active})().textContent.trim()")
        assert second != first and second.startswith(labels["rae"])
        page.keyboard.press("Enter")
        wait_step(page, "rae", lang)
        assert page.evaluate("document.activeElement.classList.contains('wizard-title')")

        page.keyboard.press("ArrowDown")  # from the title to the first task
        assert page.evaluate("document.activeElement.matches('.wizard-choices a')")
        page.keyboard.press("Enter")
        wait_step(page, "rae/add-co-rae", lang)

        page.keyboard.press("Backspace")  # one step back
        wait_step(page, "rae", lang)

        # the definitions panel, opened and closed from the keyboard
        button = page.get_by_role("button", name=labels["definitions"], exact=True)
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        assert page.locator("details.wizard-definitions").evaluate("d => d.open")
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.textContent.trim()") == labels["definitions"]
        no_problems(probe)


def test_the_enhanced_wizard_does_not_move_the_step(browser, site_url):
    """The toolbar is in the page from the first paint: the script making it work moves nothing
    (Lighthouse measured a layout shift of 0.17 when the script inserted it)."""
    with PageProbe(browser, site_url) as probe:
        page = probe.open(url_path("start", LANGS[0]))
        page.wait_for_selector(".wizard-toolbar[data-ready]")
        assert page.evaluate(LAYOUT_SHIFT) < 0.01
        no_problems(probe)


@pytest.mark.parametrize("lang", LANGS)
def test_a_shared_address_opens_that_step(browser, site_url, lang):
    labels = labels_of(lang)
    with PageProbe(browser, site_url) as probe:
        page = probe.open(url_path("user/request-assignment", lang))
        page.wait_for_selector(".wizard-toolbar[data-ready]")
        assert page.locator(".wizard").get_attribute("data-wizard-node") == "user/request-assignment"
        # a first visit has no history, yet "back" leads to the profile's tasks
        page.get_by_role("button", name=labels["back"], exact=True).click()
        wait_step(page, "user", lang)
        no_problems(probe)


@pytest.mark.parametrize("lang", LANGS)
def test_the_wizard_works_without_javascript(browser, site_url, lang):
    labels = labels_of(lang)
    with PageProbe(browser, site_url, java_script_enabled=False) as probe:
        page = probe.open(url_path("start", lang), wait_ready=False)
        # the plain pages: the toolbar keeps its place but shows nothing and takes no focus
        assert not page.locator(".wizard-toolbar").is_visible()
        assert not page.locator(".wizard-toolbar button:visible").count()
        probe.settle()  # leaving a page cancels what it still loads (its favicon): let it finish
        with page.expect_navigation():
            page.locator(".wizard-choices a", has_text=labels["rae"]).click()
        assert page.url.endswith(url_path("rae", lang))
        probe.settle()  # leaving a page cancels what it still loads (its favicon): let it finish
        with page.expect_navigation():
            page.locator(".wizard-choices a").nth(1).click()
        assert page.url.endswith(url_path("rae/activate-quality", lang))
        assert page.locator("h1").inner_text().strip()
        assert page.locator(".wizard a.wizard-external").count() >= 1
        probe.settle()  # leaving a page cancels what it still loads (its favicon): let it finish
        with page.expect_navigation():
            page.locator(".wizard a.wizard-back").click()
        assert page.url.endswith(url_path("rae", lang))
        probe.settle()  # leaving a page cancels what it still loads (its favicon): let it finish
        with page.expect_navigation():
            page.locator(".wizard a.wizard-home").click()
        assert page.url.endswith(url_path("start", lang))
        # the definitions open without script too (a native disclosure)
        page.locator("details.wizard-definitions summary").click()
        assert page.locator("details.wizard-definitions").evaluate("d => d.open")
        probe.settle()
        assert probe.report.problems() == []


@pytest.mark.parametrize("lang", LANGS)
def test_printing_keeps_the_answer_and_its_addresses(browser, site_url, lang):
    with PageProbe(browser, site_url) as probe:
        page = probe.open(url_path("legal-representative/activate-quality", lang))
        page.wait_for_selector(".wizard-toolbar[data-ready]")
        page.emulate_media(media="print")
        assert page.locator(".wizard-toolbar").evaluate("e => getComputedStyle(e).display") == "none"
        after = page.locator(".wizard a.wizard-external").first.evaluate(
            "a => getComputedStyle(a, '::after').content"
        )
        href = page.locator(".wizard a.wizard-external").first.get_attribute("href")
        assert href in after
        # the script opens the definitions for paper
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert page.locator("details.wizard-definitions").evaluate("d => d.open")
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        assert not page.locator("details.wizard-definitions").evaluate("d => d.open")
        no_problems(probe)


def test_search_finds_the_wizard(browser, site_url):
    with PageProbe(browser, site_url) as probe:
        page = probe.open(url_path("start", "fr"))
        wait_until_ready(page)
        page.locator(".md-search__input").click()
        page.keyboard.type("voudrais")  # every answer's title: "… et je voudrais …"
        page.wait_for_selector(".md-search-result__item")
        hrefs = page.locator(".md-search-result__item a").evaluate_all("as => as.map(a => a.href)")
        assert any("/wizard/" in href for href in hrefs), hrefs
        no_problems(probe)
