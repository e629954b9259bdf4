"""Hostile input for the engine, as a stranger's link or a clumsy reader's file would bring it:
requests of any shape, nesting and size, and states changed at random places.

`fuzz(iterations, seed)` sends that many requests built from a seeded random source and counts
what misbehaved: an exception out of `handle` (an escape), a response that is not JSON or not
the protocol's, an `internal_error`, a refused request that changed the state. It is run by
test_hostile.py (short in the default suite, long under `make test-slow`) and by hand:

    uv run --frozen python demo/engine/tests/hostile.py --iterations 20000 --seed 1

`mutated_state(rng, base)` is a state with a few values replaced, records dropped or entries
added; the property test keeps those state.load accepts and runs every read command on them.
Nothing here is CPython-only.
"""

from __future__ import annotations

import copy
import json
import random

from egov_roles import Engine, runtime

# Values a mutation puts in: other types, names JavaScript objects already have, edge texts.
ODD_VALUES = [None, True, 0, -1, 2**63, 1.5, "", " ", "constructor", "__proto__", "toString", "hasOwnProperty",
              "x" * 2000, "\u202e", "\ud800", "<img src=x onerror=alert(1)>", "2024-02-30", "9999-12-31",
              "1970-01-01T00:00:00", [], {}, [None], {"a": 1}, {"fr": "x"}, ["drs"]]
# Values that keep a state's shape but change its meaning.
PLAUSIBLE_TEXTS = ["", "drs", "ebox", "user", "gl", "co_gl", "rae", "co_rae", "legal_rep", "active", "blocked",
                   "pending", "accepted", "expired", "withdrawn", "published", "email", "link", "fr", "nl", "de",
                   "en", "eid", "password", "read", "write", "2024-03-04", "2099-12-31", "1900-01-01",
                   "2024-03-04T09:00:00+00:00", "session.login", "user.block", "state.load", "x@example.be"]


def make_engine(dataset: str = "demo") -> Engine:
    return Engine(dataset=dataset, clock=runtime.SteppingClock("2024-03-04T09:00:00+00:00"),
                  ids=runtime.SequentialIds(), rng=random.Random(7))


def _containers(value, limit=4000):
    """(container, key) pairs of every value inside `value`, without recursion."""
    out, stack = [], [value]
    while stack and len(out) < limit:
        item = stack.pop()
        pairs = item.items() if isinstance(item, dict) else enumerate(item) if isinstance(item, list) else ()
        for key, child in pairs:
            out.append((item, key))
            if isinstance(child, (dict, list)):
                stack.append(child)
    return out


def _ids(state: dict) -> list[str]:
    ids = []
    for name in ("enterprises", "qualities", "people", "roles", "invitations", "sessions"):
        ids.extend(state.get(name, {}) if isinstance(state.get(name), dict) else ())
    return ids or ["x"]


def mutated_state(rng: random.Random, base: dict, plausible: bool = False) -> dict:
    """A copy of `base` with one to four changes. `plausible` keeps texts texts and ids ids, so
    that more of the results pass the checks (the property test wants accepted states)."""
    state = copy.deepcopy(base)
    ids = _ids(base)
    for _ in range(rng.randint(1, 4)):
        places = _containers(state)
        if not places:
            break
        container, key = rng.choice(places)
        current = container[key]
        roll = rng.random()
        if roll < 0.15 and isinstance(container, dict) and len(container) > 1:
            del container[key]  # a field or a whole record gone
        elif roll < 0.3 and isinstance(container, list):
            container.append(copy.deepcopy(rng.choice(container)))  # an entry twice
        elif roll < 0.45 and isinstance(container, dict):
            # The same value under another name (a routing entry for another declaration, a record
            # under another id).
            container[rng.choice(ids + PLAUSIBLE_TEXTS + ["constructor", "nope"])] = copy.deepcopy(current)
        elif plausible and isinstance(current, str):
            container[key] = rng.choice(ids + PLAUSIBLE_TEXTS)
        elif plausible and current is None:
            container[key] = rng.choice(ids + PLAUSIBLE_TEXTS)
        elif plausible and isinstance(current, (dict, list)) and rng.random() < 0.5:
            current.clear()
        elif plausible and isinstance(current, int) and not isinstance(current, bool):
            container[key] = rng.choice([0, 1, current + 1, 10**6])
        elif plausible and isinstance(container, dict) and rng.random() < 0.3:
            container[key] = None
        else:
            container[key] = copy.deepcopy(rng.choice(ODD_VALUES + ids))
    if plausible and rng.random() < 0.3:
        # A journal entry of the right shape that names things the state does not hold.
        journal = state.get("journal")
        if isinstance(journal, list):
            journal.append({"seq": len(journal) + 1, "at": "2024-03-04T10:00:00+00:00", "command": rng.choice(
                ["user.block", "no.such", "state.load"]), "effect": rng.choice(["read", "write"]),
                "actor": rng.choice([None, {"person": rng.choice(ids), "name": "X"}]),
                "profile": rng.choice([None, {"role": rng.choice(ids), "kind": "gl", "enterprise": rng.choice(ids),
                                              "quality": rng.choice([None, rng.choice(ids)])}]),
                "target": {k: rng.choice(ids) for k in rng.sample(["person", "role", "quality", "invitation"], 2)}})
    return state


def _nested(rng: random.Random, depth: int, close: bool) -> str:
    opener, closer = rng.choice([("[", "]"), ('{"a":', "}"), ('{"args":', "}")])
    text = opener * depth + rng.choice(["1", '"x"', "null", "[]", "{}"])
    return text + closer * depth if close else text


def _random_value(rng: random.Random, budget: int = 40):
    """A random JSON value of at most `budget` nodes, built without recursion."""
    root = {"v": None}
    stack = [(root, "v")]
    while stack:
        holder, key = stack.pop()
        budget -= 1
        roll = rng.random()
        if budget > 0 and roll < 0.2:
            holder[key] = {}
            for name in rng.sample(["command", "args", "state", "session", "lang", "id", "a", "role", "quality",
                                    "people", "journal", "constructor"], rng.randint(0, 3)):
                stack.append((holder[key], name))
        elif budget > 0 and roll < 0.35:
            holder[key] = [None] * rng.randint(0, 3)
            stack.extend((holder[key], i) for i in range(len(holder[key])))
        else:
            holder[key] = copy.deepcopy(rng.choice(ODD_VALUES + PLAUSIBLE_TEXTS))
    return root["v"]


def _mutated_text(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(chars) + 1)
        roll = rng.random()
        if roll < 0.3 and chars:
            del chars[min(at, len(chars) - 1)]
        elif roll < 0.6:
            chars.insert(at, rng.choice('[]{}",:\\0aé\ud800 '))
        elif roll < 0.8:
            chars[at:at] = list(rng.choice(["[" * 50, "{}" * 20, '"\\u0000"', "1e999", "-", "null", "\\"]))
        elif chars:
            start = rng.randrange(len(chars))
            chars[at:at] = chars[start:start + rng.randint(1, 200)]
    return "".join(chars)


def request(rng: random.Random, corpus: list[str], base_state: dict):
    """One hostile request: JSON text or Python values."""
    roll = rng.random()
    if roll < 0.2:
        depth = rng.choice([rng.randint(1, 40), rng.randint(30, 3000), rng.randint(3000, 20000)])
        inner = _nested(rng, depth, close=rng.random() < 0.8)
        return rng.choice([inner, '{"command": "state.load", "lang": "nl", "args": {"state": ' + inner + "}}",
                           '{"command": "engine.validate", "args": {"field": "niss", "value": ' + inner + "}}"])
    if roll < 0.45:
        return _mutated_text(rng, rng.choice(corpus))
    if roll < 0.6:
        return {"command": rng.choice(["state.load", "engine.validate", "users.search", "session.login", "nope"]),
                "args": _random_value(rng), "lang": rng.choice(["fr", "nl", "de", "en", "xx", None]), "id": _random_value(rng, 3)}
    if roll < 0.8:
        return {"command": "state.load", "args": {"state": mutated_state(rng, base_state, plausible=rng.random() < 0.5)},
                "lang": rng.choice(["fr", "nl"])}
    if roll < 0.9:
        return json.dumps(_random_value(rng, 80))
    return rng.choice(corpus).encode("utf-8")[: rng.randint(0, 400)]


def corpus(state: dict) -> list[str]:
    return [json.dumps(r) for r in (
        {"command": "session.login", "args": {"method": "password", "username": "juliensimons", "password": "Demo2024.ok"},
         "lang": "nl", "id": 1},
        {"command": "engine.validate", "args": {"field": "niss", "value": "85073003328"}, "lang": "fr"},
        {"command": "users.search", "args": {"name": "Peeters", "page": 1}, "session": "session-1", "lang": "nl"},
        {"command": "state.load", "args": {"state": state}, "lang": "nl"},
        {"command": "journal.list", "args": {"limit": 5}},
    )]


def fuzz(iterations: int, seed: int = 1) -> dict:
    """Counts: iterations, escapes (exceptions out of handle), bad responses, internal errors,
    refused requests that changed the state."""
    rng = random.Random(seed)
    engine = make_engine()
    base = copy.deepcopy(engine.state)
    texts = corpus(base)
    counts = {"iterations": 0, "escapes": 0, "bad_responses": 0, "internal_errors": 0, "changed_on_refusal": 0}
    examples: dict[str, list] = {key: [] for key in counts if key != "iterations"}

    def note(kind, what):
        counts[kind] += 1
        if len(examples[kind]) < 3:
            examples[kind].append(repr(what)[:300])

    for _ in range(iterations):
        counts["iterations"] += 1
        raw = request(rng, texts, base)
        before = json.dumps(engine.state, sort_keys=True)
        try:
            response = engine.handle(raw)
        except BaseException as exc:  # noqa: BLE001 - counting them is the point
            note("escapes", (type(exc).__name__, str(raw)[:200]))
            continue
        if isinstance(raw, (str, bytes)):
            try:
                response = json.loads(response)
            except (TypeError, ValueError):
                note("bad_responses", response)
                continue
        if not isinstance(response, dict) or not isinstance(response.get("ok"), bool):
            note("bad_responses", response)
            continue
        if not response["ok"]:
            if response["error"].get("code") == "internal_error":
                note("internal_errors", (response["error"].get("message"), str(raw)[:200]))
            if json.dumps(engine.state, sort_keys=True) != before:
                note("changed_on_refusal", str(raw)[:200])
        elif engine.state is not None and json.dumps(engine.state, sort_keys=True) != before:
            engine.state = copy.deepcopy(base)  # an accepted load: start the next one from the demo data
    counts["examples"] = {k: v for k, v in examples.items() if v}
    return counts


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    print(json.dumps(fuzz(options.iterations, options.seed), indent=2))
