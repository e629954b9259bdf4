"""A reader's line, simulated by the benchmark's server (tools/bench_runtime.py --link).

One bottleneck link between the server and the browser:
- every response waits one round trip before its first byte (the request's way there and the
  first byte's way back; connections are opened on loopback, their own round trip is not
  counted: the browser keeps them open);
- every body, of every response at once, passes through one shared token bucket of the link's
  rate: concurrent downloads share the bandwidth, as on a real line.

The clock is injected (`now`, `sleep`): the benchmark uses the wall clock (its times are compared
with the browser's performance.timeOrigin), the unit test a clock that only counts.

Every chunk that passes is logged with the time it finished passing, so that the bytes sent
before a moment (the engine's "ready") can be counted afterwards.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass


class WallClock:
    """Seconds since the epoch, the same clock as the browser's performance.timeOrigin."""

    now = staticmethod(time.time)
    sleep = staticmethod(time.sleep)


# Bytes the bucket holds when the line has been idle: a burst of this size goes at once.
BURST = 16 * 1024
# Bodies are written in chunks of this size, each waiting for its tokens: concurrent downloads
# interleave at that grain (13 ms of a 10 Mbit/s line).
CHUNK = 16 * 1024


@dataclass(frozen=True)
class LinkSpec:
    """`mbit` None is loopback (no shaping, no delay)."""

    mbit: float | None = None
    rtt_ms: float = 0.0

    @classmethod
    def parse(cls, text: str) -> LinkSpec:
        """"MBIT,RTT_MS" ("10,40"), or "loopback"."""
        if text.strip().lower() in ("loopback", "0", "0,0"):
            return cls()
        try:
            mbit, rtt = (float(part) for part in text.split(","))
        except ValueError:
            raise ValueError(f"a link is MBIT,RTT_MS (e.g. 10,40) or loopback, not {text!r}") from None
        if mbit <= 0 or rtt < 0:
            raise ValueError(f"a link needs a positive rate and a round trip of 0 ms or more: {text!r}")
        return cls(mbit, rtt)

    @property
    def label(self) -> str:
        if self.mbit is None:
            return "loopback"
        return f"{self.mbit:g} Mbit/s, {self.rtt_ms:g} ms"


class Link:
    def __init__(self, spec: LinkSpec, clock=WallClock, burst: int = BURST):
        self.spec = spec
        self.clock = clock
        self.rate = spec.mbit * 1e6 / 8 if spec.mbit else None  # bytes per second
        self.rtt = spec.rtt_ms / 1000
        self.burst = burst
        self._lock = threading.Lock()
        self._tokens = float(burst)
        self._last = clock.now()
        self.log: list[tuple[float, int]] = []  # (when the chunk had passed, its bytes)

    def delay(self) -> None:
        """One round trip, before a response's first byte."""
        if self.rtt:
            self.clock.sleep(self.rtt)

    def send(self, size: int) -> None:
        """Wait until `size` bytes have passed the link (shared with every other sender)."""
        wait = 0.0
        with self._lock:
            now = self.clock.now()
            if self.rate:
                self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
                self._last = now
                self._tokens -= size  # a debt the next senders wait for too
                wait = max(0.0, -self._tokens / self.rate)
            self.log.append((now + wait, size))
        if wait:
            self.clock.sleep(wait)

    def sent(self, since: float = float("-inf"), until: float = float("inf")) -> int:
        """Bytes that finished passing in [since, until)."""
        with self._lock:
            return sum(size for when, size in self.log if since <= when < until)
