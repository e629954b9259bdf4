"""The demo's own screens on the guide's task pages: one screenshot per task and language, made by
`make screenshots` (tools/screenshots.py) and recorded in a manifest beside the images.

The alt text comes from the task table (demo/web/tasks.json, `alt`), the size from the manifest:
the image has its width and height before it loads (no layout shift). A task page whose image is
missing stops the build: a guide page must not point at a screenshot that is not there.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from .common import ROOT, texts

SCREENS_DIR = ROOT / "docs" / "assets" / "screens"
MANIFEST = SCREENS_DIR / "screens.json"
RERUN = "run `make screenshots`"
# Set by tools/screenshots.py for its own build only: the images are what it is about to make.
ALLOW_MISSING = "DEMO_SCREENS_ALLOW_MISSING"


def image_file(task_id: str, lang: str) -> Path:
    """Where the screenshot of a task in a language lives (docs/assets/: served once for both
    languages by the i18n plugin's folder layout)."""
    return SCREENS_DIR / lang / f"{task_id}.webp"


def site_path(path: Path) -> str:
    """The file's path in the built site (docs/ is the site's root)."""
    return path.relative_to(ROOT / "docs").as_posix()


def load_manifest() -> dict:
    # Read at each page (15 pages a language): a rerun of `make screenshots` during `mkdocs serve`
    # is seen without restarting it.
    if not MANIFEST.is_file():
        return {"images": []}
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def entry(task_id: str, lang: str) -> dict | None:
    """The manifest's record of the task's image, after checking the image is there."""
    image = image_file(task_id, lang)
    found = next((e for e in load_manifest()["images"] if e["task"] == task_id and e["lang"] == lang), None)
    if found is None or not image.is_file():
        if os.environ.get(ALLOW_MISSING) == "1":
            return None
        raise PluginError(f"demo screenshots: no screenshot of task {task_id!r} in {lang} "
                          f"({image.relative_to(ROOT)}, {MANIFEST.relative_to(ROOT)}): {RERUN}")
    return found


def figure_html(task_id: str, alt: str, lang: str, page_url: str) -> str:
    """The task's screenshot as a <figure>, its URL relative to the page's."""
    record = entry(task_id, lang)
    if record is None:
        return ""
    src = html.escape(get_relative_url(site_path(image_file(task_id, lang)), page_url))
    caption = texts(lang, "demo_screens")
    text, full = caption["caption"], caption["full"]
    return (
        f'<figure class="demo-shot" data-task="{html.escape(task_id)}">'
        f'<img src="{src}" alt="{html.escape(alt)}" width="{record["width"]}" height="{record["height"]}" '
        f'loading="lazy" decoding="async">'
        f'<figcaption>{html.escape(text)} <a href="{src}">{html.escape(full)}</a></figcaption>'
        f"</figure>"
    )
