"""The audit journal: who (even a name typed as markup), under which profile, what (the policy
table's name of the action), on whom and when; its filters; a refused action leaves no line."""

from __future__ import annotations

import json

import pytest
from demo_page import POLICY, ROOT, one_language, quality_name, role_name
from flows import HOSTILE, assert_denied, assert_nothing_ran, form_with, new_niss, send

pytestmark = pytest.mark.browser


JOURNAL = json.loads((ROOT / "demo" / "web" / "journal.json").read_text(encoding="utf-8"))


def sentence(command: str, lang: str, **names) -> str:
    return JOURNAL["entries"][command][lang].format(**names)


def action_label(action: str, lang: str) -> str:
    return next(a for a in POLICY["actions"] if a["id"] == action)[lang]


def bulk(page, action: str, role: str):
    page.page.check(f"input[name=selected][value='{role}']")
    page.page.select_option("select[name=action]", action)
    page.page.get_by_role("button", name=page.t("members.execute")).click()
    page.page.locator(".demo-confirm").get_by_role("button", name=page.t("form.confirm")).click()


def filter_journal(page, **values):
    form = form_with(page, "[name=whom]")
    form.locator("[name=whom]").fill(values.get("whom", ""))
    for name in ("who", "profile", "what", "effect"):
        form.locator(f"select[name={name}]").select_option(values.get(name, ""))
    page.act(lambda: send(form), "journal")


def column(page, index: int) -> list[str]:
    return page.page.locator(f".demo-journal tbody tr td:nth-child({index})").all_inner_texts()


@one_language
def test_journal_who_what_on_whom(demo, lang):
    page = demo(lang)
    # Someone new logs in with a card whose name is markup (no profile yet).
    page.goto("#/login", "login")
    card = form_with(page, "[name=first_name]")
    card.locator("[name=niss]").fill(new_niss(7, 51))
    card.locator("[name=name]").fill(HOSTILE)
    card.locator("[name=first_name]").fill("Eve")
    page.act(lambda: send(card), "home")
    # The GL blocks a user; a co-GL's attempt on a co-GL is refused.
    page.as_profile("person-marie")
    page.goto("#/quality/q-demo-employer/users", "users")
    bulk(page, "block", "role-kevin-user")
    page.wait_live(page.tn("members.done.block", 1))
    page.as_profile("person-willem")
    page.goto("#/quality/q-demo-employer/co-gl", "co-gl")
    assert_denied(page, "co_gl", "co_gl.add")
    # The journal, from the menu.
    page.act(lambda: page.page.locator(".demo-menu a[href='#/journal']").click(), "journal")
    page.assert_accessible("journal")
    assert page.page.locator(".demo-journal tr[data-command='co_gl.unblock']").count() == 0
    block = page.page.locator(".demo-journal tr[data-command='user.block']")
    assert block.count() == 1
    cells = block.locator("td").all_inner_texts()
    # What people did, in a sentence of the reader's language (journal.json).
    assert cells[1] == sentence("user.block", lang, actor="Marie Lambert", person="Kevin Dumont")
    assert role_name("gl", lang) in cells[2] and quality_name("employer_onss", lang) in cells[2]
    assert block.locator("time").get_attribute("datetime")
    # The demo's own loading of the saved state, at each page load, is not in the reader's journal.
    page.page.reload()
    page.wait_ready()
    page.goto("#/journal", "journal")
    assert page.page.locator(".demo-journal tr[data-command='state.load']").count() == 0
    # Filters: by action, by person, by profile, by whom and effect.
    filter_journal(page, what="user.block")
    assert page.page.locator(".demo-screen-body h3").inner_text() == page.tn("journal.count", 1)
    assert page.focused(".demo-screen-body h3")
    what = form_with(page, "[name=whom]").locator("select[name=what] option").all_inner_texts()
    assert action_label("user.block", lang) in what
    assert all("_" not in option and "\"" not in option for option in what)
    filter_journal(page, who="person-marie")
    assert all(cell.startswith("Marie Lambert ") for cell in column(page, 2))
    filter_journal(page, profile="co_gl")
    assert all(role_name("co_gl", lang) in cell for cell in column(page, 3))
    filter_journal(page, whom="kevin", effect="write")
    assert column(page, 2) == [sentence("user.block", lang, actor="Marie Lambert", person="Kevin Dumont")]
    # The person whose name is markup: shown as text, found by it, nothing ran.
    filter_journal(page, profile="none", whom=HOSTILE)
    assert form_with(page, "[name=whom]").locator("[name=whom]").input_value() == HOSTILE
    who = column(page, 2)
    assert who and all(text.startswith(f"Eve {HOSTILE} ") for text in who)
    assert set(column(page, 3)) == {page.t("journal.no_profile")}
    assert_nothing_ran(page)
    page.assert_accessible("journal filtered")
