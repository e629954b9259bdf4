"""Benchmark of the demo's runtime in Debian's Chromium, against a plain loadPyodide baseline.

Prints, in one run on the built site (make build):
- time to engine ready, cold (a new browser profile, every cache empty; the page is opened once
  the launched browser has finished its own start) and warm (a reload in the same profile),
  median of N rounds, for the demo page and for a baseline page that only calls loadPyodide()
  on the same runtime files (no wheels, no engine: less work than the demo does);
- the bytes the server sent for each load (what went over the wire);
- the engine's command round trip as the page sees it (median over many calls);
- the engine benchmark (tools/bench_engine.py) run inside Pyodide under Node, if it exists.

Numbers only: no threshold is checked here or in any test (the machine is shared and noisy;
the ratio against the baseline measured in the same run is what to read).

usage: python -m tools.bench_runtime [--site site] [--rounds 5] [--calls 300]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tools.serve import SiteHandler, make_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
BASELINE_PATH = "/__bench__/baseline.html"
# Records when <html data-engine> turns "ready", on the page's own clock, for both pages (it runs
# before <html> exists, hence the whole document is observed).
READY_PROBE = """
new MutationObserver(() => {
  if (document.documentElement.dataset.engine === "ready" && !("__engineReadyAt" in window)) {
    window.__engineReadyAt = performance.now();
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-engine"] });
"""
# Seconds on the page between a cold load and the reload, as when a reader tries the demo and
# comes back later. The browser writes its caches meanwhile: compiled WebAssembly is cached about
# 2 s after enough of it ran hot, which a plain loadPyodide does within its start, and the demo
# once its helper has started Python afresh (3 s after "ready", about 3 s of work: prime.js).
SETTLE = 12.0
# Seconds between the browser's launch and the cold load. A launched browser goes on starting for
# a while (its profile, its network and GPU processes, its first-run tasks) and, on two cores, that
# work slowed whichever page loaded first: measured on the same site, 8 rounds each, the demo's cold
# start took 1.28 s right after the launch against 1.00 s two seconds later, the baseline's 4.46 s
# against 3.71 s. A reader's browser is running already when they open the demo; the profile is
# still a new one, every cache empty.
LAUNCH_SETTLE = 2.0
VALIDATE = '{"command": "engine.validate", "args": {"field": "niss", "value": "85073003328"}, "lang": "fr"}'
LOGIN = ('{"command": "session.login", "args": {"method": "password", "username": "juliensimons",'
         ' "password": "Demo2024.ok"}, "lang": "fr"}')
ROUND_TRIP_JS = """
async ([requestText, calls, loginText]) => {
  const { engine } = await import("egov-engine");
  await engine.ready;
  const time = async (text) => {
    for (let i = 0; i < 20; i++) await engine.requestText(text);  // warm-up
    const samples = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      await engine.requestText(text);
      samples.push(performance.now() - t0);
    }
    return samples;
  };
  const out = { validate: await time(requestText) };
  const login = JSON.parse(await engine.requestText(loginText));
  if (login.ok && login.data && login.data.session) {
    out.whoami = await time(JSON.stringify({ command: "session.whoami", session: login.data.session }));
  } else {
    out.loginError = JSON.stringify(login.error ?? login).slice(0, 200);
  }
  return out;
}
"""


def baseline_html(runtime: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>plain loadPyodide</title>
<script type="module">
import {{ loadPyodide }} from "/{runtime}pyodide.mjs";
await loadPyodide({{ indexURL: "/{runtime}" }});
document.documentElement.dataset.engine = "ready";
</script></head><body><p>plain loadPyodide</p></body></html>
"""


class CountingHandler(SiteHandler):
    """The site's handler, plus the baseline page and a count of the body bytes sent."""

    def do_GET(self) -> None:  # noqa: N802 - name from the base class
        if self.path == BASELINE_PATH:
            body = self.server.baseline.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.server.count(len(body))
            return
        super().do_GET()

    def copyfile(self, source, outputfile) -> None:
        while chunk := source.read(1 << 16):
            outputfile.write(chunk)
            self.server.count(len(chunk))


def start_server(site: Path, runtime: str):
    server = make_server(site, port=0, quiet=True)
    server.RequestHandlerClass = lambda *a, **k: CountingHandler(*a, directory=str(site), **k)
    server.baseline = baseline_html(runtime)
    lock = threading.Lock()
    server.sent = 0

    def count(n: int) -> None:
        with lock:
            server.sent += n

    server.count = count
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def runtime_of(site: Path) -> str:
    page = (site / "demo" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'src="(?:\.\./)*(runtime/[0-9a-f]+/)client\.js"', page)
    if not found:
        raise SystemExit(f"{site}/demo/index.html does not load the runtime: run `make build`")
    return found.group(1)


def load(page, url: str, server, reload: bool = False):
    """(seconds to ready on the page's clock, bytes sent, the page, engine info)."""
    server.sent = 0
    if reload:
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    # A selector, not a JS predicate: the demo's CSP forbids the eval Playwright would use.
    page.wait_for_selector("html[data-engine=ready], html[data-engine=failed]", timeout=120_000)
    if page.get_attribute("html", "data-engine") == "failed":
        raise SystemExit(f"{url}: the engine failed to start")
    ready = page.evaluate("window.__engineReadyAt") / 1000
    info = page.evaluate(
        "() => document.querySelector('script[type=importmap]')"
        " ? import('egov-engine').then((m) => m.engine.info) : null"
    )
    return ready, server.sent, page, info or {}


def measure(pw, url: str, server, settle: float = SETTLE, launch_settle: float = LAUNCH_SETTLE) -> dict:
    with tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        try:
            context.add_init_script(READY_PROBE)
            page = context.new_page()
            time.sleep(launch_settle)
            cold, cold_bytes, page, info = load(page, url, server)
            time.sleep(settle)
            warm, warm_bytes, page, warm_info = load(page, url, server, reload=True)
            return {"cold": cold, "warm": warm, "cold_bytes": cold_bytes, "warm_bytes": warm_bytes,
                    "mode": info.get("mode"), "warm_mode": warm_info.get("mode"),
                    "timings": (info.get("workerStart"), info.get("timings"),
                                warm_info.get("workerStart"), warm_info.get("timings"))}
        finally:
            context.close()


def round_trip(pw, url: str, calls: int) -> dict:
    with tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        try:
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("html[data-engine=ready]", timeout=120_000)
            return page.evaluate(ROUND_TRIP_JS, [VALIDATE, calls, LOGIN])
        finally:
            context.close()


def engine_bench_in_pyodide() -> str:
    script = ROOT / "tools" / "bench_engine.py"
    if not script.is_file():
        return "tools/bench_engine.py does not exist yet: engine benchmark in Pyodide skipped"
    proc = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide" / "run.mjs"), "--script", str(script)],
        capture_output=True, text=True, cwd=ROOT,
    )
    lines = [line for line in proc.stdout.splitlines() if not line.startswith("PYODIDE-RESULT")]
    status = "" if proc.returncode == 0 else f"\n(exit code {proc.returncode}: {proc.stderr[-800:]})"
    return "\n".join(lines) + status


def mb(n: float) -> str:
    return f"{n / 1e6:6.2f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--no-engine-bench", action="store_true")
    parser.add_argument("--settle", type=float, default=SETTLE,
                        help="seconds between the cold load and the reload")
    parser.add_argument("--launch-settle", type=float, default=LAUNCH_SETTLE,
                        help="seconds between the browser's launch and the cold load")
    parser.add_argument("--only", choices=("baseline", "demo"), help="measure one page only")
    parser.add_argument("--verbose", action="store_true", help="the worker's own timings per load")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    runtime = runtime_of(args.site)
    server = start_server(args.site, runtime)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = {"baseline": base + BASELINE_PATH, "demo": base + "/demo/"}
    if args.only:
        pages = {args.only: pages[args.only]}
    results: dict[str, list[dict]] = {name: [] for name in pages}
    with sync_playwright() as pw:
        for n in range(args.rounds):
            for name, url in pages.items():  # interleaved: both see the same machine load
                results[name].append(measure(pw, url, server, args.settle, args.launch_settle))
                r = results[name][-1]
                print(f"round {n + 1} {name:8}  cold {r['cold']:.3f} s  warm {r['warm']:.3f} s",
                      file=sys.stderr)
                if args.verbose and r["timings"][1]:
                    print(f"  worker (ms after its start at {r['timings'][0]} / {r['timings'][2]} ms):"
                          f"\n  cold {r['timings'][1]}\n  warm {r['timings'][3]}", file=sys.stderr)
        trips = round_trip(pw, pages["demo"], args.calls) if "demo" in pages else {}
    server.shutdown()

    med = {name: {key: statistics.median(r[key] for r in rs)
                  for key in ("cold", "warm", "cold_bytes", "warm_bytes")}
           for name, rs in results.items()}
    modes = sorted({str(r["mode"]) for r in results["demo"]} | {str(r["warm_mode"]) for r in results["demo"]})
    print(f"Engine ready, median of {args.rounds} (Chromium {CHROMIUM}, runtime /{runtime})")
    print(f"{'':34} {'cold':>8} {'warm':>8} {'bytes cold':>12} {'bytes warm':>12}")
    labels = {"baseline": "plain loadPyodide (baseline)", "demo": f"demo /demo/ ({', '.join(modes)})"}
    for name in pages:
        m = med[name]
        print(f"{labels[name]:34} {m['cold']:7.3f}s {m['warm']:7.3f}s {mb(m['cold_bytes']):>12}"
              f" {mb(m['warm_bytes']):>12}")
    if len(pages) == 2:
        print(f"{'ratio demo / baseline':34} {med['demo']['cold'] / med['baseline']['cold']:8.2f}"
              f" {med['demo']['warm'] / med['baseline']['warm']:8.2f}   (target: at most 0.33)")
    for key, label in (("validate", "engine.validate"), ("whoami", "session.whoami")):
        samples = trips.get(key)
        if samples:
            q = statistics.quantiles(samples, n=10)
            print(f"round trip {label:16} median {statistics.median(samples):.2f} ms,"
                  f" p90 {q[-1]:.2f} ms ({len(samples)} calls, page -> worker -> engine -> page)")
    if "loginError" in trips:
        print(f"round trip session.whoami: not measured, login refused: {trips['loginError']}")
    if not args.no_engine_bench:
        print("\nEngine benchmark inside Pyodide (Node):")
        print(engine_bench_in_pyodide())


if __name__ == "__main__":
    main()
