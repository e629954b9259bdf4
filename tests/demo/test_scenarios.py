"""Named scenarios (demo/web/scenarios.json, #/scenario/<name>): each one builds against the engine
in CPython without a refusal and leaves the state it promises (its `expect`, true only once its
commands ran); the guide's scenario() links point to scenarios that exist, on the same pages in
every language, and an unknown name fails the macro; in the browser each scenario opens on its
screen, as its person and profile, with its goal shown, and the goal is marked
reached once done through the interface; a scenario whose command the engine refuses is
explained and leaves the previous state in place."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from demo_page import LANGUAGES, POLICY, ROOT, one_language
from flows import body, form_with, journal_commands, saved_ui, send, wait_heading, whoami

from egov_roles import Engine, policy, state as engine_state
from egov_roles.commands import COMMANDS
from egov_roles.demo_data import demo
from macros import scenarios as macro
from tools.languages import language_of, prefix

SCENARIOS = macro.scenarios()
TASKS = json.loads((ROOT / "demo" / "web" / "tasks.json").read_text(encoding="utf-8"))["tasks"]


# --- the engine, in CPython ---------------------------------------------------------------------

@pytest.mark.parametrize("name", list(SCENARIOS))
def test_scenario_builds_and_holds_what_it_promises(name):
    spec = SCENARIOS[name]
    built = macro.build(name).execute("state.export")["data"]
    assert engine_state.problems(built) == []
    dataset = demo()
    for expect in spec["expect"]:
        assert macro.matching(built, expect["in"], expect["where"]), (name, expect)
    # The promise is the commands' doing: some of it is false in the plain dataset.
    assert any(not macro.matching(dataset, e["in"], e["where"]) for e in spec["expect"]), name
    # Building left nobody logged in, and each command left its line in the journal.
    assert built["sessions"] == {}
    assert [e["command"] for e in built["journal"] if e["command"] in {s["command"] for s in spec["commands"]}] == [
        s["command"] for s in spec["commands"]]


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_reader_can_act_in_the_built_state(name):
    spec = SCENARIOS[name]
    engine = macro.build(name)
    role = engine.state["roles"][spec["profile"]]
    assert role["person"] == spec["person"] and role["status"] == "active"
    niss = engine.state["people"][spec["person"]]["niss"]
    login = engine.execute("session.login", {"method": "eid", "niss": niss, "profile": spec["profile"]})
    assert login["ok"], login
    # What reaches the goal is a command the reader's profile may run (policy table).
    for condition in spec["done"]:
        for command in condition["commands"]:
            action = COMMANDS[command].action
            assert action is None or policy.decide(role["kind"], action).allowed, (name, command)
        assert set(condition.get("kinds", [])) <= set(policy.ROLE_ORDER)


def test_goal_names_come_from_the_built_state():
    for name in SCENARIOS:
        for lang in LANGUAGES:
            text = macro.goal_text(name, lang)
            assert "{" not in text and text.strip(), (name, lang)
    # The invitee's name is not typed anywhere: it is the dataset's.
    people = demo()["people"]
    assert f"{people['person-kevin']['first_name']} {people['person-kevin']['name']}" in macro.goal_text("unblock-user", "nl")


def test_a_refused_command_is_named(monkeypatch):
    broken = {**SCENARIOS["unblock-co-rae"], "commands": [
        {"as": "role-oscar-corae", "command": "co_rae.block", "args": {"role": "role-jules-corae"}}]}
    monkeypatch.setitem(SCENARIOS, "broken", broken)
    with pytest.raises(macro.ScenarioError, match=r"step 1 \(co_rae\.block\): forbidden"):
        macro.build("broken")


class FakeEnv:
    """What mkdocs-macros hands to define_env: a macro registry, the config, the page."""

    def __init__(self, lang: str, src_uri: str):
        self.macros = {}
        self.conf = {"theme": {"language": lang}}
        self.page = type("Page", (), {"file": type("File", (), {"src_uri": src_uri})()})()

    def macro(self, fn):
        self.macros[fn.__name__] = fn
        return fn


def test_scenario_macro_writes_the_link_and_refuses_an_unknown_name():
    env = FakeEnv("nl", "nl/gl/users.md")
    macro.define_env(env)
    text = env.macros["scenario"]("unblock-user")
    assert text.startswith("[Probeer dit geval in de demo](../demo/index.md#/scenario/unblock-user)")
    assert macro.goal_text("unblock-user", "nl") in text
    with pytest.raises(macro.ScenarioError, match="unknown scenario"):
        env.macros["scenario"]("no-such-case")


# --- the built site -----------------------------------------------------------------------------

class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.found.append(dict(attrs))


def site_links(site: Path) -> dict[str, list[dict]]:
    out = {}
    for html in site.rglob("*.html"):
        parser = Links()
        parser.feed(html.read_text(encoding="utf-8"))
        out[html.relative_to(site).as_posix()] = [a for a in parser.found if "#/scenario/" in (a.get("href") or "")]
    return out


def test_every_scenario_link_of_the_site_opens_an_existing_scenario(built_site):
    used = {lang: {} for lang in LANGUAGES}
    for page, links in site_links(built_site).items():
        lang = language_of("/" + page)
        for a in links:
            target, _, fragment = a["href"].partition("#")
            name = re.fullmatch(r"/scenario/([a-z0-9_-]+)", fragment).group(1)
            assert name in SCENARIOS, (page, a["href"])
            demo_page = (built_site / page).parent / target
            assert (demo_page / "index.html").is_file() and demo_page.resolve().name == "demo", (page, a["href"])
            # The demo is the page's language.
            assert demo_page.resolve() == (built_site / prefix(lang) / "demo").resolve(), (page, a["href"])
            if "data-scenario" in a:
                used[lang].setdefault(page.removeprefix(prefix(lang)), set()).add(name)
    # Guide pages (besides the demo page's own list) use every scenario, in the same places in every language.
    for lang in LANGUAGES[1:]:
        assert used[lang] == used[LANGUAGES[0]], lang
    assert set().union(*used[LANGUAGES[0]].values()) == set(SCENARIOS)


# --- in the browser ------------------------------------------------------------------------------

def goal_panel(page, name: str):
    return page.page.locator(f".demo-coach-block[data-scenario='{name}']")


def open_scenario(page, name: str) -> bool:
    """Open a case; when the reader has done something in the demo, the demo asks first (the
    answer is yes here). Returns whether it asked."""
    page.goto(f"#/scenario/{name}")
    asked = page.screen() == "scenario" and page.page.locator("[data-confirm=replace]").count() == 1
    if asked:
        assert SCENARIOS[name]["title"][page.lang] in page.page.locator(".demo-confirm").inner_text()
        page.act(lambda: page.page.click("[data-confirm=replace]"), SCENARIOS[name]["screen"])
    return asked


@pytest.mark.browser
@one_language
def test_each_scenario_opens_on_its_screen_as_its_profile_with_its_goal(demo, lang):
    page = demo(lang)
    # Something done before: the scenario replaces it (and says so).
    page.as_profile("person-marie")
    page.goto("#/quality/q-demo-employer/users", "users")
    for name, spec in SCENARIOS.items():
        # The reader's own work (and the previous case) is not replaced without asking.
        assert open_scenario(page, name), name
        assert page.screen() == spec["screen"], name
        who = whoami(page)
        assert (who["person"]["id"], who["profile"]["id"]) == (spec["person"], spec["profile"]), name
        panel = goal_panel(page, name)
        assert panel.get_attribute("data-goal") == "open", name
        assert macro.goal_text(name, lang) in panel.inner_text(), name
        assert spec["title"][lang] in panel.inner_text()
        page.wait_live(page.t("scenario.ready", title=spec["title"][lang]))
        # The state is the scenario's: its commands ran on the demo data, nothing else before them.
        commands = journal_commands(page)
        assert commands[:1] == ["state.reset"]
        assert [c for c in commands if c in {s["command"] for s in spec["commands"]}] == [s["command"] for s in spec["commands"]]
        assert saved_ui(page)["scenario"]["name"] == name
    page.assert_accessible(f"scenario {name}")


@pytest.mark.browser
def test_unblock_user_goal_reached_through_the_interface_and_kept_on_reload(demo):
    page = demo("fr")
    open_scenario(page, "unblock-user")
    row = page.page.locator("tr[data-role='role-kevin-user']")
    assert page.t("status.blocked") in row.inner_text()
    page.page.check("input[name=selected][value='role-kevin-user']")
    page.page.select_option("select[name=action]", "unblock")
    page.page.get_by_role("button", name=page.t("members.execute")).click()
    page.page.locator(".demo-confirm").get_by_role("button", name=page.t("form.confirm")).click()
    page.wait_live(page.tn("members.done.unblock", 1))
    page.page.wait_for_selector(".demo-coach-block[data-scenario='unblock-user'][data-goal=reached]")
    assert page.t("coach.reached") in goal_panel(page, "unblock-user").inner_text()
    page.page.wait_for_function(
        "t => document.querySelector('.demo-coach [role=status]').textContent.includes(t)",
        arg=page.t("coach.reached_news", goal=macro.goal_text("unblock-user", "fr")))
    page.assert_accessible("goal reached")
    # A reload keeps the scenario and what was done.
    page.page.reload()
    page.wait_ready()
    page.page.wait_for_selector(".demo-coach-block[data-scenario='unblock-user'][data-goal=reached]")
    # Closing the case takes the panel away; the focus goes to the screen's heading.
    goal_panel(page, "unblock-user").get_by_role("button", name=page.t("coach.close")).click()
    page.page.wait_for_selector(".demo-coach", state="hidden")
    page.page.wait_for_function("() => document.activeElement?.id === 'demo-heading'")
    # Saved with the state (the save follows the change a moment later).
    page.page.wait_for_function("() => JSON.parse(localStorage.getItem('egov-demo/state')).ui.scenario === null")


@pytest.mark.browser
def test_unblock_co_rae_and_reset_password_goals_in_dutch(demo):
    page = demo("nl")
    open_scenario(page, "unblock-co-rae")
    assert page.t("status.blocked") in page.page.locator("tr[data-role='role-oscar-corae']").inner_text()
    page.page.check("input[name=selected][value='role-oscar-corae']")
    page.page.select_option("select[name=action]", "unblock")
    page.page.get_by_role("button", name=page.t("co_rae.execute")).click()
    page.page.locator(".demo-confirm").get_by_role("button", name=page.t("form.confirm")).click()
    page.wait_live(page.tn("co_rae.done.unblock", 1))
    page.page.wait_for_selector(".demo-coach-block[data-scenario='unblock-co-rae'][data-goal=reached]")
    # The next case: a password for the user added without one, through her row's edit screen.
    open_scenario(page, "reset-password")
    assert goal_panel(page, "reset-password").get_attribute("data-goal") == "open"
    row = page.page.locator(".demo-members tbody tr", has_text="ninavermeulen")
    role = row.get_attribute("data-role")
    page.goto(f"#/quality/q-demo-employer/users/{role}/password", "member-password")
    assert goal_panel(page, "reset-password").get_attribute("data-goal") == "open"  # opening the screen is not doing it
    change = form_with(page, "[name=password_confirm]")
    change.locator("[name=password]").fill("Vermeulen.2025")
    change.locator("[name=password_confirm]").fill("Vermeulen.2025")
    page.act(lambda: send(change), "users")
    page.page.wait_for_selector(".demo-coach-block[data-scenario='reset-password'][data-goal=reached]")
    page.assert_accessible("goal reached (nl)")


@pytest.mark.browser
@one_language
def test_refused_scenario_is_explained_and_the_previous_state_kept(demo, lang):
    page = demo(lang)
    page.as_profile("person-julien", "role-julien-rae")
    page.goto("#/co-rae", "co-rae")
    before = journal_commands(page)
    # A scenario whose second command the engine refuses: a co-RAE may not block a co-RAE.
    broken = {"scenarios": {"broken": {**SCENARIOS["unblock-co-rae"], "commands": [
        {"as": "role-julien-rae", "command": "user.block", "args": {"role": "role-kevin-user"}},
        {"as": "role-oscar-corae", "command": "co_rae.block", "args": {"role": "role-jules-corae"}},
    ]}}}
    page.page.route("**/scenarios.json", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(broken)))
    page.goto("#/scenario/broken?replace=yes", "scenario")
    note = page.page.locator("[data-problem=build]")
    note.wait_for()
    block = next(a for a in POLICY["actions"] if a["id"] == "co_rae.block")[lang]
    assert page.t("scenario.failed", step=2, command=block, actor="Oscar Smith") in note.inner_text()
    assert page.t("scenario.kept") in note.inner_text()
    error = page.wait_error("forbidden")
    assert error["rule"] == policy.decide("co_rae", "co_rae.block").rule
    # Nothing of the half-built scenario: the journal and the session are the reader's, as before.
    assert journal_commands(page)[:len(before)] == before
    assert "user.block" not in journal_commands(page)
    assert whoami(page)["profile"]["id"] == "role-julien-rae"
    assert page.page.locator(".demo-coach").is_hidden()
    page.assert_accessible("refused scenario")


@pytest.mark.browser
def test_unknown_scenario_and_the_list_of_cases(demo):
    page = demo("nl")
    page.goto("#/scenario/no-such-case", "scenario")
    assert page.page.locator("[data-problem=scenario]").inner_text() == page.t("scenario.unknown")
    page.act(lambda: page.page.get_by_role("link", name=page.t("scenario.to_list")).click(), "tours")
    names = page.page.locator("li[data-scenario]").evaluate_all("els => els.map(e => e.dataset.scenario)")
    assert names == list(SCENARIOS)
    page.act(lambda: page.page.locator("li[data-scenario='accept-invitation'] a").click(), "mailbox")
    wait_heading(page, page.t("mailbox.title"))
    assert macro.goal_text("accept-invitation", "nl") in page.page.locator(".demo-coach").inner_text()
    # The invitation's e-mail, its "accept" button, the code already filled: the goal is reached.
    mail = page.page.locator(".demo-mail[data-kind=invitation]")
    assert mail.count() == 1
    page.act(lambda: mail.get_by_role("link", name=page.t("mailbox.accept")).click(), "accept")
    send(form_with(page, "[name=code]"))
    wait_heading(page, page.t("accept.done_title"))
    assert page.t("accept.done_next") in body(page)
    page.page.wait_for_selector(".demo-coach-block[data-scenario='accept-invitation'][data-goal=reached]")
