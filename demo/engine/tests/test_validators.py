"""Field validators, with the worked examples of terminology.md."""

from __future__ import annotations

import pytest
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

from egov_roles import validators
from egov_roles.errors import FieldError
from egov_roles.identifiers_gen import enterprise_number, niss, onss_number
from egov_roles.validators import onss


def reason(fn, value):
    with pytest.raises(FieldError) as info:
        fn(value)
    return info.value.reason


# --- NISS -----------------------------------------------------------------------------------
def test_niss_before_2000_worked_example():
    # 850730033 mod 97 = 69, 97 - 69 = 28
    assert validators.niss("85073003328") == "85073003328"
    assert validators.niss_kind("85073003328") == "nn"


def test_niss_2000_rule_worked_example():
    # 2170730033 mod 97 = 13, 97 - 13 = 84: only the '2' prefix makes it valid
    assert validators.niss("17073003384") == "17073003384"
    assert 97 - int("170730033") % 97 != 84


def test_bis_worked_example():
    assert validators.niss("98472899765") == "98472899765"
    assert validators.niss_kind("98472899765") == "bis"


def test_niss_accepts_separators_and_formats():
    assert validators.niss("85.07.30-033.28") == "85073003328"
    assert validators.format_niss("85073003328") == "85.07.30-033.28"


@pytest.mark.parametrize("value, expected", [
    ("85073003329", "niss.checksum"),
    ("8507300332", "niss.length"),
    ("850730033288", "niss.length"),
    ("85O73003328", "niss.format"),
    ("", "niss.format"),
])
def test_niss_faults_are_named(value, expected):
    assert reason(validators.niss, value) == expected


def test_niss_non_string_is_a_field_error():
    assert reason(validators.niss, 85073003328) == "type.string"


def test_the_seeds_printed_niss_mostly_fail():
    # terminology.md: most example NISS printed in the seeds are fictitious and fail the check
    assert reason(validators.niss, "630903 000 43") == "niss.checksum"
    assert reason(validators.niss, "760504 000 23") == "niss.checksum"


# --- enterprise number ------------------------------------------------------------------------
def test_enterprise_number_examples():
    assert validators.enterprise_number("0566.988.259") == "0566988259"
    assert validators.enterprise_number("1234.567.894") == "1234567894"
    assert validators.format_enterprise_number("0566988259") == "0566.988.259"


@pytest.mark.parametrize("value, expected", [
    ("0566.988.258", "enterprise_number.checksum"),
    ("2234567894", "enterprise_number.component"),
    ("12345", "enterprise_number.length"),
    ("05669882x9", "enterprise_number.format"),
])
def test_enterprise_number_faults(value, expected):
    assert reason(validators.enterprise_number, value) == expected


# --- ONSS employer number (our stdnum-style module) --------------------------------------------
def test_onss_interface_like_stdnum():
    assert onss.compact("1122334-61") == "112233461"
    assert onss.validate("1122334-61") == "112233461"
    assert onss.is_valid("112233461")
    assert onss.format("112233461") == "1122334-61"
    assert int("112233461") % 97 == 96


def test_onss_seed_example_fails_and_says_why():
    # The seeds print 1122334-56; 112233456 mod 97 = 91, not 96.
    with pytest.raises(InvalidChecksum, match="modulo 97 must be 96"):
        onss.validate("1122334-56")
    assert not onss.is_valid("1122334-56")


def test_onss_length_and_format_errors_name_the_fault():
    with pytest.raises(InvalidLength, match="9 digits"):
        onss.validate("12345678")
    with pytest.raises(InvalidFormat, match="only digits"):
        onss.validate("11223A461")


def test_onss_local_authority_rule_is_opt_in():
    base = "1234567"
    legacy = base + f"{int(base) % 97:02d}"
    assert int(legacy) % 97 != 96
    assert not onss.is_valid(legacy)
    assert onss.is_valid(legacy, allow_local_authority=True)


def test_onss_field_error_reason():
    assert reason(validators.onss_number, "1122334-56") == "onss_number.checksum"


# --- generators agree with the validators ----------------------------------------------------
def test_generated_identifiers_are_valid():
    import datetime

    assert niss(datetime.date(1985, 7, 30), 33) == "85073003328"
    assert niss(datetime.date(2017, 7, 30), 33) == "17073003384"
    assert validators.niss_kind(niss(datetime.date(1998, 7, 28), 997, bis=True)) == "bis"
    assert enterprise_number("05669882") == "0566988259"
    assert onss.is_valid(onss_number("7654321"))


# --- e-mail, username, password (rules from data/password_rules.json) ----------------------------
def test_email():
    assert validators.email(" marie.lambert@demo-sa.be ") == "marie.lambert@demo-sa.be"
    for bad in ("marie", "marie@", "marie@demo", "ma rie@demo.be", "a@b@c.be"):
        assert reason(validators.email, bad) == "email.format"


def test_username_rules():
    assert validators.username("juliensimons") == "juliensimons"
    assert validators.username("coraeTestABC") == "coraeTestABC"  # upper case as on the seed's screens
    assert reason(validators.username, "short1") == "username.length"
    assert reason(validators.username, "a" * 31) == "username.length"
    assert reason(validators.username, "julien simons") == "username.spaces"
    assert reason(validators.username, "julien.simons") == "username.characters"
    assert reason(validators.username, "héloïse123") == "username.characters"


def test_password_rules():
    assert validators.password("Demo2024.ok") == "Demo2024.ok"
    assert validators.password("abcdefgh1$") == "abcdefgh1$"            # 10 characters, 2 non-letters
    assert reason(validators.password, "abcdefg1$") == "password.length"      # 9
    assert reason(validators.password, "abcdefghijkl12$$") == "password.length"  # 16
    assert reason(validators.password, "abcdefghi1") == "password.non_letters"
    assert reason(validators.password, "abcd efgh12") == "password.spaces"
    assert reason(validators.password, "abcdefgh12!") == "password.characters"  # ! is not in the list
    assert reason(validators.password, "abcdéfgh12") == "password.characters"


def test_every_listed_special_character_is_accepted():
    for special in ",;:=?./+*$%><&@#({})-_":
        assert validators.password(f"abcdefgh1{special}")


# --- password hashing ------------------------------------------------------------------------------
def test_pure_python_pbkdf2_matches_the_reference():
    import hashlib

    from egov_roles import passwords

    # RFC 7914 section 11 test vector for PBKDF2-HMAC-SHA256 (c = 1)
    assert passwords.pbkdf2_sha256_pure(b"passwd", b"salt", 1).hex() == \
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
    if hasattr(hashlib, "pbkdf2_hmac"):  # CPython: compare with OpenSSL's on other inputs too
        for pw, salt, n in ((b"Demo2024.ok", b"0123456789abcdef", 2000), (b"x" * 80, b"", 3)):
            assert passwords.pbkdf2_sha256_pure(pw, salt, n) == hashlib.pbkdf2_hmac("sha256", pw, salt, n)


def test_hash_record_keeps_no_clear_text():
    import random

    from egov_roles import passwords

    record = passwords.hash_password("Demo2024.ok", passwords.new_salt(random.Random(1)))
    assert set(record) == {"algorithm", "iterations", "salt", "hash"}
    assert "Demo2024.ok" not in str(record)
    assert passwords.verify("Demo2024.ok", record) and not passwords.verify("Demo2024.ko", record)
