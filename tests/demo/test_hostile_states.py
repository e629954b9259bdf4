"""Hostile saved and shared states: what a stranger's link, a clumsy reader's file or a full
browser storage can bring. Every case ends with the demo usable, a clear notice in the reader's
language, the previous state kept, no console error, no uncaught error, no dialog (the `demo`
fixture checks the page stayed clean).

Each case was a way to break the demo before (issue 16): a link whose state inflates to 50 MB,
a state nested 5,000 deep, states the engine then could not serve, tour and scenario names that
every JavaScript object has, a link opened in a tab already showing the demo, saves refused by
the browser."""

from __future__ import annotations

import base64
import copy
import json
import zlib

import pytest
from demo_page import PATHS, one_language
from egov_roles import demo_data

from tools.check_pages import wait_until_ready

pytestmark = pytest.mark.browser

STORAGE_KEY = "egov-demo/state"
MAX_STATE_MB = 8  # demo/web/store.js MAX_STATE_BYTES
MAX_DEPTH = 24  # demo/web/store.js MAX_DEPTH


def payload(value) -> str:
    """A share link's payload, as store.js encodeShare writes it (deflate-raw, base64url)."""
    text = value if isinstance(value, str) else json.dumps(value)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(text.encode("utf-8")) + packer.flush()
    return "z." + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def saved(engine: dict, ui: dict | None = None) -> dict:
    return {"format": "egov-demo/saved-state", "version": 1, "saved": "2024-03-04T09:00:00Z", "engine": engine,
            "ui": ui or {"session": None, "scenario": None, "tours": {}, "tour": None}}


def demo_state() -> dict:
    return copy.deepcopy(demo_data.demo())


def huge_link() -> str:
    # 50 MB once inflated, some 50 KB in the link.
    head = json.dumps(saved({"schema": "egov-roles/state", "version": 1}))[:-1]
    return payload(head + ', "padding": "' + "a" * 50_000_000 + '"}')


def deep_link() -> str:
    # Written as text: json.dumps itself would recurse 5,000 deep.
    state = demo_state()
    state["qualities"]["q-demo-employer"]["fields"] = "NESTED"
    nested = '{"a": ' * 5000 + '"x"' + "}" * 5000
    return payload(json.dumps(saved(state)).replace('"NESTED"', nested))


def unknown_declaration_link() -> str:
    state = demo_state()
    state["qualities"]["q-demo-employer"]["routing"]["nope"] = {
        "recipient": {"kind": "enterprise"}, "channel": "ebox", "modified": "2024-01-01"}
    return payload(saved(state))


def junk_journal_link() -> str:
    state = demo_state()
    state["journal"].append({"seq": len(state["journal"]) + 1, "at": 5})
    state["outbox"].append({"id": "mail-9", "to": ["a"], "subject": 1})
    return payload(saved(state))


def engine_refusal(page) -> str:
    return page.t("state.problem.engine", message="").strip()


# name -> (link builder, the words the notice must hold)
REFUSED_LINKS = {
    "inflates to 50 MB": (huge_link, lambda page: page.t("state.problem.too_large", size=MAX_STATE_MB)),
    "nested 5,000 deep": (deep_link, lambda page: page.t("state.problem.too_deep", depth=MAX_DEPTH)),
    "unknown declaration": (unknown_declaration_link, engine_refusal),
    "journal and outbox of another shape": (junk_journal_link, engine_refusal),
}


def stored(page) -> dict | None:
    """What the browser keeps, once every save due is done."""
    page.wait_saved()
    text = page.page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY)
    if text is None:
        return None
    value = json.loads(text)
    return {"engine": value["engine"], "ui": value["ui"]}


def kept(before: dict, after: dict) -> bool:
    """The reader's work is there as it was: the same state and interface part; the journal has
    kept every line and may have gained some (the screens shown since, the state's reload: reads
    and state.load are journaled)."""
    def strip(value):
        return {**value, "engine": {k: v for k, v in value["engine"].items() if k != "journal"}}

    journal, again = before["engine"]["journal"], after["engine"]["journal"]
    same = strip(before) == strip(after) and again[:len(journal)] == journal
    if not same:
        print("differs:", [k for k in before["engine"] if before["engine"][k] != after["engine"].get(k)],
              before["ui"], after["ui"])
    return same


def watch_dialogs(page) -> list:
    dialogs: list[str] = []
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return dialogs


def logged_in(page) -> dict:
    """The reader's work before the hostile state arrives: logged in as the RAE, kept."""
    page.as_profile("person-julien", "role-julien-rae")
    kept = stored(page)  # the home screen's reads are journaled: kept too, before it is read
    assert kept["ui"]["session"]
    return kept


def open_again(page, fragment: str) -> None:
    """The demo opened afresh in the same browser (what it kept is there) at `fragment`."""
    wait_until_ready(page.page)  # Material's search index: a navigation in the middle would abort it
    page.page.goto("about:blank")
    page.page.goto(PATHS[page.lang] + fragment)
    page.wait_ready()


def notice(page) -> str:
    return page.page.locator(".demo-notice").inner_text()


@one_language
@pytest.mark.parametrize("case", REFUSED_LINKS)
def test_a_hostile_share_link_is_refused_and_the_kept_state_stays(demo, lang, case):
    build, words = REFUSED_LINKS[case]
    page = demo(lang)
    dialogs = watch_dialogs(page)
    before = logged_in(page)
    open_again(page, f"#/home?state={build()}")
    text = notice(page)
    assert text.startswith(page.t("state.shared_failed")), text
    assert words(page) in text, text
    assert kept(before, stored(page))
    assert page.screen() == "home" and "Julien Simons" in page.page.locator(".demo-bar").inner_text()
    page.goto("#/journal", "journal")  # the journal screen still draws
    assert dialogs == []


@one_language
def test_tour_and_scenario_names_every_object_has_do_not_break_the_panel(demo, lang):
    ui = {"session": None, "scenario": {"name": "__proto__", "since": 0}, "tours": {"constructor": {"since": 0}},
          "tour": "constructor"}
    page = demo(lang, f"#/login?state={payload(saved(demo_state(), ui))}")
    dialogs = watch_dialogs(page)
    assert notice(page) == page.t("state.shared_loaded")
    assert page.page.locator(".demo-coach").is_hidden()
    page.as_profile("person-julien", "role-julien-rae")
    page.goto("#/co-rae", "co-rae")
    assert page.page.locator(".demo-coach").is_hidden()
    kept = stored(page)["ui"]
    assert kept["tour"] is None and kept["tours"] == {} and kept["scenario"] is None
    assert dialogs == []


@one_language
def test_a_share_link_opened_in_the_running_demo_is_read(demo, lang):
    page = demo(lang)
    dialogs = watch_dialogs(page)
    before = logged_in(page)
    # A refused one, while the demo is open: said, and the reader's work goes on.
    page.goto(f"#/home?state={unknown_declaration_link()}", "home")
    text = notice(page)
    assert text.startswith(page.t("state.shared_failed")) and page.t("state.shared_kept_current") in text, text
    assert kept(before, stored(page)) and "state=" not in page.page.evaluate("location.hash")
    # A good one: loaded like at start-up.
    other = demo_state()
    other["enterprises"]["ent-demo"]["name"] = "S.A. Partagée N.V."
    page.goto(f"#/login?state={payload(saved(other))}", "login")
    assert notice(page) == page.t("state.shared_loaded")
    assert stored(page)["engine"]["enterprises"]["ent-demo"]["name"] == "S.A. Partagée N.V."
    assert "state=" not in page.page.evaluate("location.hash")
    assert dialogs == []


REFUSE_SAVES_JS = """name => {
  Storage.prototype.setItem = function () { throw new DOMException("refused by the test", name); };
}"""


@one_language
@pytest.mark.parametrize(("error", "key"), [("QuotaExceededError", "state.save_failed_quota"),
                                           ("SecurityError", "state.save_failed")], ids=["quota", "private"])
def test_a_failed_save_is_said_at_once_and_nothing_claims_to_be_kept(demo, lang, error, key, tmp_path):
    page = demo(lang)
    dialogs = watch_dialogs(page)
    before = logged_in(page)
    with page.page.expect_download() as info:
        page.page.locator(".demo-tools").get_by_role("button", name=page.t("tools.export")).click()
    exported = tmp_path / "exported.json"
    info.value.save_as(exported)
    page.page.evaluate(REFUSE_SAVES_JS, error)
    words = page.t(key, export=page.t("tools.export"))
    # An import: loaded, and said not kept, in the same breath.
    page.act(lambda: page.page.set_input_files(".demo-tools input[type=file]", str(exported)), "home")
    page.wait_live(page.t("tools.imported", name=exported.name))
    page.wait_live(words)
    # Any change after that: said at once, where the state notices are.
    page.goto("#/profile", "profile")
    page.page.locator("input[name=profile]").first.check()
    page.act(lambda: page.page.get_by_role("button", name=page.t("profile.submit"), exact=True).click(), "home")
    page.page.wait_for_function("t => document.querySelector('.demo-notice').textContent.includes(t)", arg=words)
    assert kept(before, stored(page))
    assert dialogs == []


@one_language
def test_a_file_too_large_is_refused_before_it_is_read(demo, lang, tmp_path):
    page = demo(lang)
    before = logged_in(page)
    big = tmp_path / "big.json"
    head = json.dumps(saved(demo_state()))[:-1]
    big.write_text(head + ', "padding": "' + "a" * (MAX_STATE_MB * 1024 * 1024) + '"}', encoding="utf-8")
    page.page.set_input_files(".demo-tools input[type=file]", str(big))
    page.page.wait_for_function("() => !document.querySelector('.demo-tools .demo-error').hidden")
    shown = page.page.locator(".demo-tools .demo-error").inner_text()
    assert page.t("tools.import_failed") in shown and page.t("state.problem.too_large", size=MAX_STATE_MB) in shown
    assert kept(before, stored(page))


# What the engine's worker says once the interpreter has failed under it (demo/runtime/worker.js,
# answer): sent from inside the worker, through the same channel.
WORKER_FAILS_JS = "() => postMessage({ type: 'failed', message: 'fatal error: RangeError: Maximum call stack size exceeded' })"


@one_language
def test_a_failed_engine_is_said_and_the_kept_state_stays(demo, lang):
    page = demo(lang)
    dialogs = watch_dialogs(page)
    before = logged_in(page)
    worker = next(w for w in page.page.workers if "/runtime/" in w.url and w.url.endswith("worker.js"))
    worker.evaluate(WORKER_FAILS_JS)
    page.page.wait_for_selector("#demo-app[data-engine-failed=true]")
    assert page.t("state.engine_failed") in notice(page)
    assert page.page.locator(".demo-notice").get_by_role("button", name=page.t("state.reload")).is_visible()
    # The screens say the engine does not answer; nothing is saved over what the browser kept,
    # and the notice stays whatever screen is shown.
    page.goto("#/co-rae")  # whichever screen the frame can show without the engine
    assert page.t("state.engine_failed") in notice(page)
    assert stored(page) == before
    assert dialogs == []
