"""The browser's Python runs optimized (tools/build_runtime.ENV: PYTHONOPTIMIZE=2), which drops
assert statements and docstrings from what it compiles. The engine must not depend on either:
a rule kept in an assert would hold in the tests (run without the flag) and not for the reader."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tools import build_runtime

ENGINE = Path(__file__).resolve().parents[2] / "demo" / "engine" / "src" / "egov_roles"
SOURCES = sorted(ENGINE.rglob("*.py"))


def test_the_browser_starts_python_optimized():
    assert build_runtime.ENV["PYTHONOPTIMIZE"] == "2"


def test_there_are_engine_sources_to_check():
    assert len(SOURCES) > 5, SOURCES


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(ENGINE)))
def test_the_engine_uses_no_assert_and_reads_no_docstring(source: Path):
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    faults = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            faults.append(f"line {node.lineno}: assert (dropped when optimized)")
        elif isinstance(node, ast.Attribute) and node.attr == "__doc__":
            faults.append(f"line {node.lineno}: reads __doc__ (None when optimized)")
        elif isinstance(node, ast.Name) and node.id == "__debug__":
            faults.append(f"line {node.lineno}: __debug__ (False when optimized)")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if any(n.split(".")[0] in {"pydoc", "inspect"} for n in names):
                faults.append(f"line {node.lineno}: imports {names} (docstrings are gone when optimized)")
    assert not faults, faults
