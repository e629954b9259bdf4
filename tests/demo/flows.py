"""Helpers of the flow tests (GL, account, assignments, legal representative, journal): the demo
dataset's facts read from the engine, forms filled, results waited for, hostile input checked,
and certificate files built byte by byte (no cryptography library needed)."""

from __future__ import annotations

import base64
import datetime as dt

from demo.engine.tests import der_writer as der
from egov_roles import Engine, catalogue, demo_data
from egov_roles.identifiers_gen import niss as make_niss

DATASET = demo_data.demo()
CATALOGUE = Engine().execute("engine.catalogue")["data"]
PASSWORD_RULES = CATALOGUE["password_rules"]["password"]
HOSTILE = '<img src=x onerror="window.__xss=1">'
HOSTILE_FIRST = "<script>window.__xss=2</script>"


def niss_of(person_id: str) -> str:
    return DATASET["people"][person_id]["niss"]


def email_of(person_id: str) -> str:
    return DATASET["people"][person_id]["email"]


def new_niss(day: int, sequence: int) -> str:
    """A valid NISS nobody in the demo dataset has."""
    number = make_niss(dt.date(1986, 3, day), sequence)
    assert all(p["niss"] != number for p in DATASET["people"].values())
    return number


def application(app_id: str, lang: str) -> str:
    return catalogue.application_name(app_id, lang)


def body(page) -> str:
    return page.page.locator(".demo-screen-body").inner_text()


def form_with(page, selector: str):
    """The screen's form that holds `selector`."""
    return page.page.locator(".demo-screen-body form", has=page.page.locator(selector)).first


def wait_heading(page, text: str) -> None:
    page.page.wait_for_function("t => document.getElementById('demo-heading').textContent === t", arg=text)


def wait_live(page, text: str) -> None:
    page.wait_live(text)


def fill(form, values: dict) -> None:
    for name, value in values.items():
        form.locator(f"[name='{name}']").fill(value)


def fill_account(form, *, username: str, password: str, name: str, first_name: str, email: str) -> None:
    fill(form, {"username": username, "username_confirm": username, "password": password, "password_confirm": password,
                "name": name, "first_name": first_name, "email": email})


def logout(page) -> None:
    page.act(lambda: page.page.get_by_role("button", name=page.t("bar.logout")).click(), "login")


def assert_nothing_ran(page) -> None:
    found = page.page.evaluate("""() => ({
        flag: window.__xss ?? null,
        nodes: document.querySelectorAll('#demo-app img, #demo-app svg, #demo-app script, #demo-app iframe').length,
    })""")
    assert found == {"flag": None, "nodes": 0}


def assert_refused(page, code: str, field: str | None = None) -> dict:
    """The error box shows the engine's refusal with this code (and, tied to it, this field)."""
    error = page.wait_error(code)
    assert error["text"].strip()
    if field:
        assert error["field"] == field
    return error


def assert_denied(page, role: str, action: str) -> dict:
    """The policy's refusal of `action` to `role`, as the table says: its rule, the rule's
    explanation and who could do it instead, in the page's language."""
    from demo_page import role_name, rule_text
    from egov_roles import policy

    decision = policy.decide(role, action)
    assert not decision.allowed
    error = page.wait_error("forbidden")
    assert error["rule"] == decision.rule
    assert rule_text(decision.rule, page.lang) in error["text"]
    for other in decision.instead:
        assert role_name(other, page.lang) in error["text"]
    assert page.focused(".demo-screen .demo-error")
    return error


# --- certificate files ------------------------------------------------------------------------------

def certificate_der(common_name: str, not_before: str, not_after: str, issuer: str = "Demo Citizen CA") -> bytes:
    """A version 3 X.509 certificate (unsigned: the demo does not check signatures); dates as
    GeneralizedTime YYYYMMDDHHMMSSZ. Built with the engine tests' DER writer."""
    def subject(common: str) -> bytes:
        return der.name([(der.C, der.PRINTABLE, b"BE")], [(der.CN, der.UTF8, common.encode("utf-8"))])
    return der.certificate(subject=subject(common_name), issuer=subject(issuer), serial=b"\x01\x23\x45",
                           not_before=(0x18, not_before.encode()), not_after=(0x18, not_after.encode()))


def pem(der: bytes) -> bytes:
    text = base64.b64encode(der).decode()
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return ("-----BEGIN CERTIFICATE-----\n" + "\n".join(lines) + "\n-----END CERTIFICATE-----\n").encode()


def send(form) -> None:
    """Submit a form from its submit button with the keyboard. Leaving a checked field may show
    or clear its message and move the button; Enter on the focused button cannot miss it."""
    button = form.locator("button[type=submit]").last
    button.focus()
    button.press("Enter")


# --- the demo's session and saved interface state (scenarios, tours) ---------------------------

def demo_module(page, name: str) -> str:
    """The URL of one of the demo application's modules (its folder is named by a hash)."""
    return page.page.evaluate(
        "n => document.querySelector('script[type=module][src*=\"demo-app\"]').src.replace(/main\\.js$/, n)", name)


def whoami(page) -> dict | None:
    """What the engine says about the demo's session (person and profile), or None."""
    return page.page.evaluate("""async (url) => {
        const api = await import(url);
        const response = await api.request('session.whoami');
        return response.ok ? response.data : null;
    }""", demo_module(page, "api.js"))


def saved_ui(page) -> dict:
    """The interface part of the state the demo saved in the browser (store.js), once every save
    due is done."""
    page.wait_saved()
    return page.page.evaluate("() => JSON.parse(localStorage.getItem('egov-demo/state') || '{}').ui || {}")


def journal_commands(page) -> list[str]:
    """The engine journal's commands, oldest first."""
    return page.page.evaluate("""async (url) => {
        const api = await import(url);
        const response = await api.system('journal.list', {limit: 1000000});
        return response.data.map(e => e.command).reverse();
    }""", demo_module(page, "api.js"))
