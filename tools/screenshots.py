"""Screenshots of the demo for the guide's task pages (`make screenshots`).

Every task of demo/web/tasks.json is opened through its deep link (/demo/#/task/<id>, /nl/demo/…)
in Debian's chromium, in each site language (tools/languages.py), and its screen is saved
as a lossless WebP under docs/assets/screens/<lang>/<task id>.webp. screens.json beside them
records, per image, the task, language, pixel size, bytes, sha256 and alt text, and a fingerprint
of the sources the screens are made of: tests/site/test_screenshots.py fails when the demo
changed since the last run.

Reruns give the same bytes when nothing changed: a fresh demo dataset for each task (nothing kept
from an earlier visit), one window width, reduced motion, the page's clock fixed, no focus ring, no
pointer over the screen, and lossless encoding of the same pixels.

    uv run python -m tools.screenshots               # builds the site (strict) into a temporary dir
    uv run python -m tools.screenshots --site site   # uses an existing build (make build)
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from macros import demo_links, demo_screens
from tools import check_pages
from tools.languages import LANGUAGES, home

ROOT = Path(__file__).resolve().parent.parent
LANGS = LANGUAGES
DEMO = {lang: home(lang) + "demo/" for lang in LANGS}
VIEWPORT = {"width": 1200, "height": 800}
MAX_HEIGHT = 1000  # px: the top of a long screen (a guide figure, not the whole list)
MARGIN = 8  # px of the page kept around a section shot
STABLE_TRIES = 5
# The page's clock (dates the interface formats). The engine runs in a worker on the system clock:
# no screen shot here shows the time of day.
FIXED_TIME = dt.datetime(2024, 3, 4, 10, 0, tzinfo=dt.timezone.utc)
READY_MS = 90_000
CHROMIUM_LOCALES = Path("/usr/lib/chromium/locales")
# What decides a task's image (the task table's fields).
SHOT_KEYS = ("path", "query", "screen", "person", "profile", "shot")
# What the screens are made of: the demo application (its screens, labels, style, the task table
# with the alt texts), the engine (its code and data: names, rules, the dataset), the site's own
# style sheet (the page the demo sits in: fonts, colours, focus rings) and this script (viewport,
# clip, encoding).
FINGERPRINT_SOURCES = (ROOT / "demo" / "web", ROOT / "demo" / "engine" / "src" / "egov_roles",
                       ROOT / "docs" / "assets" / "css" / "site.css", Path(__file__).resolve())
NOT_SOURCES = {"README.md"}

# The clip: the demo's frame (its bar, the menu and the screen), not the demo's tools under it.
# With a section named in the task table: that section of the screen, in the screen's column.
_CLIP = """([section, margin]) => {
  const app = document.getElementById('demo-app');
  const box = (el) => {  // in the document's coordinates (the page is not scrolled: the same)
    const r = el.getBoundingClientRect();
    return {left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height, bottom: r.bottom + scrollY};
  };
  if (section) {
    const heading = [...app.querySelectorAll('.demo-screen h3')].find(h => h.textContent.trim() === section);
    if (!heading) return null;
    const block = heading.closest('section') || heading.parentElement;
    const column = box(app.querySelector('.demo-screen'));
    const b = box(block);
    return {x: column.left - margin, y: b.top - margin, width: column.width + 2 * margin, height: b.height + 2 * margin};
  }
  const a = box(app);
  const top = box(app.querySelector('.demo-bar')).top;
  return {x: a.left, y: top, width: a.width, height: box(app.querySelector('.demo-layout')).bottom - top};
}"""
_SETTLED = """async () => {
  await document.fonts.ready;
  document.activeElement?.blur();
  // At the top, Material's sticky header stays above the demo instead of over the clip.
  scrollTo(0, 0);
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
}"""


def source_files() -> list[Path]:
    files = []
    for source in FINGERPRINT_SOURCES:
        found = [source] if source.is_file() else source.rglob("*")
        files += [p for p in found if p.is_file() and p.name not in NOT_SOURCES
                  and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    return sorted(files)


def fingerprint() -> str:
    """sha256 of the paths and contents of what the screens depend on."""
    digest = hashlib.sha256()
    for path in source_files():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_site(dest: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`, told to do without the screenshots: a task page needs its image to
    build, and the images are what this script is about to make (a new task has none yet)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)], cwd=ROOT,
        capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", demo_screens.ALLOW_MISSING: "1"})


def labels() -> dict:
    return json.loads((ROOT / "demo" / "web" / "i18n.json").read_text(encoding="utf-8"))


def capture(context, task_id: str, task: dict, lang: str) -> bytes:
    """The task's screen in `lang`, as PNG bytes."""
    page = context.new_page()
    try:
        page.goto(f"{DEMO[lang]}#/task/{task_id}", wait_until="load")
        page.wait_for_selector(f"#demo-app[data-demo=ready][data-screen='{task['screen']}']", timeout=READY_MS)
        if page.locator(".demo-screen .demo-error:not([hidden])").count():
            raise RuntimeError(f"{task_id} ({lang}): the demo shows an error: "
                               + page.locator(".demo-screen .demo-error").inner_text())
        page.mouse.move(0, 0)
        page.evaluate(_SETTLED)
        # The viewport grows to the page's height, so that any clip lies inside it: a full-page
        # capture re-rasterises the page at each shot and flips the anti-aliasing of a pixel or two.
        page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], page.evaluate(
            "document.documentElement.scrollHeight"))})
        page.evaluate(_SETTLED)
        key = (task.get("shot") or {}).get("section")
        section = labels()[key][lang] if key else None
        clip = page.evaluate(_CLIP, [section, MARGIN])
        if clip is None:
            raise RuntimeError(f"{task_id} ({lang}): no section headed {section!r} (shot.section {key!r})")
        clip = {k: round(v) for k, v in clip.items()}
        clip["height"] = min(clip["height"], MAX_HEIGHT)
        return stable_screenshot(page, clip, f"{task_id} ({lang})")
    finally:
        page.close()


def stable_screenshot(page, clip: dict, what: str) -> bytes:
    """Shots until two in a row are the same: what is saved is what the page holds still on."""
    shoot = lambda: page.screenshot(clip=clip, animations="disabled", caret="hide")  # noqa: E731
    previous = shoot()
    for _ in range(STABLE_TRIES):
        current = shoot()
        if current == previous:
            return current
        previous = current
    raise RuntimeError(f"{what}: the screen does not hold still ({STABLE_TRIES + 1} different shots in a row)")


def encode(png: bytes) -> tuple[bytes, tuple[int, int]]:
    """Lossless WebP: smaller than lossy for flat UI colours and text, and the same pixels always
    give the same bytes."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.save(out, "WEBP", lossless=True, quality=100, method=6, exact=True)
    return out.getvalue(), image.size


def write_if_changed(path: Path, data: bytes) -> None:
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def shoot(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    tasks = demo_links.tasks()
    records = []
    # A page closed after its shot may leave a download unfinished: that is no error here.
    with check_pages.serve(site, quiet_errors=True) as base_url, sync_playwright() as playwright:
        for lang in LANGS:
            # The browser's own words (a file field's button) follow its interface language, which
            # headless chromium takes from the environment, not from the page's locale.
            browser = playwright.chromium.launch(
                **check_pages.launch_options(), env={**os.environ, "LANGUAGE": lang, "LANG": f"{lang}_BE.UTF-8"})
            try:
                context = browser.new_context(
                    base_url=base_url, viewport=VIEWPORT, device_scale_factor=1, reduced_motion="reduce",
                    locale=f"{lang}-BE", timezone_id="Europe/Brussels")
                # A fresh demo dataset for every task: the demo restores what localStorage holds.
                context.add_init_script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}")
                context.clock.set_fixed_time(FIXED_TIME)
                shots: dict[str, tuple[bytes, tuple[int, int]]] = {}
                for task_id, task in tasks.items():
                    # Tasks that open the same screen as the same person get the same image: shot once.
                    same = json.dumps([task[k] if k in task else None for k in SHOT_KEYS])
                    if same not in shots:
                        shots[same] = encode(capture(context, task_id, task, lang))
                    data, (width, height) = shots[same]
                    path = demo_screens.image_file(task_id, lang)
                    write_if_changed(path, data)
                    records.append({
                        "task": task_id, "lang": lang, "file": path.relative_to(demo_screens.SCREENS_DIR).as_posix(),
                        "width": width, "height": height, "bytes": len(data),
                        "sha256": hashlib.sha256(data).hexdigest(), "alt": demo_links.alt_text(task_id, lang),
                    })
                    print(f"  {lang} {task_id}: {width}x{height}, {len(data)} bytes", flush=True)
            finally:
                browser.close()
    return records


def check_browser_locales() -> None:
    missing = [lang for lang in LANGS if not (CHROMIUM_LOCALES / f"{lang}.pak").is_file()]
    if missing:
        raise SystemExit(f"chromium has no {', '.join(missing)} interface ({CHROMIUM_LOCALES}): the screens would "
                         "show its English words. Install Debian's chromium-l10n (make install-browser-locales).")


def remove_stale(records: list[dict]) -> list[Path]:
    """Images of tasks no longer in the table."""
    kept = {demo_screens.SCREENS_DIR / r["file"] for r in records}
    stale = [p for lang in LANGS for p in (demo_screens.SCREENS_DIR / lang).glob("*.webp") if p not in kept]
    for path in stale:
        path.unlink()
    return stale


def manifest(records: list[dict]) -> dict:
    return {
        "_about": "Written by `make screenshots` (tools/screenshots.py), never by hand. One lossless WebP "
                  "per task of demo/web/tasks.json and language; fingerprint: sha256 of the sources the "
                  "screens are made of (tools.screenshots.fingerprint); tests/site/test_screenshots.py "
                  "checks the images and the fingerprint.",
        "fingerprint": fingerprint(),
        "viewport_width": VIEWPORT["width"], "max_height": MAX_HEIGHT, "format": "webp (lossless)",
        "images": records,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an existing build (default: build one, strict)")
    args = parser.parse_args()
    check_browser_locales()
    # Every task has its alt text before anything is shot (the build would refuse the pages).
    for task_id in demo_links.tasks():
        for lang in LANGS:
            demo_links.alt_text(task_id, lang)

    started = time.perf_counter()
    with contextlib.ExitStack() as stack:
        site = args.site
        if site is None:
            site = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="site-screens-")))
            built = build_site(site)
            if built.returncode != 0:
                print(built.stdout + built.stderr, file=sys.stderr)
                return 2
            print(f"build (mkdocs --strict): {time.perf_counter() - started:.1f} s")
        records = shoot(site)
    stale = remove_stale(records)
    text = json.dumps(manifest(records), ensure_ascii=False, indent=1) + "\n"
    write_if_changed(demo_screens.MANIFEST, text.encode("utf-8"))
    total = sum(r["bytes"] for r in records)
    largest = max(records, key=lambda r: r["bytes"])
    print(f"images: {len(records)} ({len(records) // len(LANGS)} tasks x {len(LANGS)} languages), "
          f"{total} bytes in all, largest {largest['bytes']} bytes ({largest['lang']} {largest['task']})")
    if stale:
        print("removed: " + ", ".join(p.relative_to(ROOT).as_posix() for p in stale))
    print(f"wall clock: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
