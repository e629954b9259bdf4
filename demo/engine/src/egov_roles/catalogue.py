"""The quality catalogue (data/qualities.json): quality types, their identifier, the fields asked
at activation, their secured applications, routing declarations and batch channel kinds."""

from __future__ import annotations

from . import messages
from .resources import load_json


def data() -> dict:
    return load_json("qualities")


def quality_types() -> dict[str, dict]:
    return {q["id"]: q for q in data()["qualities"]}


def quality_type(type_id: str) -> dict | None:
    return quality_types().get(type_id)


def applications() -> dict[str, dict]:
    return data()["applications"]


def declarations() -> dict[str, dict]:
    return data()["declarations"]


def channel_kinds() -> dict[str, dict]:
    return data()["batch_channels"]


def name(type_id: str, lang: str) -> str:
    entry = quality_type(type_id)
    return entry[messages.language(lang)] if entry else type_id


def application_name(app_id: str, lang: str) -> str:
    entry = applications().get(app_id)
    return entry[messages.language(lang)] if entry else app_id


def export() -> dict:
    """The catalogue as served to the demo and the site (a copy, safe to modify)."""
    import copy

    return copy.deepcopy(data())
