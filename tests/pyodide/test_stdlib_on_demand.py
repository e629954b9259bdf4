"""The standard library on demand, in real Pyodide (Node) from the built runtime and its snapshot.

A start from the snapshot gives Pyodide's loader an empty archive in place of the standard
library's, and the worker does not fetch the real one (demo/runtime/worker.js, start()). An import
of a standard-library module the snapshot does not hold must still work: the finder of demo/runtime/boot.mjs (STDLIB_ON_DEMAND_SOURCE) fetches the archive
synchronously first. Here the browser's XMLHttpRequest is played by a stand-in that serves the
runtime's files (stdlib_on_demand.mjs); tests/pyodide/test_demo_browser.py checks the worker's side
in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("stdlib_on_demand.mjs")

pytestmark = pytest.mark.pyodide


@pytest.fixture(scope="module")
def observed(built_site: Path, tmp_path_factory) -> dict:
    if shutil.which("node") is None:
        pytest.fail("node is needed to run Pyodide (make install)", pytrace=False)
    page = (built_site / "demo" / "index.html").read_text(encoding="utf-8")
    runtime = re.search(r'src="(?:\.\./)*(runtime/[0-9a-f]+/)client\.js"', page).group(1)
    proc = subprocess.run(
        ["node", str(SCRIPT), str(built_site / runtime), str(tmp_path_factory.mktemp("stdlib"))],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    found = re.search(r"^STDLIB-RESULT (\{.*\})$", proc.stdout, re.M)
    assert found, f"no result (exit {proc.returncode}):\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
    return json.loads(found.group(1))


def test_the_engine_starts_and_answers_without_the_archive(observed):
    start = observed["start"]
    assert start["finder"] and start["archive"] == 22 and start["size"] > 1_000_000, start
    assert observed["check"] is True
    assert observed["colorsysLoaded"] is False  # so that importing it below needs the archive


def test_other_names_are_left_to_the_import_system(observed):
    case = observed["notStdlib"]
    assert case["outcome"] == "ModuleNotFoundError: No module named 'no_such_module_anywhere'", case
    assert case["finder"] is True and case["requests"] == 0, case


def test_without_an_address_the_import_fails_clearly(observed):
    case = observed["noAddress"]
    assert case["outcome"].startswith("ImportError: the standard library (/lib/python"), case
    assert "not there yet" in case["outcome"] and case["finder"] is True and case["requests"] == 0, case


def test_an_early_import_fetches_the_archive_once_and_the_finder_steps_aside(observed, built_site):
    case = observed["fetched"]
    assert case["outcome"] == "ok", case
    assert case["requests"] == [{"method": "GET", "async": False}], case  # synchronous, once
    assert case["finder"] is False, case
    assert case["archive"] == observed["start"]["size"], case
    assert observed["after"] == {"outcome": "ok", "requests": 1}, observed["after"]
    assert observed["engineAfter"] is True


def test_the_snapshot_was_taken_optimized_and_without_pydoc(observed):
    # tools/build_runtime.ENV and the pydoc stand-in of boot.mjs's BRIDGE_SOURCE.
    assert observed["optimize"] == 2
    assert observed["pydocLoaded"] is False


def test_pydoc_comes_on_first_use(observed):
    assert observed["pydocOnUse"] == {"outcome": "ok", "real": True, "again": "ok"}, observed["pydocOnUse"]
