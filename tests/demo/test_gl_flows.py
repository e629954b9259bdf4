"""The local manager's flows (GL, and an RAE or co-GL where the policy lets them or refuses them):
the users of a quality with their filters, pages and bulk actions; adding a user (known or new,
with the account form); editing a user's data and granted applications; a new password; the
co-GLs, whom the GL, the RAE and the co-RAEs manage and a co-GL does not; the quality's detail and technical user; the routing module
and the batch channels. Expected counts come from the engine itself, replaying the same steps."""

from __future__ import annotations

import pytest
from demo_page import one_language, role_name
from flows import (
    DATASET, HOSTILE, HOSTILE_FIRST, PASSWORD_RULES, application, assert_denied, assert_nothing_ran, assert_refused,
    body, fill_account, form_with, logout, new_niss, niss_of, send, wait_heading,
)

from egov_roles import Engine, catalogue, messages

pytestmark = pytest.mark.browser

QUALITY = "q-demo-employer"
USERS = f"#/quality/{QUALITY}/users"


class Mirror:
    """The same steps played on an engine in Python: the counts the page must show."""

    def __init__(self):
        self.engine = Engine(dataset="demo")
        self.session = self.engine.execute("session.login", {"method": "password", "username": "marielambert",
                                                             "password": demo_password(), "profile": "role-marie-gl"})["data"]["session"]

    def run(self, command, args):
        response = self.engine.execute(command, args, session=self.session)
        assert response["ok"], response
        return response["data"]

    def total(self, **filters) -> int:
        return self.run("users.list", {"quality": QUALITY, **filters})["total"]


def demo_password() -> str:
    from egov_roles.demo_data import DEMO_PASSWORD

    return DEMO_PASSWORD


def count_text(page, total: int) -> str:
    return page.tn("members.count", total)


def open_users(page):
    page.act(lambda: page.page.locator(f".demo-menu a[href='{USERS}']").click(), "users")


def add_known(page, person_id: str, apps=()):
    add = form_with(page, "input[name=kind]")
    add.locator("[name=niss]").fill(niss_of(person_id))
    for app in apps:
        add.locator(f"input[name=applications][value='{app}']").check()
    send(add)


def filter_list(page, **values):
    criteria = form_with(page, "[name=status]")
    for name in ("name", "first_name", "username", "niss"):
        criteria.locator(f"[name={name}]").fill(values.get(name, ""))
    for name in ("kind", "status", "application"):
        criteria.locator(f"select[name={name}]").select_option(values.get(name, ""))
    page.act(lambda: send(criteria), "users")


def bulk(page, action: str, roles: list[str]):
    for role in roles:
        page.page.check(f"input[name=selected][value='{role}']")
    page.page.select_option("select[name=action]", action)
    page.page.get_by_role("button", name=page.t("members.execute")).click()
    page.page.locator(".demo-confirm:not([hidden])").wait_for()
    assert page.focused(".demo-confirm button")
    page.page.locator(".demo-confirm").get_by_role("button", name=page.t("form.confirm")).click()


@one_language
def test_users_filters_paging_and_bulk_actions(demo, lang):
    mirror = Mirror()
    page = demo(lang)
    page.as_profile("person-marie")
    open_users(page)
    assert page.page.locator(".demo-members h3").inner_text() == count_text(page, mirror.total())
    page.assert_accessible("users")
    # Three known people added by NISS (the first with an application); one already there is refused.
    for person_id, apps in (("person-lotte", ["drs"]), ("person-pieter", []), ("person-anne", [])):
        add_known(page, person_id, apps)
        wait_heading(page, page.t("members.added_title"))
        mirror.run("user.add", {"person": {"niss": niss_of(person_id)}, "quality": QUALITY, "applications": apps})
        page.act(lambda: page.page.get_by_role("link", name=page.t("members.back")).click(), "users")
    add_known(page, "person-caterina")
    assert_refused(page, "already_has_role", field="person")
    assert page.field_error("form:has(input[name=kind]) [name=niss]")
    assert page.focused("form:has(input[name=kind]) [name=niss]")
    # Pages of ten.
    total = mirror.total()
    assert total > 10
    assert page.t("search.page_of", page=1, pages=2) in page.page.locator(".demo-pager").inner_text()
    page.act(lambda: page.page.get_by_role("link", name=page.t("search.next")).click(), "users")
    assert page.page.locator(".demo-members tbody tr").count() == total - 10
    # Each filter, the counts of the engine.
    for filters in ({"status": "blocked"}, {"kind": "co_gl"}, {"application": "drs"}, {"name": "mart"},
                    {"first_name": "lotte"}, {"username": "kevin"}, {"niss": niss_of("person-emma")[:6]},
                    {"kind": "user", "status": "active", "application": "drs"}):
        filter_list(page, **filters)
        assert page.page.locator(".demo-members h3").inner_text() == count_text(page, mirror.total(**filters)), filters
    # A name typed as markup stays text.
    filter_list(page, name=HOSTILE)
    assert form_with(page, "[name=status]").locator("[name=name]").input_value() == HOSTILE
    assert page.page.locator(".demo-members h3").inner_text() == count_text(page, 0)
    assert_nothing_ran(page)
    # Bulk: block two users, unblock one, delete one.
    filter_list(page)
    bulk(page, "block", ["role-caterina-user", "role-kevin-user"])
    page.wait_live(page.t("members.done.block.other", count=2))
    assert page.focused("#demo-heading")
    for role in ("role-caterina-user", "role-kevin-user"):
        assert page.t("status.blocked") in page.page.locator(f"tr[data-role='{role}']").inner_text()
    bulk(page, "unblock", ["role-kevin-user"])
    page.wait_live(page.tn("members.done.unblock", 1))
    assert page.t("status.active") in page.page.locator("tr[data-role='role-kevin-user']").inner_text()
    lotte = page.page.locator("tr", has_text="lottepeeters").get_attribute("data-role")
    bulk(page, "delete", [lotte])
    page.wait_live(page.tn("members.done.delete", 1))
    assert page.page.locator(f"tr[data-role='{lotte}']").count() == 0
    # Nothing selected: said on the selection.
    page.page.get_by_role("button", name=page.t("members.execute")).click()
    assert page.wait_error("form")["field"] == "selected"
    page.assert_accessible("users after actions")
    # The GL's own row offers no action here: the edit screen says who designates the GL.
    assert page.page.locator("tr[data-role='role-marie-gl'] input, tr[data-role='role-marie-gl'] a").count() == 0
    page.goto(f"{USERS}/role-marie-gl/edit", "member-edit")
    assert page.t("members.gl_note") in body(page)
    assert page.page.locator(".demo-screen-body form").count() == 0


@one_language
def test_add_a_new_user_with_the_account_form(demo, lang):
    page = demo(lang)
    dialogs = []
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.as_profile("person-marie")
    page.goto(USERS, "users")
    add = form_with(page, "input[name=kind]")
    number = new_niss(11, 61)
    add.locator("[name=niss]").fill(number)
    add.locator("input[name=applications][value='drs']").check()
    page.act(lambda: send(add), "member-add")
    page.assert_accessible("account form")
    account = form_with(page, "[name=username_confirm]")
    assert account.locator("[name=niss]").input_value().replace(".", "").replace("-", "") == number
    assert application("drs", lang) in body(page)
    fill_account(account, username="juliensimons", password="Nouveau.2025", name=HOSTILE, first_name=HOSTILE_FIRST,
                 email="new.user@example.be")
    send(account)
    # The live check of the username (engine.validate) already knows it is taken, before sending.
    assert_refused(page, "form", field="username")
    assert page.focused("form [name=username]")
    assert page.field_error("form [name=username]") == messages.render("username_taken", lang, {}, "person.username")
    account.locator("[name=username]").fill("nouvelutilisateur")
    account.locator("[name=username_confirm]").fill("nouvelutilisateur")
    send(account)
    wait_heading(page, page.t("members.added_title"))
    assert page.focused("#demo-heading")
    text = body(page)
    assert HOSTILE in text and HOSTILE_FIRST in text and application("drs", lang) in text
    page.wait_live(page.t("members.added", name=f"{HOSTILE_FIRST} {HOSTILE}"))
    assert_nothing_ran(page)
    page.act(lambda: page.page.get_by_role("link", name=page.t("members.back")).click(), "users")
    row = page.page.locator("tr", has_text="nouvelutilisateur")
    assert HOSTILE in row.inner_text()
    page.goto(f"{USERS}/{row.get_attribute('data-role')}/edit", "member-edit")
    assert page.heading() == page.t("members.edit_title_named", name=f"{HOSTILE_FIRST} {HOSTILE}")
    assert_nothing_ran(page)
    # The new user logs in with what was chosen, and reaches the application granted.
    logout(page)
    page.login_password("nouvelutilisateur", "Nouveau.2025", "home")
    assert application("drs", lang) in body(page)
    assert dialogs == []


@one_language
def test_edit_a_user_applications_and_password(demo, lang):
    page = demo(lang)
    page.as_profile("person-marie")
    page.goto(f"{USERS}/role-caterina-user/edit", "member-edit")
    page.assert_accessible("member edit")
    data = form_with(page, "[name=local_email]")
    assert data.locator("[name=email]").input_value() == DATASET["people"]["person-caterina"]["email"]
    data.locator("[name=email]").fill("caterina@")
    send(data)
    assert_refused(page, "form", field="email")
    assert page.focused("form [name=email]")
    data.locator("[name=email]").fill("c.martini@example.be")
    data.locator("select[name=language]").select_option("nl")
    page.act(lambda: send(data), "member-edit")
    page.wait_live(page.t("members.edited", name="Caterina Martini"))
    data = form_with(page, "[name=local_email]")
    assert data.locator("[name=email]").input_value() == "c.martini@example.be"
    assert data.locator("select[name=language]").input_value() == "nl"
    # Applications: withdraw the DRS, grant Belcotax; the other grant keeps its date.
    apps = form_with(page, "input[name=applications]")
    apps.locator("input[value='drs']").uncheck()
    apps.locator("input[value='belcotax']").check()
    page.act(lambda: send(apps), "member-edit")
    page.wait_live(page.t("members.applications_changed", name="Caterina Martini"))
    kept_date = page.page.evaluate("l => new Date('2019-01-15T12:00:00').toLocaleDateString(l)",
                                   f"{lang}-BE")
    granted = page.page.locator(".demo-screen-body dl").first.inner_text()
    assert f"{application('dmfa_modification', lang)} ({kept_date})" in granted
    assert application("belcotax", lang) in granted and application("drs", lang) not in granted
    assert page.page.locator("input[name=applications][value='belcotax']").is_checked()
    # A new password: the rules beside the field, the engine's refusal, then a good one.
    page.goto(f"{USERS}/role-caterina-user/password", "member-password")
    page.assert_accessible("member password")
    rules = page.page.locator(".demo-rules").inner_text()
    assert page.t("rules.password.length", min=PASSWORD_RULES["min_length"], max=PASSWORD_RULES["max_length"]) in rules
    change = form_with(page, "[name=password_confirm]")
    change.locator("[name=password]").fill("Court.1")
    change.locator("[name=password_confirm]").fill("Court.1")
    send(change)
    assert_refused(page, "form", field="password")
    change.locator("[name=password]").fill("Martini.2025")
    change.locator("[name=password_confirm]").fill("Martini.2025")
    page.act(lambda: send(change), "users")
    page.wait_live(page.t("members.password_changed", name="Caterina Martini"))
    logout(page)
    page.login_password("caterinamartini", "Martini.2025", "profile")


@one_language
def test_co_gl_actions_belong_to_the_gl_and_the_rae(demo, lang):
    page = demo(lang)
    page.as_profile("person-marie")
    page.act(lambda: page.page.locator(f".demo-menu a[href='#/quality/{QUALITY}/co-gl']").click(), "co-gl")
    page.assert_accessible("co-GL list")
    assert page.page.locator(".demo-members tbody tr").count() == 2
    bulk(page, "block", ["role-willem-cogl"])
    page.wait_live(page.tn("members.done.block", 1))
    assert page.t("status.blocked") in page.page.locator("tr[data-role='role-willem-cogl']").inner_text()
    bulk(page, "unblock", ["role-willem-cogl"])
    page.wait_live(page.tn("members.done.unblock", 1))
    # A co-GL added by NISS (a user of the quality already: another role).
    add = form_with(page, "[name=niss]")
    add.locator("[name=niss]").fill(niss_of("person-kevin"))
    send(add)
    wait_heading(page, page.t("members.added_title"))
    assert role_name("co_gl", lang) in body(page) and "kevindumont" in body(page)
    # Edit a co-GL: a title typed as markup stays text.
    page.goto(f"{USERS}/role-willem-cogl/edit", "member-edit")
    data = form_with(page, "[name=local_email]")
    data.locator("[name=title]").fill(HOSTILE)
    page.act(lambda: send(data), "member-edit")
    assert form_with(page, "[name=local_email]").locator("[name=title]").input_value() == HOSTILE
    assert_nothing_ran(page)
    # The co-GL: the entry is marked, the action refused with the rule and who may.
    logout(page)
    page.login_password("willemmertens", "Demo2024.ok", "home")
    entry = page.page.locator(f".demo-menu li:has(a[href='#/quality/{QUALITY}/co-gl'])")
    assert entry.get_attribute("data-state") == "denied"
    # The refusal comes up front, with the list: no form to fill first.
    page.act(lambda: entry.locator("a").click(), "co-gl")
    assert_denied(page, "co_gl", "co_gl.add")
    assert page.page.locator(".demo-screen-body input[name=selected], .demo-screen-body form").count() == 0
    assert page.t("status.blocked") in page.page.locator("tr[data-role='role-nadia-cogl']").inner_text()
    # The RAE who opens the quality acts on its co-GLs as the GL does (seed 000 §1.1.2).
    page.as_profile("person-julien", "role-julien-rae")
    page.goto(f"{USERS}/role-willem-cogl/edit", "member-edit")
    data = form_with(page, "[name=local_email]")
    data.locator("[name=title]").fill("Dr")
    page.act(lambda: send(data), "member-edit")
    assert form_with(page, "[name=local_email]").locator("[name=title]").input_value() == "Dr"
    page.assert_accessible("co-GL edited by the RAE")


@one_language
def test_quality_detail_and_technical_user(demo, lang):
    page = demo(lang)
    page.as_profile("person-marie")
    page.act(lambda: page.page.locator(f".demo-menu a[href='#/quality/{QUALITY}/detail']").click(), "quality-detail")
    page.assert_accessible("quality detail")
    text = body(page)
    for app in catalogue.quality_type("employer_onss")["applications"]:
        assert application(app, lang) in text
    edit = form_with(page, "[name=email]")
    edit.locator("[name=email]").fill(f"{HOSTILE}@example.be")
    send(edit)
    assert_refused(page, "form", field="email")
    assert page.field_error("form [name=email]")
    assert_nothing_ran(page)
    edit.locator("[name=email]").fill("rh@demo-sa.be")
    page.act(lambda: send(edit), "quality-detail")
    assert "rh@demo-sa.be" in page.page.locator(".demo-identification").inner_text()
    # The technical user: a blocked user is refused by the engine, an active one designated.
    tech = form_with(page, "select[name=role]")
    tech.locator("select[name=role]").select_option("role-thomas-user")
    send(tech)
    assert_refused(page, "not_a_user_of_quality", field="role")
    assert page.field_error("form select[name=role]")
    tech.locator("select[name=role]").select_option("role-caterina-user")
    page.act(lambda: send(tech), "quality-detail")
    page.wait_live(page.t("detail.technical_done", name="Caterina Martini"))
    assert "Caterina Martini" in body(page)
    assert page.focused("#demo-heading")


@one_language
def test_routing_module_and_batch_channels(demo, lang):
    page = demo(lang)
    page.as_profile("person-marie")
    page.act(lambda: page.page.locator(f".demo-menu a[href='#/quality/{QUALITY}/routing']").click(), "routing")
    page.assert_accessible("routing")
    sections = page.page.locator(".demo-screen-body section[data-declaration]")
    assert sections.first.get_attribute("data-declaration") == "drs"
    drs = page.page.locator("section[data-declaration='drs']")
    procuration = DATASET["qualities"][QUALITY]["procurations"]["procuration-1"]
    # A mandatary without choosing the procuration: the engine says which field is missing.
    drs.locator("input[name=recipient][value=mandatary]").check()
    send(drs)
    assert_refused(page, "missing_argument", field="procuration")
    assert page.field_error("section[data-declaration='drs'] select[name=procuration]")
    drs.locator("select[name=procuration]").select_option("procuration-1")
    page.act(lambda: send(drs), "routing")
    drs = page.page.locator("section[data-declaration='drs']")
    assert procuration["mandatary_name"] in drs.locator("dl").inner_text()
    assert page.t("routing.channel_by_mandatary") in drs.locator("dl").inner_text()
    # A batch channel whose address is typed as markup, then the DRS sent to it.
    register = form_with(page, "[name=address]")
    register.locator("select[name=kind]").select_option("mqlink")
    register.locator("[name=address]").fill(HOSTILE)
    page.act(lambda: send(register), "routing")
    assert HOSTILE in page.page.locator(".demo-screen-body table").inner_text()
    assert_nothing_ran(page)
    drs = page.page.locator("section[data-declaration='drs']")
    drs.locator("input[name=recipient][value=enterprise]").check()
    option = drs.locator("select[name=channel] option", has_text="MQLink").get_attribute("value")
    drs.locator("select[name=channel]").select_option(option)
    page.act(lambda: send(drs), "routing")
    assert f"MQLink — {HOSTILE}" in page.page.locator("section[data-declaration='drs'] dl").inner_text()
    assert_nothing_ran(page)
    # The RAE who opens the quality gets the routing module too (seed 000 §2, margin of
    # illustration 3: the local manager's menu, illustration 17).
    page.as_profile("person-julien", "role-julien-rae")
    page.goto(f"#/quality/{QUALITY}/routing", "routing")
    drs = page.page.locator("section[data-declaration='drs']")
    drs.locator("input[name=recipient][value=enterprise]").check()
    drs.locator("select[name=channel]").select_option("ebox")
    page.act(lambda: send(drs), "routing")
    assert page.t("routing.ebox") in page.page.locator("section[data-declaration='drs'] dl").inner_text()
    page.assert_accessible("routing (RAE)")
