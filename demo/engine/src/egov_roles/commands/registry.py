"""The command catalogue: each command's name, the policy action it needs, its arguments with
their types, and its description in every language of messages.LANGUAGES ({"fr": ..., "nl": ...,
"de": ...}: a new language adds its text to each). The catalogue is data for the protocol
(argument checks), the demo (forms) and the site (the generated reference page)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import messages

TYPES = ("string", "integer", "boolean", "object", "string_list", "object_list")

# The families of commands, as the reference page titles them (in this order), by language.
GROUPS = {
    "engine": {"fr": "Description du moteur", "nl": "Beschrijving van de motor", "de": "Beschreibung der Demo-Logik"},
    "state": {"fr": "État de la démo", "nl": "Toestand van de demo", "de": "Stand der Demo"},
    "session": {"fr": "Connexion et profils", "nl": "Aanmelden en profielen", "de": "Anmeldung und Profile"},
    "enterprise": {"fr": "Entreprise", "nl": "Onderneming", "de": "Unternehmen"},
    "co_rae": {"fr": "Co-RAE", "nl": "Co-VTE's", "de": "Co-VZU"},
    "users": {"fr": "Recherche d'utilisateurs", "nl": "Gebruikers zoeken", "de": "Benutzersuche"},
    "user": {"fr": "Utilisateurs", "nl": "Gebruikers", "de": "Benutzer"},
    "co_gl": {"fr": "Co-GL", "nl": "Co-lokale beheerders", "de": "Lokale Co-Verwalter"},
    "quality": {"fr": "Qualité", "nl": "Hoedanigheid", "de": "Eigenschaft"},
    "account": {"fr": "Propre compte", "nl": "Eigen account", "de": "Eigenes Konto"},
    "assignment": {"fr": "Attributions de rôle", "nl": "Roltoewijzingen", "de": "Rollenzuweisungen"},
}


@dataclass(frozen=True)
class Arg:
    name: str
    type: str
    text: dict  # the argument's meaning, by language
    required: bool = True
    choices: tuple = ()

    def accepts(self, value) -> bool:
        if self.type == "string":
            return isinstance(value, str)
        if self.type == "integer":
            return isinstance(value, int) and not isinstance(value, bool)
        if self.type == "boolean":
            return isinstance(value, bool)
        if self.type == "object":
            return isinstance(value, dict)
        if self.type == "string_list":
            return isinstance(value, list) and all(isinstance(v, str) for v in value)
        if self.type == "object_list":
            return isinstance(value, list) and all(isinstance(v, dict) for v in value)
        raise ValueError(self.type)


@dataclass(frozen=True)
class Command:
    name: str
    handler: object
    group: str
    text: dict  # the command's description, by language
    args: tuple[Arg, ...] = ()
    action: str | None = None      # policy action; None for system and session commands
    session: str = "none"          # "none", "person" (logged in) or "action" (decided by the policy)
    effect: str = "read"           # "read" or "write"
    journaled: bool = True
    extra: dict = field(default_factory=dict)

    def describe(self) -> dict:
        return {
            "name": self.name, "group": self.group, "action": self.action, "session": self.session,
            "effect": self.effect, "journaled": self.journaled,
            "description": dict(self.text),
            "args": [{"name": a.name, "type": a.type, "required": a.required, "choices": list(a.choices),
                      "description": dict(a.text)} for a in self.args],
        }


COMMANDS: dict[str, Command] = {}


def command(name: str, *, group: str, text: dict, args: tuple[Arg, ...] = (), action: str | None = None,
            session: str | None = None, effect: str = "read", journaled: bool = True):
    """Register a handler `fn(ctx, **args)`. Commands governed by the policy use their action id
    as name unless told otherwise."""
    def wrap(fn):
        if name in COMMANDS:
            raise ValueError(f"command {name} registered twice")
        if group not in GROUPS:
            raise ValueError(f"{name}: group {group} has no title in GROUPS")
        for a in args:
            if a.type not in TYPES:
                raise ValueError(f"{name}: unknown argument type {a.type}")
        for what, texts in [("description", text), *((f"argument {a.name}", a.text) for a in args)]:
            missing = [lang for lang in messages.LANGUAGES if not texts.get(lang)]
            if missing:
                raise ValueError(f"{name}: {what} lacks {missing}")
        COMMANDS[name] = Command(name=name, handler=fn, group=group, text=dict(text), args=tuple(args), action=action,
                                 session=session or ("action" if action else "none"), effect=effect,
                                 journaled=journaled)
        return fn
    return wrap


def catalogue() -> list[dict]:
    return [c.describe() for c in COMMANDS.values()]
