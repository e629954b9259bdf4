"""Fixtures of the wizard's tests: one strict build of the site for the session, served on the
loopback interface, and Debian's chromium launched with the project's flags (tools/check_pages.py
holds those rules and the page probe the browser tests use)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the project's packages (macros, tools) live at the root
    sys.path.insert(0, str(ROOT))

from tools.check_pages import build_site, launch_options, serve  # noqa: E402


@pytest.fixture(scope="session")
def wizard_site(tmp_path_factory) -> Path:
    # WIZARD_TEST_SITE=<dir> reuses a build made a moment ago (while editing); unset, as in
    # `make test`, the session builds the site itself, strictly.
    if os.environ.get("WIZARD_TEST_SITE"):
        return Path(os.environ["WIZARD_TEST_SITE"])
    dest = tmp_path_factory.mktemp("wizard-site")
    built = build_site(dest)
    assert built.returncode == 0, f"mkdocs build --strict failed:\n{built.stdout}\n{built.stderr}"
    return dest


@pytest.fixture(scope="session")
def wizard_url(wizard_site):
    with serve(wizard_site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def wizard_browser(playwright):
    # pytest-playwright's session `playwright` fixture: one Playwright per test run, shared with
    # the other browser tests; the browser is Debian's chromium, never a downloaded one.
    browser = playwright.chromium.launch(**launch_options())
    yield browser
    browser.close()
