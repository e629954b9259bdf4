"""The one exception type the commands raise to refuse a request.

It carries the stable parts of the error response (code, rule, field, who could do it instead,
parameters of the message); the message itself is rendered in the request's language by
`messages.render` when the response is built, so a refusal never depends on a language.

A command that checks several fields gathers their faults with `Faults` and raises them together:
the first becomes the response's `error`, all of them its `errors` (a form shows every fault at
once instead of one per round).
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
        self.others: list[EngineError] = []  # further field faults found in the same call

    def all(self) -> list["EngineError"]:
        return [self, *self.others]


class FieldError(EngineError):
    """Bad input in one field: `reason` names the fault (e.g. 'niss.checksum')."""

    def __init__(self, field: str, reason: str, **params):
        super().__init__("invalid_field", field=field, reason=reason, **params)


class Faults:
    """Collects the field faults of one command. `check(fn, ...)` runs a check and keeps a fault
    tied to a field instead of stopping; any other refusal stops at once (it is not a form
    fault). `done()` raises everything found, the first fault carrying the others."""

    def __init__(self):
        self.found: list[EngineError] = []

    def check(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except EngineError as exc:
            if exc.field is None:
                raise
            self.add(exc)
            return None

    def add(self, exc: EngineError) -> None:
        for one in exc.all():
            if all(one.field != seen.field for seen in self.found):  # one fault per field
                self.found.append(one)

    def about(self, field: str) -> bool:
        """Whether a fault was already found in `field`."""
        return any(seen.field == field for seen in self.found)

    def __bool__(self) -> bool:
        return bool(self.found)

    def done(self) -> None:
        if self.found:
            first, *others = self.found
            first.others = others
            raise first
