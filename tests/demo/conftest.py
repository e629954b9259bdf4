"""Fixtures of the demo's browser tests (tests/conftest.py builds and serves the site, with the
runtime and the demo application, and provides `open_page`).

`demo(lang, fragment="")` opens /demo/ or /nl/demo/ in a fresh browser context, waits until the
application shows its first screen, and returns a Demo (demo_page.py). When the test ends, each
page opened must have had no console error, no failed request and no request leaving 127.0.0.1.
"""

from __future__ import annotations

import pytest
from demo_page import PATHS, Demo


# Marks the page's runtime as primed in this browser context, before the worker looks (3 s
# after "ready"): the flows under test do not need the helper's Python start (prime.js), which
# would cost each test seconds of processor. tests/pyodide/test_demo_browser.py tests priming.
SKIP_PRIMING_JS = """async () => {
  const map = JSON.parse(document.querySelector("script[type=importmap]").textContent);
  const runtime = new URL("./", new URL(map.imports["egov-engine"], document.baseURI)).href;
  await new Promise((resolve, reject) => {
    const open = indexedDB.open("egov-runtime", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("primed");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const transaction = open.result.transaction("primed", "readwrite");
      transaction.objectStore("primed").put("not needed by the tests", runtime);
      transaction.oncomplete = () => { open.result.close(); resolve(); };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}"""


@pytest.fixture
def demo(open_page):
    opened: list[Demo] = []

    def _open(lang: str, fragment: str = "", wait: bool = True, **context_args) -> Demo:
        probe = open_page(PATHS[lang] + fragment, wait_ready=False, **context_args)
        probe.page.evaluate(SKIP_PRIMING_JS)
        page = Demo(probe, lang)
        if wait:
            page.wait_ready()
        opened.append(page)
        return page

    yield _open
    problems = [f"{d.lang} {line}" for d in opened if not d.page.is_closed() for line in d.problems()]
    assert not problems, "the demo page was not clean:\n  " + "\n  ".join(problems)
