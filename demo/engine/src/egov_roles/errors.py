"""The one exception type the commands raise to refuse a request.

It carries the stable parts of the error response (code, rule, field, who could do it instead,
parameters of the message); the message itself is rendered in the request's language by
`messages.render` when the response is built, so a refusal never depends on a language.
"""

from __future__ import annotations


class EngineError(Exception):
    def __init__(self, code: str, *, field: str | None = None, rule: str | None = None,
                 instead: list[str] | None = None, reason: str | None = None, **params):
        super().__init__(code)
        self.code = code
        self.field = field
        self.rule = rule
        self.instead = list(instead or [])
        self.reason = reason
        self.params = params


class FieldError(EngineError):
    """Bad input in one field: `reason` names the fault (e.g. 'niss.checksum')."""

    def __init__(self, field: str, reason: str, **params):
        super().__init__("invalid_field", field=field, reason=reason, **params)
