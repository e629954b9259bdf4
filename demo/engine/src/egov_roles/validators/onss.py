"""ONSS employer number (matricule ONSS, RSZ-inschrijvingsnummer, LSS-Nummer).

The number the ONSS gives an employer has 9 digits when written without its category code: a
7-digit base and 2 check digits, usually written 1234567-89. The federal interoperability
framework defines the check: the whole 9-digit number modulo 97 equals 96. Older numbers of
local authorities used another check (the 2 check digits equal the base modulo 97); pass
`allow_local_authority=True` to accept those as well.

The interface follows python-stdnum's modules (compact, validate, is_valid, format) and raises
its exceptions, each with a message that names the fault.

>>> validate('1122334-61')
'112233461'
>>> format('112233461')
'1122334-61'
>>> validate('1122334-56')
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidChecksum: the number modulo 97 must be 96 (it is 91)
"""

from __future__ import annotations

from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.util import clean, isdigits

LENGTH = 9


def compact(number: str) -> str:
    """Remove the separators people type (spaces, dashes, dots, slashes)."""
    return clean(number, " -./").strip()


def _local_authority_ok(number: str) -> bool:
    return int(number[:7]) % 97 == int(number[7:])


def validate(number: str, allow_local_authority: bool = False) -> str:
    """Return the compact number, or raise a stdnum exception naming the fault."""
    number = compact(number)
    if not number or not isdigits(number):
        raise InvalidFormat("an ONSS employer number contains only digits")
    if len(number) != LENGTH:
        raise InvalidLength(f"an ONSS employer number has {LENGTH} digits without its category code (got {len(number)})")
    if int(number) % 97 == 96:
        return number
    if allow_local_authority and _local_authority_ok(number):
        return number
    raise InvalidChecksum(f"the number modulo 97 must be 96 (it is {int(number) % 97})")


def is_valid(number: str, allow_local_authority: bool = False) -> bool:
    try:
        return bool(validate(number, allow_local_authority))
    except (InvalidFormat, InvalidLength, InvalidChecksum):
        return False


def check_digits(base: str) -> str:
    """The 2 check digits that make a 7-digit base valid (used by the demo data generator)."""
    if len(base) != 7 or not isdigits(base):
        raise InvalidFormat("the base of an ONSS employer number has 7 digits")
    return f"{(96 - int(base) * 100) % 97:02d}"


def format(number: str) -> str:  # noqa: A001 - the python-stdnum interface uses this name
    """Write the number the usual way: 1234567-89."""
    number = compact(number)
    return f"{number[:7]}-{number[7:]}"
