"""Reading an X.509 certificate file (PEM or DER) without a cryptography library.

The demo's "load your certificate" screen needs what a person checks before loading a
certificate: its subject, issuer, serial number and validity dates. Pyodide has no OpenSSL, so
this module walks the certificate's DER structure (RFC 5280, section 4.1) itself. It verifies no
signature: the demo stores what the file says, as the guide's screen shows it.

`read(data)` returns {"subject", "issuer", "serial", "valid_from", "valid_until", "version"} or
raises NotACertificate(reason, **params) with a reason of messages.REASONS ("certificate.*").
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import re

MAX_BYTES = 64 * 1024  # a certificate is a few kilobytes; anything far larger is something else

# Attribute types shown by their usual short names (RFC 4514 and the Belgian eID's attributes).
ATTRIBUTES = {
    "2.5.4.3": "CN", "2.5.4.4": "SN", "2.5.4.5": "SERIALNUMBER", "2.5.4.6": "C", "2.5.4.7": "L",
    "2.5.4.8": "ST", "2.5.4.9": "STREET", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.12": "T",
    "2.5.4.17": "POSTALCODE", "2.5.4.42": "GN", "2.5.4.97": "ORGANIZATIONIDENTIFIER",
    "1.2.840.113549.1.9.1": "EMAILADDRESS", "0.9.2342.19200300.100.1.25": "DC", "0.9.2342.19200300.100.1.1": "UID",
}
# ASN.1 string types and how their bytes read.
STRINGS = {0x0C: "utf-8", 0x12: "ascii", 0x13: "ascii", 0x14: "latin-1", 0x16: "ascii", 0x1A: "ascii",
           0x1C: "utf-32-be", 0x1E: "utf-16-be"}
SEQUENCE, SET, INTEGER, OID, UTC_TIME, GENERALIZED_TIME, BIT_STRING = 0x30, 0x31, 0x02, 0x06, 0x17, 0x18, 0x03
PEM = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.S)


class NotACertificate(ValueError):
    def __init__(self, reason: str, **params):
        super().__init__(reason)
        self.reason = reason
        self.params = params


def _tlv(data: bytes, pos: int, end: int) -> tuple[int, int, int]:
    """(tag, start of content, end of content) of the element at `pos`, inside data[:end]."""
    if pos + 2 > end:
        raise NotACertificate("certificate.format")
    tag, first = data[pos], data[pos + 1]
    pos += 2
    if first < 0x80:
        length = first
    else:
        count = first & 0x7F
        if count == 0 or count > 4 or pos + count > end:
            raise NotACertificate("certificate.format")
        length = int.from_bytes(data[pos:pos + count], "big")
        pos += count
    if pos + length > end:
        raise NotACertificate("certificate.format")
    return tag, pos, pos + length


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    out = []
    pos = start
    while pos < end:
        tag, s, e = _tlv(data, pos, end)
        out.append((tag, s, e))
        pos = e
    return out


def _expect(element: tuple[int, int, int], tag: int) -> tuple[int, int, int]:
    if element[0] != tag:
        raise NotACertificate("certificate.format")
    return element


def _oid(raw: bytes) -> str:
    if not raw or raw[-1] & 0x80:
        raise NotACertificate("certificate.format")
    parts, value = [], 0
    for byte in raw:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(value)
            value = 0
    first = parts[0]
    head = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    return ".".join(str(p) for p in head + parts[1:])


def _escape(value: str) -> str:
    """An attribute value written as RFC 4514 says (special characters behind a backslash)."""
    out = re.sub(r'([,+"\\<>;=])', r"\\\1", value)
    if out.startswith((" ", "#")):
        out = "\\" + out
    if out.endswith(" ") and not out.endswith("\\ "):
        out = out[:-1] + "\\ "
    return out


def _name(data: bytes, element: tuple[int, int, int]) -> str:
    """A distinguished name in the RFC 4514 order (most specific first: CN=…, O=…, C=BE)."""
    _, start, end = _expect(element, SEQUENCE)
    rdns = []
    for rdn in _children(data, start, end):
        _expect(rdn, SET)
        parts = []
        for attribute in _children(data, rdn[1], rdn[2]):
            _expect(attribute, SEQUENCE)
            items = _children(data, attribute[1], attribute[2])
            if len(items) != 2:
                raise NotACertificate("certificate.format")
            oid = _oid(data[_expect(items[0], OID)[1]:items[0][2]])
            tag, s, e = items[1]
            encoding = STRINGS.get(tag)
            if encoding is None:
                value = "#" + data[s:e].hex()
            else:
                try:
                    value = _escape(data[s:e].decode(encoding))
                except UnicodeDecodeError:
                    raise NotACertificate("certificate.format") from None
            parts.append(f"{ATTRIBUTES.get(oid, oid)}={value}")
        rdns.append("+".join(parts))
    return ", ".join(reversed(rdns))


def _time(data: bytes, element: tuple[int, int, int]) -> str:
    tag, start, end = element
    text = data[start:end].decode("ascii", "replace")
    try:
        if tag == UTC_TIME and re.fullmatch(r"\d{12}Z", text):
            year = int(text[:2])
            moment = _dt.datetime.strptime(("19" if year >= 50 else "20") + text, "%Y%m%d%H%M%SZ")
        elif tag == GENERALIZED_TIME and re.fullmatch(r"\d{14}Z", text):
            moment = _dt.datetime.strptime(text, "%Y%m%d%H%M%SZ")
        else:
            raise NotACertificate("certificate.format")
    except ValueError:
        raise NotACertificate("certificate.format") from None
    return moment.replace(tzinfo=_dt.timezone.utc).isoformat()


def _der(data: bytes) -> bytes:
    """The DER bytes of the file: itself, or the first CERTIFICATE block of a PEM file."""
    if b"-----BEGIN" not in data:  # PEM files may carry text before and after their blocks
        return data
    blocks = PEM.findall(data)
    for label, body in blocks:
        if label in (b"CERTIFICATE", b"X509 CERTIFICATE", b"TRUSTED CERTIFICATE"):
            try:
                return base64.b64decode(b"".join(body.split()), validate=True)
            except (binascii.Error, ValueError):
                raise NotACertificate("certificate.format") from None
    if blocks:
        raise NotACertificate("certificate.pem_other", label=blocks[0][0].decode("ascii"))
    raise NotACertificate("certificate.format")


def read(data: bytes) -> dict:
    if len(data) > MAX_BYTES:
        raise NotACertificate("certificate.size", max=MAX_BYTES // 1024)
    der = _der(data)
    tag, start, end = _tlv(der, 0, len(der))
    if tag != SEQUENCE or end != len(der):
        raise NotACertificate("certificate.format")
    outer = _children(der, start, end)
    if len(outer) != 3 or outer[1][0] != SEQUENCE or outer[2][0] != BIT_STRING:
        raise NotACertificate("certificate.format")
    tbs = _children(der, _expect(outer[0], SEQUENCE)[1], outer[0][2])
    version = 1
    if tbs and tbs[0][0] == 0xA0:  # [0] EXPLICIT Version
        inner = _children(der, tbs[0][1], tbs[0][2])
        if len(inner) != 1 or inner[0][0] != INTEGER:
            raise NotACertificate("certificate.format")
        version = int.from_bytes(der[inner[0][1]:inner[0][2]], "big") + 1
        tbs = tbs[1:]
    if len(tbs) < 6:
        raise NotACertificate("certificate.format")
    serial_raw = der[_expect(tbs[0], INTEGER)[1]:tbs[0][2]]
    _expect(tbs[1], SEQUENCE)  # the signature algorithm
    issuer = _name(der, tbs[2])
    validity = _children(der, _expect(tbs[3], SEQUENCE)[1], tbs[3][2])
    if len(validity) != 2:
        raise NotACertificate("certificate.format")
    subject = _name(der, tbs[4])
    _expect(tbs[5], SEQUENCE)  # the public key
    serial = serial_raw.lstrip(b"\x00") or b"\x00"
    return {"subject": subject, "issuer": issuer, "serial": ":".join(f"{b:02x}" for b in serial),
            "valid_from": _time(der, validity[0]), "valid_until": _time(der, validity[1]), "version": version}


def read_base64(text: str) -> dict:
    """`read` of a file the browser sent as base64."""
    if len(text) > MAX_BYTES * 4 // 3 + 8:
        raise NotACertificate("certificate.size", max=MAX_BYTES // 1024)
    try:
        data = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise NotACertificate("certificate.encoding") from None
    if not data:
        raise NotACertificate("certificate.empty")
    return read(data)
