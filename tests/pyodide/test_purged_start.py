"""The snapshot leaves out the modules of Pyodide's own start that a start from it never uses
(demo/runtime/boot.mjs, PURGED_BEFORE_SNAPSHOT: asyncio and Pyodide's event loop, the package
loader's helpers, inspect...). Checked in real Pyodide under Node from the built runtime and its
snapshot (purged_start.mjs), and in the worker's code: after a restore, the engine must not lean
on any of them, and the worker must not use what needs them (awaiting, packages, relaxed calls).
An engine import of a purged module would still work (the standard library's finder fetches the
archive), at the cost the browser test catches: a request for the archive."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tools import build_runtime

RUNTIME = Path(__file__).resolve().parents[2] / "demo" / "runtime"
# Pyodide's API that needs what the snapshot leaves out: the event loop (awaiting in Python,
# runPythonAsync), the package loader (loadPackage, micropip), inspect (callRelaxed).
NEEDS_PURGED = ("runPythonAsync", "loadPackage", "loadPackagesFromImports", "callRelaxed",
                "callSyncifying", "runPythonSyncifying", "micropip")

pytestmark = pytest.mark.pyodide


@pytest.fixture(scope="module")
def observed(run_on_snapshot, tmp_path_factory) -> dict:
    # The requests the build sends before taking the snapshot, and the worker's probe.
    requests = tmp_path_factory.mktemp("requests") / "requests.json"
    requests.write_text(json.dumps([*build_runtime.WARMUP, build_runtime.CHECK]), encoding="utf-8")
    return run_on_snapshot("purged_start.mjs", "PURGED-RESULT", str(requests))


def test_the_snapshot_holds_none_of_the_purged_modules(observed):
    assert "asyncio" in observed["roots"] and "pyodide.webloop" in observed["roots"], observed["roots"]
    assert observed["loadedAtStart"] == [], observed["loadedAtStart"]


def test_the_snapshot_holds_no_table_of_the_archive(observed):
    # Read again from the archive once the finder has fetched it (test_stdlib_on_demand.py).
    assert observed["archiveTable"] == 0, observed["archiveTable"]


def test_the_engine_holds_nothing_of_a_purged_module(observed):
    # A function or class of a purged module, kept by the engine, python-stdnum or the bridge,
    # would run with emptied globals after a restore.
    assert observed["engineHolders"] == [], observed["engineHolders"]


def test_the_engine_answers_without_importing_them_again(observed):
    assert observed["answers"] and all(observed["answers"]), observed["answers"]
    assert observed["loadedAfterRequests"] == [], observed["loadedAfterRequests"]


def test_time_sleep_is_pythons_own_again(observed):
    # Pyodide's event loop had replaced it with one that runs the loop.
    assert observed["sleep"] == ["builtin_function_or_method", "time", None], observed["sleep"]


@pytest.mark.parametrize("script", ["worker.js", "boot.mjs", "client.js", "inflate.js"])
def test_the_worker_uses_nothing_that_needs_them(script):
    code = re.sub(r"^\s*//.*$", "", (RUNTIME / script).read_text(encoding="utf-8"), flags=re.M)
    used = [name for name in NEEDS_PURGED if re.search(rf"\b{name}\b", code)]
    assert used == [], f"{script} uses {used}, which a start from the snapshot cannot serve"
