"""The request/response protocol of `handle`.

Request (a dict, or the same as a JSON string):
    {"command": "user.block", "args": {"role": "role-12"}, "session": "session-3", "lang": "fr", "id": 7}
    - command: required; args: object, default {}; session: token from session.login, or null;
      lang: "fr" (default), "nl", "de" or "en"; id: anything, echoed back.
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
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import messages
from .errors import EngineError

REQUEST_KEYS = ("command", "args", "session", "lang", "id")


@dataclass
class Request:
    command: str
    args: dict
    session: str | None
    lang: str
    id: object = None


def parse(raw) -> Request:
    """A Request, or an EngineError that the caller turns into an error response."""
    if isinstance(raw, (str, bytes)):
        try:
            raw = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise EngineError("malformed_request", detail=f"JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise EngineError("malformed_request", detail=f"expected an object, got {type(raw).__name__}")
    lang = raw.get("lang", "fr")
    if lang not in messages.REQUEST_LANGUAGES:
        raise EngineError("malformed_request", field="lang", detail="lang: fr, nl, de or en")
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
    return Request(command=command, args=args, session=session, lang=lang, id=raw.get("id"))


def request_lang(raw) -> str:
    """Best-effort language of a request that could not be parsed."""
    if isinstance(raw, dict) and raw.get("lang") in messages.REQUEST_LANGUAGES:
        return raw["lang"]
    return "fr"


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
    return json.dumps(response, ensure_ascii=False)
