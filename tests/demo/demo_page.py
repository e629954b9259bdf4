"""Driving the demo in chromium: open it in a language, act, wait for the next screen, read the
error box, check the page stayed clean. Expected texts come from the data the demo itself reads
(demo/web/i18n.json for its labels, the engine's policy table for rule explanations and role
names), never typed in a test."""

from __future__ import annotations

import json
import os
import re
import zlib
from pathlib import Path

import egov_roles
import pytest

from tools.languages import LANGUAGES, home

ROOT = Path(__file__).resolve().parents[2]


PATHS = {lang: home(lang) + "demo/" for lang in LANGUAGES}
LABELS = json.loads((ROOT / "demo" / "web" / "i18n.json").read_text(encoding="utf-8"))
POLICY = egov_roles.policy_table()
# The engine starts Pyodide in a worker: generous on a shared two-core machine.
READY_MS = 90_000
STEP_MS = 20_000


# A flow (a reader's task played through the screens) does the same in every language: what differs
# is text. Every label exists in every language (test_sources), and every screen is opened in
# every language at a phone's and an office PC's width, with axe and the plain-words check
# (test_every_screen, test_accessibility). So a flow runs in ONE language: the languages take
# turns over a module's flows, from a start fixed by the module's name, so that each language
# drives flows and a test keeps its language from run to run. Running every flow in every
# language multiplied the suite's longest part by the number of languages;
# DEMO_FLOWS_IN_EVERY_LANGUAGE=1 does it (e.g. once after adding a language).
ALL_FLOWS = os.environ.get("DEMO_FLOWS_IN_EVERY_LANGUAGE") == "1"
_turns: dict[str, int] = {}


def one_language(test):
    """Parametrize a flow test's `lang` with one site language (see above)."""
    module = test.__module__.rsplit(".", 1)[-1]
    turn = _turns.get(module, zlib.crc32(module.encode()))
    _turns[module] = turn + 1
    langs = list(LANGUAGES) if ALL_FLOWS else [LANGUAGES[turn % len(LANGUAGES)]]
    return pytest.mark.parametrize("lang", langs)(test)


# What a developer would write: snake_case ids (rules, codes, commands' arguments), dotted
# command or argument names, {fields} left unfilled, and what a script shows of a missing value.
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
DOTTED = re.compile(r"\b[a-z_]+\.[a-z_]+\b")
PLACEHOLDER = re.compile(r"\{\w*\}")
MISSING = re.compile(r"\b(?:null|undefined|NaN)\b|\[object \w+\]")
EMAIL_OR_URL = re.compile(r"\S+@\S+|https?://\S+|\b[\w-]+\.(?:be|com|org|json)\b")
IDS = set(POLICY["rules"]) | {a["id"] for a in POLICY["actions"]}


def developer_words(text: str) -> list[str]:
    """The words of `text` no reader should see (see above), sorted."""
    plain = EMAIL_OR_URL.sub(" ", text)
    found = SNAKE.findall(plain) + DOTTED.findall(plain) + PLACEHOLDER.findall(plain) + MISSING.findall(plain)
    return sorted(set(found) | {i for i in IDS if re.search(rf"(?<![\w.]){re.escape(i)}(?![\w.])", plain)})


def label(key: str, lang: str, **params) -> str:
    text = LABELS[key][lang]
    return re.sub(r"\{(\w+)\}", lambda m: str(params.get(m.group(1), m.group(0))), text)


def rule_text(rule: str, lang: str) -> str:
    return POLICY["rules"][rule][lang]


def role_name(role: str, lang: str) -> str:
    if role in POLICY["roles"]:
        return POLICY["roles"][role][lang]
    return POLICY["outside_actors"][role][lang]


def quality_name(quality_type: str, lang: str) -> str:
    from egov_roles import catalogue

    return catalogue.name(quality_type, lang)


def short_name(role: str, lang: str) -> str:
    return POLICY["roles"][role][f"short_{lang}"]


def decide(role: str, action: str) -> str:
    """The policy table's answer, as the demo's menu reads it: allowed, denied or none."""
    entry = next(a for a in POLICY["actions"] if a["id"] == action)
    if role in entry["allow"]:
        return "allowed"
    return "denied" if role in entry["deny"] else "none"


class Demo:
    """One demo page in its own browser context (a PageProbe that records console errors,
    failed requests and requests leaving 127.0.0.1)."""

    def __init__(self, probe, lang: str):
        self.probe = probe
        self.page = probe.page
        self.lang = lang
        self.app = self.page.locator("#demo-app")

    # --- labels -------------------------------------------------------------------------

    def t(self, key: str, **params) -> str:
        return label(key, self.lang, **params)

    def tn(self, key: str, count: int, **params) -> str:
        """The plural form of the language's rules (CLDR, as the demo's Intl.PluralRules)."""
        from babel import Locale

        form = Locale(self.lang).plural_form(count)
        chosen = f"{key}.{form}" if f"{key}.{form}" in LABELS else f"{key}.other"
        return self.t(chosen, count=count, **params)

    # --- waiting --------------------------------------------------------------------------

    def wait_ready(self) -> None:
        self.page.wait_for_selector("#demo-app[data-demo=ready]", timeout=READY_MS)

    def wait_saved(self) -> None:
        """Wait until what the demo has done so far is kept in the browser (no save due)."""
        self.page.wait_for_selector("#demo-app[data-saved=yes]", state="attached", timeout=STEP_MS)

    def renders(self) -> int:
        return int(self.app.get_attribute("data-renders") or 0)

    def wait_render(self, before: int, screen: str | None = None) -> None:
        self.page.wait_for_function(
            """([before, screen]) => {
                const app = document.getElementById('demo-app');
                return app.dataset.demo === 'ready' && Number(app.dataset.renders || 0) > before
                  && (!screen || app.dataset.screen === screen);
            }""",
            arg=[before, screen],
            timeout=STEP_MS,
        )

    def act(self, action, screen: str | None = None) -> None:
        """Do `action` (a callable) and wait for the screen it leads to."""
        before = self.renders()
        action()
        self.wait_render(before, screen)

    def goto(self, fragment: str, screen: str | None = None) -> None:
        # The same address again fires no hashchange: the test says so itself, as a reload of the screen.
        self.act(lambda: self.page.evaluate(
            "f => { if (location.hash === f) dispatchEvent(new HashChangeEvent('hashchange')); else location.hash = f; }",
            fragment), screen)

    def screen(self) -> str:
        return self.app.get_attribute("data-screen") or ""

    def heading(self) -> str:
        return self.page.locator("#demo-heading").inner_text()

    def focused(self, selector: str) -> bool:
        return self.page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)

    # --- logging in -----------------------------------------------------------------------

    def login_eid(self, person_id: str, screen: str | None = None) -> None:
        self.act(lambda: self.page.click(f"button[data-person='{person_id}']"), screen)

    def login_password(self, username: str, password: str, screen: str | None = None) -> None:
        form = self.password_form()
        form.locator("[name=username]").fill(username)
        form.locator("[name=password]").fill(password)
        self.act(lambda: form.locator("button[type=submit]").click(), screen)

    def password_form(self):
        return self.page.locator("form", has=self.page.locator("[autocomplete=current-password]"))

    def choose_profile(self, role_id: str) -> None:
        self.page.check(f"input[name=profile][value='{role_id}']")
        self.act(lambda: self.page.get_by_role("button", name=self.t("profile.submit"), exact=True).click(), "home")

    def as_profile(self, person_id: str, role_id: str | None = None) -> None:
        """Log in with the eID card of a person of the dataset and take a profile."""
        if self.screen() != "login":
            self.goto("#/login", "login")
        self.login_eid(person_id)
        if role_id is not None and self.screen() == "profile":
            self.choose_profile(role_id)
        assert self.screen() == "home", self.screen()

    # --- the error box ----------------------------------------------------------------------

    def error_box(self):
        return self.page.locator(".demo-screen .demo-error")

    def wait_error(self, code: str | None = None) -> dict:
        selector = ".demo-screen .demo-error:not([hidden])"
        if code:
            selector += f"[data-code='{code}']"
        self.page.wait_for_selector(selector, timeout=STEP_MS)
        box = self.page.locator(selector)
        text = box.inner_text()
        assert not developer_words(text), f"the error box shows {developer_words(text)}: {text!r}"
        return {
            "code": box.get_attribute("data-code"),
            "rule": box.get_attribute("data-rule") or None,
            "field": box.get_attribute("data-field") or None,
            "text": text,
        }

    def field_error(self, selector: str) -> str:
        """The error tied to a field: checks aria-invalid and aria-describedby, returns its text."""
        field = self.page.locator(selector).first
        assert field.get_attribute("aria-invalid") == "true", f"{selector} is not marked invalid"
        ids = (field.get_attribute("aria-describedby") or "").split()
        errors = [self.page.locator(f"[id='{i}']") for i in ids]
        texts = [e.inner_text() for e in errors if "demo-field-error" in (e.get_attribute("class") or "")]
        assert texts and texts[0], f"{selector} has no error in its aria-describedby ({ids})"
        return texts[0]

    def live(self) -> str:
        return self.page.locator(".demo-screen .demo-live").inner_text()

    def wait_live(self, text: str) -> None:
        self.page.wait_for_function(
            "t => document.querySelector('.demo-screen .demo-live').textContent.includes(t)", arg=text, timeout=STEP_MS)

    # --- checks -----------------------------------------------------------------------------

    def problems(self) -> list[str]:
        self.probe.settle()
        return self.probe.report.problems()

    def axe(self) -> list[dict]:
        from tools.check_pages import run_axe

        return run_axe(self.page)

    def assert_accessible(self, where: str = "") -> None:
        # Colours are judged at rest: the pointer leaves the last button clicked (run_axe waits
        # for the transitions of hover and focus styles to finish).
        self.page.mouse.move(0, 0)
        violations = self.axe()
        details = [f"{v['id']}: {v['help']} -> {v['nodes'][:3]}" for v in violations]
        assert not violations, f"axe on {where or self.screen()} ({self.lang}):\n  " + "\n  ".join(details)
