"""Benchmark of the demo's runtime in Debian's Chromium, against a plain loadPyodide baseline.

Prints, in one run on the built site (make build), for each link (--link; by default loopback,
50 Mbit/s with 20 ms of round trip and 10 Mbit/s with 40 ms, tools/link.py):
- time to engine ready, cold (a new browser profile, every cache empty; the page is opened once
  the launched browser has finished its own start) and warm (a reload in the same profile),
  median of N rounds, for the demo page and for a baseline page that only calls loadPyodide()
  on the same runtime files (no wheels, no engine: less work than the demo does); the rounds are
  interleaved (each round measures every link and both pages in turn), so that both pages see
  the same machine: on a shared machine only the ratios of one run mean something;
- the bytes the server sent for each load (what went over the wire), before "ready" and in all
  (until the reload, or the end of the visit);
- the engine's command round trip as the page sees it (median over many calls);
- the engine benchmark (tools/bench_engine.py) run inside Pyodide under Node, if it exists.

Numbers only: no threshold is checked here or in any test (the machine is shared and noisy;
the ratio against the baseline measured in the same run is what to read).

usage: python -m tools.bench_runtime [--site site] [--rounds 3] [--calls 300]
           [--link MBIT,RTT_MS ...] [--cpu-throttle 4]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tools.link import CHUNK, Link, LinkSpec
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
# Seconds on the page after the reload's "ready", for its bytes in all.
AFTER_RELOAD = 3.0
# The links of one run: the loopback interface and two readers' lines (tools/link.py).
LINKS = ("loopback", "50,20", "10,40")
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


class LinkHandler(SiteHandler):
    """The site's handler, plus the baseline page, behind the server's link (tools/link.py): each
    response waits one round trip, every body passes the link's shared bucket and is logged."""

    def do_GET(self) -> None:  # noqa: N802 - name from the base class
        self.server.link.delay()
        if self.path == BASELINE_PATH:
            body = self.server.baseline.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            # The benchmark's own page, not the site's: none of the site's headers (its CSP would
            # refuse the page's inline script, which no hash of the site's names).
            http.server.BaseHTTPRequestHandler.end_headers(self)
            self.copyfile(io.BytesIO(body), self.wfile)
            return
        super().do_GET()

    def copyfile(self, source, outputfile) -> None:
        while chunk := source.read(CHUNK):
            self.server.link.send(len(chunk))
            outputfile.write(chunk)


def start_server(site: Path, runtime: str = "", link: Link | None = None):
    """The site behind a link (loopback unless told); `server.link` may be replaced between loads."""
    server = make_server(site, port=0, quiet=True)
    # The same host rules as the plain server's handler (make_server binds them to the site).
    host = server.RequestHandlerClass.func.host
    server.RequestHandlerClass = functools.partial(type("LinkHandlerFor", (LinkHandler,), {"host": host}),
                                                   directory=str(site))
    server.baseline = baseline_html(runtime)
    server.link = link or Link(LinkSpec())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def runtime_of(site: Path) -> str:
    page = (site / "demo" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'src="(?:\.\./)*(runtime/[0-9a-f]+/)client\.js"', page)
    if not found:
        raise SystemExit(f"{site}/demo/index.html does not load the runtime: run `make build`")
    return found.group(1)


def load(page, url: str, reload: bool = False):
    """(seconds to ready on the page's clock, when it was ready on the wall clock, engine info)."""
    if reload:
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    # A selector, not a JS predicate: the demo's CSP forbids the eval Playwright would use.
    page.wait_for_selector("html[data-engine=ready], html[data-engine=failed]", timeout=300_000)
    if page.get_attribute("html", "data-engine") == "failed":
        raise SystemExit(f"{url}: the engine failed to start")
    ready, origin = page.evaluate("[window.__engineReadyAt, performance.timeOrigin]")
    info = page.evaluate(
        "() => document.querySelector('script[type=importmap]')"
        " ? import('egov-engine').then((m) => m.engine.info) : null"
    )
    return ready / 1000, (origin + ready) / 1000, info or {}


def measure(pw, url: str, server, spec: LinkSpec, settle: float = SETTLE,
            launch_settle: float = LAUNCH_SETTLE, cpu_throttle: float = 1.0) -> dict:
    """One cold visit and its reload over the link `spec`, in a new browser profile."""
    with tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        try:
            context.add_init_script(READY_PROBE)
            page = context.new_page()
            if cpu_throttle != 1:
                # A phone-class processor: Chromium runs the page's renderer (its workers too)
                # that many times slower.
                context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_throttle})
            time.sleep(launch_settle)
            link = server.link = Link(spec)
            start = time.time()
            cold, cold_ready_at, info = load(page, url)
            time.sleep(settle)
            reload_at = time.time()
            warm, warm_ready_at, warm_info = load(page, url, reload=True)
            time.sleep(AFTER_RELOAD)
            return {"cold": cold, "warm": warm,
                    "cold_bytes": link.sent(start, cold_ready_at), "cold_total": link.sent(start, reload_at),
                    "warm_bytes": link.sent(reload_at, warm_ready_at), "warm_total": link.sent(reload_at),
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


def medians(results: list[dict]) -> dict:
    keys = ("cold", "warm", "cold_bytes", "cold_total", "warm_bytes", "warm_total")
    return {key: statistics.median(r[key] for r in results) for key in keys}


def print_table(rounds: int, runtime: str, throttle: float, results: dict) -> None:
    """One table per link: both pages, their ratio, bytes before ready and in all."""
    cpu = f", CPU throttled x{throttle:g}" if throttle != 1 else ""
    print(f"Engine ready, median of {rounds} interleaved rounds (Chromium {CHROMIUM}, runtime /{runtime}{cpu})")
    print("  bytes: before ready / in all (cold: until the reload; warm: until 3 s after ready)")
    for spec, pages in results.items():
        med = {name: medians(rs) for name, rs in pages.items()}
        modes = {name: sorted({str(r["mode"]) for r in rs} | {str(r["warm_mode"]) for r in rs})
                 for name, rs in pages.items()}
        print(f"\n{spec.label}")
        width = max(32, *(len(name) + 14 for name in med))
        print(f"  {'':{width}} {'first visit':>11} {'reload':>8}   {'bytes first visit':>19}   {'bytes reload':>15}")
        for name, m in med.items():
            label = "plain loadPyodide (baseline)" if name == "baseline" else f"{name} ({', '.join(modes[name])})"
            print(f"  {label:{width}} {m['cold']:10.3f}s {m['warm']:7.3f}s   {mb(m['cold_bytes'])} / {mb(m['cold_total'])}"
                  f"   {mb(m['warm_bytes'])} / {mb(m['warm_total'])}")
        if "baseline" in med:
            for name in (n for n in med if n != "baseline"):
                print(f"  {'ratio ' + name + ' / baseline':{width}} {med[name]['cold'] / med['baseline']['cold']:11.2f}"
                      f" {med[name]['warm'] / med['baseline']['warm']:8.2f}")


def mb(n: float) -> str:
    return f"{n / 1e6:5.2f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--link", action="append", type=LinkSpec.parse, metavar="MBIT,RTT_MS",
                        help="a link to measure on (repeat it; 'loopback' for none);"
                             f" default: {' '.join(LINKS)}")
    parser.add_argument("--cpu-throttle", type=float, default=1.0, metavar="RATE",
                        help="Chromium's CPU throttling (CDP Emulation.setCPUThrottlingRate), e.g. 4")
    parser.add_argument("--no-engine-bench", action="store_true")
    parser.add_argument("--settle", type=float, default=SETTLE,
                        help="seconds between the cold load and the reload")
    parser.add_argument("--launch-settle", type=float, default=LAUNCH_SETTLE,
                        help="seconds between the browser's launch and the cold load")
    parser.add_argument("--only", choices=("baseline", "demo"), help="measure one page only")
    parser.add_argument("--variant", action="append", default=[], metavar="LABEL=SITE",
                        help="also the demo of another built site (e.g. one without a start-up"
                             " trick), in the same interleaved rounds; repeatable")
    parser.add_argument("--verbose", action="store_true", help="the worker's own timings per load")
    args = parser.parse_args()
    links = args.link or [LinkSpec.parse(text) for text in LINKS]

    from playwright.sync_api import sync_playwright

    runtime = runtime_of(args.site)
    server = start_server(args.site, runtime)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = {"baseline": (server, base + BASELINE_PATH), "demo": (server, base + "/demo/")}
    if args.only:
        pages = {args.only: pages[args.only]}
    for variant in args.variant:
        label, _, site = variant.partition("=")
        other = start_server(Path(site), runtime_of(Path(site)))
        pages[f"demo: {label}"] = (other, f"http://127.0.0.1:{other.server_address[1]}/demo/")
    results: dict[LinkSpec, dict[str, list[dict]]] = {spec: {name: [] for name in pages} for spec in links}
    with sync_playwright() as pw:
        for n in range(args.rounds):
            for spec in links:  # interleaved: every page and link sees the same machine load
                for name, (page_server, url) in pages.items():
                    r = measure(pw, url, page_server, spec, args.settle, args.launch_settle, args.cpu_throttle)
                    results[spec][name].append(r)
                    print(f"round {n + 1} {spec.label:20} {name:10}  cold {r['cold']:.3f} s"
                          f" ({mb(r['cold_bytes'])} before ready)  warm {r['warm']:.3f} s", file=sys.stderr)
                    if args.verbose and r["timings"][1]:
                        print(f"  worker (ms after its start at {r['timings'][0]} / {r['timings'][2]} ms):"
                              f"\n  cold {r['timings'][1]}\n  warm {r['timings'][3]}", file=sys.stderr)
        server.link = Link(LinkSpec())
        trips = round_trip(pw, pages["demo"][1], args.calls) if "demo" in pages else {}
    for page_server in {id(s): s for s, _ in pages.values()}.values():
        page_server.shutdown()

    print_table(args.rounds, runtime, args.cpu_throttle, results)
    print()
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
