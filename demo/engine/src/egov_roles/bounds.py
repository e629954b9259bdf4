"""Bounds of free text (data/field_limits.json): a maximum length per field and no control
characters. The length is looked at first, so a 10 MB string costs one len() before it is
refused; only text within the bound is scanned for control characters."""

from __future__ import annotations

import re

from .errors import FieldError
from .resources import load_json

# C0 controls (tab, line feed, NUL...), DEL and the C1 controls: nothing a name or an address holds.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def limits() -> dict:
    return load_json("field_limits")


def max_length(field: str, command: str | None = None) -> int | None:
    """The bound of a field (its last dotted part: `gl.name` -> `name`); None for a field whose
    own check bounds it (a certificate file)."""
    data = limits()
    leaf = field.rsplit(".", 1)[-1]
    if leaf in data["own_check"]:
        return None
    if command and leaf in data["per_command"].get(command, {}):
        return data["per_command"][command][leaf]
    if field.startswith("fields."):
        return data["fields"]["quality_field"]
    return data["fields"].get(leaf, data["default"])


def text(value: str, field: str, command: str | None = None) -> str:
    """`value` when within its bound and free of control characters, else a FieldError."""
    bound = max_length(field, command)
    if bound is None:
        return value
    if len(value) > bound:
        raise FieldError(field, "text.too_long", max=bound)
    if _CONTROL.search(value):
        raise FieldError(field, "text.control")
    return value


def export() -> dict:
    """The maxlength of each field for the demo's forms: the bounds above, and the username and
    password lengths of data/password_rules.json for the fields those rules govern."""
    data = limits()
    rules = load_json("password_rules")
    out = {k: v for k, v in data["fields"].items()}
    for leaf in data["from_password_rules"]:
        out[leaf] = rules["username" if leaf == "username" else "password"]["max_length"]
    return {"default": data["default"], "fields": out, "per_command": data["per_command"]}
