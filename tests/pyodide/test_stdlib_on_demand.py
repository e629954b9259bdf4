"""The standard library on demand, in real Pyodide (Node) from the built runtime and its snapshot.

A start from the snapshot gives Pyodide's loader an empty archive in place of the standard
library's, and the worker does not fetch the real one (demo/runtime/worker.js, start()). An import
of a standard-library module the snapshot does not hold must still work: the finder of demo/runtime/boot.mjs (STDLIB_ON_DEMAND_SOURCE) fetches the archive
synchronously first. Here the browser's XMLHttpRequest is played by a stand-in that serves the
runtime's files (stdlib_on_demand.mjs); tests/pyodide/test_demo_browser.py checks the worker's side
in Chromium."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.pyodide


@pytest.fixture(scope="module")
def observed(run_on_snapshot) -> dict:
    return run_on_snapshot("stdlib_on_demand.mjs", "STDLIB-RESULT")


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


def test_a_purged_module_a_library_kept_comes_back_on_use(observed):
    # boot.mjs, PURGED_BEFORE_SNAPSHOT: python-stdnum's util holds pkgutil, emptied in the snapshot.
    assert observed["purgedOnUse"] == {"outcome": "ok", "fresh": True}, observed["purgedOnUse"]
