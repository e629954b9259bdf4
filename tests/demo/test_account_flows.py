"""Everyone's account: personal data (read-only identification, language and e-mails changed),
the password change with the rules beside the field (from the engine's data) — also for an
eID-only account choosing its first username — and the certificate upload, where the file is
read by the engine: PEM or DER accepted, anything else refused with the reason."""

from __future__ import annotations

import pytest
from demo_page import one_language
from flows import (
    DATASET, HOSTILE, PASSWORD_RULES, assert_nothing_ran, assert_refused, body, certificate_der, form_with, logout,
    pem, send,
)

from egov_roles import messages, x509

pytestmark = pytest.mark.browser

FILE = ".demo-screen-body input[type=file]"


@one_language
def test_personal_data(demo, lang):
    marie = DATASET["people"]["person-marie"]
    page = demo(lang)
    page.as_profile("person-marie")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/account']").click(), "account")
    page.assert_accessible("personal data")
    read_only = page.page.locator(".demo-screen-body dl").first.inner_text()
    for value in (marie["name"], marie["first_name"], marie["username"], marie["certificate"]["subject"]):
        assert value in read_only
    edit = form_with(page, "[name=local_email]")
    assert edit.locator("[name=local_email]").input_value() == marie["local_email"]
    edit.locator("[name=local_email]").fill(HOSTILE)
    send(edit)
    assert_refused(page, "form", field="local_email")
    assert page.focused("form [name=local_email]")
    assert page.field_error("form [name=local_email]")
    assert_nothing_ran(page)
    edit.locator("[name=local_email]").fill("")
    edit.locator("[name=email]").fill("marie.lambert@example.be")
    edit.locator("select[name=language]").select_option("nl")
    page.act(lambda: send(edit), "account")
    page.wait_live(page.t("me.saved"))
    edit = form_with(page, "[name=local_email]")
    assert edit.locator("[name=email]").input_value() == "marie.lambert@example.be"
    assert edit.locator("[name=local_email]").input_value() == ""
    assert edit.locator("select[name=language]").input_value() == "nl"
    assert page.focused("#demo-heading")


def rules_shown(page) -> None:
    rules = page.page.locator(".demo-rules").last.inner_text()
    assert page.t("rules.password.length", min=PASSWORD_RULES["min_length"], max=PASSWORD_RULES["max_length"]) in rules
    assert page.t("rules.password.non_letters", min=PASSWORD_RULES["min_non_letters"]) in rules
    assert PASSWORD_RULES["specials"] in rules


@one_language
def test_password_change(demo, lang):
    page = demo(lang)
    page.as_profile("person-kevin")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/account/password']").click(), "account-password")
    page.assert_accessible("password change")
    rules_shown(page)
    # The rules are tied to the field: its description names them.
    described = page.page.locator("form [name=new]").get_attribute("aria-describedby")
    assert page.page.locator(f"[id='{described.split()[0]}'] .demo-rules").count() == 1
    change = form_with(page, "[name=confirmation]")
    for current, new, confirmation, code, field in (
        ("pas le bon", "Nouveau.2025", "Nouveau.2025", "wrong_password", "current"),
        ("Demo2024.ok", "abcdefghijk", "abcdefghijk", "form", "new"),
    ):
        change.locator("[name=current]").fill(current)
        change.locator("[name=new]").fill(new)
        change.locator("[name=confirmation]").fill(confirmation)
        send(change)
        assert_refused(page, code, field=field)
        assert page.focused(f"form [name={field}]")
    # The same password again: refused, with the reason (the engine's answer replaces the last one).
    for name in ("current", "new", "confirmation"):
        change.locator(f"[name={name}]").fill("Demo2024.ok")
    send(change)
    same = messages.REASONS["password.same"][lang]
    page.page.locator(".demo-screen .demo-error", has_text=same).wait_for()
    assert page.field_error("form [name=new]") == same
    change.locator("[name=confirmation]").fill("different.22")
    send(change)
    page.wait_error("form")
    assert page.field_error("form [name=confirmation]") == page.t("form.confirmation_differs")
    change.locator("[name=new]").fill("Nouveau.2025")
    change.locator("[name=confirmation]").fill("Nouveau.2025")
    page.act(lambda: send(change), "account")
    page.wait_live(page.t("password.changed", username="kevindumont"))
    logout(page)
    page.login_password("kevindumont", "Nouveau.2025", "home")
    # An eID-only account chooses its username with its first password.
    page.as_profile("person-anne")
    page.goto("#/account/password", "account-password")
    assert page.t("password.intro_first") in body(page)
    rules_shown(page)
    first = form_with(page, "[name=confirmation]")
    assert first.locator("[name=current]").count() == 0
    first.locator("[name=username]").fill("coraeoscar")
    first.locator("[name=new]").fill("Dubois.2025")
    first.locator("[name=confirmation]").fill("Dubois.2025")
    send(first)
    # The live check of the username (engine.validate) already knows it is taken, before sending.
    assert_refused(page, "form", field="username")
    assert page.field_error("form [name=username]") == messages.render("username_taken", lang, {}, "username")
    first.locator("[name=username]").fill("annedubois")
    page.act(lambda: send(first), "account")
    logout(page)
    page.login_password("annedubois", "Dubois.2025", "home")


def choose_file(page, name: str, data: bytes, mime: str = "application/octet-stream") -> None:
    page.page.set_input_files(FILE, files=[{"name": name, "mimeType": mime, "buffer": data}])
    send(form_with(page, "input[type=file]"))


@one_language
def test_certificate_upload(demo, lang):
    page = demo(lang)
    page.as_profile("person-marie")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/account/certificate']").click(), "certificate")
    page.assert_accessible("certificate")
    assert DATASET["people"]["person-marie"]["certificate"]["subject"] in body(page)
    # Not a certificate: a text file, then a private key.
    choose_file(page, "notes.txt", b"these are my notes, not a certificate", "text/plain")
    error = assert_refused(page, "invalid_field", field="data")
    assert messages.reason_text("certificate.format", lang, {}) in error["text"]
    assert page.field_error(FILE) == messages.reason_text("certificate.format", lang, {})
    key = b"-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n"
    choose_file(page, "key.pem", key, "application/x-pem-file")
    # Same code as the refusal before: wait for the new explanation.
    expected = messages.reason_text("certificate.pem_other", lang, {"label": "PRIVATE KEY"})
    page.page.wait_for_function("t => document.querySelector('.demo-screen .demo-error').textContent.includes(t)", arg=expected)
    assert page.field_error(FILE) == expected
    # An expired certificate (DER): read, shown, and its loading refused by the engine.
    expired = certificate_der("Marie Lambert", "20190101000000Z", "20210101000000Z")
    choose_file(page, "old.der", expired)
    page.page.locator(".demo-certificate-preview h4").wait_for()
    assert page.focused(".demo-certificate-preview h4")
    assert page.t("certificate.status_expired") in page.page.locator(".demo-certificate-preview").inner_text()
    page.page.get_by_role("button", name=page.t("certificate.load")).click()
    assert_refused(page, "certificate_expired")
    # A valid certificate (PEM) whose name is markup: shown as text, loaded.
    good = pem(certificate_der(HOSTILE, "20200101000000Z", "20991231235959Z"))
    subject = x509.read(good)["subject"]
    choose_file(page, "mine.pem", good, "application/x-pem-file")
    preview = page.page.locator(".demo-certificate-preview")
    preview.locator("h4").wait_for()
    assert subject in preview.inner_text() and page.t("certificate.status_valid") in preview.inner_text()
    assert_nothing_ran(page)
    page.assert_accessible("certificate preview")
    page.act(lambda: page.page.get_by_role("button", name=page.t("certificate.load")).click(), "certificate")
    page.wait_live(page.t("certificate.loaded"))
    assert subject in page.page.locator(".demo-screen-body dl").first.inner_text()
    assert_nothing_ran(page)
