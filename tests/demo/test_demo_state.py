"""The demo's state: kept across reloads, reset, exported and imported as JSON, carried by a share
link; a corrupted, older or refused state (stored, imported or shared) is reported and replaced,
never a blank page."""

from __future__ import annotations

import json

import pytest
from demo_page import PATHS, one_language
from egov_roles import demo_data

from tools.check_pages import wait_until_ready

pytestmark = pytest.mark.browser

STORAGE_KEY = "egov-demo/state"
LOTTE_NISS = demo_data.demo()["people"]["person-lotte"]["niss"]


def add_lotte_as_co_rae(page) -> None:
    """As the demo's RAE: Lotte Peeters (known to the engine) becomes co-RAE."""
    page.as_profile("person-julien", "role-julien-rae")
    page.goto("#/co-rae", "co-rae")
    add = page.page.locator("form", has=page.page.locator("[name=niss]"))
    add.locator("[name=niss]").fill(LOTTE_NISS)
    add.locator("button[type=submit]").click()
    page.page.wait_for_function("t => document.getElementById('demo-heading').textContent === t",
                                arg=page.t("co_rae.added_title"))
    page.goto("#/co-rae", "co-rae")
    assert page.page.locator(".demo-table tbody tr").count() == 3


def reload(page) -> None:
    # Material's search loads its index in a worker; a reload in the middle would abort it.
    wait_until_ready(page.page)
    page.page.reload()
    page.wait_ready()


def tool(page, key):
    return page.page.locator(".demo-tools").get_by_role("button", name=page.t(key))


@one_language
def test_state_and_session_survive_a_reload_and_reset_starts_again(demo, lang):
    page = demo(lang)
    add_lotte_as_co_rae(page)
    reload(page)
    assert page.screen() == "co-rae"
    assert "Julien Simons" in page.page.locator(".demo-bar").inner_text()
    assert page.page.locator(".demo-table tbody tr", has_text="Peeters").count() == 1
    saved = json.loads(page.page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY))
    assert (saved["format"], saved["version"], saved["engine"]["schema"]) == ("egov-demo/saved-state", 1,
                                                                              "egov-roles/state")
    page.act(tool(page, "tools.reset").click, "login")
    page.wait_live(page.t("tools.reset_done"))
    page.as_profile("person-julien", "role-julien-rae")
    page.goto("#/co-rae", "co-rae")
    assert page.page.locator(".demo-table tbody tr").count() == 2


@one_language
def test_export_then_import_a_json_file(demo, lang, tmp_path):
    page = demo(lang)
    add_lotte_as_co_rae(page)
    with page.page.expect_download() as info:
        tool(page, "tools.export").click()
    exported = tmp_path / info.value.suggested_filename
    info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "egov-demo/saved-state" and data["version"] == 1
    page.act(tool(page, "tools.reset").click, "login")
    page.act(lambda: page.page.set_input_files(".demo-tools input[type=file]", str(exported)), "home")
    page.wait_live(page.t("tools.imported", name=exported.name))
    assert "Julien Simons" in page.page.locator(".demo-bar").inner_text()  # the session came back too
    page.goto("#/co-rae", "co-rae")
    assert page.page.locator(".demo-table tbody tr", has_text="Peeters").count() == 1
    page.assert_accessible("after import")


@one_language
def test_bad_imports_are_reported_and_change_nothing(demo, lang, tmp_path):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    with page.page.expect_download() as info:
        tool(page, "tools.export").click()
    good = json.loads(info.value.path().read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(good))
    del broken["engine"]["roles"]["role-julien-rae"]  # an enterprise without its RAE
    cases = {
        "unreadable.json": ("{ not json", page.t("state.problem.unreadable")),
        "other.json": (json.dumps({"hello": "world"}), page.t("state.problem.format")),
        "older.json": (json.dumps({**good, "version": 0}), page.t("state.problem.older", version=0)),
        "broken.json": (json.dumps(broken), None),
    }
    box = page.page.locator(".demo-tools .demo-error")
    for name, (text, expected) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        page.page.set_input_files(".demo-tools input[type=file]", str(path))
        page.page.wait_for_function("() => !document.querySelector('.demo-tools .demo-error').hidden"
                                    " && document.activeElement.closest('.demo-tools .demo-error')")
        shown = box.inner_text()
        assert page.t("tools.import_failed") in shown
        if expected:
            assert expected in shown
        else:
            assert box.get_attribute("data-code") == "invalid_state"
        page.page.evaluate("() => document.querySelector('.demo-tools .demo-error').hidden = true")
    # Nothing changed: still logged in as the RAE, with the same data.
    page.goto("#/co-rae", "co-rae")
    assert "Julien Simons" in page.page.locator(".demo-bar").inner_text()
    assert page.page.locator(".demo-table tbody tr").count() == 2


@one_language
def test_share_link_carries_the_state(demo, lang):
    page = demo(lang)
    add_lotte_as_co_rae(page)
    tool(page, "tools.share").click()
    output = page.page.locator(".demo-tools input.demo-share-url")
    output.wait_for()
    link = output.input_value()
    assert link.split("#")[1].startswith("/co-rae?state=z.")
    assert page.focused(".demo-share-url")
    fragment = "#" + link.split("#", 1)[1]
    other = demo(lang, fragment)  # a new browser context: nothing stored there
    assert other.screen() == "co-rae"
    assert other.page.locator(".demo-notice").inner_text() == other.t("state.shared_loaded")
    assert other.page.locator(".demo-table tbody tr", has_text="Peeters").count() == 1
    assert "state=" not in other.page.evaluate("location.hash")
    # A damaged link is reported; the demo starts as usual.
    damaged = demo(lang, "#/home?state=z.AAAA")
    assert damaged.page.locator(".demo-notice").inner_text().startswith(damaged.t("state.shared_failed"))
    assert damaged.screen() == "login"


@one_language
@pytest.mark.parametrize(("stored", "problem"), [
    ("{ this is not json", "state.problem.unreadable"),
    (json.dumps({"format": "egov-demo/saved-state", "version": 0, "engine": {}}), "state.problem.older"),
    (json.dumps({"format": "egov-demo/saved-state", "version": 1, "engine": {"schema": "egov-roles/state"}}),
     "state.problem.engine"),
], ids=["corrupted", "older", "refused"])
def test_unusable_stored_state_is_reported_and_replaced(demo, lang, stored, problem):
    page = demo(lang)
    page.page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, stored])
    reload(page)
    notice = page.page.locator(".demo-notice").inner_text()
    assert notice.startswith(page.t("state.replaced"))
    prefix = page.t(problem, version=0, message="").split("{")[0].strip()
    assert prefix in notice
    assert page.screen() == "login"
    saved = json.loads(page.page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY))
    assert saved["version"] == 1 and saved["engine"]["people"]  # replaced by the demo data
    page.as_profile("person-julien", "role-julien-rae")
    assert PATHS[lang] in page.page.url
