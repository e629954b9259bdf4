"""Fixtures of the demo's browser tests (tests/conftest.py builds and serves the site, with the
runtime and the demo application, and provides `open_page`).

`demo(lang, fragment="")` opens /demo/ or /nl/demo/ in a fresh browser context, waits until the
application shows its first screen, and returns a Demo (demo_page.py). When the test ends, each
page opened must have had no console error, no failed request and no request leaving 127.0.0.1.
"""

from __future__ import annotations

import pytest
from demo_page import PATHS, Demo


@pytest.fixture
def demo(open_page):
    opened: list[Demo] = []

    def _open(lang: str, fragment: str = "", wait: bool = True, **context_args) -> Demo:
        probe = open_page(PATHS[lang] + fragment, wait_ready=False, **context_args)
        page = Demo(probe, lang)
        if wait:
            page.wait_ready()
        opened.append(page)
        return page

    yield _open
    problems = [f"{d.lang} {line}" for d in opened if not d.page.is_closed() for line in d.problems()]
    assert not problems, "the demo page was not clean:\n  " + "\n  ".join(problems)
