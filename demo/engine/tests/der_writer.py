"""A small DER writer, to build X.509 certificates with chosen fields: the engine's certificate
tests (test_certificates.py) and the demo's browser tests (tests/demo/flows.py) use it."""

from __future__ import annotations


def tlv(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + content


def oid(dotted: str) -> bytes:
    parts = [int(p) for p in dotted.split(".")]
    out = bytearray([40 * parts[0] + parts[1]])
    for part in parts[2:]:
        chunk = [part & 0x7F]
        part >>= 7
        while part:
            chunk.append(0x80 | (part & 0x7F))
            part >>= 7
        out.extend(reversed(chunk))
    return tlv(0x06, bytes(out))


def name(*rdns) -> bytes:
    """rdns: [(oid, string tag, bytes value), ...] per RDN, in certificate order (C first)."""
    return tlv(0x30, b"".join(tlv(0x31, b"".join(tlv(0x30, oid(o) + tlv(tag, value)) for o, tag, value in rdn))
                              for rdn in rdns))


def certificate(*, subject: bytes, issuer: bytes | None = None, not_before=(0x17, b"240301000000Z"),
                not_after=(0x17, b"340228235959Z"), serial: bytes = b"\x10\x4f\xa2\x9c", version: int | None = 2) -> bytes:
    algorithm = tlv(0x30, oid("1.2.840.10045.4.3.2"))
    key = tlv(0x30, tlv(0x30, oid("1.2.840.10045.2.1") + oid("1.2.840.10045.3.1.7")) + tlv(0x03, b"\x00\x04" + bytes(64)))
    tbs = (tlv(0xA0, tlv(0x02, bytes([version]))) if version is not None else b"") + tlv(0x02, serial) + algorithm
    tbs += (issuer or subject) + tlv(0x30, tlv(not_before[0], not_before[1]) + tlv(not_after[0], not_after[1])) + subject + key
    return tlv(0x30, tlv(0x30, tbs) + algorithm + tlv(0x03, b"\x00" + bytes(8)))


CN, C, O, OU, EMAIL = "2.5.4.3", "2.5.4.6", "2.5.4.10", "2.5.4.11", "1.2.840.113549.1.9.1"
UTF8, PRINTABLE, BMP, IA5 = 0x0C, 0x13, 0x1E, 0x16
