"""MkDocs hook: the demo application (demo/web/) in the built site, on the demo pages only.

- on_config: a content id of demo/web/ (a hash of its files): the application is served under
  /demo-app/<id>/, so a new build gets new URLs and browsers may cache these files for good.
- on_post_page: a page whose front matter says `demo_app: true` gets the application's style
  sheet and module at the end of its <head>, after the runtime hook's Content-Security-Policy
  and import map (hooks/runtime.py), which the application relies on ("egov-engine").
- on_post_build: writes the application to <site>/demo-app/<id>/: its modules bundled by esbuild
  (npm package, pinned in package-lock.json) into main.js and a few shared chunks, its data files
  and style sheet as they are. Some 45 modules were as many requests: on HTTP/1.1 (six connections
  per host) they queued for most of a second, and the engine's downloads queued behind them.
- on_serve: `mkdocs serve` rebuilds when a file of demo/web/ changes.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "demo" / "web"
META_KEY = "demo_app"
# Files of demo/web/ that are not part of the application the browser loads.
NOT_SERVED = {"README.md"}
ESBUILD = ROOT / "node_modules" / "esbuild"
# The bundle's entry points: the page loads main.js. api.js and store.js stay importable by their
# names and share the page's module instances (the tests read the running demo's session, journal
# and share link through them).
ENTRY_POINTS = ("main.js", "api.js", "store.js")
log = logging.getLogger("mkdocs.hooks.demo_web")
_app_id: str | None = None


def served_files() -> list[Path]:
    return sorted(
        p for p in SOURCES.rglob("*")
        if p.is_file() and p.name not in NOT_SERVED and "__pycache__" not in p.parts
    )


def content_id() -> str:
    digest = hashlib.sha256()
    digest.update(esbuild_version().encode() + b"\0")  # the bundle is the bundler's output too
    for path in served_files():
        digest.update(path.relative_to(SOURCES).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def esbuild_version() -> str:
    manifest = ESBUILD / "package.json"
    if not manifest.is_file():
        raise PluginError("esbuild is missing from node_modules: run `make install` (npm ci)")
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def bundle(target: Path) -> None:
    """Bundle the application's modules into `target` (main.js, api.js, store.js, chunks)."""
    command = [
        str(ESBUILD / "bin" / "esbuild"), *ENTRY_POINTS, "--bundle", "--splitting", "--format=esm",
        # The engine's client is the runtime's module, named by the page's import map.
        "--external:egov-engine", "--minify", "--sourcemap", "--chunk-names=chunk-[hash]",
        "--log-level=warning", f"--outdir={target}",
    ]
    done = subprocess.run(command, cwd=SOURCES, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"the demo application could not be bundled: {done.stderr.strip()}")


def app_dir() -> str:
    return f"demo-app/{_app_id}/"


def on_config(config):
    global _app_id
    _app_id = content_id()
    return config


def on_post_page(output: str, page, config) -> str:
    if not page.meta.get(META_KEY):
        return output
    base = get_relative_url(app_dir(), page.url)
    if not base.endswith("/"):
        base += "/"
    tags = (
        f'<link rel="stylesheet" href="{html.escape(base)}demo.css">\n'
        f'<script type="module" src="{html.escape(base)}main.js"></script>\n'
    )
    at = output.index("</head>")
    return output[:at] + tags + output[at:]


def on_post_build(config) -> None:
    target = Path(config["site_dir"]) / app_dir()
    target.mkdir(parents=True, exist_ok=True)
    bundle(target)
    for path in served_files():
        if path.suffix == ".js":  # in the bundle
            continue
        dest = target / path.relative_to(SOURCES)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
    log.info("demo application copied to %s", target.relative_to(Path(config["site_dir"]).parent))


def on_serve(server, config, builder):
    server.watch(str(SOURCES))
    return server
