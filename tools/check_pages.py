"""Load every built page in Debian's chromium and count what goes wrong.

For each page: console errors (and uncaught exceptions), responses of status 400 or more and
requests that failed, requests to any host but the loopback server (blocked, never sent), and
axe-core violations of WCAG 2.1 A/AA. The test suite (tests/site/) uses these functions page by
page; run as a script it prints the figures of the whole site:

    uv run python -m tools.check_pages            # builds the site (strict) into a temporary dir
    uv run python -m tools.check_pages --site site  # checks an existing build
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tools.languages import LANGUAGES, language_of
from tools.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# The project's rule: headless, and nothing in the browser may phone home.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOOPBACK = "127.0.0.1"
# Marks an HTML file that MkDocs rendered (the site's pages, as opposed to files merely copied).
GENERATOR_MARK = re.compile(r'<meta name="generator" content="mkdocs-')
READY_TIMEOUT_MS = 30_000  # generous: the machine is shared, and the index grows with the site


def launch_options() -> dict:
    return {"executable_path": CHROMIUM, "args": list(CHROMIUM_FLAGS), "headless": True}


# --- the site -------------------------------------------------------------------------------


def build_site(dest: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` into `dest`; the caller reads returncode and output."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def page_paths(site: Path) -> list[str]:
    """URL paths of the rendered pages of a build ('/', '/actors/rae/', '/nl/', '/404.html')."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        if not GENERATOR_MARK.search(html.read_text(encoding="utf-8", errors="replace")):
            continue
        rel = html.relative_to(site).as_posix()
        if rel == "index.html":
            paths.append("/")
        elif rel.endswith("/index.html"):
            paths.append("/" + rel[: -len("index.html")])
        else:
            paths.append("/" + rel)
    return paths


@contextlib.contextmanager
def serve(site: Path, quiet_errors: bool = False, gz_encoding: bool = False):
    """Serve `site` on a free loopback port in a background thread; yields the base URL.
    quiet_errors: say nothing of connections the browser drops (a page closed mid-download).
    gz_encoding: every .gz file sent with Content-Encoding: gzip (tools/serve.py)."""
    server = make_server(site, host=LOOPBACK, port=0, quiet=True, gz_encoding=gz_encoding)
    if quiet_errors:
        server.handle_error = lambda request, address: None
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOOPBACK}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- one page -------------------------------------------------------------------------------


def is_loopback(url: str) -> bool:
    """True for URLs that stay on this machine's test server (or never touch the network)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-error", "javascript"):
        return True
    return parts.hostname == LOOPBACK


@dataclass
class PageReport:
    url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    axe_violations: list[dict] = field(default_factory=list)

    def problems(self) -> list[str]:
        lines = [f"console error: {m}" for m in self.console_errors]
        lines += [f"failed request: {r}" for r in self.failed_requests]
        lines += [f"third-party request (blocked): {r}" for r in self.third_party]
        for v in self.axe_violations:
            targets = "; ".join(n for n in v["nodes"][:5])
            lines.append(f"axe {v['id']} ({v['impact']}): {v['help']} -> {targets}")
        return lines


class PageProbe:
    """A fresh browser context that records every problem of the pages opened in it.

    Requests to hosts other than the loopback server are aborted before they leave and recorded,
    so a test never talks to the outside even when a page tries to.
    """

    def __init__(self, browser, base_url: str, **context_args):
        self.base_url = base_url
        self.context = browser.new_context(base_url=base_url, **context_args)
        self.report = PageReport(url="")
        self._pending: set = set()
        self.context.route("**/*", self._route)
        self.context.route_web_socket(re.compile(r".*"), self._route_ws)
        self.context.on("console", self._on_console)
        self.context.on("weberror", lambda e: self.report.console_errors.append(f"uncaught: {e.error}"))
        self.context.on("request", lambda r: self._pending.add(r))
        self.context.on("response", self._on_response)
        self.context.on("requestfinished", lambda r: self._pending.discard(r))
        self.context.on("requestfailed", self._on_failed)
        self.page = self.context.new_page()

    # Event handlers -----------------------------------------------------------------------

    def _route(self, route) -> None:
        url = route.request.url
        if is_loopback(url):
            route.continue_()
        else:
            self.report.third_party.append(url)
            route.abort("blockedbyclient")

    def _route_ws(self, ws) -> None:
        if is_loopback(ws.url):
            ws.connect_to_server()
        else:
            self.report.third_party.append(ws.url)
            ws.close()

    def _on_console(self, message) -> None:
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            self.report.console_errors.append(f"{message.text} [{where}]")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.report.failed_requests.append(f"{response.status} {response.url}")

    def _on_failed(self, request) -> None:
        self._pending.discard(request)
        if not is_loopback(request.url):
            return  # blocked third-party requests are counted apart
        if request.failure == "net::ERR_ABORTED":
            # Cancelled by the browser, not refused by the server: leaving a page aborts what it
            # still loads (its favicon, typically). A 4xx/5xx answer is caught by _on_response.
            return
        self.report.failed_requests.append(f"{request.failure} {request.url}")

    # Actions ------------------------------------------------------------------------------

    def open(self, path: str, wait_ready: bool = True):
        """Go to `path` and (unless told not to) wait until its search index is loaded."""
        self.report.url = path
        self.page.goto(path, wait_until="load")
        if wait_ready:
            wait_until_ready(self.page)
        return self.page

    def settle(self, timeout_s: float = 60.0) -> None:
        """Wait until every request the page started has an answer (so a late 404 is seen)."""
        deadline = time.monotonic() + timeout_s
        while self._pending and time.monotonic() < deadline:
            # Lets Playwright deliver the outstanding events; returns as soon as they are in.
            self.page.wait_for_timeout(20)
        if self._pending:
            self.report.failed_requests += [f"no answer: {r.url}" for r in self._pending]

    def close(self) -> None:
        self.context.close()

    def __enter__(self) -> "PageProbe":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# Material writes its "initialising search" text into the page and replaces it with the
# placeholder text once the worker has loaded the index: that is the page's ready signal.
_SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const config = document.getElementById('__config');
  if (!meta || !config) return true;
  const ready = JSON.parse(config.textContent).translations['search.result.placeholder'];
  return meta.textContent.trim() === ready;
}"""


# The sum of a page's layout shifts since it opened (the browser keeps the entries), leaving out
# those that follow the reader's input: page.evaluate(LAYOUT_SHIFT) (Lighthouse's CLS, roughly).
LAYOUT_SHIFT = """() => new Promise(resolve => {
  new PerformanceObserver((list, observer) => {
    observer.disconnect();
    resolve(list.getEntries().filter(e => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0));
  }).observe({type: 'layout-shift', buffered: true});
  // No shift at all: the observer gets no entry; a later frame settles it at 0.
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(0)));
})"""


def wait_until_ready(page) -> None:
    page.wait_for_function(_SEARCH_READY, timeout=READY_TIMEOUT_MS)


_AXE_RUN = """async (tags) => {
  // resultTypes: only violations are read; axe then skips detailing passes (much faster).
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ')),
  }));
}"""


_TRANSITIONS_DONE = """() => Promise.all(document.getAnimations()
  .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
  .map((a) => a.finished.catch(() => null)))"""


@functools.cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def run_axe(page, tags: list[str] | None = None) -> list[dict]:
    """axe-core's violations of the WCAG 2.1 A/AA rules on the page at rest."""
    # Colours are judged once running transitions end (a search overlay fading in is still
    # translucent: its text would be measured lighter than it is). Endless animations are not
    # waited for.
    page.evaluate(_TRANSITIONS_DONE)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not added as a <script>: pages with a
        # Content-Security-Policy (the demo's) refuse inline scripts, and must keep doing so.
        page.evaluate(_axe_source())
    return page.evaluate(_AXE_RUN, tags or WCAG_TAGS)


def check_page(browser, base_url: str, path: str) -> PageReport:
    """Open one page in a fresh context and return everything that went wrong on it."""
    with PageProbe(browser, base_url) as probe:
        page = probe.open(path, wait_ready=False)
        # axe runs while Material's search worker loads its index; then both must be done.
        probe.report.axe_violations = run_axe(page)
        wait_until_ready(page)
        probe.settle()
        return probe.report


# --- the whole site (the script) ------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an existing build (default: build one, strict)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every problem")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with contextlib.ExitStack() as stack:
        site = args.site
        if site is None:
            site = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="site-check-")))
            started = time.perf_counter()
            built = build_site(site)
            if built.returncode != 0:
                print(built.stdout + built.stderr, file=sys.stderr)
                return 2
            print(f"build (mkdocs --strict): {time.perf_counter() - started:.1f} s")
        paths = page_paths(site)
        base_url = stack.enter_context(serve(site))
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(**launch_options())
        stack.callback(browser.close)

        started = time.perf_counter()
        reports = [check_page(browser, base_url, path) for path in paths]
        elapsed = time.perf_counter() - started

    per_lang = {lang: sum(1 for p in paths if language_of(p) == lang) for lang in LANGUAGES}
    totals = {
        "console errors": sum(len(r.console_errors) for r in reports),
        "failed requests": sum(len(r.failed_requests) for r in reports),
        "third-party requests": sum(len(r.third_party) for r in reports),
        "axe violations (WCAG 2.1 A/AA, rule x page)": sum(len(r.axe_violations) for r in reports),
        "axe violating nodes": sum(len(v["nodes"]) for r in reports for v in r.axe_violations),
    }
    print(f"pages checked: {len(paths)} ({', '.join(f'{lang} {count}' for lang, count in per_lang.items())})")
    for name, value in totals.items():
        print(f"{name}: {value}")
    print(f"browser run: {elapsed:.1f} s ({elapsed / max(len(paths), 1):.2f} s per page)")
    bad = [r for r in reports if r.problems()]
    for report in bad if args.verbose else bad[:5]:
        print(f"\n{report.url}")
        for line in report.problems():
            print(f"  {line}")
    if bad and not args.verbose and len(bad) > 5:
        print(f"\n... and {len(bad) - 5} more pages with problems (-v lists them)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
