"""The RAE's flows: the qualities list and the activation of a quality (managed by the RAE, or by
a new local manager created with the account form), the change of local manager, the
enterprise's detail, the co-RAEs (add, block, unblock, delete, edit, new password) and the user
search with its eight criteria — each with a refusal explained by the engine."""

from __future__ import annotations

import datetime as dt

import pytest
from demo_page import STEP_MS, one_language, quality_name, role_name, rule_text
from flows import send
from egov_roles import Engine, catalogue, demo_data
from egov_roles.identifiers_gen import niss

pytestmark = pytest.mark.browser

DATASET = demo_data.demo()
PASSWORD_RULES = Engine().execute("engine.catalogue")["data"]["password_rules"]["password"]
NEW_GL_NISS = niss(dt.date(1985, 7, 30), 33)
NEW_CO_RAE_NISS = niss(dt.date(1991, 2, 14), 45)


def person_niss(person_id: str) -> str:
    return DATASET["people"][person_id]["niss"]


def fill_account(form, *, username, password, name, first_name, email, confirm_password=None):
    form.locator("[name=username]").fill(username)
    form.locator("[name=username_confirm]").fill(username)
    form.locator("[name=password]").fill(password)
    form.locator("[name=password_confirm]").fill(confirm_password or password)
    form.locator("[name=name]").fill(name)
    form.locator("[name=first_name]").fill(first_name)
    form.locator("[name=email]").fill(email)


def screen_form(page):
    return page.page.locator(".demo-screen-body form").first


@one_language
def test_activate_a_quality_managed_by_the_rae_himself(demo, lang):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    options = page.page.locator("select[name=type] option").all_inner_texts()
    assert quality_name("employer_onss", lang) not in options  # active already
    assert quality_name("full_service_secretariat", lang) in options
    page.page.select_option("select[name=type]", "full_service_secretariat")
    page.act(lambda: page.page.get_by_role("button", name=page.t("home.activate_next")).click(), "activate")
    page.assert_accessible("activation")
    page.page.check("input[name=gl_choice][value=self]")
    before = page.renders()
    page.page.get_by_role("button", name=page.t("form.next")).click()
    page.page.wait_for_function("t => document.getElementById('demo-heading').textContent === t",
                                arg=page.t("activate.done_title"))
    assert page.renders() == before  # the result replaces the form in place
    assert page.focused("#demo-heading")
    page.wait_live(page.t("activate.done", quality=quality_name("full_service_secretariat", lang), gl="Julien Simons"))
    page.act(lambda: page.page.get_by_role("link", name=page.t("activate.back_to_list")).click(), "home")
    names = page.page.locator(".demo-table tbody th").all_inner_texts()
    assert quality_name("full_service_secretariat", lang) in names


@one_language
def test_activate_a_quality_with_a_new_local_manager(demo, lang):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    page.goto("#/qualities/activate?type=trustee", "activate")
    form = screen_form(page)
    # The trustee's own fields come from the catalogue. A bad enterprise number, a bad e-mail and a
    # bad NISS of the new GL: all three at once, each under its field, in one round.
    form.locator("[name='fields.bankrupt_enterprise_number']").fill("0566988258")
    form.locator("[name='fields.judgment_date']").fill("2024-01-15")
    form.locator("[name=email]").fill("curateur@")
    form.locator("input[name=gl_choice][value=other]").check()
    form.locator("[name=gl_niss]").fill("12345678901")
    send(form)
    error = page.wait_error("form")
    assert error["field"] == "fields.bankrupt_enterprise_number"
    assert page.focused("[name='fields.bankrupt_enterprise_number']")
    for name in ("fields.bankrupt_enterprise_number", "email", "gl_niss"):
        assert page.field_error(f"form [name='{name}']")
    assert page.page.locator(".demo-screen .demo-error li").count() == 3
    form.locator("[name='fields.bankrupt_enterprise_number']").fill("0566988259")
    form.locator("[name=email]").fill("")
    form.locator("[name=gl_niss]").fill(NEW_GL_NISS)
    # The NISS is unknown: the account form follows, NISS filled in (waited for: the engine's answer).
    send(form)
    page.page.wait_for_function("t => document.getElementById('demo-heading').textContent === t",
                                arg=page.t("gl.account_title"), timeout=STEP_MS)
    account = screen_form(page)
    assert account.locator("[name=niss]").input_value().replace(".", "").replace("-", "") == NEW_GL_NISS
    page.assert_accessible("account form")
    # A password against the rules, its confirmation different, the name left empty: one round.
    fill_account(account, username="curateurgl01", password="abcdefghijk", name="", first_name="Els",
                 email="els.janssen@example.be", confirm_password="abcdefghijq")
    send(account)
    page.wait_error("form")
    assert page.field_error("[name=password_confirm]") == page.t("form.confirmation_differs")
    assert page.field_error("form [name=name]") == page.t("form.required")
    assert page.field_error("form [name=password]")
    assert page.focused("form [name=password]")
    account.locator("[name=name]").fill("Janssen")
    account.locator("[name=password]").fill("Curateur.2024")
    account.locator("[name=password_confirm]").fill("Curateur.2024")
    send(account)
    page.page.wait_for_function("t => document.getElementById('demo-heading').textContent === t",
                                arg=page.t("activate.done_title"))
    assert "curateurgl01" in page.page.locator(".demo-screen-body").inner_text()
    # The new local manager logs in with the username and password just created.
    page.act(lambda: page.page.get_by_role("button", name=page.t("bar.logout")).click(), "login")
    page.login_password("curateurgl01", "Curateur.2024", "home")
    assert quality_name("trustee", lang) in page.page.locator(".demo-bar").inner_text()


@one_language
def test_change_the_local_manager_of_a_quality(demo, lang):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    page.goto("#/quality/q-demo-provider/gl", "designate-gl")
    form = screen_form(page)
    # "Designate" without a NISS: said on the NISS field.
    form.locator("input[name=gl_choice][value=other]").check()
    form.locator("button[type=submit]").click()
    page.wait_error("form")
    assert page.field_error("[name=gl_niss]") == page.t("gl.niss_required")
    form.locator("[name=gl_niss]").fill(person_niss("person-lotte"))
    form.locator("button[type=submit]").click()
    # The sitting GL loses the role: the demo names them and asks first (keyboard only from here).
    sitting = next(DATASET["people"][r["person"]] for r in DATASET["roles"].values()
                   if r["kind"] == "gl" and r["quality"] == "q-demo-provider")
    name = f"{sitting['first_name']} {sitting['name']}"
    confirm = page.page.locator(".demo-confirm")
    confirm.wait_for()
    assert confirm.locator("p").inner_text() == page.t("designate.confirm_text", name=name,
                                                         quality=quality_name("service_provider_legal", lang))
    assert page.focused(".demo-confirm p")
    page.page.keyboard.press("Tab")
    assert page.focused(".demo-confirm button") and page.t("designate.confirm", name=name) in confirm.inner_text()
    page.page.keyboard.press("Tab")
    page.page.keyboard.press("Enter")  # "No, keep …": nothing sent, the focus back on the form's button
    confirm.wait_for(state="detached")
    assert page.focused("form button[type=submit]")
    assert page.page.locator("#demo-heading").inner_text() == page.t("designate.title")
    page.page.keyboard.press("Enter")
    confirm.wait_for()
    page.assert_accessible("confirmation of the change of GL")
    page.page.keyboard.press("Tab")
    page.page.keyboard.press("Enter")  # "Yes, replace …"
    page.page.wait_for_function("t => document.getElementById('demo-heading').textContent === t",
                                arg=page.t("designate.done_title"))
    assert "Lotte Peeters" in page.page.locator(".demo-screen-body").inner_text()
    page.wait_live(page.t("designate.replaced", name=name))
    page.act(lambda: page.page.get_by_role("link", name=page.t("activate.back_to_list")).click(), "home")
    row = page.page.locator(".demo-table tbody tr", has_text=quality_name("service_provider_legal", lang))
    assert "Lotte Peeters" in row.inner_text()


@one_language
def test_enterprise_detail_and_the_refused_change_of_rae(demo, lang):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/enterprise']").click(), "enterprise")
    body = page.page.locator(".demo-screen-body").inner_text()
    for value in ("S.A. Demo N.V.", "1234.567.894", "info@demo-sa.be", "juliensimons", "julien.simons@demo-sa.be"):
        assert value in body
    page.assert_accessible("enterprise detail")
    page.page.get_by_role("button", name=page.t("enterprise.change_rae")).click()
    error = page.wait_error("forbidden")
    assert error["rule"] == "rae_change_via_contact_centre"
    assert rule_text("rae_change_via_contact_centre", lang) in error["text"]
    assert role_name("contact_centre", lang) in error["text"]


@one_language
def test_co_rae_add_block_unblock_edit_password_delete(demo, lang):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/co-rae']").click(), "co-rae")
    assert page.page.locator(".demo-table tbody tr").count() == 2
    page.assert_accessible("co-RAE list")
    add = page.page.locator("form", has=page.page.locator("[name=niss]"))
    add.locator("[name=niss]").fill(NEW_CO_RAE_NISS)
    page.act(lambda: add.locator("button[type=submit]").click(), "co-rae-add")
    account = screen_form(page)
    fill_account(account, username="coraenouveau", password="Nouveau.2024", name="Dupont", first_name="Léa",
                 email="lea.dupont@demo-sa.be")
    account.locator("button[type=submit]").click()
    page.page.wait_for_function("t => document.getElementById('demo-heading').textContent === t",
                                arg=page.t("co_rae.added_title"))
    page.act(lambda: page.page.get_by_role("link", name=page.t("co_rae.back")).click(), "co-rae")
    rows = page.page.locator(".demo-table tbody tr")
    assert rows.count() == 3
    new_row = page.page.locator(".demo-table tbody tr", has_text="coraenouveau")
    role = new_row.get_attribute("data-role")

    def bulk(action, roles):
        for r in roles:
            page.page.check(f"input[name=selected][value='{r}']")
        page.page.select_option("select[name=action]", action)
        page.page.get_by_role("button", name=page.t("co_rae.execute")).click()
        confirm = page.page.locator(".demo-confirm")
        confirm.wait_for()
        assert page.focused(".demo-confirm button")
        confirm.get_by_role("button", name=page.t("form.confirm")).click()

    bulk("block", [role, "role-oscar-corae"])
    page.wait_live(page.t("co_rae.done.block.other", count=2))
    assert page.focused("#demo-heading")
    assert page.t("status.blocked") in page.page.locator(f"tr[data-role='{role}']").inner_text()
    assert page.t("status.blocked") in page.page.locator("tr[data-role='role-oscar-corae']").inner_text()
    bulk("unblock", ["role-oscar-corae"])
    page.wait_live(page.tn("co_rae.done.unblock", 1))
    assert page.t("status.active") in page.page.locator("tr[data-role='role-oscar-corae']").inner_text()
    # Edit: a new e-mail address; a malformed one first.
    page.goto(f"#/co-rae/{role}/edit", "co-rae-edit")
    page.assert_accessible("co-RAE edit")
    edit = screen_form(page)
    # The current values are shown (the convention of every edit form); a field emptied clears it.
    assert edit.locator("[name=email]").input_value() == "lea.dupont@demo-sa.be"
    edit.locator("[name=email]").fill("lea.dupont@")
    send(edit)
    error = page.wait_error("form")
    assert error["field"] == "email"
    assert page.field_error("form [name=email]")
    edit.locator("[name=email]").fill("lea.dupont@example.be")
    send(edit)
    page.page.wait_for_function("t => document.getElementById('demo-heading').textContent === t",
                                arg=page.t("co_rae.edited_title"))
    assert "lea.dupont@example.be" in page.page.locator(".demo-screen-body").inner_text()
    # New password: the rules beside the field, the engine's refusal, then a good one.
    page.goto(f"#/co-rae/{role}/password", "co-rae-password")
    rules = page.page.locator(".demo-rules").inner_text()
    assert page.t("rules.password.non_letters", min=PASSWORD_RULES["min_non_letters"]) in rules
    change = screen_form(page)
    change.locator("[name=password]").fill("Court.1")
    change.locator("[name=password_confirm]").fill("Court.1")
    send(change)
    error = page.wait_error("form")
    assert error["field"] == "password"
    assert page.field_error("form [name=password]")
    change.locator("[name=password]").fill("Autre.Mot.2025")
    change.locator("[name=password_confirm]").fill("Autre.Mot.2025")
    page.act(lambda: change.locator("button[type=submit]").click(), "co-rae")
    page.wait_live(page.t("co_rae.password_changed", name="Léa Dupont"))
    bulk("delete", [role])
    page.wait_live(page.tn("co_rae.done.delete", 1))
    assert page.page.locator(f"tr[data-role='{role}']").count() == 0


@one_language
def test_a_co_rae_may_not_act_on_co_raes(demo, lang):
    """The co-RAE sees the list with the refusal explained up front: no form to fill first."""
    page = demo(lang)
    page.as_profile("person-oscar")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/co-rae']").click(), "co-rae")
    error = page.wait_error("forbidden")
    assert error["rule"] == "co_rae_cannot_manage_co_rae"
    assert rule_text("co_rae_cannot_manage_co_rae", lang) in error["text"]
    assert role_name("rae", lang) in error["text"]
    assert "co_rae_cannot_manage_co_rae" not in error["text"]
    assert page.focused(".demo-screen .demo-error")
    assert page.t("status.blocked") in page.page.locator("tr[data-role='role-jules-corae']").inner_text()
    body = page.page.locator(".demo-screen-body")
    assert body.locator("input[name=selected], form").count() == 0
    page.assert_accessible("co-RAE refusal")
    # The screens behind the list's links say the same, without a form.
    page.goto("#/co-rae/role-jules-corae/edit", "co-rae-edit")
    assert page.wait_error("forbidden")["rule"] == "co_rae_cannot_manage_co_rae"
    assert body.locator("form").count() == 0


def engine_search(args: dict) -> int:
    """The number of users the engine finds for these criteria, as the RAE of the demo."""
    engine = Engine(dataset="demo")
    session = engine.execute("session.login", {"method": "eid", "niss": person_niss("person-julien"),
                                               "profile": "role-julien-rae"})["data"]["session"]
    found = engine.execute("users.search", args, session=session)
    assert found["ok"], found
    return found["data"]["total"]


CRITERIA = [
    {"quality": "q-demo-employer"},
    {"username": "kevin"},
    {"name": "smith"},
    {"first_name": "caterina"},
    {"title": "Mme"},
    {"niss": person_niss("person-caterina")[:6]},
    {"language": "nl"},
    {"email": "demo-sa.be"},
    {"quality": "q-demo-employer", "application": "drs"},
]


@one_language
def test_user_search_by_each_criterion(demo, lang):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/search']").click(), "search")
    form = screen_form(page)
    # The applications appear once a quality is chosen.
    assert form.locator("[name=application]").count() == 0
    form.locator("select[name=quality]").select_option("q-demo-employer")
    assert form.locator("select[name=application] option").count() == 1 + len(
        catalogue.quality_type("employer_onss")["applications"])
    for criteria in CRITERIA:
        form = screen_form(page)
        for name in ("username", "name", "first_name", "title", "niss", "email"):
            form.locator(f"[name={name}]").fill(criteria.get(name, ""))
        form.locator("select[name=language]").select_option(criteria.get("language", ""))
        form.locator("select[name=quality]").select_option(criteria.get("quality", ""))
        if "application" in criteria:
            form.locator("select[name=application]").select_option(criteria["application"])
        page.act(lambda: form.locator("button[type=submit]").click(), "search")
        total = engine_search(criteria)
        heading = page.page.locator(".demo-results h3")
        assert heading.inner_text() == page.tn("search.found", total), criteria
        assert page.focused(".demo-results h3")
        assert page.page.locator(".demo-results tbody tr").count() == min(total, 10)
    page.assert_accessible("search results")


@one_language
def test_user_search_paging_and_refusal(demo, lang):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    page.goto("#/search?page=1", "search")
    total = engine_search({})
    assert total > 10
    assert page.t("search.page_of", page=1, pages=2) in page.page.locator(".demo-pager").inner_text()
    page.act(lambda: page.page.get_by_role("link", name=page.t("search.next")).click(), "search")
    assert page.page.locator(".demo-results tbody tr").count() == total - 10
    # Letters in the NISS criterion: the engine refuses, on the NISS field.
    form = screen_form(page)
    form.locator("[name=niss]").fill("abc")
    page.act(lambda: form.locator("button[type=submit]").click(), "search")
    error = page.wait_error("invalid_field")
    assert error["field"] == "niss"
    assert page.focused("form [name=niss]")
    assert page.field_error("form [name=niss]") in error["text"]
