"""Valid Belgian identifiers for invented people and enterprises (demo data, benchmarks, tests):
the check digits are computed with the public rules, and every result is checked again by the
validators."""

from __future__ import annotations

import datetime as _dt

from . import validators


def niss(birth: _dt.date, sequence: int, bis: bool = False) -> str:
    """National number (or BIS number with the month + 40) for a birth date and a 3-digit
    sequence (odd for men, even for women). People born in 2000 or later get the '2' prefix in
    the modulo 97."""
    month = birth.month + (40 if bis else 0)
    base = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{sequence:03d}"
    number = int(("2" if birth.year >= 2000 else "") + base)
    result = base + f"{97 - number % 97:02d}"
    return validators.niss(result)


def enterprise_number(base: str) -> str:
    """10-digit enterprise number from an 8-digit base starting with 0 or 1."""
    return validators.enterprise_number(base + f"{97 - int(base) % 97:02d}")


def onss_number(base: str) -> str:
    return validators.onss_number(base + validators.onss.check_digits(base))
