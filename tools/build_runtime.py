"""Assemble the demo's Pyodide runtime in build/runtime/, ready to be copied into the site.

build/runtime/ holds:
  pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, python_stdlib.zip, pyodide-lock.json
      the npm package's core files, unchanged (package-lock.json pins the version)
  wheels/*.whl, wheels/manifest.json
      the engine and its locked pure-Python dependencies (tools/wheels.py)
  site-packages.tar.gz
      the same wheels' files as site-packages holds them, in one gzip'd archive for the worker
  engine.snapshot.bin, engine.snapshot.bin.br, engine.snapshot.bin.gz
      Pyodide's memory once Python has started and imported the engine (make-snapshot.mjs),
      its pages that are not all zeros only (_snapshot_pages), and its twins
  *.br, *.gz
      the same bytes compressed, beside the files worth it (PRECOMPRESSED), to be served with
      Content-Encoding
  boot.mjs, worker.js, inflate.js, inflated.mjs, prime.js, client.js, status.js,
  runtime-config.js
      the worker, the page's client, and the manifest the worker reads
build/runtime.json says which inputs made it (rebuilt only when they change) and the runtime's
content id: the site serves it under /runtime/<id>/, so every file can be cached for good.

`python -m tools.build_runtime` builds it if stale; the mkdocs hook calls `ensure()`.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

if __package__ in (None, ""):  # run as a file by the mkdocs hook's import
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import host
from tools import wheels as wheels_tool
from tools.languages import DEFAULT, LANGUAGES, OTHERS

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
SOURCES = ROOT / "demo" / "runtime"
OUT = ROOT / "build" / "runtime"
STAMP = ROOT / "build" / "runtime.json"
PYODIDE_FILES = (
    "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"
)
# Browser files of the runtime (make-snapshot.mjs is a build tool and stays out of the site).
SERVED_SOURCES = (
    "boot.mjs", "worker.js", "inflate.js", "inflated.mjs", "prime.js", "client.js", "status.js"
)
SITE_PACKAGES = "site-packages.tar"
ENGINE_PACKAGE = "egov_roles"
ENGINE_STDLIB = "engine_stdlib.zip"
# Served compressed: beside each of these the build writes <name>.br (brotli at quality 11, the
# densest: here, once per runtime version, not at each site build) and <name>.gz, which
# tools/serve.py sends with Content-Encoding to a browser that accepts it (as nginx's
# brotli_static and gzip_static do; a host that sends the plain file works too, with more bytes on
# the wire). The browser decodes them in its network process. python_stdlib.zip is left out: its
# members are compressed already (2.55 MB -> 2.50 MB). site-packages is a gzip file itself,
# inflated by the worker (every byte the browser's network process hands over costs the start
# time on a loaded machine: 0.09 s sooner inflated in the worker, interleaved A/B of 8 rounds).
PRECOMPRESSED = ("pyodide.asm.wasm", "pyodide.asm.mjs", ENGINE_STDLIB, "engine.snapshot.bin")
# The memory snapshot's pages, in bytes: a run of whole pages of zeros is left out of its file.
SNAPSHOT_PAGE = 4096
# The environment Python starts with: the snapshot bakes it in, so the browser must use the same.
# PYTHONOPTIMIZE=2 leaves docstrings and assert statements out of every module Python compiles,
# PYTHONNODEBUGRANGES the column ranges of tracebacks: a snapshot 15% smaller on the wire
# (demo/runtime/README.md has the figures).
# The engine keeps no rule in an assert nor reads a docstring (tests/pyodide/test_optimized_start.py
# checks its source); its test suite runs in Pyodide without these flags (tests/pyodide/run.mjs), so
# that its asserts count.
ENV = {"HOME": "/home/pyodide", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONOPTIMIZE": "2", "PYTHONNODEBUGRANGES": "1"}
# Requests run before the snapshot is taken: what they import and cache is then in the snapshot.
# Read-only: they must leave the engine's state as it was.
# Each site language once, so that every language's texts are loaded in the snapshot.
WARMUP = [
    {"command": "engine.commands", "lang": DEFAULT},
    {"command": "engine.catalogue", "lang": DEFAULT},
    *({"command": "engine.policy", "lang": lang} for lang in LANGUAGES),
    *({"command": "engine.validate", "args": {"field": "niss", "value": "85073003328"}, "lang": lang} for lang in OTHERS),
]
# The build restores its own snapshot and sends this, and so does the worker before it says
# "ready": a cheap request that goes through python-stdnum.
CHECK = {"command": "engine.validate", "args": {"field": "niss", "value": "85073003328"}, "id": "probe"}


class RuntimeBuildError(RuntimeError):
    pass


def _sha256(path: Path) -> str:
    return wheels_tool.sha256(path)


def _fingerprint(wheel_manifest: dict) -> str:
    """Everything the runtime is made of; a change anywhere rebuilds it."""
    digest = hashlib.sha256()
    pyodide_version = json.loads((PYODIDE / "package.json").read_text())["version"]
    digest.update(pyodide_version.encode())
    for name in PYODIDE_FILES:
        digest.update(f"{name}:{(PYODIDE / name).stat().st_size}".encode())
    for w in wheel_manifest["wheels"]:
        digest.update(w["sha256"].encode())
    for path in sorted(SOURCES.glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeBuildError("node is needed to build the demo runtime (make install)")
    return node


def _stage(out: Path, wheel_manifest: dict) -> None:
    (out / "wheels").mkdir(parents=True)
    for name in PYODIDE_FILES:
        if not (PYODIDE / name).is_file():
            raise RuntimeBuildError(f"{PYODIDE / name} is missing: run `npm ci` (make install)")
        shutil.copy2(PYODIDE / name, out / name)
    for w in wheel_manifest["wheels"]:
        shutil.copy2(wheels_tool.WHEELS / w["file"], out / "wheels" / w["file"])
    shutil.copy2(wheels_tool.WHEELS / wheels_tool.MANIFEST, out / "wheels" / wheels_tool.MANIFEST)
    for name in SERVED_SOURCES:
        shutil.copy2(SOURCES / name, out / name)


def _site_packages(out: Path, wheel_manifest: dict) -> dict:
    """The files of the wheels, as site-packages holds them once installed, in one gzip'd ustar
    archive: the worker decompresses one stream instead of every wheel member apart. Of the
    dependencies, only the files the engine reads (_trim)."""
    members = _trim(_wheel_members(wheel_manifest))
    tar_bytes = io.BytesIO()
    with tarfile.open(fileobj=tar_bytes, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(members):  # sorted, no dates, no owners: the same wheels, the same bytes
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(members[name]), 0o644, 0
            tar.addfile(info, io.BytesIO(members[name]))
    path = out / SITE_PACKAGES
    path.write_bytes(tar_bytes.getvalue())
    return {**_gzip_instead(path), "files": len(members)}


def _wheel_members(wheel_manifest: dict) -> dict[str, bytes]:
    """Every file of the wheels, by its path in site-packages."""
    members: dict[str, bytes] = {}
    for w in wheel_manifest["wheels"]:
        with zipfile.ZipFile(wheels_tool.WHEELS / w["file"]) as wheel:
            for info in wheel.infolist():
                name = info.filename
                if info.is_dir():
                    continue
                if name.startswith("/") or ".." in name.split("/") or name.split("/")[0].endswith(".data"):
                    raise RuntimeBuildError(f"{w['file']}: {name} cannot go to site-packages as is")
                if name in members:
                    raise RuntimeBuildError(f"{name} is in two wheels")
                members[name] = wheel.read(name)
    return members


def _engine_files(members: dict[str, bytes]) -> dict:
    """What tools/engine_files.py says of these files laid out as site-packages: the files the
    engine imports or opens when all its modules are imported and the warm-up requests and the
    check are sent, and the answers."""
    with tempfile.TemporaryDirectory() as tree:
        for name, data in members.items():
            (Path(tree) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(tree) / name).write_bytes(data)
        proc = subprocess.run(
            [sys.executable, "-S", "-I", "-B", str(ROOT / "tools" / "engine_files.py"), tree,
             json.dumps([*WARMUP, CHECK])],
            capture_output=True, text=True,
        )
    if proc.returncode != 0:
        raise RuntimeBuildError(f"the engine does not import from its site-packages:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _trim(members: dict[str, bytes]) -> dict[str, bytes]:
    """The engine's own package and every distribution's metadata whole; of the dependencies, only
    the modules and data files the engine reads. python-stdnum's validators and data for every
    country were 3.3 MB of the 3.9 MB archive (0.8 MB of its 0.96 MB gzip'd); the engine reads
    seven of its files. Checked here: every engine module imports from the trimmed tree alone, and
    the warm-up requests and the check get the same answers as from the whole one."""
    whole = _engine_files(members)
    used = set(whole["files"])
    kept = {
        name: data for name, data in members.items()
        if name in used or name.split("/")[0] == ENGINE_PACKAGE or ".dist-info/" in name
    }
    trimmed = _engine_files(kept)
    if trimmed["answers"] != whole["answers"] or not all(a.get("ok") for a in whole["answers"]):
        raise RuntimeBuildError("the engine answers differently from its trimmed site-packages")
    return kept


def _gzip_instead(path: Path) -> dict:
    """Replace path by path.gz, a file the worker inflates itself; its manifest entry."""
    size = path.stat().st_size
    transfer = _gzip_beside(path)
    path.unlink()  # the site serves the gzip file only
    return {"file": path.name + ".gz", "encoding": "gzip", "size": size, "transferSize": transfer}


def _gzip_beside(path: Path) -> int:
    """Write path.gz (level 6: level 9 saves under 1 % and takes three times longer); its size."""
    packed = path.with_name(path.name + ".gz")
    packed.write_bytes(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
    return packed.stat().st_size


def _brotli_beside(path: Path) -> int:
    """Write path.br, the densest (tools/host.brotli_twin: once per runtime version); its size."""
    packed = path.with_name(path.name + ".br")
    packed.write_bytes(host.brotli_twin(path.read_bytes(), densest=True))
    return packed.stat().st_size


def _config(wheel_manifest: dict) -> dict:
    lock = json.loads((PYODIDE / "pyodide-lock.json").read_text())
    return {
        "pyodideVersion": json.loads((PYODIDE / "package.json").read_text())["version"],
        # loadPyodide wants a lock file; the package index it lists is of no use without the
        # packages, so only its `info` is passed (and the 119 kB file is not downloaded).
        "lockInfo": lock["info"],
        "env": ENV,
        # Fetched by Pyodide's loader itself during the start: the worker counts them for its
        # progress events. Not the standard library's archive: a start from the snapshot reads
        # none of it (demo/runtime/boot.mjs, STDLIB_ON_DEMAND_SOURCE).
        "coreFiles": [
            {"file": name, "size": (PYODIDE / name).stat().st_size}
            for name in ("pyodide.asm.mjs", "pyodide.asm.wasm")
        ],
        "wheelsDir": "wheels",
        "wheels": [
            {"file": w["file"], "sha256": w["sha256"], "size": w["size"]}
            for w in wheel_manifest["wheels"]
        ],
        "warmup": WARMUP,
        "check": CHECK,
    }


def _engine_stdlib(out: Path, used: list[str]) -> dict:
    """engine_stdlib.zip: of Pyodide's standard library (python_stdlib.zip, 614 members, 2.5 MB
    as its members are compressed one by one), the members the engine's Python imported when the
    snapshot was made, stored uncompressed so that the whole archive compresses as one stream
    (its gzip'd twin, sent with Content-Encoding). For the Python starts that read the archive
    (prime.js); checked here: a fresh start with it imports every engine module and answers the
    warm-up requests (check-stdlib.mjs). The snapshot's on-demand finder fetches the whole one."""
    wanted = set(used)
    with zipfile.ZipFile(out / "python_stdlib.zip") as whole:
        names = whole.namelist()
        missing = wanted - set(names)
        if missing:
            raise RuntimeBuildError(f"not in python_stdlib.zip: {sorted(missing)[:5]}")
        # Each kept member's directories too, as the original archive lists them.
        dirs = {name[: i + 1] for name in wanted for i, c in enumerate(name) if c == "/"}
        kept = [name for name in names if name in wanted or name in dirs]
        path = out / ENGINE_STDLIB
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as trimmed:
            for name in kept:
                original = whole.getinfo(name)
                info = zipfile.ZipInfo(name, date_time=original.date_time)
                info.external_attr = original.external_attr
                trimmed.writestr(info, whole.read(name), compress_type=zipfile.ZIP_STORED)
    proc = subprocess.run(
        [_node(), str(SOURCES / "check-stdlib.mjs"), str(out), ENGINE_STDLIB],
        capture_output=True, text=True, cwd=ROOT,
    )
    if proc.returncode != 0:
        raise RuntimeBuildError(f"the engine does not start with {ENGINE_STDLIB}:\n{proc.stderr[-4000:]}")
    answers = json.loads(proc.stdout.strip().splitlines()[-1])["answers"]
    if not all(answer.get("ok") is True for answer in answers):
        raise RuntimeBuildError(f"the engine answers badly with {ENGINE_STDLIB}: {answers!r}"[:2000])
    return {"file": ENGINE_STDLIB, "size": path.stat().st_size, "members": len(kept)}


def _make_snapshot(out: Path, config: dict) -> dict:
    (out / "runtime-config.json").write_text(json.dumps(config, indent=2))
    proc = subprocess.run(
        [_node(), str(SOURCES / "make-snapshot.mjs"), str(out)],
        capture_output=True, text=True, cwd=ROOT,
    )
    if proc.returncode != 0:
        raise RuntimeBuildError(f"snapshot build failed:\n{proc.stderr[-4000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    check = result["check"]
    if not isinstance(check, dict) or check.get("ok") is not True or check.get("id") != CHECK["id"]:
        raise RuntimeBuildError(f"the restored snapshot answered {check!r}")
    config["engineStdlib"] = _engine_stdlib(out, result["stdlib"])
    (out / "runtime-config.json").unlink()
    dense = out / result["file"]
    if dense.stat().st_size != result["size"]:
        raise RuntimeBuildError(f"the snapshot file has {dense.stat().st_size} bytes, make-snapshot said {result['size']}")
    entry = _snapshot_pages(dense)
    dense.unlink()
    # The pages a restore takes from the module's own memory (boot.mjs, takeModulePages).
    return {**entry, "fromModule": result["fromModule"]}


def _snapshot_pages(dense: Path) -> dict:
    """engine.snapshot.bin: the snapshot without its runs of zero pages (boot.mjs, fetchSnapshotPages,
    reads it back): a little-endian uint32 count of runs, each run's start and length as two
    uint32, then the runs' bytes in order. About two thirds of the 31.5 MB of memory are zeros
    (free memory zeroed, pages the module brings itself left out), so the browser's network
    process hands the worker a third of it once it has decoded the brotli twin (sizes in
    demo/runtime/README.md)."""
    data = dense.read_bytes()
    zero = bytes(SNAPSHOT_PAGE)
    runs: list[list[int]] = []
    for start in range(0, len(data), SNAPSHOT_PAGE):
        page = data[start:start + SNAPSHOT_PAGE]
        if page == zero[:len(page)]:
            continue
        if runs and runs[-1][0] + runs[-1][1] == start:
            runs[-1][1] += len(page)
        else:
            runs.append([start, len(page)])
    header = struct.pack(f"<{1 + 2 * len(runs)}I", len(runs), *(n for run in runs for n in run))
    pages = dense.with_name("engine.snapshot.bin")
    pages.write_bytes(header + b"".join(data[start:start + length] for start, length in runs))
    return {"file": pages.name, "size": len(data), "transferSize": pages.stat().st_size}


def _build(wheel_manifest: dict, fingerprint: str) -> dict:
    """Build in a fresh directory and swap it in whole: a reader never sees half a runtime."""
    tmp = OUT.with_name(f"{OUT.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        _stage(tmp, wheel_manifest)
        config = _config(wheel_manifest)
        config["sitePackages"] = _site_packages(tmp, wheel_manifest)
        config["snapshot"] = _make_snapshot(tmp, config)
        for name in PRECOMPRESSED:
            if not (tmp / f"{name}.gz").is_file():
                _gzip_beside(tmp / name)
            _brotli_beside(tmp / name)
        config.pop("warmup")
        config["coreSize"] = sum(f["size"] for f in config["coreFiles"])
        (tmp / "runtime-config.js").write_text(
            "// Written by tools/build_runtime.py: what the worker loads.\n"
            f"export default {json.dumps(config, indent=2)};\n"
        )
        files = sorted(p for p in tmp.rglob("*") if p.is_file())
        content = hashlib.sha256()
        for path in files:
            content.update(str(path.relative_to(tmp)).encode() + _sha256(path).encode())
        stamp = {
            "fingerprint": fingerprint,
            "id": content.hexdigest()[:12],
            "files": {str(p.relative_to(tmp)): p.stat().st_size for p in files},
            "snapshot": config["snapshot"],
        }
        shutil.rmtree(OUT, ignore_errors=True)
        os.replace(tmp, OUT)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    STAMP.write_text(json.dumps(stamp, indent=2) + "\n")
    return stamp


def current() -> dict:
    """The stamp of build/runtime/ as it is, or {} if there is none."""
    try:
        return json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return {}


def ensure(log=print) -> dict:
    """The runtime stamp, building wheels and runtime first if anything they depend on changed."""
    with wheels_tool.build_lock():
        wheel_manifest = wheels_tool.runtime_wheels()
        fingerprint = _fingerprint(wheel_manifest)
        stamp = current()
        if stamp.get("fingerprint") == fingerprint and all(
            (OUT / name).is_file() and (OUT / name).stat().st_size == size
            for name, size in stamp.get("files", {}).items()
        ):
            return stamp
        log("building the demo's Pyodide runtime (wheels, memory snapshot) in build/runtime/")
        return _build(wheel_manifest, fingerprint)


def pin(stamp: dict) -> Path:
    """A private copy of build/runtime/ as `stamp` describes it (hard links: instant), for a site
    build to copy at its end even if another build replaces build/runtime/ meanwhile (several
    engineers build this checkout at once, and a change to the engine rebuilds the runtime)."""
    with wheels_tool.build_lock():
        if current().get("id") != stamp["id"]:
            raise RuntimeBuildError("build/runtime/ changed while it was being pinned: build again")
        pinned = Path(tempfile.mkdtemp(prefix=f"pinned-{stamp['id']}-", dir=OUT.parent))
        shutil.copytree(OUT, pinned / "runtime", copy_function=os.link)
    return pinned / "runtime"


def main() -> None:
    stamp = ensure()
    total = sum(stamp["files"].values())
    print(f"build/runtime/ (id {stamp['id']}): {len(stamp['files'])} files, {total / 1e6:.1f} MB")
    snap = stamp["snapshot"]
    print(f"snapshot: {snap['size'] / 1e6:.1f} MB in memory, {snap['transferSize'] / 1e6:.1f} MB of pages not zeros")
    files = stamp["files"]
    sent = sum(size for name, size in files.items() if name.endswith(".br") or (
        not name.endswith(".gz") and name + ".br" not in files))
    print(f"sent as brotli where it pays ({', '.join(PRECOMPRESSED)}): {sent / 1e6:.1f} MB in all")


if __name__ == "__main__":
    main()
