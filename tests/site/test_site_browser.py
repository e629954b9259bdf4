"""Every built page in Debian's chromium: no console error, no failed request, nothing fetched from
another host, no axe-core violation of WCAG 2.1 A/AA; and the language switcher, the search, the
keyboard path through the header and the lexicon's hover definitions, in every site language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tools.check_pages import LAYOUT_SHIFT, page_paths, wait_until_ready
from tools.languages import DEFAULT, LANGUAGES, home, in_language, language_of

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# Each language switches to the next one of the list (the last to the first): every language is
# left and reached once, in as many runs as there are languages rather than their square.
SWITCHES = [(lang, LANGUAGES[(i + 1) % len(LANGUAGES)]) for i, lang in enumerate(LANGUAGES)]


def assert_clean(report, violations=()) -> None:
    problems = report.problems() + [f"axe {v['id']}: {v['help']} -> {v['nodes'][:3]}" for v in violations]
    assert not problems, f"{report.url}:\n  " + "\n  ".join(problems)


def test_page_is_clean(site_page, open_page, axe):
    """Console errors, 4xx/5xx, third-party requests and axe violations of one built page."""
    probe = open_page(site_page, wait_ready=False)
    # axe runs while Material's search worker loads the index; then both must be done.
    probe.report.axe_violations = axe(probe.page)
    wait_until_ready(probe.page)
    probe.settle()
    assert_clean(probe.report)


# --- the language switcher --------------------------------------------------------------------


def _switcher_pages(built_site: Path) -> list[str]:
    """A page of each depth of the default language's build: the home, a section, a page in a section."""
    pages = [p for p in page_paths(built_site) if language_of(p) == DEFAULT and not p.endswith("/404.html")]
    by_depth: dict[int, str] = {}
    for path in pages:
        by_depth.setdefault(path.count("/"), path)
    return sorted(by_depth.values())


def _tab_to(page, selector: str, limit: int = 60) -> bool:
    """Press Tab until the focused element matches `selector` (False after `limit` presses)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return True
    return False


@pytest.mark.parametrize(("start_lang", "other"), SWITCHES)
def test_language_switcher_lands_on_the_same_page(start_lang, other, built_site, open_page):
    for default_path in _switcher_pages(built_site):
        start = in_language(default_path, start_lang)
        probe = open_page(start)
        page = probe.page
        assert _tab_to(page, f'a.md-select__link[hreflang="{other}"]'), f"{start}: Tab never reaches the {other} link"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        wait_until_ready(page)
        probe.settle()
        assert urlsplit(page.url).path == in_language(start, other), f"{start}: switcher went to {page.url}"
        assert page.evaluate("document.documentElement.lang") == other
        assert_clean(probe.report)


# --- search -----------------------------------------------------------------------------------


def _lexicon_word(lang: str) -> str:
    """A long word of the first lexicon term: a real word of that language that pages use."""
    data = yaml.safe_load((ROOT / "data" / "lexicon.yml").read_text(encoding="utf-8"))
    term = data["entries"][0][lang]["term"]
    return max(re.findall(r"\w+", term), key=len)


def _shared_word() -> str:
    """A word every language's pages use often (a product name, an English term): searched from a
    page of one language, it must not bring up the pages of the others."""
    counts = {}
    for lang in LANGUAGES:
        seen = {}
        for source in (ROOT / "docs" / lang).rglob("*.md"):
            for word in set(re.findall(r"[a-z]{6,}", source.read_text(encoding="utf-8").lower())):
                seen[word] = seen.get(word, 0) + 1
        counts[lang] = seen
    shared = [(min(seen[w] for seen in counts.values()), w) for w in counts[DEFAULT]
              if all(w in seen for seen in counts.values())]
    return max(shared)[1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_only_pages_of_the_page_language(lang, open_page, axe):
    probe = open_page(home(lang))
    page = probe.page
    assert _tab_to(page, ".md-search__input"), "Tab never reaches the search field"
    results = page.locator(".md-search-result__item a")
    for word in (_lexicon_word(lang), _shared_word()):
        page.fill(".md-search__input", "")  # no query, no result left from the previous word
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        page.keyboard.type(word)
        results.first.wait_for(state="visible")
        hrefs = [urlsplit(h).path for h in results.evaluate_all("els => els.map(e => e.href)")]
        assert hrefs and all(language_of(h) == lang for h in hrefs), f"{lang} search for {word!r} gave {hrefs}"
    # The open search dialog and its results must pass axe too.
    violations = axe(page)
    probe.settle()
    assert_clean(probe.report, violations)


# --- keyboard ---------------------------------------------------------------------------------

_FOCUS_RING = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  return outline || (s.boxShadow && s.boxShadow !== 'none');
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tab_reaches_header_and_navigation_with_visible_focus(lang, open_page):
    page = open_page(home(lang)).page
    wanted = {
        "language switcher": ".md-select button, a.md-select__link",
        "search": ".md-search__input",
        "navigation": ".md-nav--primary a.md-nav__link",
    }
    reached: dict[str, bool] = {}
    unringed = []
    for _ in range(40):
        page.keyboard.press("Tab")
        for name, selector in wanted.items():
            if name not in reached and page.evaluate("s => document.activeElement.matches(s)", selector):
                reached[name] = True
                if not page.evaluate(_FOCUS_RING):
                    unringed.append(name)
        if len(reached) == len(wanted):
            break
    assert set(reached) == set(wanted), f"Tab did not reach: {set(wanted) - set(reached)}"
    assert not unringed, f"focus not visible on: {unringed}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_narrow_screen_header_buttons_work_with_the_keyboard(lang, open_page, axe):
    """At phone width (or 400 % zoom) the menu and search buttons are reachable and work."""
    probe = open_page(home(lang), viewport={"width": 375, "height": 740})
    page = probe.page
    assert _tab_to(page, 'button.md-header__button[data-toggle="__drawer"]'), "Tab never reaches the menu button"
    page.keyboard.press("Enter")
    assert page.is_checked("#__drawer"), "Enter on the menu button does not open the navigation"
    page.keyboard.press("Enter")
    assert not page.is_checked("#__drawer")
    assert _tab_to(page, 'button.md-header__button[data-toggle="__search"]'), "Tab never reaches the search button"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    violations = axe(page)  # the narrow layout with the search open
    probe.settle()
    assert_clean(probe.report, violations)


def test_header_toggles_are_buttons_shown_only_where_needed(open_page):
    """The menu and search toggles are real <button>s (a role on a <label> is not allowed ARIA),
    shown at phone width and hidden on a wide screen as Material hides its own labels."""
    home_page = home(DEFAULT)
    narrow = open_page(home_page, viewport={"width": 375, "height": 740}).page
    toggles = narrow.locator(".md-header .md-header__button[data-toggle]")
    toggles.first.wait_for(state="visible")
    assert toggles.evaluate_all("els => els.map(e => e.tagName)") == ["BUTTON", "BUTTON"]
    assert narrow.locator(".md-header [role]:not(input):not([role=dialog])").evaluate_all(
        "els => els.filter(e => e.tagName === 'LABEL').length") == 0
    wide = open_page(home_page, viewport={"width": 1280, "height": 800}).page
    wide.locator(".md-header .md-header__button[data-toggle]").first.wait_for(state="attached")
    assert wide.locator(".md-header .md-header__button[data-toggle]:visible").count() == 0


IN_DRAWER = "() => !!document.activeElement?.closest('.md-sidebar--primary')"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_closed_drawer_keeps_its_links_out_of_the_tab_order(lang, open_page):
    """At phone width the navigation is a drawer off the screen while closed: Tab never lands in
    it then (the focus would be invisible); once it is opened, Tab reaches its links."""
    probe = open_page(home(lang), viewport={"width": 375, "height": 740})
    page = probe.page
    landed = []
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(IN_DRAWER):
            landed.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)"))
    assert not landed, f"Tab went into the closed drawer: {landed[:3]}"
    page.evaluate("() => document.activeElement?.blur()")
    assert _tab_to(page, 'button.md-header__button[data-toggle="__drawer"]'), "Tab never reaches the menu button"
    page.keyboard.press("Enter")
    assert page.is_checked("#__drawer")
    assert _tab_to(page, ".md-sidebar--primary a.md-nav__link"), "Tab never reaches the open drawer's links"
    assert page.evaluate(_FOCUS_RING), "focus not visible in the open drawer"
    probe.settle()
    assert not probe.report.problems(), probe.report.problems()


# --- hover definitions ------------------------------------------------------------------------


def _page_with_terms(built_site: Path, lang: str) -> str:
    for path in page_paths(built_site):
        if language_of(path) != lang or path.endswith("/404.html"):
            continue
        rel = path.lstrip("/") + "index.html" if path.endswith("/") else path.lstrip("/")
        if "<abbr title=" in (built_site / rel).read_text(encoding="utf-8"):
            return path
    pytest.fail(f"no {lang} page shows a lexicon term as <abbr title>")


_TOOLTIP_SHOWN = "id => document.getElementById(id).classList.contains('md-tooltip2--active')"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_definitions_open_with_the_keyboard(lang, built_site, open_page):
    """Tab reaches a lexicon term, its definition shows, Escape hides it and keeps the focus."""
    path = _page_with_terms(built_site, lang)
    page = open_page(path).page
    assert _tab_to(page, ".md-content abbr", limit=200), f"{path}: Tab never reaches a lexicon term"
    assert page.evaluate(_FOCUS_RING), "focus not visible on the term"
    # Material mounts the tooltip on focus, a moment later: wait for the link to it.
    handle = page.wait_for_function("() => document.activeElement.getAttribute('aria-describedby')")
    tooltip_id = handle.json_value()
    page.wait_for_function(_TOOLTIP_SHOWN, arg=tooltip_id)
    shown = " ".join(page.locator(f"#{tooltip_id}").inner_text().split())
    assert len(shown) > len(page.evaluate("document.activeElement.textContent")), f"tooltip shows {shown!r}"
    page.keyboard.press("Escape")
    page.wait_for_function(f"id => !({_TOOLTIP_SHOWN})(id)", arg=tooltip_id)
    assert page.evaluate("document.activeElement.matches('abbr')"), "Escape moved the focus away"


# --- nothing moves when Material's script starts ------------------------------------------------

_BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
_FOOTER_TOP = "() => Math.round(document.querySelector('.md-footer').getBoundingClientRect().top)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_moves_when_materials_script_starts(lang, browser, site_url):
    """A page is drawn before Material's script has run (html.no-js): on a wide screen the
    sidebars already have the window's height, so the script moves nothing. The wizard's first
    page is shorter than the navigation: without docs/assets/css/site.css's rule its footer sat
    below the window, then jumped up by 870 px (Lighthouse desktop CLS up to 0.58)."""
    context = browser.new_context(viewport={"width": 1350, "height": 940})
    held = []
    context.route(_BUNDLE, lambda route: held.append(route))
    try:
        page = context.new_page()
        with page.expect_request(_BUNDLE):
            page.goto(site_url + home(lang) + "wizard/", wait_until="commit")
        page.wait_for_selector(".md-footer", state="attached")
        assert page.evaluate("document.documentElement.classList.contains('no-js')")
        before = page.evaluate(_FOOTER_TOP)
        held.pop().continue_()
        page.wait_for_selector("html.js", state="attached")
        page.wait_for_selector(".md-sidebar--primary .md-sidebar__scrollwrap[style*=height]", state="attached")
        after = page.evaluate(_FOOTER_TOP)
        assert before == after, f"{lang}: the footer moved from {before} to {after} px when Material's script ran"
        assert page.evaluate(LAYOUT_SHIFT) < 0.01
    finally:
        context.close()
