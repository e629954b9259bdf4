"""The engine's own test suite, run inside real Pyodide: Node with the npm package `pyodide`, the
engine and python-stdnum installed from the wheels the site serves (build/wheels), pytest and
hypothesis from pure wheels (build/test-wheels). See run.mjs.

Slow-marked tests (the 10,000-sequence stateful run) are deselected, as in the default CPython
suite; every other test, the scenario tests included, must run and pass. The number of tests run
inside Pyodide is printed in the closing summary."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools import wheels

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("run.mjs")
ENGINE_TESTS = "demo/engine/tests"
SELECTION = ["-m", "not slow"]
TIMEOUT_S = 3600

pytestmark = pytest.mark.pyodide


def run_in_pyodide(args: list[str]) -> tuple[dict, str]:
    if shutil.which("node") is None:
        pytest.fail("node is needed to run Pyodide (make install)", pytrace=False)
    wheels.runtime_wheels()
    wheels.test_wheels()
    proc = subprocess.run(
        ["node", str(RUNNER), "--", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S,
    )
    output = proc.stdout + proc.stderr
    found = re.search(r"^PYODIDE-RESULT (\{.*\})$", proc.stdout, re.M)
    if not found:
        pytest.fail(f"the Pyodide runner gave no result (exit {proc.returncode}):\n{output[-6000:]}",
                    pytrace=False)
    return json.loads(found.group(1)), output


def selected_in_cpython(args: list[str]) -> int:
    """How many tests the same selection holds in CPython (collection only)."""
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    found = re.search(r"^(\d+)(?:/\d+)? tests? collected", proc.stdout, re.M)
    if not found:
        pytest.fail(f"collecting {args} in CPython failed:\n{proc.stdout[-3000:]}{proc.stderr[-2000:]}",
                    pytrace=False)
    return int(found.group(1))


def test_engine_suite_passes_inside_pyodide(pyodide_report):
    args = [ENGINE_TESTS, *SELECTION, "-q"]
    result, output = run_in_pyodide(args)
    ran = sum(result[k] for k in ("passed", "failed", "errors", "skipped", "xfailed", "xpassed"))
    pyodide_report(
        f"{ran} engine tests ran inside Pyodide (Python {result.get('python')}, {result.get('platform')}):"
        f" {result['passed']} passed, {result['failed']} failed, {result['errors']} errors,"
        f" {result['skipped']} skipped, {result['deselected']} deselected (slow);"
        f" start {result['load_seconds']} s, run {result['run_seconds']} s"
    )
    assert result["exitcode"] == 0 and result["failed"] == 0 and result["errors"] == 0, output[-8000:]
    assert "site-packages" in result["egov_roles"], f"egov_roles not from the wheel: {result['egov_roles']}"
    assert result["skipped"] == 0, f"tests skipped inside Pyodide:\n{output[-4000:]}"
    expected = selected_in_cpython([ENGINE_TESTS, *SELECTION])
    assert ran == expected, f"{ran} tests ran inside Pyodide, the same selection holds {expected} in CPython"
