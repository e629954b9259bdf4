"""Links from the guide into the demo (#/task/<id>?person=&profile=, demo/web/tasks.json): every
task lands on its screen, logged in as the task's person with the task's profile; the query can
name another person and profile; an unknown task or person is explained, in every site language."""

from __future__ import annotations

import json

import pytest
from urllib.parse import urljoin, urlsplit

from demo_page import LANGUAGES, PATHS, READY_MS, ROOT, one_language
from egov_roles import demo_data
from tools.languages import home

pytestmark = pytest.mark.browser

TASKS = json.loads((ROOT / "demo" / "web" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
DATASET = demo_data.demo()
REFERENCE = {lang: home(lang) + "reference/demo/" for lang in LANGUAGES}


def full_name(person_id: str) -> str:
    person = DATASET["people"][person_id]
    return f"{person['first_name']} {person['name']}"


def whoami(page) -> dict:
    """What the engine says about the demo's session (the token is kept with the demo's state)."""
    return page.page.evaluate("""async () => {
        const api = await import(document.querySelector('script[type=module][src*="demo-app"]').src
          .replace(/main\\.js$/, 'api.js'));
        return (await api.request('session.whoami')).data;
    }""")


def test_task_table_names_dataset_people_and_profiles():
    for task_id, task in TASKS.items():
        # No profile: the task is choosing one (the person must then have several).
        if task["profile"] is None:
            assert sum(r["person"] == task["person"] for r in DATASET["roles"].values()) > 1, task_id
        else:
            assert DATASET["roles"][task["profile"]]["person"] == task["person"], task_id
        for lang in LANGUAGES:
            assert (ROOT / "docs" / lang / task["guide"]).is_file(), (task_id, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_task_link_opens_its_screen_as_its_profile(demo, lang):
    page = demo(lang)
    for task_id, task in TASKS.items():
        page.goto(f"#/task/{task_id}", task["screen"])
        assert page.screen() == task["screen"], task_id
        assert page.heading() and page.heading() != page.t("task.title"), task_id
        who = whoami(page)
        assert who["person"]["id"] == task["person"], task_id
        assert (who.get("profile") or {}).get("id") == task["profile"], task_id
        assert full_name(task["person"]) in page.app.inner_text(), task_id
    page.assert_accessible()


@one_language
def test_link_names_another_person_and_profile(demo, lang):
    page = demo(lang, "#/task/co_rae.list?person=person-oscar&profile=role-oscar-corae")
    page.page.wait_for_selector("#demo-app[data-screen='co-rae']", timeout=20_000)
    who = whoami(page)
    assert (who["person"]["id"], who["profile"]["id"]) == ("person-oscar", "role-oscar-corae")


@one_language
def test_unknown_task_or_person_is_explained(demo, lang):
    page = demo(lang)
    page.goto("#/task/no.such.task", "task")
    assert page.page.locator("[data-problem=task]").inner_text() == page.t("task.unknown")
    page.assert_accessible()
    page.goto("#/task/co_rae.list?person=person-nobody", "task")
    assert page.page.locator("[data-problem=person]").inner_text() == page.t("task.unknown_person")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guide_link_opens_the_task_in_the_demo(open_page, lang):
    """From a task page of the guide, the keyboard follows its link into the demo."""
    probe = open_page(home(lang) + "rae/add-co-rae/")
    link = probe.page.locator("a.try-it")
    link.focus()
    probe.page.keyboard.press("Enter")
    probe.page.wait_for_selector(f"#demo-app[data-screen='{TASKS['co_rae.add']['screen']}']", timeout=READY_MS)
    assert probe.page.evaluate("location.hash") == "#/co-rae"
    probe.settle()
    assert not probe.report.problems(), probe.report.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reference_page_lists_every_task_link(demo, lang):
    """The integrators' page (reference/demo.md) lists one link per task into the demo page,
    which works from there; the demo page readers land on does not list them."""
    page = demo(lang)
    assert page.page.locator("a[href*='#/task/']").count() == 0
    page.page.goto(urljoin(page.page.url, REFERENCE[lang]))
    hrefs = page.page.locator("a[href*='#/task/']").evaluate_all("els => els.map(a => a.href)")
    assert sorted(h.split("#/task/")[1] for h in hrefs) == sorted(TASKS)
    assert {urlsplit(h).path for h in hrefs} == {PATHS[lang]}
    task = TASKS["users.search"]
    page.page.locator("a[href$='#/task/users.search']").click()
    page.page.wait_for_selector(f"#demo-app[data-demo=ready][data-screen='{task['screen']}']", timeout=READY_MS)
    assert whoami(page)["profile"]["id"] == task["profile"]
    page.assert_accessible()
