"""Reading certificate files (x509.py, engine.read_certificate): a certificate made by OpenSSL
in PEM and in DER, certificates built here field by field (both time encodings, string types,
names that need escaping), and every kind of file that is not a certificate."""

from __future__ import annotations

import base64

import pytest

from egov_roles import x509

from der_writer import BMP, C, CN, EMAIL, IA5, O, OU, PRINTABLE, UTF8, certificate, name
from engine_helpers import Client, make_engine

# Made with: openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 36500 -utf8
#   -subj "/C=BE/O=Démo SA/CN=Marie Lambert/serialNumber=76042404646"
# (OpenSSL 3.0; version 3 with extensions, UTCTime then GeneralizedTime after 2049).
OPENSSL_PEM = b"""-----BEGIN CERTIFICATE-----
MIIB8zCCAZmgAwIBAgIUMJFQT9kAnFb36m8M8FVagKam6aAwCgYIKoZIzj0EAwIw
TjELMAkGA1UEBhMCQkUxETAPBgNVBAoMCETDqW1vIFNBMRYwFAYDVQQDDA1NYXJp
ZSBMYW1iZXJ0MRQwEgYDVQQFEws3NjA0MjQwNDY0NjAgFw0yNjExMjIxNTA1MTha
GA8yMTI2MTAyOTE1MDUxOFowTjELMAkGA1UEBhMCQkUxETAPBgNVBAoMCETDqW1v
IFNBMRYwFAYDVQQDDA1NYXJpZSBMYW1iZXJ0MRQwEgYDVQQFEws3NjA0MjQwNDY0
NjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABF89E/10p6hxLvf4i7KNL69+Sw7e
+fIaKtiQ2SDLKv1ZmyBKKR3fpwhVca1PYeCZ9beqK8D22SMR8YclGCfqjjqjUzBR
MB0GA1UdDgQWBBRFcDUVFqvubyeiZPWj6Tpvkt2k3zAfBgNVHSMEGDAWgBRFcDUV
FqvubyeiZPWj6Tpvkt2k3zAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gA
MEUCIQC2j6/xTHJ380AajF6qrw46zzS2lLtjSMccdJ5A88KhngIgdKFF6G6mYA6Z
VBqhP39bC8q1ZT0WxbGZIHhBeX/SAck=
-----END CERTIFICATE-----
"""
OPENSSL_SUBJECT = "SERIALNUMBER=76042404646, CN=Marie Lambert, O=Démo SA, C=BE"


def der_of(pem: bytes) -> bytes:
    body = b"".join(line for line in pem.splitlines() if not line.startswith(b"-----"))
    return base64.b64decode(body)


# --- reading ------------------------------------------------------------------------------------------

def test_openssl_certificate_in_pem_and_der_reads_the_same():
    from_pem = x509.read(OPENSSL_PEM)
    from_der = x509.read(der_of(OPENSSL_PEM))
    assert from_pem == from_der
    assert from_pem["subject"] == OPENSSL_SUBJECT
    assert from_pem["issuer"] == OPENSSL_SUBJECT  # self-signed
    assert from_pem["valid_from"] == "2026-11-22T15:05:18+00:00"
    assert from_pem["valid_until"] == "2126-10-29T15:05:18+00:00"  # GeneralizedTime
    assert from_pem["serial"] == "30:91:50:4f:d9:00:9c:56:f7:ea:6f:0c:f0:55:5a:80:a6:a6:e9:a0"
    assert from_pem["version"] == 3


def test_pem_with_text_around_and_windows_line_ends():
    text = b"\xef\xbb\xbfBag Attributes: none\r\n" + OPENSSL_PEM.replace(b"\n", b"\r\n") + b"trailing words\r\n"
    assert x509.read(text)["subject"] == OPENSSL_SUBJECT


def test_built_certificate_fields():
    subject = name([(C, PRINTABLE, b"BE")], [(O, UTF8, "Démo, Soc & Co".encode())],
                   [(OU, UTF8, b"IT"), (CN, UTF8, b"Jan")], [(EMAIL, IA5, b"jan@example.be")])
    issuer = name([(C, PRINTABLE, b"BE")], [(CN, BMP, "Citizen CA é".encode("utf-16-be"))])
    found = x509.read(certificate(subject=subject, issuer=issuer))
    # RFC 4514 order (last RDN first), special characters escaped, multi-valued RDN joined with "+".
    assert found["subject"] == "EMAILADDRESS=jan@example.be, OU=IT+CN=Jan, O=Démo\\, Soc & Co, C=BE"
    assert found["issuer"] == "CN=Citizen CA é, C=BE"
    assert found["valid_from"] == "2024-03-01T00:00:00+00:00"
    assert found["valid_until"] == "2034-02-28T23:59:59+00:00"
    assert found["serial"] == "10:4f:a2:9c"
    assert found["version"] == 3


def test_version_one_certificate_and_twentieth_century_dates():
    found = x509.read(certificate(subject=name([(CN, PRINTABLE, b"Old")]), version=None,
                                  not_before=(0x17, b"991231235959Z"), not_after=(0x18, b"20501231235959Z")))
    assert found["version"] == 1
    assert found["valid_from"] == "1999-12-31T23:59:59+00:00"
    assert found["valid_until"] == "2050-12-31T23:59:59+00:00"


def test_unknown_attribute_types_show_their_number_and_raw_value():
    found = x509.read(certificate(subject=name([("1.3.6.1.4.1.99999.1", 0x04, b"\x01\x02")])))
    assert found["subject"] == "1.3.6.1.4.1.99999.1=#0102"


NOT_CERTIFICATES = {
    "empty text": b"hello, this is not a certificate",
    "a PDF": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    "cut DER": der_of(OPENSSL_PEM)[:-10],
    "DER with bytes after": der_of(OPENSSL_PEM) + b"\x00",
    "an integer": b"\x02\x01\x05",
    "a sequence of nothing": b"\x30\x00",
    "bad base64 in PEM": b"-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n",
    "PEM without its end": b"-----BEGIN CERTIFICATE-----\nMIIB\n",
    "bad time": certificate(subject=name([(CN, UTF8, b"x")]), not_after=(0x17, b"2402301200Z")),
    "impossible date": certificate(subject=name([(CN, UTF8, b"x")]), not_after=(0x17, b"240230120000Z")),
    "bad UTF-8 name": certificate(subject=name([(CN, UTF8, b"\xff\xfe")])),
    "huge length": b"\x30\x84\xff\xff\xff\xff\x00",
}


@pytest.mark.parametrize("label", sorted(NOT_CERTIFICATES))
def test_files_that_are_not_certificates_are_refused(label):
    with pytest.raises(x509.NotACertificate) as caught:
        x509.read(NOT_CERTIFICATES[label])
    assert caught.value.reason == "certificate.format"


def test_a_private_key_is_named_and_refused():
    key = b"-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n"
    with pytest.raises(x509.NotACertificate) as caught:
        x509.read(key)
    assert caught.value.reason == "certificate.pem_other"
    assert caught.value.params == {"label": "PRIVATE KEY"}


def test_too_large_a_file_is_refused_before_reading():
    with pytest.raises(x509.NotACertificate) as caught:
        x509.read(b"\x30" * (x509.MAX_BYTES + 1))
    assert caught.value.reason == "certificate.size"


# --- through the protocol ----------------------------------------------------------------------------

def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_read_certificate_command(lang):
    client = Client(make_engine())  # its clock says 2024-03-04
    found = client.ok("engine.read_certificate", {"data": b64(OPENSSL_PEM)}, lang=lang)
    assert found["subject"] == OPENSSL_SUBJECT
    assert found["status"] == "not_yet_valid"
    expired = certificate(subject=name([(CN, UTF8, b"x")]), not_before=(0x17, b"200101000000Z"),
                          not_after=(0x17, b"231231235959Z"))
    assert client.ok("engine.read_certificate", {"data": b64(expired)})["status"] == "expired"
    assert client.ok("engine.read_certificate", {"data": b64(certificate(subject=name([(CN, UTF8, b"x")])))})[
        "status"] == "valid"
    error = client.refused("engine.read_certificate", {"data": b64(b"not a certificate")}, lang=lang)
    assert (error["code"], error["field"], error["reason"]) == ("invalid_field", "data", "certificate.format")
    assert "X.509" in error["message"] and "PEM" in error["message"]
    for data, reason in (("not base64 é", "certificate.encoding"), ("", "certificate.empty")):
        assert client.refused("engine.read_certificate", {"data": data})["reason"] == reason


def test_read_then_upload_keeps_what_the_file_says():
    client = Client(make_engine())
    session = client.login("marielambert", "role-marie-gl")
    found = client.ok("engine.read_certificate", {"data": b64(certificate(subject=name([(CN, UTF8, b"Marie")])))})
    args = {k: found[k] for k in ("subject", "issuer", "serial", "valid_from", "valid_until")}
    stored = client.ok("account.upload_certificate", args, session)
    assert stored["subject"] == "CN=Marie"
    assert (stored["valid_from"], stored["valid_until"]) == ("2024-03-01", "2034-02-28")
    assert client.ok("account.view", {}, session)["person"]["certificate"]["serial"] == "10:4f:a2:9c"
    # Reading is not journaled and changes nothing.
    assert not [e for e in client.state["journal"] if e["command"] == "engine.read_certificate"]
