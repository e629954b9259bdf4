"""Belgian identifiers as form fields: NISS (national number or BIS number), enterprise number
(BCE/KBO) and ONSS employer number. The checks are python-stdnum's (stdnum.be.nn, stdnum.be.bis,
stdnum.be.vat) and our stdnum-style `onss` module; this module turns their exceptions into
field-level errors with a stable reason."""

from __future__ import annotations

from stdnum.be import bis, nn, vat
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

from ..errors import FieldError
from . import onss

# Most specific first: in stdnum, InvalidLength is a kind of InvalidFormat.
_REASONS = {InvalidLength: "length", InvalidChecksum: "checksum", InvalidComponent: "component", InvalidFormat: "format"}


def _reason(prefix: str, exc: ValidationError) -> str:
    for kind, name in _REASONS.items():
        if isinstance(exc, kind):
            return f"{prefix}.{name}"
    return f"{prefix}.format"


def _text(value, field: str) -> str:
    if not isinstance(value, str):
        raise FieldError(field, "type.string")
    return value


def niss(value, field: str = "niss") -> str:
    """Compact NISS (11 digits). A month above 20 marks a BIS number (month + 20 or + 40); the
    national-number and BIS checks both try the 2000+ rule (prefix '2' before the modulo 97)."""
    number = nn.compact(_text(value, field))
    try:
        if not number.isdigit() or len(number) != 11:
            nn.validate(number)  # raises the format or length error
        if int(number[2:4]) >= 20:
            return bis.validate(number)
        return nn.validate(number)
    except ValidationError as exc:
        raise FieldError(field, _reason("niss", exc)) from None


def niss_kind(number: str) -> str:
    """'bis' or 'nn' for a valid compact NISS."""
    return "bis" if int(number[2:4]) >= 20 else "nn"


def format_niss(number: str) -> str:
    return nn.format(number)


def enterprise_number(value, field: str = "enterprise_number") -> str:
    """Compact enterprise number (10 digits, first digit 0 or 1, modulo 97 check)."""
    try:
        return vat.validate(_text(value, field))
    except ValidationError as exc:
        raise FieldError(field, _reason("enterprise_number", exc)) from None


def format_enterprise_number(number: str) -> str:
    return f"{number[:4]}.{number[4:7]}.{number[7:]}"


def onss_number(value, field: str = "onss_number") -> str:
    try:
        return onss.validate(_text(value, field))
    except ValidationError as exc:
        raise FieldError(field, _reason("onss_number", exc)) from None


def format_onss_number(number: str) -> str:
    return onss.format(number)
