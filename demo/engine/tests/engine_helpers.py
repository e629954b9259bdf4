"""Helpers shared by the engine's test modules (a module with its own name: several test
directories of the project have a conftest.py, so tests never import from "conftest")."""

from __future__ import annotations

import random

from egov_roles import Engine, runtime

PASSWORD = "Demo2024.ok"


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


# Profiles of the demo dataset, one per role (used by the table-driven tests).
PROFILES = {
    "legal_rep": ("person-anne", "role-anne-lr"),
    "rae": ("person-julien", "role-julien-rae"),
    "co_rae": ("person-oscar", "role-oscar-corae"),
    "gl": ("person-marie", "role-marie-gl"),
    "co_gl": ("person-willem", "role-willem-cogl"),
    "user": ("person-caterina", "role-caterina-user"),
}


def engine_sources() -> str:
    """The text of every module of the engine, read through importlib.resources (the engine may be
    installed from a zip, as in Pyodide)."""
    from importlib import resources

    def walk(node):
        for child in node.iterdir():
            if child.is_dir():
                yield from walk(child)
            elif child.name.endswith(".py"):
                yield child.read_text(encoding="utf-8")

    return "".join(walk(resources.files("egov_roles")))


def session_for(client: Client, role: str) -> str:
    """A session of the demo person who holds `role`, with that profile chosen (eID login)."""
    person, profile = PROFILES[role]
    return client.eid(client.state["people"][person]["niss"], profile)
