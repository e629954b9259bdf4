"""Lighthouse on the built site, served by nginx with the generated configuration.

For every language: the home page, a task page, the wizard and the demo page, with Lighthouse's
mobile preset (simulated slow 4G, 4x slower processor) and its desktop preset; prints the four
category scores and LCP, TBT and CLS of each. Targets (issue 17): guide pages mobile performance
>= 95 and accessibility, best practices and SEO 100 in every language; the demo page >= 70.

Lighthouse (npm, pinned in tools/lighthouse/package-lock.json) is installed by `make bench` only,
in its own prefix; it drives Debian's chromium.

    uv run python -m tools.bench_lighthouse                      # site/ through nginx
    uv run python -m tools.bench_lighthouse --url http://127.0.0.1:8000   # any running server
    uv run python -m tools.bench_lighthouse --only mobile -v     # list the failed audits
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tools import host
from tools.check_pages import CHROMIUM, CHROMIUM_FLAGS
from tools.languages import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {"home": "", "task": "rae/activate-quality/", "wizard": "wizard/", "demo": "demo/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"LCP": "largest-contentful-paint", "TBT": "total-blocking-time", "CLS": "cumulative-layout-shift"}
# Chromium's own flags, minus the headless one Lighthouse's launcher sets itself.
FLAGS = [f for f in CHROMIUM_FLAGS if f != "--headless"] + ["--headless=new"]


def run_lighthouse(url: str, preset: str, attempts: int = 2) -> dict:
    """Lighthouse's report; a run that failed to record its trace (it happens on a loaded
    machine: NO_NAVSTART) is run again."""
    for attempt in range(attempts):
        try:
            return _run_once(url, preset)
        except RuntimeError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def _run_once(url: str, preset: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        command = [
            "node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(FLAGS)}",
            "--max-wait-for-load=60000",
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        done = subprocess.run(command, capture_output=True, text=True,
                              env={**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": tmp})
        if done.returncode != 0 or not report.is_file():
            raise RuntimeError(f"lighthouse failed on {url} ({preset}): {done.stderr[-2000:]}")
        return json.loads(report.read_text(encoding="utf-8"))


def summary(result: dict) -> dict:
    scores = {c: round(100 * (result["categories"][c]["score"] or 0)) for c in CATEGORIES}
    audits = result["audits"]
    metrics = {
        "LCP": audits[METRICS["LCP"]]["numericValue"] / 1000,
        "TBT": audits[METRICS["TBT"]]["numericValue"],
        "CLS": audits[METRICS["CLS"]]["numericValue"],
    }
    failed = sorted(
        f"{c}: {a}" for c in CATEGORIES for ref in result["categories"][c]["auditRefs"]
        if ref.get("weight", 0) > 0 or c != "performance"
        for a in [ref["id"]]
        if audits[a]["score"] is not None and audits[a]["score"] < 1 and audits[a]["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
    )
    return {**scores, **metrics, "failed": failed}


@contextlib.contextmanager
def served(site: Path, url: str | None):
    if url:
        yield url.rstrip("/")
    else:
        with host.nginx(site) as base:
            yield base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--url", help="measure this running server instead of nginx serving --site")
    parser.add_argument("--only", choices=("mobile", "desktop"), help="one preset")
    parser.add_argument("--pages", default=",".join(PAGES), help=f"some of {','.join(PAGES)}")
    parser.add_argument("--langs", help="some of the site's languages, e.g. fr,nl (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the audits each page fails")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE} is missing: npm ci --prefix tools/lighthouse (make bench does)", file=sys.stderr)
        return 2
    presets = [args.only] if args.only else ["mobile", "desktop"]
    languages = [""] + [f"{lang}/" for lang in host.Host.for_site(args.site).languages]
    if args.langs:
        chosen = args.langs.split(",")
        languages = [lang for lang in languages if (lang.rstrip("/") or DEFAULT) in chosen]
    print(f"{'page':<22} {'preset':<8} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'LCP s':>6} {'TBT ms':>7} {'CLS':>6}")
    with served(args.site, args.url) as base:
        for lang in languages:
            for name in args.pages.split(","):
                for preset in presets:
                    path = "/" + lang + PAGES[name]
                    s = summary(run_lighthouse(base + path, preset))
                    print(f"{(lang or DEFAULT + '/') + name:<22} {preset:<8} {s['performance']:>4} {s['accessibility']:>4} "
                          f"{s['best-practices']:>4} {s['seo']:>4} {s['LCP']:>6.2f} {s['TBT']:>7.0f} {s['CLS']:>6.3f}",
                          flush=True)
                    if args.verbose and s["failed"]:
                        print("    failed: " + ", ".join(s["failed"]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
