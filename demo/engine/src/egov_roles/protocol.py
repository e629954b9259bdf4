"""The request/response protocol of `handle`.

Request (a dict, or the same as a JSON string):
    {"command": "user.block", "args": {"role": "role-12"}, "session": "session-3", "lang": "fr", "id": 7}
    - command: required; args: object, default {}; session: token from session.login, or null;
      lang: "fr" (default), "nl", "de" or "en" (English gets French: messages.FALLBACK); id: anything,
      echoed back.
Response:
    {"ok": true, "data": ..., "id": 7}
    {"ok": false, "error": {"code", "rule", "instead", "field", "reason", "message", "lang", "errors"}, "id": 7}
    - error: the first fault; errors: every fault the command found in the same call, the first
      included, each {"code", "rule", "instead", "field", "reason", "message", "lang"}. A command
      checks all its fields before it answers, so a form can show every fault at once, each at
      its field (`field`: the argument, dotted inside objects: "gl.email", "fields.judgment_date").
    - message: a sentence for the reader in the request's language; a field is named by its
      label ("Indiquez la procuration du mandataire."), never by its argument id.
A JSON string in gives a JSON string out.

Bounds, checked before anything recursive runs (json.loads, copy.deepcopy, json.dumps all recurse,
and in Pyodide a deep enough recursion is not an exception but a dead interpreter):
    - a request of more than MAX_REQUEST_CHARS characters is refused unread (request_too_large);
    - JSON text nested deeper than MAX_DEPTH is refused before json.loads (request_too_deep),
      found by a scan of its brackets outside strings (regular expressions, no recursion);
    - a dict request is walked without recursion: deeper than MAX_DEPTH or more than MAX_NODES
      values, refused the same way.
The deepest thing the demo sends (a state inside state.load) is 9 levels deep; the largest, the
benchmark dataset of 10,000 users, 6.2 MB.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from . import messages
from .errors import EngineError

REQUEST_KEYS = ("command", "args", "session", "lang", "id")
MAX_REQUEST_CHARS = 16 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 2_000_000
MAX_ID_CHARS = 200

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_PAIR = re.compile(r"\[\]|\{\}")
_LANG = re.compile(r'"lang"\s*:\s*"(' + "|".join(messages.REQUEST_LANGUAGES) + ')"')


@dataclass
class Request:
    command: str
    args: dict
    session: str | None
    lang: str
    id: object = None


def check_text(text: str) -> None:
    """Refuse JSON text too large or nested too deep, before json.loads sees it."""
    if len(text) > MAX_REQUEST_CHARS:
        raise EngineError("request_too_large", max=MAX_REQUEST_CHARS)
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    # Each pass removes the innermost pairs: a text nested d deep is empty after d passes.
    for _ in range(MAX_DEPTH):
        if not brackets:
            return
        brackets, removed = _PAIR.subn("", brackets)
        if not removed:
            raise EngineError("malformed_request", detail="JSON: unbalanced brackets")
    if brackets:
        raise EngineError("request_too_deep", max=MAX_DEPTH)


def check_value(value) -> None:
    """The same bounds for a request given as Python values, walked without recursion."""
    stack = [(value, 1)]
    nodes = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise EngineError("request_too_large", max=MAX_REQUEST_CHARS)
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth >= MAX_DEPTH and children:
            raise EngineError("request_too_deep", max=MAX_DEPTH)
        stack.extend((child, depth + 1) for child in children)


def parse(raw) -> Request:
    """A Request, or an EngineError that the caller turns into an error response."""
    if isinstance(raw, bytes):
        if len(raw) > 4 * MAX_REQUEST_CHARS:
            raise EngineError("request_too_large", max=MAX_REQUEST_CHARS)
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise EngineError("malformed_request", detail=f"JSON: {exc}") from None
    if isinstance(raw, str):
        check_text(raw)
        try:
            raw = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise EngineError("malformed_request", detail=f"JSON: {exc}") from None
    else:
        check_value(raw)
    if not isinstance(raw, dict):
        raise EngineError("malformed_request", detail=f"expected an object, got {type(raw).__name__}")
    lang = raw.get("lang", messages.DEFAULT)
    if lang not in messages.REQUEST_LANGUAGES:
        raise EngineError("malformed_request", field="lang", detail="lang: " + ", ".join(messages.REQUEST_LANGUAGES))
    for key in raw:
        if key not in REQUEST_KEYS:
            raise EngineError("malformed_request", field=key, detail=f"unknown key {key!r}")
    command = raw.get("command")
    if not isinstance(command, str) or not command:
        raise EngineError("malformed_request", field="command", detail="command must be a non-empty string")
    args = raw.get("args", {})
    if args is None:
        args = {}
    if not isinstance(args, dict):
        raise EngineError("malformed_request", field="args", detail="args must be an object")
    session = raw.get("session")
    if session is not None and not isinstance(session, str):
        raise EngineError("malformed_request", field="session", detail="session must be a string or null")
    request_id = raw.get("id")
    if not _echoable(request_id):
        raise EngineError("malformed_request", field="id", detail="id: a number, or a string of at most 200 characters")
    return Request(command=command, args=args, session=session, lang=lang, id=request_id)


def _echoable(value) -> bool:
    if value is None or isinstance(value, (bool, int, float)):
        return True
    return isinstance(value, str) and len(value) <= MAX_ID_CHARS


def request_lang(raw) -> str:
    """Best-effort language of a request that could not be parsed: a refused text is searched
    for its "lang" at either end only (the demo writes it last), never parsed."""
    if isinstance(raw, dict):
        lang = raw.get("lang")
        return lang if isinstance(lang, str) and lang in messages.REQUEST_LANGUAGES else messages.DEFAULT
    if isinstance(raw, bytes):
        raw = raw[:200].decode("utf-8", "replace") + raw[-200:].decode("utf-8", "replace")
    if isinstance(raw, str):
        found = _LANG.search(raw[-200:]) or _LANG.search(raw[:200])
        if found:
            return found.group(1)
    return messages.DEFAULT


def request_id(raw):
    """The id of a request that could not be parsed, when it can be echoed."""
    if isinstance(raw, dict):
        value = raw.get("id")
        return value if _echoable(value) else None
    return None


def ok(data, request_id=None) -> dict:
    out = {"ok": True, "data": data}
    if request_id is not None:
        out["id"] = request_id
    return out


def _fault(exc: EngineError, lang: str) -> dict:
    """One fault as the response describes it, its message rendered in `lang`."""
    from . import policy

    params = dict(exc.params)
    params.pop("_extra", None)
    if exc.reason:
        params["reason_text"] = messages.reason_text(exc.reason, lang, params, exc.field)
    if exc.rule and "explanation" not in params and exc.rule in policy.data()["rules"]:
        params["explanation"] = policy.explanation(exc.rule, messages.language(lang))
    return {
        "code": exc.code,
        "rule": exc.rule,
        "instead": list(exc.instead),
        "field": exc.field,
        "reason": exc.reason,
        "message": messages.render(exc.code, lang, params, exc.field),
        "lang": messages.language(lang),
    }


def error(exc: EngineError, lang: str, request_id=None, extra: dict | None = None) -> dict:
    """The error response: `error` is the first fault, `errors` every fault found in the same
    call (one or more; a form shows them together, each at its field)."""
    body = _fault(exc, lang)
    body["errors"] = [body.copy(), *(_fault(other, lang) for other in exc.others)]
    if extra:
        body.update(extra)
    out = {"ok": False, "error": body}
    if request_id is not None:
        out["id"] = request_id
    return out


def to_json(response: dict) -> str:
    text = json.dumps(response, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate echoed from the request cannot cross into JavaScript as text: escaped.
        return json.dumps(response)
    return text
