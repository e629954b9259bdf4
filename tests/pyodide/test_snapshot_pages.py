"""The memory snapshot's file: the build writes the pages that are not zeros
(tools/build_runtime._snapshot_pages), the browser lays them out again (demo/runtime/boot.mjs,
snapshotPages), fed in pieces as the network hands them over. Node runs the browser's code."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from tools import build_runtime

ROOT = Path(__file__).resolve().parents[2]
BOOT = ROOT / "demo" / "runtime" / "boot.mjs"

# Reads the file in pieces of the given lengths (cycled); prints the memory's sha256 or the error.
READ = """
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
const [boot, file, size, pieces] = process.argv.slice(1);
const { snapshotPages } = await import(boot);
const bytes = new Uint8Array(readFileSync(file));
const lengths = JSON.parse(pieces);
try {
  const pages = snapshotPages(Number(size));
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = lengths[i % lengths.length];
    pages.push(bytes.subarray(at, at + n));
    at += n;
  }
  console.log(createHash("sha256").update(pages.finish()).digest("hex"));
} catch (error) {
  console.log("ERROR " + error.message);
}
"""


def read_back(file: Path, size: int, pieces: list[int]) -> str:
    if shutil.which("node") is None:
        pytest.fail("node is needed (make install)", pytrace=False)
    proc = subprocess.run(["node", "--input-type=module", "-e", READ, "--", BOOT.as_uri(), str(file), str(size),
                           json.dumps(pieces)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.fixture
def memory(tmp_path) -> tuple[Path, bytes]:
    """A memory of zero pages and data pages, its length not a whole number of pages."""
    rng = random.Random(7)
    page = build_runtime.SNAPSHOT_PAGE
    parts = [bytes(page * 3), rng.randbytes(page * 2), bytes(page), b"\x01" + bytes(page - 1),
             bytes(page * 5), rng.randbytes(page + 123)]
    dense = tmp_path / "engine.snapshot"
    dense.write_bytes(b"".join(parts))
    return dense, dense.read_bytes()


@pytest.mark.parametrize("pieces", [[1 << 20], [1], [3, 4096, 7], [65536, 5]])
def test_the_pages_read_back_as_the_memory(memory, pieces):
    dense, data = memory
    entry = build_runtime._snapshot_pages(dense)
    pages = dense.with_name(entry["file"])
    assert entry["size"] == len(data) and entry["transferSize"] == pages.stat().st_size
    assert pages.stat().st_size < len(data) / 2  # the zero pages are left out
    assert read_back(pages, len(data), pieces) == hashlib.sha256(data).hexdigest()


def test_a_file_cut_short_or_too_long_or_for_another_size_is_refused(memory, tmp_path):
    dense, data = memory
    pages = dense.with_name(build_runtime._snapshot_pages(dense)["file"])
    whole = pages.read_bytes()
    cases = {"cut short": (whole[:-1], len(data)), "bytes after the last run": (whole + b"\0", len(data)),
             "a run out of place": (whole, len(data) - 200), "cut short ": (whole[:2], len(data))}
    for why, (content, size) in cases.items():
        bad = tmp_path / "bad.bin"
        bad.write_bytes(content)
        said = read_back(bad, size, [4096])
        assert said.startswith("ERROR") and why.strip() in said, (why, said)
