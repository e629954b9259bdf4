"""The benchmark's shaped link (tools/link.py, tools/bench_runtime.py --link): every body passes
one shared bucket of the link's rate, each response waits one round trip. A clock that only
counts stands in for the wall clock: nothing here waits for time."""

from __future__ import annotations

import threading
import urllib.request

import pytest

from tools.bench_runtime import BASELINE_PATH, start_server
from tools.link import CHUNK, Link, LinkSpec


class CountingClock:
    """Time passes only when someone sleeps; every sleep is recorded."""

    def __init__(self):
        self.time = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self.time

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.time += seconds


def test_link_spec_parses_rate_and_round_trip():
    assert LinkSpec.parse("10,40") == LinkSpec(10.0, 40.0)
    assert LinkSpec.parse("loopback") == LinkSpec()
    assert LinkSpec.parse("50,20").label == "50 Mbit/s, 20 ms"
    for bad in ("10", "fast", "-1,20", "10,-5"):
        with pytest.raises(ValueError):
            LinkSpec.parse(bad)


def test_bytes_take_the_time_of_the_rate_and_are_all_counted():
    clock = CountingClock()
    link = Link(LinkSpec(8, 0), clock=clock, burst=CHUNK)  # 8 Mbit/s: 1,000,000 bytes a second
    start = clock.now()
    for _ in range(100):
        link.send(10_000)
    # The first chunk's worth goes at once (the bucket was full), the rest at the rate.
    assert clock.now() - start == pytest.approx((1_000_000 - CHUNK) / 1e6)
    assert link.sent() == 1_000_000
    assert link.sent(until=start + 0.5) == pytest.approx(500_000 + CHUNK, abs=10_000)


class FrozenClock(CountingClock):
    """Sleeps are recorded but take no time: senders that all reserve at the same instant."""

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


def test_senders_share_one_bucket():
    clock = FrozenClock()
    link = Link(LinkSpec(8, 0), clock=clock, burst=0)
    # Two responses' chunks reserved at the same moment: the second waits for both.
    link.send(250_000)
    link.send(250_000)
    assert clock.sleeps == pytest.approx([0.25, 0.5])
    assert [when - clock.time for when, _ in link.log] == pytest.approx([0.25, 0.5])


def test_an_idle_line_refills_only_its_burst():
    clock = CountingClock()
    link = Link(LinkSpec(8, 0), clock=clock, burst=CHUNK)
    clock.time += 60  # a minute idle
    link.send(CHUNK)
    assert clock.sleeps == []
    link.send(100_000)
    assert clock.sleeps == [pytest.approx(0.1)]


def test_loopback_counts_without_waiting():
    clock = CountingClock()
    link = Link(LinkSpec(), clock=clock)
    link.delay()
    link.send(5_000_000)
    assert clock.sleeps == [] and link.sent() == 5_000_000


def test_the_server_delays_each_response_and_sends_its_body_through_the_link(tmp_path):
    body = bytes(range(256)) * 1000  # 256,000 bytes
    (tmp_path / "file.bin").write_bytes(body)
    clock = CountingClock()
    link = Link(LinkSpec(8, 40), clock=clock, burst=0)
    server = start_server(tmp_path, link=link)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        with urllib.request.urlopen(f"{base}/file.bin") as response:  # noqa: S310 - loopback
            assert response.read() == body
        assert link.sent() == len(body)
        assert clock.sleeps[0] == pytest.approx(0.04)  # the round trip, before anything is sent
        assert sum(clock.sleeps[1:]) == pytest.approx(len(body) / 1e6)
        with urllib.request.urlopen(base + BASELINE_PATH) as response:  # noqa: S310 - loopback
            page = response.read()
            # The benchmark's own page, with its inline script: none of the site's headers.
            assert response.headers.get("Content-Security-Policy") is None
        assert b"loadPyodide" in page and link.sent() == len(body) + len(page)
        assert clock.sleeps.count(pytest.approx(0.04)) == 2
    finally:
        server.shutdown()
