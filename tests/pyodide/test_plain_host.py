"""The demo from a plain static host: the built site's files as they are, with their types and
nothing else (no gzip'd twin sent with Content-Encoding, no Content-Security-Policy or caching
header), as a host that knows none of demo/runtime/README.md would serve them. The engine must
start from its snapshot and answer as with tools/serve.py."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from engine_page import start_and_validate
from tools import check_pages
from tools.serve import EXTRA_TYPES

pytestmark = pytest.mark.browser



class PlainHandler(http.server.SimpleHTTPRequestHandler):
    """Files as they are, with the right types (a host must at least know .mjs and .wasm)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}

    def send_header(self, keyword: str, value: str) -> None:
        self.server.headers_sent.append((self.path, keyword))
        super().send_header(keyword, value)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature from the base class
        pass


@pytest.fixture
def plain_url(built_site):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(PlainHandler, directory=str(built_site)))
    server.headers_sent = []
    server.handle_error = lambda request, address: None  # connections the browser drops
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", server
    server.shutdown()
    server.server_close()
    thread.join()


def test_demo_starts_from_a_plain_static_host(browser, plain_url):
    url, server = plain_url
    with check_pages.PageProbe(browser, url) as probe:
        info = start_and_validate(probe.page)
        assert info["mode"] == "snapshot", info
        probe.settle()
        assert not probe.report.problems(), probe.report.problems()
    runtime = [(path, header) for path, header in server.headers_sent if path.startswith("/runtime/")]
    assert any(path.endswith("/pyodide.asm.wasm") for path, _ in runtime), "the WebAssembly was not fetched"
    sent = {header.lower() for _, header in runtime}
    assert not sent & {"content-encoding", "content-security-policy", "cache-control"}, sent
