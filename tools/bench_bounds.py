"""How much a refused oversized text costs: user.add with a 10 MB name against a name one character
over its bound (data/field_limits.json). The length is compared before anything else, so both
should cost the same. Run: uv run --frozen python -m tools.bench_bounds"""

import statistics, time
from egov_roles import Engine
e = Engine(dataset="demo")
s = e.execute("session.login", {"method": "password", "username": "marielambert", "password": "Demo2024.ok", "profile": "role-marie-gl"})["data"]["session"]
new = {"niss": "85073003328", "first_name": "An", "email": "an@example.be"}
def run(name):
    t = time.perf_counter(); r = e.execute("user.add", {"person": {**new, "name": name}}, s); d = time.perf_counter() - t
    assert not r["ok"]; return d
huge = "x" * 10_000_000
small = "x" * 101
for label, v in (("10 MB name", huge), ("101-char name", small)):
    times = [run(v) for _ in range(20)]
    print(f"{label}: median {statistics.median(times)*1000:.3f} ms over 20")
