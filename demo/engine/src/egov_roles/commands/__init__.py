"""The command handlers, registered in `registry.COMMANDS` when their modules are imported."""

from . import account, assignments, certificate, enterprise, members, quality, search, session, system  # noqa: F401 - registration
from .registry import COMMANDS, Arg, Command, catalogue

__all__ = ["COMMANDS", "Arg", "Command", "catalogue"]
