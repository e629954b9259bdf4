"""A host that sends every .gz file with Content-Encoding: gzip (a common setting) hands the
worker the runtime's site-packages already inflated: the start recognises it by its content and
goes on, from the snapshot or afresh, with the same engine either way. (The snapshot's file is
not a gzip file: such a host sends its gzip twin encoded, as any host that has them.)

Served by tools/serve.py's gz_encoding mode (check_pages.serve(gz_encoding=True))."""

from __future__ import annotations

import pytest

from tools import check_pages

from engine_page import READY_TIMEOUT_MS, REQUEST_JS, VALID_NISS

pytestmark = pytest.mark.browser

CHECK = {**VALID_NISS, "lang": "nl"}


@pytest.fixture(scope="module")
def encoding_host(built_site):
    with check_pages.serve(built_site, gz_encoding=True) as url:
        yield url


def encodings(probe) -> dict:
    """Content-Encoding of each .gz response the page's workers received."""
    seen = {}
    probe.context.on("response", lambda r: r.url.endswith(".gz") and seen.__setitem__(
        r.url.rsplit("/", 1)[-1], r.headers.get("content-encoding")))
    return seen


@pytest.mark.parametrize("snapshot", [True, False], ids=["snapshot", "fresh"])
def test_the_engine_starts_when_every_gz_file_is_sent_encoded(browser, encoding_host, snapshot):
    with check_pages.PageProbe(browser, encoding_host) as probe:
        seen = encodings(probe)
        if not snapshot:
            probe.context.route("**/engine.snapshot.bin", lambda route: route.fulfill(status=404))
        probe.page.goto("/nl/demo/", wait_until="load")
        probe.page.wait_for_selector("html[data-engine=ready]", timeout=READY_TIMEOUT_MS)
        result = probe.page.evaluate(REQUEST_JS, CHECK)
        assert result["info"]["mode"] == ("snapshot" if snapshot else "fresh"), result["info"]
        assert result["response"]["ok"] is True and result["response"]["data"]["valid"] is True
        assert seen.get("site-packages.tar.gz") == "gzip", seen
        probe.page.wait_for_selector("#demo-app[data-demo=ready]", timeout=READY_TIMEOUT_MS)
        probe.settle()
        assert [p for p in probe.report.problems() if "engine.snapshot.bin" not in p] == []
