"""The site as a reader meets it on two hosts: nginx with the generated configuration, and a
plain static host (Python's http.server: no compressed twins, none of the description's headers).
On both, every kind of page loads in every language with no console error and no failed
request, the demo's engine starts and answers, and a missing address gets the 404 page of its
language. (tools/serve.py is the server of the rest of the suite.)"""

from __future__ import annotations

import pytest

from tools.check_pages import PageProbe
from tools.languages import LANGUAGES, home

pytestmark = pytest.mark.browser

SERVERS = ("nginx_url", "plain_url")
# One page of each kind: home, a task page, the wizard, a reference table, the lexicon.
GUIDE_PAGES = ("", "rae/activate-quality/", "wizard/", "reference/commands/", "lexicon/")
READY_MS = 120_000  # a shared two-core machine: a generous bound, not a speed check
REQUEST_JS = """async (request) => {
  const { engine } = await import("egov-engine");
  return engine.request(request);
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("server", SERVERS)
def test_guide_pages_load_clean(request, browser, server, lang):
    base = request.getfixturevalue(server)
    with PageProbe(browser, base) as probe:
        for page in GUIDE_PAGES:
            probe.open(home(lang) + page)  # waits for the search index: Material's scripts ran
            assert probe.page.get_attribute("html", "lang") == lang
            probe.settle()
        assert not probe.report.problems(), probe.report.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("server", SERVERS)
def test_missing_page_gets_its_language_404(request, browser, server, lang):
    base = request.getfixturevalue(server)
    with PageProbe(browser, base) as probe:
        response = probe.page.goto(home(lang) + "no-such-page/", wait_until="load")
        if server == "plain_url":
            assert response.status == 404  # a plain host sends its own error page
            return
        assert response.status == 404
        assert probe.page.get_attribute("html", "lang") == lang
        # The page's own files load from any depth (its links are absolute).
        probe.page.wait_for_selector(".md-header")
        # The page's own 404 status is the point; anything else that fails is a problem.
        probe.report.failed_requests = [r for r in probe.report.failed_requests if "no-such-page" not in r]
        probe.report.console_errors = [m for m in probe.report.console_errors if "no-such-page/]" not in m]
        probe.settle()
        assert not probe.report.problems(), probe.report.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("server", SERVERS)
def test_demo_starts_and_answers(request, browser, server, lang):
    base = request.getfixturevalue(server)
    with PageProbe(browser, base) as probe:
        probe.open(home(lang) + "demo/", wait_ready=False)
        probe.page.wait_for_selector("html[data-engine=ready]", timeout=READY_MS)
        response = probe.page.evaluate(REQUEST_JS, {"command": "engine.validate", "lang": lang,
                                                    "args": {"field": "niss", "value": "85073003329"}})
        assert response["ok"] is True and response["data"]["valid"] is False, response
        probe.page.wait_for_selector("#demo-app[data-demo=ready]", timeout=READY_MS)
        probe.settle()
        assert not probe.report.problems(), probe.report.problems()


@pytest.mark.parametrize("path", ("/", "/demo/"))
def test_no_other_site_may_frame_a_page(browser, nginx_url, path):
    """A guide page and the demo inside another document's frame stay empty (frame-ancestors
    'none', X-Frame-Options DENY): no other site can show them under its own address."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(f'<iframe src="{nginx_url}{path}"></iframe>')
        frame = page.frames[1]
        frame.wait_for_load_state()
        assert frame.query_selector(".md-header") is None, f"{path} was shown in a frame"
    finally:
        context.close()
