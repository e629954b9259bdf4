"""The demo pages in Debian's Chromium: the engine starts in its worker from the site's own files,
the page says so (<html data-engine="ready">), and requests go through the page to the engine and
back. The page's Content-Security-Policy stays on (no bypass): a script or a WebAssembly
compilation it forbade would show up as a console error.

Uses the shared fixtures of tests/conftest.py: `open_page` (records console errors, failed
requests and requests leaving 127.0.0.1, which it blocks) on the freshly built site."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from tools import check_pages

pytestmark = pytest.mark.browser

READY_TIMEOUT_MS = 120_000  # the machine is shared: a generous bound, not a speed check
DEMO_PAGES = {"/demo/": "fr", "/nl/demo/": "nl"}
ANSWER = {"fr": re.compile(r"^Le moteur a répondu en [\d.]+ ms\.$"),
          "nl": re.compile(r"^De motor antwoordde in [\d.]+ ms\.$")}
RUNTIME_URL = re.compile(r"runtime/[0-9a-f]{12}/")
READY_TEXT = {"fr": "Le moteur est prêt.", "nl": "De motor is klaar."}
# Through the page's own client module (the "egov-engine" import map entry), as the screens do.
REQUEST_JS = """async (request) => {
  const { engine } = await import("egov-engine");
  return { response: await engine.request(request), info: engine.info };
}"""


WORKER_URL_JS = """() => {
  const map = JSON.parse(document.querySelector("script[type=importmap]").textContent);
  return new URL("worker.js", new URL(map.imports["egov-engine"], document.baseURI)).href;
}"""


def inject_axe(page) -> None:
    # check_pages.run_axe adds axe as an inline <script>, which this page's CSP refuses;
    # evaluating the source through the DevTools protocol is not subject to it.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(check_pages.AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")


@pytest.mark.parametrize("path", DEMO_PAGES)
def test_demo_engine_answers_through_the_page(open_page, path):
    lang = DEMO_PAGES[path]
    probe = open_page(path, wait_ready=False)
    page = probe.page
    # The worker does not inherit the page's policy; its script is served with its own.
    worker_policy = page.context.request.head(
        page.evaluate(WORKER_URL_JS)
    ).headers.get("content-security-policy", "")
    assert "'wasm-unsafe-eval'" in worker_policy and "'unsafe-eval'" not in worker_policy.replace(
        "'wasm-unsafe-eval'", ""), worker_policy
    assert page.get_attribute("html", "lang") == lang
    csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "'unsafe-eval'" not in csp.replace("'wasm-unsafe-eval'", "")

    page.wait_for_selector("html[data-engine=ready]", timeout=READY_TIMEOUT_MS)
    assert page.text_content("[data-engine-status]").strip() == READY_TEXT[lang]
    assert page.get_attribute("[data-engine-progress]", "value") == "100"
    # Once ready, the bar and its label are gone from view; the status line remains.
    assert not page.is_visible("[data-engine-progress]")
    assert not page.is_visible("label[for=engine-progress]")

    # The page's own interaction: the ping form, with the keyboard.
    page.focus("form[data-engine-ping] button")
    page.keyboard.press("Enter")
    output = page.wait_for_selector("[data-engine-output][data-ok]")
    assert output.get_attribute("data-ok") == "true"
    assert ANSWER[lang].match(output.text_content().strip()), output.text_content()

    # A request of the protocol through the page's client, answered in the request's language.
    result = page.evaluate(REQUEST_JS, {"command": "engine.validate", "lang": lang,
                                        "args": {"field": "niss", "value": "85073003329"}})
    response, info = result["response"], result["info"]
    assert info["mode"] == "snapshot", info  # the fast path, not the fallback
    assert response["ok"] is True and response["data"]["valid"] is False, response
    refused = page.evaluate(REQUEST_JS, {"command": "no.such.command", "lang": lang})["response"]
    assert refused["ok"] is False and refused["error"]["lang"] == lang, refused

    inject_axe(page)
    violations = check_pages.run_axe(page)
    probe.settle()
    problems = probe.report.problems() + [f"axe {v['id']}: {v['help']} {v['nodes'][:3]}" for v in violations]
    assert not problems, "\n".join(problems)


def test_no_other_page_downloads_pyodide(site_build, open_page):
    """Only pages whose front matter asks for the engine reference the runtime."""
    runtime_pages = [p for p in site_build["pages"] if RUNTIME_URL.search(_html(site_build["dir"], p))]
    assert sorted(runtime_pages) == sorted(DEMO_PAGES), runtime_pages
    # And in a browser: the home page of each language loads nothing from the runtime.
    for path in ("/", "/nl/"):
        probe = open_page(path)
        requested = []
        probe.page.on("request", lambda r: requested.append(r.url))
        probe.page.reload(wait_until="load")
        probe.settle()
        assert not [u for u in requested if "/runtime/" in u], requested
        assert not probe.report.problems(), probe.report.problems()


def _html(site, path: str) -> str:
    rel = "index.html" if path == "/" else path.strip("/") + ("/index.html" if path.endswith("/") else "")
    return (site / rel).read_text(encoding="utf-8")


def test_runtime_files_are_the_site_own(site_build):
    """The runtime directory the pages name exists in the build, with the engine's wheels."""
    page = _html(site_build["dir"], "/demo/")
    found = re.search(r'"egov-engine": "\.\./(runtime/[0-9a-f]+/)client\.js"', page)
    assert found, "the demo page has no import map for the engine"
    runtime = site_build["dir"] / found.group(1)
    config = (runtime / "runtime-config.js").read_text(encoding="utf-8")
    data = json.loads(config[config.index("{"): config.rindex("}") + 1])
    for w in data["wheels"]:
        assert (runtime / data["wheelsDir"] / w["file"]).stat().st_size == w["size"]
    # The snapshot is a gzip file the worker inflates; site-packages has a gzip'd twin a server
    # sends with Content-Encoding: gzip (tools/serve.py).
    snapshot, site_packages = data["snapshot"], data["sitePackages"]
    assert (runtime / snapshot["file"]).stat().st_size == snapshot["transferSize"]
    assert len(gzip.decompress((runtime / snapshot["file"]).read_bytes())) == snapshot["size"]
    assert (runtime / site_packages["file"]).stat().st_size == site_packages["size"]
    assert (runtime / (site_packages["file"] + ".gz")).stat().st_size == site_packages["transferSize"]
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs"):
        assert gzip.decompress((runtime / (name + ".gz")).read_bytes()) == (runtime / name).read_bytes()
    names = {w["file"].split("-")[0] for w in data["wheels"]}
    assert {"egov_roles", "python_stdnum"} <= names, names
