"""Field validators. Each raises `FieldError(field, reason)` on bad input and returns the
normalised value otherwise."""

from . import onss
from .account import email, password, username, username_key
from .identifiers import (enterprise_number, format_enterprise_number, format_niss, format_onss_number, niss,
                          niss_kind, onss_number)

__all__ = ["onss", "email", "password", "username", "username_key", "enterprise_number", "format_enterprise_number",
           "format_niss", "format_onss_number", "niss", "niss_kind", "onss_number"]
