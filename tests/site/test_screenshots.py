"""The demo's screens on the guide's task pages (`make screenshots`, tools/screenshots.py).

Every task of demo/web/tasks.json has one image per language, recorded in the manifest
(docs/assets/screens/screens.json) with its size and sha256; the manifest's fingerprint is that of
the current sources (else: the demo changed and the images may be stale); each task page shows
its image with the alt text of its language, its size, lazily; the pages stay axe-clean."""

from __future__ import annotations

import hashlib
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from macros import demo_screens
from tools import screenshots
from tools.languages import LANGUAGES, OTHERS, home

ROOT = Path(__file__).resolve().parents[2]
TASKS = json.loads((ROOT / "demo" / "web" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
LANGS = LANGUAGES
MAX_BYTES = 80_000


def manifest() -> dict:
    return json.loads(demo_screens.MANIFEST.read_text(encoding="utf-8"))


def record(task_id: str, lang: str) -> dict:
    found = [r for r in manifest()["images"] if r["task"] == task_id and r["lang"] == lang]
    assert len(found) == 1, f"{lang} {task_id}: {len(found)} records in {demo_screens.MANIFEST.name}"
    return found[0]


def page_path(lang: str, guide: str) -> str:
    return home(lang) + guide.removesuffix(".md") + "/"


class Figures(HTMLParser):
    """The <img> elements inside <figure class="demo-shot">, with their figure's data-task."""

    def __init__(self):
        super().__init__()
        self.images: list[dict] = []
        self._task: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure" and "demo-shot" in (attrs.get("class") or "").split():
            self._task = attrs.get("data-task")
        elif tag == "img" and self._task is not None:
            self.images.append({**attrs, "task": self._task})

    def handle_endtag(self, tag):
        if tag == "figure":
            self._task = None


def figures(built_site: Path, path: str) -> list[dict]:
    parser = Figures()
    parser.feed((built_site / path.lstrip("/") / "index.html").read_text(encoding="utf-8"))
    return parser.images


def test_manifest_has_one_image_per_task_and_language():
    recorded = sorted((r["task"], r["lang"]) for r in manifest()["images"])
    assert recorded == sorted((t, lang) for t in TASKS for lang in LANGS), \
        "the task table and the screenshots differ: run make screenshots"


def test_fingerprint_matches_the_sources():
    assert manifest()["fingerprint"] == screenshots.fingerprint(), "the demo changed: run make screenshots"


@pytest.mark.parametrize("lang", LANGS)
def test_images_are_the_recorded_webp_files(lang):
    for task_id in TASKS:
        entry = record(task_id, lang)
        path = demo_screens.image_file(task_id, lang)
        assert path == demo_screens.SCREENS_DIR / entry["file"], task_id
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], f"{path.name}: not the recorded image"
        assert len(data) == entry["bytes"] <= MAX_BYTES, f"{path.name}: {len(data)} bytes"
        with Image.open(path) as image:
            assert image.format == "WEBP", path.name
            assert image.size == (entry["width"], entry["height"]), path.name
            image.verify()
        assert entry["alt"] == TASKS[task_id]["alt"][lang], f"{task_id}: alt text changed: run make screenshots"


def test_alt_texts_are_written_in_each_language():
    for task_id, task in TASKS.items():
        alt = task["alt"]
        texts = [alt.get(lang, "").strip() for lang in LANGUAGES]
        assert all(texts), f"{task_id}: alt text missing in {[l for l, t in zip(LANGUAGES, texts) if not t]}"
        assert len(set(texts)) == len(texts), f"{task_id}: the same alt text in two languages"


def test_missing_screenshot_stops_the_build(tmp_path, monkeypatch):
    from mkdocs.exceptions import PluginError

    monkeypatch.setattr(demo_screens, "SCREENS_DIR", tmp_path)
    monkeypatch.setattr(demo_screens, "MANIFEST", tmp_path / "screens.json")
    monkeypatch.setattr(demo_screens, "ROOT", tmp_path)  # paths in the message, relative to it
    monkeypatch.delenv(demo_screens.ALLOW_MISSING, raising=False)
    lang = OTHERS[0]
    with pytest.raises(PluginError, match=rf"no screenshot of task 'co_rae\.add' in {lang} .*make screenshots"):
        demo_screens.figure_html("co_rae.add", "alt", lang, f"{lang}/rae/add-co-rae/")


@pytest.mark.parametrize("lang", LANGS)
def test_every_task_page_shows_its_screenshot(built_site, lang):
    for task_id, task in TASKS.items():
        path = page_path(lang, task["guide"])
        images = figures(built_site, path)
        assert [i["task"] for i in images] == [task_id], f"{path}: screenshots {images}"
        img = images[0]
        served = built_site / posixpath.normpath(posixpath.join(path, img["src"])).lstrip("/")
        assert served.is_file(), f"{path}: {img['src']} is not in the build"
        assert served.read_bytes() == demo_screens.image_file(task_id, lang).read_bytes(), path
        assert img["alt"] == task["alt"][lang], path
        entry = record(task_id, lang)
        assert (img.get("width"), img.get("height")) == (str(entry["width"]), str(entry["height"])), path
        assert img.get("loading") == "lazy", path


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_task_pages_with_screenshots_load_them_and_pass_axe(open_page, axe, lang):
    for task_id, task in TASKS.items():
        probe = open_page(page_path(lang, task["guide"]))
        image = probe.page.locator("figure.demo-shot img")
        image.scroll_into_view_if_needed()  # loading=lazy: it loads once near the viewport
        probe.page.wait_for_function("img => img.complete", arg=image.element_handle())
        shown = image.evaluate("img => [img.naturalWidth, img.naturalHeight, img.clientWidth]")
        entry = record(task_id, lang)
        assert shown[:2] == [entry["width"], entry["height"]], task_id
        assert 0 < shown[2] <= entry["width"], f"{task_id}: shown {shown[2]} px wide"
        violations = axe(probe.page)
        assert not violations, f"{lang} {task_id}: " + "; ".join(f"{v['id']}: {v['nodes'][:3]}" for v in violations)
        probe.settle()
        assert not probe.report.problems(), probe.report.problems()
        probe.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_screenshot_fits_a_phone_screen(open_page, lang):
    """max-width: 100%: on a narrow screen the image shrinks with the text, no sideways scrolling."""
    task_id = max(TASKS, key=lambda t: record(t, lang)["width"])
    probe = open_page(page_path(lang, TASKS[task_id]["guide"]), viewport={"width": 360, "height": 740})
    image = probe.page.locator("figure.demo-shot img")
    image.scroll_into_view_if_needed()
    width, text_width, page_width = image.evaluate(
        "img => [img.getBoundingClientRect().width, img.closest('.md-typeset').clientWidth,"
        " document.documentElement.scrollWidth]")
    assert 0 < width <= text_width, (width, text_width)
    assert page_width <= 360, f"the page scrolls sideways: {page_width} px"
