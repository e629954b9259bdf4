"""Shared fixtures and the hypothesis profiles of the engine's tests.

Profiles: "default" keeps the everyday suite fast; "thorough" is for `make test-slow`
(`pytest -m slow --hypothesis-profile=thorough`), where the slow stateful test runs at least
10,000 command sequences. Tests marked `slow` are skipped unless `-m` selects them, so that a
plain `pytest` never starts the long run.

Nothing here is CPython-only: the same files run inside Pyodide.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from egov_roles import Engine
from engine_helpers import Client, make_engine

settings.register_profile("default", max_examples=30, stateful_step_count=20, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("thorough", max_examples=10_000, stateful_step_count=15, deadline=None,
                          suppress_health_check=list(HealthCheck))


def pytest_configure(config):
    # A profile named on the command line (--hypothesis-profile=thorough) wins; otherwise the
    # engine's "default" profile above replaces hypothesis' built-in one.
    if not config.getoption("hypothesis_profile", default=None):
        settings.load_profile("default")


def pytest_collection_modifyitems(config, items):
    markexpr = config.getoption("markexpr", default="") or ""
    if "slow" in markexpr:
        return
    skip = pytest.mark.skip(reason="long run: make test-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def engine() -> Engine:
    return make_engine()


@pytest.fixture
def client(engine) -> Client:
    return Client(engine)
