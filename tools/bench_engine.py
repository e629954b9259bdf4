"""Benchmark of the role engine: median latency per command, and user search over 10,000 users.

    uv run python -m tools.bench_engine            # CPython
    uv run python -m tools.bench_engine --users 20000 --repeat 50

`run(engine)` is the whole benchmark body and takes nothing but an engine: it talks to it only
through `engine.handle`, so the same function runs unchanged inside Pyodide (load this file and
call `run(egov_roles.Engine())`). It returns the figures as a dict; `report()` formats them.

Figures, not pass/fail: speed targets live here, never in timed tests. The baseline is a plain
Python scan of the same role records with the same filter, measured in the same run, so the
ratio says what the engine adds on top of the unavoidable work.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time

USERS = 10_000
REPEAT = 30


def _time(fn, repeat: int) -> dict:
    samples = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {"n": repeat, "median_ms": statistics.median(samples), "p90_ms": samples[int(0.9 * (repeat - 1))],
            "min_ms": samples[0]}


def _call(engine, command: str, args: dict | None = None, session: str | None = None, expect_ok: bool = True) -> dict:
    response = engine.handle({"command": command, "args": args or {}, "session": session, "lang": "fr"})
    if response["ok"] != expect_ok:
        raise RuntimeError(f"{command}: unexpected response {response}")
    return response


def run(engine, users: int = USERS, repeat: int = REPEAT) -> dict:
    """Load a large dataset into `engine` and time each command; returns the figures."""
    start = time.perf_counter()
    _call(engine, "state.reset", {"dataset": "large", "users": users})
    reset_ms = (time.perf_counter() - start) * 1000

    state = _call(engine, "state.export")["data"]
    roles = state["roles"]
    people = state["people"]
    by_kind = {}
    for role in roles.values():
        by_kind.setdefault(role["kind"], []).append(role)
    rae = by_kind["rae"][0]
    co_rae = by_kind["co_rae"][0]
    gl = by_kind["gl"][0]
    quality = gl["quality"]
    user_roles = [r["id"] for r in by_kind["user"] if r["quality"] == quality and r["status"] == "active"]
    password = "Demo2024.ok"
    rae_user = people[rae["person"]]["username"]

    def login(person_role) -> str:
        niss = people[person_role["person"]]["niss"]
        return _call(engine, "session.login", {"method": "eid", "niss": niss, "profile": person_role["id"]})["data"]["session"]

    rae_session, gl_session, co_rae_session = login(rae), login(gl), login(co_rae)
    sample_name = people[by_kind["user"][len(by_kind["user"]) // 2]["person"]]["name"]
    app = next(iter(by_kind["user"][0]["applications"]), None) or "drs"

    def fresh_niss(i: int) -> str:
        # valid national numbers of people born in 1949, unused by the generator (it starts in 1950)
        base = f"49{(i // 28) % 12 + 1:02d}{i % 28 + 1:02d}{(i * 2 + 1) % 1000:03d}"
        return base + f"{97 - int(base) % 97:02d}"

    cases = {
        "session.login (password)": lambda i: _call(engine, "session.login",
                                                    {"method": "password", "username": rae_user, "password": password}),
        "session.login (eID)": lambda i: login(gl),
        "enterprise.view": lambda i: _call(engine, "enterprise.view", {}, rae_session),
        "quality.view": lambda i: _call(engine, "quality.view", {}, gl_session),
        "account.view": lambda i: _call(engine, "account.view", {}, gl_session),
        "users.list (page 1)": lambda i: _call(engine, "users.list", {}, gl_session),
        "users.list (application filter)": lambda i: _call(engine, "users.list", {"application": app}, gl_session),
        "users.search (name, whole enterprise)": lambda i: _call(engine, "users.search", {"name": sample_name}, rae_session),
        "users.search (NISS prefix)": lambda i: _call(engine, "users.search", {"niss": "7"}, rae_session),
        "users.search (no filter, last page)": lambda i: _call(engine, "users.search", {"page": 50, "page_size": 200},
                                                               rae_session),
        "user.block / user.unblock": lambda i: _call(engine, "user.unblock" if i % 2 else "user.block",
                                                     {"role": user_roles[0]}, gl_session),
        "user.grant_application": lambda i: _call(engine, "user.grant_application",
                                                  {"role": user_roles[1], "grant": [app] if i % 2 == 0 else [],
                                                   "withdraw": [app] if i % 2 else []}, gl_session),
        "user.edit": lambda i: _call(engine, "user.edit", {"role": user_roles[2], "language": "nl" if i % 2 else "fr"},
                                     gl_session),
        "user.add (new person)": lambda i: _call(engine, "user.add", {"person": {"niss": fresh_niss(i), "name": "Bench",
                                                                                  "first_name": "Mark",
                                                                                  "email": "bench@example.be"}},
                                                 gl_session),
        "co_rae.add by a co-RAE (refused)": lambda i: _call(engine, "co_rae.add", {"person": {"niss": fresh_niss(500 + i)}},
                                                            co_rae_session, expect_ok=False),
        "engine.validate (NISS)": lambda i: _call(engine, "engine.validate", {"field": "niss", "value": "85073003328"}),
        "malformed request": lambda i: engine.handle("{not json"),
    }
    results = {name: _time(fn, repeat) for name, fn in cases.items()}

    # Baseline: the same name filter as a bare loop over the same records, no engine around it.
    needle = sample_name.casefold()
    records = list(roles.values())

    def bare_scan(i):
        found = [r for r in records if r["quality"] is not None and needle in people[r["person"]]["name"].casefold()]
        found.sort(key=lambda r: (people[r["person"]]["name"].casefold(), people[r["person"]]["first_name"].casefold()))

    baseline = _time(bare_scan, repeat)
    search = results["users.search (name, whole enterprise)"]
    return {
        "python": f"{platform.python_implementation()} {platform.python_version()} ({sys.platform})",
        "users": users, "roles": len(roles), "repeat": repeat, "reset_ms": reset_ms,
        "commands": results, "baseline_scan": baseline,
        "search_vs_baseline": search["median_ms"] / baseline["median_ms"] if baseline["median_ms"] else None,
    }


def report(figures: dict) -> str:
    lines = [f"Role engine benchmark — {figures['python']}",
             f"{figures['users']} users ({figures['roles']} roles); {figures['repeat']} runs per command; "
             f"large dataset built and loaded in {figures['reset_ms']:.0f} ms", "",
             f"{'command':42} {'median ms':>10} {'p90 ms':>9} {'min ms':>9}"]
    for name, r in figures["commands"].items():
        lines.append(f"{name:42} {r['median_ms']:10.3f} {r['p90_ms']:9.3f} {r['min_ms']:9.3f}")
    b = figures["baseline_scan"]
    lines += ["", f"{'baseline: bare Python scan + sort':42} {b['median_ms']:10.3f} {b['p90_ms']:9.3f} {b['min_ms']:9.3f}",
              f"users.search (name) / baseline scan: {figures['search_vs_baseline']:.2f}x"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=USERS)
    parser.add_argument("--repeat", type=int, default=REPEAT)
    args = parser.parse_args()
    import egov_roles

    print(report(run(egov_roles.Engine(), users=args.users, repeat=args.repeat)))


if __name__ == "__main__":
    main()
