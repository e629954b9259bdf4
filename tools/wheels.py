"""Build the wheels the Pyodide runtime installs, with a manifest of files and sha256.

build/wheels/       the engine's py3-none-any wheel + its pure-Python dependencies at the versions
                    locked in uv.lock (the site serves these; the demo's worker installs them)
build/test-wheels/  pytest and hypothesis (and their dependencies) as py3-none-any wheels, only
                    for running the engine's tests inside Pyodide under Node

Pyodide cannot build or download anything at run time here, so everything it installs is a file
we made or fetched at build time and checked against a hash.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "demo" / "engine"
LOCK = ROOT / "uv.lock"
WHEELS = ROOT / "build" / "wheels"
TEST_WHEELS = ROOT / "build" / "test-wheels"
MANIFEST = "manifest.json"
PYODIDE_PYTHON = "3.14"
# Pyodide's marker environment: dependencies only needed on Windows or old Pythons are left out.
PYODIDE_MARKERS = {
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "os_name": "posix",
    "platform_machine": "wasm32",
    "python_version": PYODIDE_PYTHON,
    "python_full_version": PYODIDE_PYTHON + ".0",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "extra": "",
}
# Test tools run inside Pyodide: the locked versions where a pure wheel exists. hypothesis ships
# compiled wheels only in recent releases, so it gets the newest pure release not above the lock.
TEST_REQUIREMENTS = ("pytest", "hypothesis")
CAPPED_AT_LOCK = {"hypothesis"}
# Files of the engine's source tree that are build leftovers, not sources.
ENGINE_IGNORE = shutil.ignore_patterns(
    "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "tests"
)


_LOCK = threading.RLock()
_lock_depth = 0


@contextlib.contextmanager
def build_lock():
    """Hold build/.lock: several engineers' site builds and test runs share this checkout and
    may build the same files at once. Re-entrant within a process."""
    global _lock_depth
    with _LOCK:
        if _lock_depth:
            _lock_depth += 1
            try:
                yield
            finally:
                _lock_depth -= 1
            return
        lock_file = ROOT / "build" / ".lock"
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        with lock_file.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            _lock_depth = 1
            try:
                yield
            finally:
                _lock_depth = 0
                fcntl.flock(handle, fcntl.LOCK_UN)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tree_hash(root: Path) -> str:
    """Hash of the engine's sources (names and contents), to rebuild its wheel only when needed."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or any(
            part in {"build", "dist", "__pycache__", ".pytest_cache", ".hypothesis", "tests"}
            or part.endswith(".egg-info")
            for part in rel.parts
        ):
            continue
        digest.update(str(rel).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def uv_command() -> list[str]:
    # `uv run` exports UV; otherwise uv is on PATH or installed as a module of this interpreter.
    if os.environ.get("UV"):
        return [os.environ["UV"]]
    if shutil.which("uv"):
        return ["uv"]
    return [sys.executable, "-m", "uv"]


def pip_command() -> list[str]:
    """A pip able to download: the project venv has none, the base interpreter usually has."""
    for python in (sys.executable, getattr(sys, "_base_executable", sys.executable)):
        probe = subprocess.run([python, "-m", "pip", "--version"], capture_output=True)
        if probe.returncode == 0:
            return [python, "-m", "pip"]
    return [*uv_command(), "tool", "run", "pip"]


def load_lock() -> dict[str, dict]:
    with LOCK.open("rb") as handle:
        lock = tomllib.load(handle)
    return {canonicalize_name(pkg["name"]): pkg for pkg in lock["package"]}


def locked_closure(roots: list[str], lock: dict[str, dict]) -> list[dict]:
    """The locked packages `roots` need under Pyodide, roots excluded, in a stable order."""
    seen: dict[str, dict] = {}
    todo = [canonicalize_name(name) for name in roots]
    while todo:
        name = todo.pop()
        for dep in lock[name].get("dependencies", []):
            marker = dep.get("marker")
            if marker and not Marker(marker).evaluate(PYODIDE_MARKERS):
                continue
            dep_name = canonicalize_name(dep["name"])
            if dep_name not in seen:
                seen[dep_name] = lock[dep_name]
                todo.append(dep_name)
    return [seen[name] for name in sorted(seen)]


def pure_locked_hashes(pkg: dict) -> set[str]:
    return {
        wheel["hash"].removeprefix("sha256:")
        for wheel in pkg.get("wheels", [])
        if wheel["url"].endswith("-none-any.whl")
    }


def pip_download(requirements: list[str], dest: Path, constraints: Path | None = None) -> None:
    """Download pure wheels only, for Pyodide's Python, whatever this machine's Python is."""
    cmd = [
        *pip_command(), "download", "--quiet", "--disable-pip-version-check",
        "--only-binary=:all:", "--python-version", PYODIDE_PYTHON,
        "--implementation", "py", "--abi", "none", "--platform", "any",
        "--dest", str(dest),
    ]
    if constraints is not None:
        cmd += ["--constraint", str(constraints)]
    subprocess.run([*cmd, *requirements], check=True)


def build_engine_wheel(dest: Path) -> Path:
    """Build the engine's wheel from a copy of its sources, so no build/ or egg-info lands in
    the engine's directory (another engineer's tree)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "engine"
        shutil.copytree(ENGINE, src, ignore=ENGINE_IGNORE)
        out = Path(tmp) / "dist"
        env = {**os.environ, "SOURCE_DATE_EPOCH": "315532800"}  # reproducible zip timestamps
        subprocess.run(
            [*uv_command(), "build", "--quiet", "--wheel", "--out-dir", str(out), str(src)],
            check=True, env=env,
        )
        (wheel,) = out.glob("*.whl")
        _, _, _, tags = parse_wheel_filename(wheel.name)
        if {str(tag) for tag in tags} != {"py3-none-any"}:
            raise SystemExit(f"engine wheel is not pure Python: {wheel.name}")
        for old in dest.glob("egov_roles-*.whl"):
            old.unlink()
        return Path(shutil.copy2(wheel, dest / wheel.name))


def entry(path: Path) -> dict:
    name, version, _, _ = parse_wheel_filename(path.name)
    return {
        "file": path.name,
        "name": str(name),
        "version": str(version),
        "sha256": sha256(path),
        "size": path.stat().st_size,
    }


def read_manifest(directory: Path) -> dict:
    try:
        return json.loads((directory / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}


def write_manifest(directory: Path, wheels: list[Path], **extra) -> dict:
    manifest = {**extra, "wheels": [entry(path) for path in wheels]}
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def runtime_wheels(dest: Path | None = None) -> dict:
    """The engine wheel and its locked dependencies; rebuilt only when their inputs changed."""
    with build_lock():
        return _runtime_wheels(dest or WHEELS)


def _runtime_wheels(dest: Path) -> dict:
    dest.mkdir(parents=True, exist_ok=True)
    lock = load_lock()
    deps = locked_closure(["egov-roles"], lock)
    source_hash = tree_hash(ENGINE)
    old = read_manifest(dest)
    wanted = {canonicalize_name(d["name"]): d["version"] for d in deps}
    have = {canonicalize_name(w["name"]): w["version"] for w in old.get("wheels", [])}
    files = [dest / w["file"] for w in old.get("wheels", [])]
    if (
        old.get("engine_source_sha256") == source_hash
        and {k: v for k, v in have.items() if k != "egov-roles"} == wanted
        and all(p.is_file() and sha256(p) == w["sha256"] for p, w in zip(files, old["wheels"]))
    ):
        return old

    engine = build_engine_wheel(dest)
    wheels = [engine]
    for dep in deps:
        known = pure_locked_hashes(dep)
        if not known:
            raise SystemExit(f"{dep['name']} {dep['version']} has no pure-Python wheel in uv.lock")
        pip_download([f"{dep['name']}=={dep['version']}", "--no-deps"], dest)
        (path,) = [
            p for p in dest.glob("*.whl")
            if canonicalize_name(parse_wheel_filename(p.name)[0]) == canonicalize_name(dep["name"])
            and str(parse_wheel_filename(p.name)[1]) == dep["version"]
        ]
        if sha256(path) not in known:
            raise SystemExit(f"{path.name}: sha256 differs from uv.lock")
        wheels.append(path)
    keep = {p.name for p in wheels}
    for stray in dest.glob("*.whl"):
        if stray.name not in keep:
            stray.unlink()
    return write_manifest(dest, wheels, engine_source_sha256=source_hash)


def test_wheels(dest: Path | None = None) -> dict:
    """pytest, hypothesis and their dependencies as pure wheels, pinned to uv.lock."""
    with build_lock():
        return _test_wheels(dest or TEST_WHEELS)


def _test_wheels(dest: Path) -> dict:
    dest.mkdir(parents=True, exist_ok=True)
    lock = load_lock()
    pins = [
        f"{pkg['name']}{'<=' if canonicalize_name(pkg['name']) in CAPPED_AT_LOCK else '=='}"
        f"{pkg['version']}"
        for pkg in [lock[canonicalize_name(n)] for n in TEST_REQUIREMENTS]
        + locked_closure(list(TEST_REQUIREMENTS), lock)
    ]
    old = read_manifest(dest)
    files = [dest / w["file"] for w in old.get("wheels", [])]
    if old.get("pins") == pins and all(
        p.is_file() and sha256(p) == w["sha256"] for p, w in zip(files, old["wheels"])
    ):
        return old
    with tempfile.TemporaryDirectory() as tmp:
        constraints = Path(tmp) / "constraints.txt"
        constraints.write_text("\n".join(pins) + "\n")
        fresh = Path(tmp) / "wheels"
        fresh.mkdir()
        pip_download(list(TEST_REQUIREMENTS), fresh, constraints)
        for old_file in dest.glob("*.whl"):
            old_file.unlink()
        wheels = [Path(shutil.copy2(p, dest / p.name)) for p in sorted(fresh.glob("*.whl"))]
    return write_manifest(dest, wheels, pins=pins)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", action="store_true", help="also fetch the test wheels")
    args = parser.parse_args()
    for w in runtime_wheels()["wheels"]:
        print(f"{WHEELS.relative_to(ROOT)}/{w['file']}  {w['sha256'][:12]}")
    if args.tests:
        for w in test_wheels()["wheels"]:
            print(f"{TEST_WHEELS.relative_to(ROOT)}/{w['file']}  {w['sha256'][:12]}")


if __name__ == "__main__":
    main()
