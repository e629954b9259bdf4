"""Role engine for Belgian social-security access management: enterprises, qualities, roles and
accounts, with the policy table that says who may do what to whom.

    import egov_roles
    egov_roles.handle({"command": "session.login", "args": {"method": "password",
                       "username": "juliensimons", "password": "Demo2024.ok"}, "lang": "fr"})

See README.md of the distribution for the protocol and the command catalogue.
"""

from __future__ import annotations

from . import policy
from .engine import Engine
from .state import VERSION as SCHEMA_VERSION

__all__ = ["Engine", "handle", "default_engine", "reset_default_engine", "policy_table", "who_may", "command_catalogue",
           "SCHEMA_VERSION"]

_default: Engine | None = None


def default_engine() -> Engine:
    """The engine behind the module-level `handle`, created on first use with the demo dataset."""
    global _default
    if _default is None:
        _default = Engine(dataset="demo")
    return _default


def reset_default_engine(engine: Engine | None = None) -> Engine:
    global _default
    _default = engine
    return default_engine()


def handle(request):
    """Run one request on the default engine: a dict (or JSON string) in, a dict (or JSON string) out."""
    return default_engine().handle(request)


def policy_table() -> dict:
    """The policy table for the site (roles, actions, scopes, rules, the flat table, reach)."""
    return policy.export()


def who_may(action: str) -> dict:
    return policy.who_may(action)


def command_catalogue() -> list[dict]:
    from .commands import catalogue

    return catalogue()
