"""Hostile input: names and addresses typed as markup are shown as text everywhere they appear
(list, confirmation, headings, login list, search, address bar), nothing they contain runs; the
page's Content-Security-Policy allows only the site's own scripts and WebAssembly."""

from __future__ import annotations

import datetime as dt

import pytest
from demo_page import one_language
from egov_roles import messages
from egov_roles.identifiers_gen import niss

pytestmark = pytest.mark.browser

HOSTILE_NAME = '<img src=x onerror="window.__xss=1">'
HOSTILE_FIRST = "<script>window.__xss=2</script>"
HOSTILE_TITLE = '"><svg onload="window.__xss=3">'
HOSTILE_NISS = niss(dt.date(1979, 9, 9), 71)


def assert_nothing_ran(page) -> None:
    found = page.page.evaluate("""() => ({
        flag: window.__xss ?? null,
        nodes: document.querySelectorAll('#demo-app img, #demo-app svg, #demo-app script, #demo-app iframe').length,
    })""")
    assert found == {"flag": None, "nodes": 0}


@one_language
def test_hostile_names_are_shown_as_text(demo, lang):
    page = demo(lang)
    dialogs = []
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.as_profile("person-julien", "role-julien-rae")
    page.goto(f"#/co-rae/add?niss={HOSTILE_NISS}", "co-rae-add")
    form = page.page.locator(".demo-screen-body form")
    for name, value in (("username", "hostile001"), ("username_confirm", "hostile001"),
                        ("password", "Hostile.2024"), ("password_confirm", "Hostile.2024"),
                        ("name", HOSTILE_NAME), ("first_name", HOSTILE_FIRST), ("title", HOSTILE_TITLE),
                        ("email", "hostile@example.be")):
        form.locator(f"[name={name}]").fill(value)
    form.locator("button[type=submit]").click()
    page.page.wait_for_function("t => document.getElementById('demo-heading').textContent === t",
                                arg=page.t("co_rae.added_title"))
    body = page.page.locator(".demo-screen-body").inner_text()
    assert HOSTILE_NAME in body and HOSTILE_FIRST in body
    page.wait_live(HOSTILE_FIRST)
    assert_nothing_ran(page)
    # The list, the edit screen's heading, the search results.
    page.goto("#/co-rae", "co-rae")
    row = page.page.locator(".demo-table tbody tr", has_text="hostile001")
    assert HOSTILE_NAME in row.inner_text()
    role = row.get_attribute("data-role")
    page.goto(f"#/co-rae/{role}/edit", "co-rae-edit")
    assert page.heading() == page.t("co_rae.edit_title_named", name=f"{HOSTILE_FIRST} {HOSTILE_NAME}")
    assert_nothing_ran(page)
    # The login list and the bar of the hostile person's own session.
    page.act(lambda: page.page.get_by_role("button", name=page.t("bar.logout")).click(), "login")
    button = page.page.locator("button.demo-person", has_text=HOSTILE_NAME)
    assert button.inner_text() == f"{HOSTILE_FIRST} {HOSTILE_NAME}"
    page.login_password("hostile001", "Hostile.2024", "home")
    page.goto("#/account", "account")
    assert HOSTILE_TITLE in page.page.locator(".demo-screen-body").inner_text()
    assert HOSTILE_NAME in page.page.locator(".demo-bar").inner_text()
    assert_nothing_ran(page)
    assert dialogs == []


@one_language
def test_hostile_addresses_are_shown_as_text(demo, lang):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    page.goto("#/search?name=%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D4%22%3E&page=1", "search")
    assert page.page.locator("form [name=name]").input_value() == '<img src=x onerror="window.__xss=4">'
    page.goto("#/co-rae/%3Csvg%20onload%3D%22window.__xss%3D5%22%3E/edit", "co-rae-edit")
    assert page.page.locator(".demo-screen-body").inner_text().startswith(page.t("co_rae.gone"))
    page.goto("#/quality/%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D6%22%3E", "quality-home")
    error = page.wait_error("not_found")
    # the engine's sentence names what is missing, not the address typed (a message shows no id)
    assert messages.render("not_found", lang, {"entity": messages.entity("quality", lang)}) in error["text"]
    assert "xss" not in error["text"]
    assert_nothing_ran(page)


@one_language
def test_content_security_policy_blocks_inline_scripts(demo, lang):
    page = demo(lang)
    csp = page.page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in csp.split(";") if d.strip())
    script_src = directives["script-src"].split()
    assert "'self'" in script_src and "'wasm-unsafe-eval'" in script_src
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert all(s in ("'self'", "'wasm-unsafe-eval'") or s.startswith("'sha256-") for s in script_src)
    assert directives["connect-src"] == "'self'" and directives["default-src"] == "'self'"
    # An inline script someone managed to insert does not run; the browser reports the refusal.
    with page.page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.page.evaluate("""() => {
            const s = document.createElement('script');
            s.textContent = 'window.__xss = 7';
            document.body.append(s);
        }""")
    assert page.page.evaluate("window.__xss ?? null") is None
    # That report is the policy at work, expected here; nothing else may have gone wrong.
    errors = page.probe.report.console_errors
    page.probe.report.console_errors = [e for e in errors if "Content Security Policy" not in e]
    # Material's own scripts still work on the page: the search answers.
    page.page.wait_for_selector(".md-search__input")
