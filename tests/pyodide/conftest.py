"""Fixtures of the Pyodide tests: reports written into pytest's closing summary, so the number of
engine tests that ran inside Pyodide is printed by every run (not only with -s)."""

from __future__ import annotations

import pytest

_REPORT_KEY = pytest.StashKey[list]()


@pytest.fixture
def pyodide_report(request):
    """`pyodide_report(line)`: adds a line to the run's closing summary (and prints it)."""
    lines = request.config.stash.setdefault(_REPORT_KEY, [])

    def report(line: str) -> None:
        lines.append(line)
        print(line)

    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    lines = config.stash.get(_REPORT_KEY, [])
    if lines:
        terminalreporter.section("engine inside Pyodide")
        for line in lines:
            terminalreporter.write_line(line)
