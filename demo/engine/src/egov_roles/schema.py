"""The one checked shape of a state: every part of it (records, routing, channels, procurations,
certificates, invitations, sessions, the outbox, the journal) described once, with its limits.

A state comes from a file, a share link or the browser's storage: untrusted. `walk(state)`
checks it against SHAPE without recursion (an explicit stack) and reports every fault as
{"path", "problem", "params"}; `problem` is a code whose words, in each language, are in
messages.STATE_PROBLEMS. What this shape accepts is what every command and every screen can
serve (tests/test_state_fuzz.py): a text where a text is read, a known declaration where the
catalogue is indexed by it, an id that names nothing of JavaScript's objects.

Limits (a state the engine itself produces stays far below them; the large benchmark dataset of
10,000 users holds 10,024 people and roles):
    MAX_RECORDS records per collection, MAX_ENTRIES journal or outbox entries, MAX_TEXT
    characters per text (MAX_LONG_TEXT for a mail's body), MAX_ID characters per id or key,
    MAX_SMALL items in a record's own lists and maps (applications, routing, channels...).
The request carrying a state is bounded too, before any parsing (protocol.MAX_REQUEST_CHARS,
protocol.MAX_DEPTH).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from . import catalogue, messages

MAX_RECORDS = 50_000
MAX_ENTRIES = 100_000
MAX_TEXT = 1_000
MAX_LONG_TEXT = 10_000
MAX_ID = 100
MAX_SMALL = 200
MAX_PROBLEMS = 100  # reported at most; the count says how many were found

ROLE_KINDS = ("legal_rep", "rae", "co_rae", "gl", "co_gl", "user")
LANGUAGES = ("fr", "nl", "de", "en")
STATUSES = ("active", "blocked")
INVITATION_KINDS = ("email", "link")
INVITATION_STATUSES = ("pending", "published", "withdrawn", "accepted", "expired")
LOGIN_METHODS = ("eid", "password")
TARGET_KEYS = ("enterprise", "quality", "person", "role", "invitation", "page")
MAIL_KINDS = ("invitation", "deactivation_request", "rae_designated")

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
_COMMAND = re.compile(r"[a-z_]+\.[a-z_]+")
# Names an object of the demo's JavaScript already has: never an id, so that no lookup by a
# saved name can reach them.
RESERVED = frozenset({"__proto__", "constructor", "prototype", "hasOwnProperty", "isPrototypeOf",
                      "propertyIsEnumerable", "toLocaleString", "toString", "valueOf", "__defineGetter__",
                      "__defineSetter__", "__lookupGetter__", "__lookupSetter__"})


# -- the vocabulary of the shape ---------------------------------------------------------------

@dataclass(frozen=True)
class Text:
    max: int = MAX_TEXT
    null: bool = False
    choices: object = None  # a tuple, or a function giving the allowed values
    form: str | None = None  # "id", "date", "moment", "command"


@dataclass(frozen=True)
class Integer:
    min: int = 0
    max: int = 2**53 - 1  # what JavaScript counts exactly


@dataclass(frozen=True)
class Record:
    fields: dict
    optional: tuple = ()  # fields that may be absent
    null: bool = False


@dataclass(frozen=True)
class Table:
    """An object keyed by id; with `id_field`, each record repeats its key there."""
    value: object
    max: int = MAX_SMALL
    id_field: str | None = "id"
    keys: object = None  # a function giving the allowed keys (declarations)


@dataclass(frozen=True)
class Items:
    item: object
    max: int = MAX_SMALL


@dataclass(frozen=True)
class Hash:
    """A password hash record (checked whole: its fields are not read one by one)."""
    null: bool = True


def _declarations():
    return tuple(catalogue.declarations())


def _channel_kinds():
    return tuple(catalogue.channel_kinds())


def _applications():
    return tuple(catalogue.applications())


def _quality_types():
    return tuple(catalogue.quality_types())


ID = Text(MAX_ID, form="id")
ID_OR_NULL = Text(MAX_ID, null=True, form="id")
DATE = Text(10, form="date")
DATE_OR_NULL = Text(10, null=True, form="date")
MOMENT = Text(40, form="moment")
TEXT_OR_NULL = Text(null=True)
# A mail's subject and body in every message language; a state saved before a language was added
# (version 1 had French and Dutch only) lacks that language's words and still loads.
FIRST_MESSAGE_LANGUAGES = ("fr", "nl")
LOCALIZED = Record({lang: Text(MAX_LONG_TEXT) for lang in messages.LANGUAGES},
                   optional=tuple(lang for lang in messages.LANGUAGES if lang not in FIRST_MESSAGE_LANGUAGES))

SHAPE = Record({
    "schema": Text(), "version": Integer(),
    "enterprises": Table(Record({"id": ID, "number": Text(20), "name": Text(), "email": TEXT_OR_NULL,
                                 "created": DATE_OR_NULL}), MAX_RECORDS),
    "qualities": Table(Record({
        "id": ID, "enterprise": ID, "type": Text(MAX_ID, choices=_quality_types), "identifier": Text(20),
        "fields": Table(Text(MAX_TEXT), id_field=None), "email": TEXT_OR_NULL, "created": DATE,
        "technical_user": ID_OR_NULL,
        "routing": Table(Record({"recipient": Record({"kind": Text(choices=("enterprise", "mandatary")),
                                                      "procuration": ID}, optional=("procuration",)),
                                 "channel": ID_OR_NULL, "modified": DATE_OR_NULL}),
                         id_field=None, keys=_declarations),
        "channels": Table(Record({"id": ID, "kind": Text(choices=_channel_kinds), "address": Text(),
                                  "registered": DATE})),
        "procurations": Table(Record({"id": ID, "mandatary_number": Text(20), "mandatary_name": Text(),
                                      "declarations": Items(Text(MAX_ID, choices=_declarations))})),
    }), MAX_RECORDS),
    "people": Table(Record({
        "id": ID, "niss": Text(20), "name": Text(), "first_name": Text(), "title": TEXT_OR_NULL,
        "language": Text(choices=LANGUAGES), "email": TEXT_OR_NULL, "local_email": TEXT_OR_NULL,
        "username": TEXT_OR_NULL, "password": Hash(),
        "certificate": Record({"subject": Text(), "issuer": TEXT_OR_NULL, "serial": TEXT_OR_NULL,
                               "valid_from": DATE, "valid_until": DATE, "loaded": DATE_OR_NULL},
                              optional=("loaded",), null=True),
        "created": DATE, "modified": DATE_OR_NULL}), MAX_RECORDS),
    "roles": Table(Record({
        "id": ID, "person": ID, "kind": Text(choices=ROLE_KINDS), "enterprise": ID, "quality": ID_OR_NULL,
        "status": Text(choices=STATUSES), "email": TEXT_OR_NULL,
        "applications": Table(DATE, id_field=None, keys=_applications), "created": DATE,
        "modified": DATE_OR_NULL}), MAX_RECORDS),
    "invitations": Table(Record({
        "id": ID, "kind": Text(choices=INVITATION_KINDS), "quality": ID, "email": TEXT_OR_NULL, "niss": Text(20, null=True),
        "applications": Items(Text(MAX_ID, choices=_applications)), "code": Text(MAX_ID), "created": DATE,
        "expires": DATE, "status": Text(choices=INVITATION_STATUSES), "created_by": ID,
        "uses": Integer()}), MAX_RECORDS),
    "sessions": Table(Record({"id": ID, "person": ID, "profile": ID_OR_NULL, "method": Text(choices=LOGIN_METHODS),
                              "started": MOMENT}), MAX_RECORDS),
    "outbox": Items(Record({"id": ID, "to": Text(), "kind": Text(choices=MAIL_KINDS), "sent": MOMENT,
                            "subject": LOCALIZED, "body": LOCALIZED, "data": Table(Text(), id_field=None)},
                           optional=("data",)), MAX_ENTRIES),
    "journal": Items(Record({
        "seq": Integer(1), "at": MOMENT, "command": Text(MAX_ID, form="command"),
        "effect": Text(choices=("read", "write")),
        "actor": Record({"person": ID, "name": Text()}, null=True),
        "profile": Record({"role": ID, "kind": Text(choices=ROLE_KINDS), "enterprise": ID, "quality": ID_OR_NULL},
                          null=True),
        "target": Table(ID, max=len(TARGET_KEYS), id_field=None, keys=lambda: TARGET_KEYS)}), MAX_ENTRIES),
})


# -- the walk ----------------------------------------------------------------------------------

def _kind(value) -> str:
    if isinstance(value, bool) or value is None:
        return "other"
    return {str: "string", int: "integer", dict: "object", list: "object_list"}.get(type(value), "other")


def _choices(spec):
    return spec() if callable(spec) else spec


def _form_problem(form: str, value: str):
    if form == "id":
        if not _ID.fullmatch(value) or value in RESERVED:
            return "state.id", {}
    elif form == "command":
        if not _COMMAND.fullmatch(value):
            return "state.command", {}
    elif form == "date":
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            return "type.date", {}
        if len(value) != 10:
            return "type.date", {}
    elif form == "moment":
        try:
            _dt.datetime.fromisoformat(value)
        except ValueError:
            return "state.moment", {}
    return None


class _Found:
    def __init__(self):
        self.items: list[dict] = []
        self.count = 0

    def add(self, path, problem: str, **params) -> None:
        self.count += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append({"path": _text(path), "problem": problem, "params": params})


def _type(found, path, expected, null=False):
    found.add(path, "state.type", expected=expected, null=null)


def walk(state) -> tuple[list[dict], int]:
    """The faults of `state`'s shape (at most MAX_PROBLEMS of them) and how many there were."""
    found = _Found()
    stack = [(None, SHAPE, state)]
    while stack:
        path, spec, value = stack.pop()
        kind = type(spec)
        if kind is Text:
            if value is None and spec.null:
                continue
            if not isinstance(value, str):
                _type(found, path, "string", spec.null)
            elif len(value) > spec.max:
                found.add(path, "state.too_long", max=spec.max)
            elif spec.choices is not None and value not in _choices(spec.choices):
                found.add(path, "state.choice", choices=", ".join(_choices(spec.choices)))
            elif spec.form and (problem := _form_problem(spec.form, value)):
                found.add(path, problem[0], **problem[1])
        elif kind is Integer:
            if not isinstance(value, int) or isinstance(value, bool):
                _type(found, path, "integer")
            elif not spec.min <= value <= spec.max:
                found.add(path, "number.range", min=spec.min, max=spec.max)
        elif kind is Hash:
            if value is None and spec.null:
                continue
            if not _hash_record(value):
                found.add(path, "state.password")
        elif kind is Record:
            if value is None and spec.null:
                continue
            if not isinstance(value, dict):
                _type(found, path, "object", spec.null)
                continue
            for name in value:
                if name not in spec.fields:
                    found.add(_join(path, name), "state.unknown_field")
            for name in spec.fields:
                if name not in value and name not in spec.optional:
                    found.add(_join(path, name), "state.missing")
            for name, inner in reversed(spec.fields.items()):
                if name in value:
                    stack.append(((path, name), inner, value[name]))
        elif kind is Table:
            if not isinstance(value, dict):
                _type(found, path, "object")
                continue
            if len(value) > spec.max:
                found.add(path, "state.too_many", max=spec.max)
                continue
            keys = _choices(spec.keys) if spec.keys is not None else None
            for key in reversed(list(value)):
                where = _join(path, key)
                if not isinstance(key, str) or not _ID.fullmatch(key) or len(key) > MAX_ID or key in RESERVED:
                    found.add(where, "state.id")
                    continue
                if keys is not None and key not in keys:
                    found.add(where, "state.choice", choices=", ".join(keys))
                    continue
                record = value[key]
                if spec.id_field and isinstance(record, dict) and record.get(spec.id_field, key) != key:
                    found.add(_join(where, spec.id_field), "state.id_differs")
                stack.append((where, spec.value, record))
        elif kind is Items:
            if not isinstance(value, list):
                _type(found, path, "object_list" if isinstance(spec.item, Record) else "string_list")
                continue
            if len(value) > spec.max:
                found.add(path, "state.too_many", max=spec.max)
                continue
            for index in range(len(value) - 1, -1, -1):
                stack.append((_join(path, str(index)), spec.item, value[index]))
    return found.items, found.count


def _join(path, name):
    # Paths are built as (parent, name) pairs and written out only for a fault: most of a large
    # state is fine, and joining every path would be most of the walk's time.
    return (path, name)


def _text(path) -> str:
    names = []
    while path:
        path, name = path
        names.append(str(name))
    return ".".join(reversed(names))


def _hash_record(pw) -> bool:
    if not isinstance(pw, dict) or set(pw) != {"algorithm", "iterations", "salt", "hash"}:
        return False
    if pw["algorithm"] != "pbkdf2_sha256":
        return False
    if not isinstance(pw["iterations"], int) or isinstance(pw["iterations"], bool) or not 1 <= pw["iterations"] <= 10_000_000:
        return False
    if not isinstance(pw["salt"], str) or not isinstance(pw["hash"], str) or len(pw["salt"]) > 256:
        return False
    try:
        return len(bytes.fromhex(pw["salt"])) >= 8 and len(bytes.fromhex(pw["hash"])) == 32
    except ValueError:
        return False
