"""Fixtures of the Pyodide tests: reports written into pytest's closing summary, so the number of
engine tests that ran inside Pyodide is printed by every run (not only with -s); and the Node
scripts that restore the built runtime's real snapshot."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

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


@pytest.fixture(scope="session")
def run_on_snapshot(built_site: Path, tmp_path_factory):
    """`run_on_snapshot(script, marker, *args)`: runs a Node script of this directory with the
    built site's runtime directory and a scratch directory (then `args`), and returns the JSON
    of its line `<marker> {...}`."""
    if shutil.which("node") is None:
        pytest.fail("node is needed to run Pyodide (make install)", pytrace=False)
    page = (built_site / "demo" / "index.html").read_text(encoding="utf-8")
    runtime = built_site / re.search(r'src="(?:\.\./)*(runtime/[0-9a-f]+/)client\.js"', page).group(1)

    def run(script: str, marker: str, *args: str) -> dict:
        scratch = tmp_path_factory.mktemp(Path(script).stem)
        proc = subprocess.run(
            ["node", str(Path(__file__).with_name(script)), str(runtime), str(scratch), *args],
            cwd=ROOT, capture_output=True, text=True, timeout=600,
        )
        found = re.search(rf"^{marker} (\{{.*\}})$", proc.stdout, re.M)
        assert found, f"no result (exit {proc.returncode}):\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
        return json.loads(found.group(1))

    return run
