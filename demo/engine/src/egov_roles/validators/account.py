"""Username, password and e-mail checks. The username and password rules are data
(data/password_rules.json): change them there, not here."""

from __future__ import annotations

import re

from ..errors import FieldError
from ..resources import load_json


def rules() -> dict:
    return load_json("password_rules")


def username(value, field: str = "username") -> str:
    if not isinstance(value, str):
        raise FieldError(field, "type.string")
    rule = rules()["username"]
    if not rule["spaces_allowed"] and any(c.isspace() for c in value):
        raise FieldError(field, "username.spaces")
    alphabet = set(rule["alphabet"])
    bad = sorted({c for c in value if (c.lower() if rule["uppercase_allowed"] else c) not in alphabet})
    if bad:
        raise FieldError(field, "username.characters", characters=" ".join(bad))
    if not rule["min_length"] <= len(value) <= rule["max_length"]:
        raise FieldError(field, "username.length", min=rule["min_length"], max=rule["max_length"])
    return value


def username_key(value: str) -> str:
    """The form under which usernames are compared for uniqueness."""
    return value.lower() if rules()["username"]["unique_case_insensitive"] else value


def password(value, field: str = "password") -> str:
    if not isinstance(value, str):
        raise FieldError(field, "type.string")
    rule = rules()["password"]
    if not rule["spaces_allowed"] and any(c.isspace() for c in value):
        raise FieldError(field, "password.spaces")
    allowed = set(rule["letters"]) | set(rule["digits"]) | set(rule["specials"])
    bad = sorted({c for c in value if c not in allowed})
    if bad:
        raise FieldError(field, "password.characters", characters=" ".join(bad), specials=rule["specials"])
    if not rule["min_length"] <= len(value) <= rule["max_length"]:
        raise FieldError(field, "password.length", min=rule["min_length"], max=rule["max_length"])
    non_letters = sum(1 for c in value if c not in set(rule["letters"]))
    if non_letters < rule["min_non_letters"]:
        raise FieldError(field, "password.non_letters", min=rule["min_non_letters"])
    return value


# Deliberately simple: one @, a dot in the domain, no spaces. Whether an address exists is only
# known by writing to it; stricter patterns reject real addresses.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def email(value, field: str = "email") -> str:
    if not isinstance(value, str):
        raise FieldError(field, "type.string")
    value = value.strip()
    if len(value) > 254 or not _EMAIL.match(value):
        raise FieldError(field, "email.format")
    return value
