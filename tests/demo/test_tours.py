"""Guided tours (demo/web/tours.json, #/tour/<name>): each tour is completed through the
interface, a step being ticked only once the engine's journal shows its action done (opening the
step's screen is not doing it); the progress is kept with the demo's state (a reload, a share
link), a restart counts from then on, a finished tour says so; the tours are reached from the
demo's menu and from the guide's pages, whose links the tour's steps point back to."""

from __future__ import annotations

import json

import pytest
from demo_page import LANGUAGES, READY_MS, ROOT, one_language, quality_name
from flows import (
    demo_module, form_with, journal_commands, niss_of, saved_ui, send, wait_heading, whoami,
)
from tools.languages import home

pytestmark = pytest.mark.browser

TOURS = json.loads((ROOT / "demo" / "web" / "tours.json").read_text(encoding="utf-8"))["tours"]


def steps_shown(page) -> dict[str, bool]:
    return page.page.locator(".demo-tour-step").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.dataset.step, e.dataset.done === 'true']))")


def expected(name: str, done: int) -> dict[str, bool]:
    return {step["id"]: index < done for index, step in enumerate(TOURS[name]["steps"])}


def open_tour(page, name: str) -> None:
    page.goto(f"#/tour/{name}", "tour")


def go(page, step: str, screen: str) -> None:
    """The step's "do it in the demo" link, from the tour's screen."""
    page.act(lambda: page.page.locator(f".demo-tour-step a[data-go='{step}']").click(), screen)


def panel_count(page, name: str, count: int) -> None:
    """The panel above the screens shows `count` steps of the tour done (waits for it)."""
    page.page.wait_for_selector(f".demo-coach-block[data-tour='{name}'][data-count='{count}']", timeout=20_000)


def assert_guide_links_work(page) -> None:
    """Every "read the guide" link of the tour's screen answers 200 on this site."""
    statuses = page.page.evaluate("""async () => Promise.all([...document.querySelectorAll('a[data-guide]')]
        .map(async a => [a.getAttribute('href'), (await fetch(a.href)).status]))""")
    assert statuses and all(status == 200 for _, status in statuses), statuses


def test_rae_tour_completed_through_the_interface(demo):
    page = demo("fr")
    open_tour(page, "rae")
    assert page.heading() == TOURS["rae"]["title"]["fr"]
    assert steps_shown(page) == expected("rae", 0)
    assert "Julien Simons" in page.page.locator(".demo-screen-body").inner_text()
    assert_guide_links_work(page)
    page.assert_accessible("tour")
    # 1. Choose the profile: the link logs Julien in without a profile; only choosing ticks it.
    go(page, "profile", "profile")
    panel_count(page, "rae", 0)
    assert whoami(page)["profile"] is None
    page.choose_profile("role-julien-rae")
    panel_count(page, "rae", 1)
    # 2. The enterprise's detail: the home read the same data, but only the detail page ticks it.
    open_tour(page, "rae")
    assert steps_shown(page) == expected("rae", 1)
    go(page, "enterprise", "enterprise")
    panel_count(page, "rae", 2)
    # 3. Activate a quality (managing it himself): opening the screen is not activating.
    open_tour(page, "rae")
    go(page, "activate", "activate")
    panel_count(page, "rae", 2)
    page.goto("#/qualities/activate?type=full_service_secretariat", "activate")
    page.page.check("input[name=gl_choice][value=self]")
    page.page.get_by_role("button", name=page.t("form.next")).click()
    wait_heading(page, page.t("activate.done_title"))
    panel_count(page, "rae", 3)
    # 4. Designate a local manager for it, from the list of qualities.
    open_tour(page, "rae")
    assert steps_shown(page) == expected("rae", 3)
    go(page, "gl", "home")
    name = quality_name("full_service_secretariat", "fr")
    page.act(lambda: page.page.get_by_role("link", name=page.t("home.designate_gl_for", quality=name)).click(), "designate-gl")
    panel_count(page, "rae", 3)
    designate = form_with(page, "[name=gl_niss]")
    designate.locator("input[name=gl_choice][value=other]").check()
    designate.locator("[name=gl_niss]").fill(niss_of("person-lotte"))
    send(designate)
    # Julien manages the quality himself since step 3: the demo asks before he loses that role.
    confirm = page.page.locator(".demo-confirm")
    confirm.wait_for()
    confirm.get_by_role("button", name=page.t("designate.confirm", name="Julien Simons")).click()
    wait_heading(page, page.t("designate.done_title"))
    panel_count(page, "rae", 4)
    # 5. Add a co-RAE (a person the application knows).
    open_tour(page, "rae")
    go(page, "co_rae", "co-rae")
    add = form_with(page, "[name=niss]")
    add.locator("[name=niss]").fill(niss_of("person-marie"))
    send(add)
    wait_heading(page, page.t("co_rae.added_title"))
    panel_count(page, "rae", 5)
    # 6. Find a user.
    open_tour(page, "rae")
    go(page, "search", "search")
    panel_count(page, "rae", 5)
    criteria = form_with(page, "[name=first_name]")
    criteria.locator("[name=name]").fill("smith")
    page.act(lambda: send(criteria), "search")
    page.page.wait_for_selector(".demo-coach-block[data-tour='rae'][data-finished='true']")
    # The tour's screen: every step ticked, the end said.
    open_tour(page, "rae")
    assert steps_shown(page) == expected("rae", 6)
    finished = page.page.locator(".demo-tour-progress")
    assert finished.get_attribute("data-finished") == "true"
    assert finished.inner_text() == page.t("tour.finished")
    page.assert_accessible("finished tour")
    # A reload keeps it.
    page.page.reload()
    page.wait_ready()
    assert page.screen() == "tour" and steps_shown(page) == expected("rae", 6)
    # A restart counts from now: nothing ticked, until an action is done again.
    page.act(lambda: page.page.get_by_role("button", name=page.t("tour.restart")).click(), "tour")
    page.wait_live(page.t("tour.restarted"))
    assert steps_shown(page) == expected("rae", 0)
    assert saved_ui(page)["tours"]["rae"]["since"] == len(journal_commands(page))
    go(page, "enterprise", "enterprise")
    panel_count(page, "rae", 1)
    open_tour(page, "rae")
    assert steps_shown(page) == {**expected("rae", 0), "enterprise": True}


def test_gl_tour_in_dutch_and_its_progress_in_a_share_link(demo):
    page = demo("nl")
    open_tour(page, "gl")
    assert steps_shown(page) == expected("gl", 0)
    assert_guide_links_work(page)
    page.assert_accessible("tour (nl)")
    # 1. The quality's detail: the link logs Marie in as local manager.
    go(page, "quality", "quality-detail")
    assert whoami(page)["profile"]["id"] == TOURS["gl"]["profile"]
    panel_count(page, "gl", 1)
    # 2. Add a user (known by the application).
    open_tour(page, "gl")
    go(page, "add", "users")
    panel_count(page, "gl", 1)
    add = form_with(page, "input[name=kind]")
    add.locator("[name=niss]").fill(niss_of("person-lotte"))
    send(add)
    wait_heading(page, page.t("members.added_title"))
    panel_count(page, "gl", 2)
    # 3. Block a user.
    open_tour(page, "gl")
    go(page, "block", "users")
    page.page.check("input[name=selected][value='role-kevin-user']")
    page.page.select_option("select[name=action]", "block")
    page.page.get_by_role("button", name=page.t("members.execute")).click()
    page.page.locator(".demo-confirm").get_by_role("button", name=page.t("form.confirm")).click()
    page.wait_live(page.tn("members.done.block", 1))
    panel_count(page, "gl", 3)
    # 4. A new password for a user.
    open_tour(page, "gl")
    go(page, "password", "member-edit")
    panel_count(page, "gl", 3)
    page.goto("#/quality/q-demo-employer/users/role-john-user/password", "member-password")
    change = form_with(page, "[name=password_confirm]")
    change.locator("[name=password]").fill("Smith.2025x")
    change.locator("[name=password_confirm]").fill("Smith.2025x")
    page.act(lambda: send(change), "users")
    panel_count(page, "gl", 4)
    # 5. The technical user.
    open_tour(page, "gl")
    go(page, "technical", "quality-detail")
    tech = form_with(page, "select[name=role]")
    tech.locator("select[name=role]").select_option("role-caterina-user")
    page.act(lambda: send(tech), "quality-detail")
    page.page.wait_for_selector(".demo-coach-block[data-tour='gl'][data-finished='true']")
    open_tour(page, "gl")
    assert steps_shown(page) == expected("gl", 5)
    assert page.page.locator(".demo-tour-progress").inner_text() == page.t("tour.finished")
    # The share link carries the progress with the state.
    link = page.page.evaluate("async (url) => (await import(url)).shareLink('#/tour/gl'.slice(1))", demo_module(page, "store.js"))
    fragment = link[link.index("#"):]
    other = demo("nl", fragment)
    other.page.wait_for_selector("#demo-app[data-screen='tour']", timeout=READY_MS)
    assert steps_shown(other) == expected("gl", 5)


@one_language
def test_tours_from_the_menu_and_the_list(demo, lang):
    page = demo(lang)
    page.as_profile("person-marie")
    page.act(lambda: page.page.locator(".demo-menu a[href='#/tours']").click(), "tours")
    items = page.page.locator("li[data-tour]")
    assert items.evaluate_all("els => els.map(e => e.dataset.tour)") == list(TOURS)
    assert page.t("tours.not_started") in items.first.inner_text()
    page.assert_accessible("tours list")
    page.act(lambda: page.page.locator("li[data-tour='gl'] a").click(), "tour")
    assert page.heading() == TOURS["gl"]["title"][lang]
    assert page.focused("#demo-heading")
    # Stop following it: the panel goes, the progress stays.
    page.act(lambda: page.page.get_by_role("button", name=page.t("tour.stop")).click(), "tours")
    assert saved_ui(page)["tour"] is None and "gl" in saved_ui(page)["tours"]
    assert page.page.locator(".demo-coach").is_hidden()
    assert page.t("tours.progress", count=0, total=len(TOURS["gl"]["steps"])) in page.page.locator("li[data-tour='gl']").inner_text()


def guide_url(lang: str, guide: str) -> str:
    """The address of a guide page (relative to docs/<lang>/) on the site."""
    page = guide.removesuffix(".md").removesuffix("index")
    return home(lang) + (page.rstrip("/") + "/" if page else "")


# Each language opens one tour from its guide page, the tours taking turns: every language and
# every tour once.
GUIDE_TOURS = [(lang, list(TOURS)[i % len(TOURS)])
               for i in range(max(len(LANGUAGES), len(TOURS))) for lang in [LANGUAGES[i % len(LANGUAGES)]]]


@pytest.mark.parametrize(("lang", "name"), GUIDE_TOURS)
def test_guide_page_opens_its_tour(open_page, lang, name):
    probe = open_page(guide_url(lang, TOURS[name]["guide"]))
    link = probe.page.locator(f"a.tour-link[data-tour='{name}']")
    link.focus()
    probe.page.keyboard.press("Enter")
    probe.page.wait_for_selector("#demo-app[data-screen='tour'][data-demo=ready]", timeout=READY_MS)
    assert probe.page.locator("#demo-heading").inner_text() == TOURS[name]["title"][lang]
    assert probe.page.evaluate("document.documentElement.lang").startswith(lang)
    probe.settle()
    assert not probe.report.problems(), probe.report.problems()


def test_unknown_tour_is_explained(demo):
    page = demo("fr")
    page.goto("#/tour/nope", "tour")
    assert page.page.locator("[data-problem=tour]").inner_text() == page.t("tour.unknown")
    page.goto("#/tour/rae/nope", "tour-go")
    assert page.page.locator("[data-problem=tour]").inner_text() == page.t("tour.unknown")
    page.assert_accessible("unknown tour")
