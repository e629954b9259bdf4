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
import struct
from pathlib import Path

import brotli
import pytest

from engine_page import LANGUAGES, READY_TIMEOUT_MS, REQUEST_JS, home, page_text, start_and_validate
from tools import check_pages

pytestmark = pytest.mark.browser

DEMO_PAGES = {home(lang) + "demo/": lang for lang in LANGUAGES}
# The integrators' reference page holds the engine's status line and its "ping" form; the demo
# page itself shows readers one progress bar and one sentence.
PING_PAGES = {home(lang) + "reference/demo/": lang for lang in LANGUAGES}
RUNTIME_PAGES = {**DEMO_PAGES, **PING_PAGES}
RUNTIME_URL = re.compile(r"runtime/[0-9a-f]{12}/")


def ready_text(lang: str) -> str:
    return page_text(lang, "reference/demo.md", "data-text-ready")


def answer_pattern(lang: str) -> re.Pattern:
    """The ping's answer: the page's sentence, its {ms} a number as the language writes it."""
    before, _, after = page_text(lang, "reference/demo.md", "data-text-answer").partition("{ms}")
    return re.compile(rf"^{re.escape(before)}\d[\d\s.,]*{re.escape(after)}$")


WORKER_URL_JS = """() => {
  const map = JSON.parse(document.querySelector("script[type=importmap]").textContent);
  return new URL("worker.js", new URL(map.imports["egov-engine"], document.baseURI)).href;
}"""


def inject_axe(page) -> None:
    # check_pages.run_axe adds axe as an inline <script>, which this page's CSP refuses;
    # evaluating the source through the DevTools protocol is not subject to it.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(check_pages.AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")


@pytest.mark.parametrize("path", PING_PAGES)
def test_demo_engine_answers_through_the_page(open_page, path):
    lang = PING_PAGES[path]
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
    assert page.text_content("[data-engine-status]").strip() == ready_text(lang)
    assert page.get_attribute("[data-engine-progress]", "value") == "100"
    # Once ready, the bar and its label are gone from view; the status line remains.
    assert not page.is_visible("[data-engine-progress]")
    assert not page.is_visible("label[for=engine-progress]")

    # The page's own interaction: the ping form, with the keyboard.
    page.focus("form[data-engine-ping] button")
    page.keyboard.press("Enter")
    output = page.wait_for_selector("[data-engine-output][data-ok]")
    assert output.get_attribute("data-ok") == "true"
    assert answer_pattern(lang).match(output.text_content().strip()), output.text_content()

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
    assert sorted(runtime_pages) == sorted(RUNTIME_PAGES), runtime_pages
    # And in a browser: the home page of each language loads nothing from the runtime.
    for path in (home(lang) for lang in LANGUAGES):
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


APP_SOURCES = Path(__file__).resolve().parents[2] / "demo" / "web"
# The application's scripts as a demo page requests them (page clock order).
APP_SCRIPTS_JS = """() => performance.getEntriesByType("resource")
  .map((e) => e.name).filter((name) => name.includes("/demo-app/") && name.endsWith(".js"))
  .map((name) => name.slice(name.lastIndexOf("/") + 1))"""


@pytest.mark.parametrize("path", DEMO_PAGES)
def test_demo_application_is_served_bundled(site_build, open_page, path):
    """The demo page gets its application in a few requests (main.js and its shared chunks), not
    one per module: the site has the bundle, the data files and the style sheet, no source module."""
    app = re.search(r'src="(?:\.\./)*(demo-app/[0-9a-f]{12}/)main\.js"', _html(site_build["dir"], path))
    assert app, "the demo page does not load the application"
    served = {p.name for p in (site_build["dir"] / app.group(1)).iterdir()}
    data = {p.name for p in APP_SOURCES.iterdir() if p.suffix in (".json", ".css")}
    assert data and data <= served, data - served
    sources = {p.name for p in APP_SOURCES.rglob("*.js")} - {"main.js", "api.js", "store.js"}
    assert not sources & served, sources & served
    probe = open_page(path)
    scripts = probe.page.evaluate(APP_SCRIPTS_JS)
    assert scripts[0] == "main.js" and all(re.fullmatch(r"chunk-\w+\.js", s) for s in scripts[1:]), scripts
    assert len(scripts) <= 4, scripts
    assert not probe.report.problems(), probe.report.problems()


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
    # site-packages is a gzip file the worker inflates.
    packed = data["sitePackages"]
    assert packed["encoding"] == "gzip" and packed["file"].endswith(".gz"), packed
    assert (runtime / packed["file"]).stat().st_size == packed["transferSize"]
    assert len(gzip.decompress((runtime / packed["file"]).read_bytes())) == packed["size"]
    assert not (runtime / data["sitePackages"]["file"].removesuffix(".gz")).exists()
    # The snapshot's pages: a header of runs within the memory's size, then their bytes.
    pages = (runtime / data["snapshot"]["file"]).read_bytes()
    assert len(pages) == data["snapshot"]["transferSize"]
    count = struct.unpack_from("<I", pages)[0]
    runs = struct.unpack_from(f"<{2 * count}I", pages, 4)
    assert 4 + 8 * count + sum(runs[1::2]) == len(pages)
    assert runs[-2] + runs[-1] <= data["snapshot"]["size"] and len(pages) < data["snapshot"]["size"] / 2
    # The twins a host sends with Content-Encoding hold the same bytes.
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", data["snapshot"]["file"]):
        plain = (runtime / name).read_bytes()
        assert gzip.decompress((runtime / (name + ".gz")).read_bytes()) == plain, name
        assert brotli.decompress((runtime / (name + ".br")).read_bytes()) == plain, name
    names = {w["file"].split("-")[0] for w in data["wheels"]}
    assert {"egov_roles", "python_stdnum"} <= names, names


# When Material's bundle and the page's search index were requested, and when the engine said
# "ready" (page clock, ms).
PAGE_SCRIPTS_TIMING_JS = """() => {
  const start = (test) => performance.getEntriesByType("resource").find((e) => test(e.name))?.startTime ?? null;
  return {
    bundle: start((name) => /\\/assets\\/javascripts\\/bundle\\.[0-9a-f]+\\.min\\.js$/.test(name)),
    index: start((name) => name.endsWith("/search/search_index.json")),
    ready: performance.getEntriesByName("egov-engine-ready")[0]?.startTime ?? null,
  };
}"""
# Material has started on the page: its bundle ran and took the page out of its no-JS state.
MATERIAL_STARTED_JS = "() => typeof window.document$ === 'object' && document.documentElement.classList.contains('js')"


def search_finds(page, word: str) -> None:
    page.focus("input[data-md-component=search-query]")
    page.keyboard.type(word)
    page.wait_for_selector(".md-search-result__item", timeout=READY_TIMEOUT_MS)


@pytest.mark.parametrize("path", DEMO_PAGES)
def test_material_and_search_index_wait_for_the_engine(open_page, path):
    """Material's bundle and its search index (together most of a second of processor on these
    machines) are requested once the engine is ready, not while it starts; Material then works
    as on any page: search finds, the lexicon's tooltips show."""
    probe = open_page(path, wait_ready=False)
    page = probe.page
    page.wait_for_selector("html[data-engine=ready]", timeout=READY_TIMEOUT_MS)
    check_pages.wait_until_ready(page)  # the index arrives and is built after "ready"
    timing = page.evaluate(PAGE_SCRIPTS_TIMING_JS)
    assert None not in timing.values(), timing
    assert timing["bundle"] >= timing["ready"] and timing["index"] >= timing["ready"], timing
    assert page.evaluate(MATERIAL_STARTED_JS)
    term = page.locator(".md-content abbr[title]").first
    term.focus()
    page.wait_for_selector(".md-tooltip2--active", timeout=READY_TIMEOUT_MS)
    # A term of the lexicon on the page, in the page's language: the search of that language finds it.
    search_finds(page, term.inner_text())
    probe.settle()
    assert not probe.report.problems(), probe.report.problems()


def test_guide_pages_start_material_at_once(open_page):
    """Only the engine's pages hold Material back: a guide page loads it as the theme does."""
    probe = open_page("/nl/", wait_ready=False)
    page = probe.page
    page.wait_for_function(MATERIAL_STARTED_JS, timeout=READY_TIMEOUT_MS)
    assert page.locator("script[src*='assets/javascripts/bundle.']").count() == 1
    assert page.locator("script[src*='runtime/']").count() == 0


def test_search_works_while_the_engine_loads(browser, site_url):
    """A reader who acts on the page before the engine is ready (here: a key press) gets Material
    at once, and going to the search field gets the index at once. The engine is held back (its
    snapshot never arrives) for the length of the test."""
    with check_pages.PageProbe(browser, site_url) as probe:
        probe.context.route("**/engine.snapshot.bin", lambda route: None)  # never answered
        page = probe.page
        page.goto("/nl/demo/", wait_until="load")
        assert not page.evaluate(MATERIAL_STARTED_JS), "Material started before the engine or the reader"
        page.keyboard.press("Tab")
        page.wait_for_function(MATERIAL_STARTED_JS, timeout=READY_TIMEOUT_MS)
        search_finds(page, page.locator(".md-content abbr[title]").first.inner_text())
        assert page.get_attribute("html", "data-engine") == "loading"


def test_engine_starts_afresh_without_its_snapshot(browser, site_url):
    """A snapshot that cannot be had (here: the server answers 404) costs time, not the demo: the
    worker starts Python from the same files and the engine answers as usual."""
    with check_pages.PageProbe(browser, site_url) as probe:
        warnings = []
        probe.context.on("console", lambda m: m.type == "warning" and warnings.append(m.text))
        probe.context.route("**/engine.snapshot.bin", lambda route: route.fulfill(status=404))
        info = start_and_validate(probe.page)
        assert info["mode"] == "fresh", info
        assert any("engine.snapshot.bin: HTTP 404" in w for w in warnings), warnings
        probe.settle()
        # The refused snapshot is the only problem: no uncaught error, no other failed request.
        assert [p for p in probe.report.problems() if "engine.snapshot.bin" not in p] == []


def test_snapshot_refused_when_the_module_pages_differ(browser, site_url):
    """The snapshot file leaves out the pages the module brings itself (boot.mjs, fromModule);
    were the module's bytes not the build's (here: the manifest's hash of them is altered), the
    restore would be silently wrong: the worker refuses the snapshot and starts afresh."""
    with check_pages.PageProbe(browser, site_url) as probe:
        warnings = []
        probe.context.on("console", lambda m: m.type == "warning" and warnings.append(m.text))

        def altered(route):
            body = route.fetch().text()
            found = re.search(r'"hash": (\d+)', body)
            assert found, "runtime-config.js holds no hash of the module's pages"
            route.fulfill(body=body.replace(found.group(0), f'"hash": {int(found.group(1)) ^ 1}'),
                          content_type="text/javascript")

        probe.context.route("**/runtime-config.js", altered)
        info = start_and_validate(probe.page)
        assert info["mode"] == "fresh", info
        assert any("static data differ" in w for w in warnings), warnings
        probe.settle()
        assert probe.report.problems() == []


def test_a_start_from_the_snapshot_downloads_no_standard_library(browser, site_url):
    """A start from the snapshot reads nothing of the standard library's archive (2.5 MB): the
    worker neither waits for it nor fetches it (the on-demand finder would, for an import the
    snapshot lacks: tests/pyodide/test_stdlib_on_demand.py); the priming helper's Python start
    reads the trimmed archive (engine_stdlib.zip). Requests of nested workers go through routes."""
    with check_pages.PageProbe(browser, site_url) as probe:
        seen = []

        def record(route):
            seen.append(route.request.url.rsplit("/", 1)[-1])
            route.continue_()

        probe.context.route("**/*_stdlib.zip", record)
        page = probe.page
        page.goto("/nl/demo/", wait_until="load")
        page.wait_for_selector("html[data-engine=ready]", timeout=READY_TIMEOUT_MS)
        for value in ("85073003328", "85073003329", "00000000000"):
            result = page.evaluate(REQUEST_JS, {"command": "engine.validate", "lang": "nl",
                                                "args": {"field": "niss", "value": value}})
            assert result["info"]["mode"] == "snapshot" and result["response"]["ok"] is True, result
        assert page.evaluate(PRIMED_JS, READY_TIMEOUT_MS), "the runtime was not primed"
        assert seen == ["engine_stdlib.zip"], seen
        probe.settle()
        assert not probe.report.problems(), probe.report.problems()


# The runtime directories primed in this browser profile (worker.js, primeCodeCache).
PRIMED_JS = """async (deadlineMs) => {
  const read = () => new Promise((resolve) => {
    const open = indexedDB.open("egov-runtime", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("primed");
    open.onsuccess = () => {
      const request = open.result.transaction("primed").objectStore("primed").getAllKeys();
      request.onsuccess = () => { open.result.close(); resolve(request.result); };
    };
  });
  const until = performance.now() + deadlineMs;
  for (;;) {
    const keys = await read();
    if (keys.length || performance.now() > until) return keys;
    await new Promise((r) => setTimeout(r, 250));
  }
}"""


# What Cache Storage holds for the runtime (inflated.mjs).
CACHED_JS = """async () => {
  const cache = await caches.open("egov-runtime");
  return (await cache.keys()).map((request) => request.url);
}"""


def test_runtime_is_primed_once_per_version(browser, site_url):
    """A few seconds after the first "ready", a helper starts Python afresh once (prime.js), so
    that Chromium keeps the compiled WebAssembly, and stores the snapshot inflated; it is
    remembered per runtime directory and not done again. The next visit reads the inflated
    snapshot instead of downloading and inflating it. Python starts and snapshot downloads are
    counted by their requests (a route sees the requests of nested workers; the "request" event
    does not)."""
    probe = check_pages.PageProbe(browser, site_url)
    page = probe.page
    seen = {"python_stdlib.zip": 0, "engine_stdlib.zip": 0, "engine.snapshot.bin": 0}

    def count(route):
        seen[route.request.url.rsplit("/", 1)[1]] += 1
        route.continue_()

    for name in seen:
        probe.context.route(f"**/{name}", count)
    page.goto("/demo/", wait_until="load")
    page.wait_for_selector("html[data-engine=ready]", timeout=READY_TIMEOUT_MS)
    runtime = page.evaluate(WORKER_URL_JS).rsplit("/", 1)[0] + "/"
    assert page.evaluate(PRIMED_JS, READY_TIMEOUT_MS) == [runtime]
    # The engine's download and the helper's; only the helper's Python start reads an archive.
    assert seen == {"python_stdlib.zip": 0, "engine_stdlib.zip": 1, "engine.snapshot.bin": 2}, seen
    assert page.evaluate(CACHED_JS) == [runtime + "engine.snapshot.bin?inflated"]

    page.reload(wait_until="load")
    page.wait_for_selector("html[data-engine=ready]", timeout=READY_TIMEOUT_MS)
    info = page.evaluate(REQUEST_JS, {"command": "engine.validate", "lang": "fr",
                                      "args": {"field": "niss", "value": "85073003328"}})["info"]
    assert info["mode"] == "snapshot" and "snapshotCached" in info["timings"], info
    page.wait_for_timeout(5000)  # beyond the helper's delay after "ready"
    # The engine's start only, from the inflated snapshot: nothing more is requested.
    assert seen == {"python_stdlib.zip": 0, "engine_stdlib.zip": 1, "engine.snapshot.bin": 2}, seen
    probe.settle()
    problems = probe.report.problems()
    probe.close()
    assert not problems, problems


# Puts a kept "inflated snapshot" of the right size but wrong bytes in Cache Storage.
DAMAGE_JS = """async ([key, size]) => {
  const cache = await caches.open("egov-runtime");
  await cache.put(key, new Response(new Uint8Array(size).fill(7)));
}"""


def test_damaged_kept_snapshot_is_dropped(browser, site_url, site_build):
    """A kept inflated snapshot that cannot be restored costs one slow start, not the demo: the
    engine starts afresh, and the bad copy is removed so that the next visit downloads it again."""
    runtime = RUNTIME_URL.search(_html(site_build["dir"], "/demo/")).group(0)
    config = (site_build["dir"] / runtime / "runtime-config.js").read_text(encoding="utf-8")
    size = json.loads(config[config.index("{"): config.rindex("}") + 1])["snapshot"]["size"]
    with check_pages.PageProbe(browser, site_url) as probe:
        page = probe.page
        page.goto("/", wait_until="load")  # same origin, no engine
        key = f"{site_url}/{runtime}engine.snapshot.bin?inflated"
        page.evaluate(DAMAGE_JS, [key, size])
        page.goto("/demo/", wait_until="load")
        page.wait_for_selector("html[data-engine=ready]", timeout=READY_TIMEOUT_MS)
        info = page.evaluate(REQUEST_JS, {"command": "engine.commands", "lang": "fr"})["info"]
        assert info["mode"] == "fresh" and "snapshotCached" in info["timings"], info
        assert key not in page.evaluate(CACHED_JS)
        probe.settle()
        assert not probe.report.problems(), probe.report.problems()
