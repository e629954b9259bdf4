"""Shared fixtures of the test suite.

- `built_site`: the site built once per session with `mkdocs build --strict` into a temporary
  directory (never the possibly stale site/); `site_build` holds the build's result and log.
- `site_url`: that build served on a free loopback port (tools/serve.py's make_server). It is also
  pytest-playwright's `base_url`, so `page.goto("/nl/")` works in any Playwright test.
- `browser`: pytest-playwright's session browser, configured here to be Debian's chromium
  (/usr/bin/chromium) with the project's flags; never a downloaded browser.
- `open_page`: opens a site path in a fresh context and records console errors, failed responses
  and requests leaving 127.0.0.1 (blocked before they are sent); see tools/check_pages.PageProbe.
- `nginx_url`: the same build served by Debian's nginx with the configuration tools/host.py
  generates from data/host.yml (as `make build` writes it for a host), on a free loopback port.
- `plain_url`: the same build served by Python's http.server as it is: no compressed twins, no
  headers of the host description (a plain static host).
- `axe`: runs axe-core (node_modules/axe-core) with the WCAG 2.1 A/AA tags on a page.
- `site_page`: parametrizes a test over every page of the build (both languages), e.g.
  `def test_x(site_page): ...` runs once per built page with its URL path.

Browser tests must carry `@pytest.mark.browser`.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

from tools import check_pages, host

_BUILD_KEY = pytest.StashKey[dict]()


def _build(config: pytest.Config) -> dict:
    """Build the site once per session (at collection or at first use, whichever comes first)."""
    cached = config.stash.get(_BUILD_KEY, None)
    if cached is None:
        dest = Path(tempfile.mkdtemp(prefix="site-under-test-"))
        config.add_cleanup(lambda: shutil.rmtree(dest, ignore_errors=True))
        result = check_pages.build_site(dest)
        cached = {
            "dir": dest,
            "ok": result.returncode == 0,
            "log": result.stdout + result.stderr,
            "pages": check_pages.page_paths(dest) if result.returncode == 0 else [],
        }
        config.stash[_BUILD_KEY] = cached
    return cached


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Pages come from the build itself, so a page added by anyone is checked without a list here.
    if "site_page" in metafunc.fixturenames:
        build = _build(metafunc.config)
        pages = build["pages"] or ["<build failed>"]
        metafunc.parametrize("site_page", pages, ids=pages)


@pytest.fixture(scope="session")
def site_build(pytestconfig: pytest.Config) -> dict:
    """The session's build: {'dir': Path, 'ok': bool, 'log': str, 'pages': [url paths]}."""
    return _build(pytestconfig)


@pytest.fixture(scope="session")
def built_site(site_build: dict) -> Path:
    """Directory of the freshly built site; fails the test (with mkdocs' log) if the build failed."""
    if not site_build["ok"]:
        pytest.fail("mkdocs build --strict failed:\n" + site_build["log"][-4000:], pytrace=False)
    return site_build["dir"]


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL (http://127.0.0.1:<free port>) serving the fresh build."""
    with check_pages.serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def nginx_url(built_site: Path):
    """Base URL of nginx serving the fresh build with the generated configuration."""
    if not Path(host.NGINX).is_file():
        pytest.fail(f"{host.NGINX} is missing: `make install-nginx` installs Debian's nginx", pytrace=False)
    with host.nginx(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def plain_url(built_site: Path):
    """Base URL of Python's plain http.server on the fresh build (no twins, no headers)."""
    handler = functools.partial(_QuietPlainHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer((check_pages.LOOPBACK, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{check_pages.LOOPBACK}:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


class _QuietPlainHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's signature
        pass


@pytest.fixture(scope="session")
def base_url(site_url: str) -> str:
    # Overrides pytest-playwright's base_url: its contexts and pages resolve "/..." on our server.
    return site_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    # Overrides pytest-playwright's launch arguments: Debian's chromium, the project's flags.
    return {**browser_type_launch_args, **check_pages.launch_options()}


@pytest.fixture
def open_page(browser, site_url: str):
    """Factory: `probe = open_page("/nl/")` -> a PageProbe whose `.page` is loaded and ready
    (search index loaded), whose `.report` collects problems, and whose `.settle()` waits for
    outstanding requests. Extra keyword arguments go to browser.new_context (e.g. viewport).
    Every context opened is closed at the end of the test."""
    probes = []

    def _open(path: str, wait_ready: bool = True, **context_args) -> check_pages.PageProbe:
        probe = check_pages.PageProbe(browser, site_url, **context_args)
        probes.append(probe)
        probe.open(path, wait_ready=wait_ready)
        return probe

    yield _open
    for probe in probes:
        probe.close()


@pytest.fixture(scope="session")
def axe():
    """`axe(page)` -> list of axe-core violations (WCAG 2.1 A/AA) of the page as it is now."""
    if not check_pages.AXE_SCRIPT.exists():
        pytest.fail(f"{check_pages.AXE_SCRIPT} is missing: run `npm ci` (make install)", pytrace=False)
    return check_pages.run_axe
