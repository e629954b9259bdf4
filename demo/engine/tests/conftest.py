"""Shared fixtures and the hypothesis profiles of the engine's tests.

Profiles: "default" keeps the everyday suite fast; "thorough" is for `make test-slow`
(`pytest -m slow --hypothesis-profile=thorough`), where the slow stateful test runs at least
10,000 command sequences. Tests marked `slow` are skipped unless `-m` selects them, so that a
plain `pytest` never starts the long run.

Nothing here is CPython-only: the same files run inside Pyodide.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, settings

from egov_roles import Engine, runtime

settings.register_profile("default", max_examples=30, stateful_step_count=20, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("thorough", max_examples=10_000, stateful_step_count=15, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile("default")

PASSWORD = "Demo2024.ok"


def pytest_collection_modifyitems(config, items):
    markexpr = config.getoption("markexpr", default="") or ""
    if "slow" in markexpr:
        return
    skip = pytest.mark.skip(reason="long run: make test-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def make_engine(dataset: str = "demo") -> Engine:
    return Engine(dataset=dataset, clock=runtime.SteppingClock("2024-03-04T09:00:00+00:00"), ids=runtime.SequentialIds(),
                  rng=random.Random(7))


class Client:
    """A small helper around one engine: log in as a demo account and run commands."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def run(self, command: str, args: dict | None = None, session: str | None = None, lang: str = "fr") -> dict:
        return self.engine.execute(command, args or {}, session, lang)

    def ok(self, command: str, args: dict | None = None, session: str | None = None, lang: str = "fr"):
        response = self.run(command, args, session, lang)
        assert response["ok"], response
        return response["data"]

    def refused(self, command: str, args: dict | None = None, session: str | None = None, lang: str = "fr") -> dict:
        response = self.run(command, args, session, lang)
        assert not response["ok"], response
        return response["error"]

    def login(self, username: str, profile: str | None = None) -> str:
        args = {"method": "password", "username": username, "password": PASSWORD}
        if profile:
            args["profile"] = profile
        return self.ok("session.login", args)["session"]

    def eid(self, niss: str, profile: str | None = None) -> str:
        args = {"method": "eid", "niss": niss}
        if profile:
            args["profile"] = profile
        return self.ok("session.login", args)["session"]

    @property
    def state(self) -> dict:
        return self.engine.state


@pytest.fixture
def engine() -> Engine:
    return make_engine()


@pytest.fixture
def client(engine) -> Client:
    return Client(engine)


# Profiles of the demo dataset, one per role (used by the table-driven tests).
PROFILES = {
    "legal_rep": ("person-anne", "role-anne-lr"),
    "rae": ("person-julien", "role-julien-rae"),
    "co_rae": ("person-oscar", "role-oscar-corae"),
    "gl": ("person-marie", "role-marie-gl"),
    "co_gl": ("person-willem", "role-willem-cogl"),
    "user": ("person-caterina", "role-caterina-user"),
}


def session_for(client: Client, role: str) -> str:
    """A session of the demo person who holds `role`, with that profile chosen (eID login)."""
    person, profile = PROFILES[role]
    return client.eid(client.state["people"][person]["niss"], profile)
