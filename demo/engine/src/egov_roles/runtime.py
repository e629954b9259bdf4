"""What the engine takes from the outside world, injected so that tests and the demo are
reproducible: a clock, an id source and a random source (salts, invitation codes)."""

from __future__ import annotations

import datetime as _dt
import random


class SystemClock:
    def __call__(self) -> _dt.datetime:
        return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)


class SteppingClock:
    """A clock for tests and the demo: starts at `start` and moves `step_seconds` at each reading."""

    def __init__(self, start: str | _dt.datetime = "2024-03-04T09:00:00+00:00", step_seconds: int = 60):
        self.now = _dt.datetime.fromisoformat(start) if isinstance(start, str) else start
        self.step = _dt.timedelta(seconds=step_seconds)

    def __call__(self) -> _dt.datetime:
        current = self.now
        self.now = self.now + self.step
        return current


class SequentialIds:
    """Readable ids ('person-12'); the engine skips any id already used in the collection, so a
    loaded state never collides with new ids."""

    def __init__(self):
        self.counters: dict[str, int] = {}

    def __call__(self, kind: str) -> str:
        self.counters[kind] = self.counters.get(kind, 0) + 1
        return f"{kind}-{self.counters[kind]}"


def system_random() -> random.Random:
    # SystemRandom draws from os.urandom (crypto.getRandomValues under Pyodide).
    return random.SystemRandom()
