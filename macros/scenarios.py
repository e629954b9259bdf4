"""The guide's links to the demo's named scenarios (demo/web/scenarios.json, the file the demo's
#/scenario/<name> screen reads): `scenario("<name>")` writes "Essayer ce cas dans la démo" /
"Probeer dit geval in de demo" and the scenario's goal in the page's language.

The goal names people and qualities of the state the scenario builds, so each scenario is built
here with the engine, as the demo builds it: the demo dataset, then its commands, each run by the
dataset person holding the role `as`. An unknown name, a command the engine refuses or a name the
state does not hold fails the site's build. `build`, `matching` and `goal_text` also serve the
tests (tests/demo/test_scenarios.py).
"""

from __future__ import annotations

import json
import posixpath
import random
from functools import lru_cache

from egov_roles import Engine, catalogue, runtime
from egov_roles.validators import format_niss

from .common import LANGUAGES, ROOT, page_language, texts

SCENARIOS_FILE = ROOT / "demo" / "web" / "scenarios.json"
# A field `a` of a record holds an id of this collection (the `a->b` notation of scenarios.json).
REFERENCES = {"person": "people", "quality": "qualities", "role": "roles", "enterprise": "enterprises",
              "invitation": "invitations"}
MISSING = object()


class ScenarioError(ValueError):
    pass


@lru_cache(maxsize=1)
def scenarios() -> dict:
    return json.loads(SCENARIOS_FILE.read_text(encoding="utf-8"))["scenarios"]


def spec(name: str) -> dict:
    if name not in scenarios():
        raise ScenarioError(f"unknown scenario {name!r} (demo/web/scenarios.json)")
    return scenarios()[name]


def build(name: str) -> Engine:
    """An engine holding the scenario's state; ScenarioError names the step the engine refused."""
    engine = Engine(dataset="demo", clock=runtime.SteppingClock(), ids=runtime.SequentialIds(), rng=random.Random(0))
    for index, step in enumerate(spec(name)["commands"], start=1):
        role = engine.state["roles"].get(step["as"])
        if role is None:
            raise ScenarioError(f"scenario {name!r}, step {index}: no role {step['as']!r} in the demo dataset")
        niss = engine.state["people"][role["person"]]["niss"]
        login = engine.execute("session.login", {"method": "eid", "niss": niss, "profile": step["as"]})
        if not login["ok"]:
            raise ScenarioError(f"scenario {name!r}, step {index}: login refused: {login['error']['message']}")
        token = login["data"]["session"]
        response = engine.execute(step["command"], step.get("args", {}), token)
        engine.execute("session.logout", {}, token)
        if not response["ok"]:
            error = response["error"]
            raise ScenarioError(f"scenario {name!r}, step {index} ({step['command']}): {error['code']}: {error['message']}")
    return engine


@lru_cache(maxsize=None)
def built_state(name: str) -> dict:
    return build(name).execute("state.export")["data"]


def value_at(state: dict, record: dict, path: str):
    parts = path.split("->")
    value = record.get(parts[0], MISSING)
    for previous, part in zip(parts, parts[1:]):
        target = state[REFERENCES[previous]].get(value) if isinstance(value, str) else None
        if target is None:
            return MISSING
        value = target.get(part, MISSING)
    return value


def matching(state: dict, collection: str, where: dict) -> list[dict]:
    """The records of a state collection whose every `where` field (with `a->b`) has its value."""
    records = state[collection]
    records = records.values() if isinstance(records, dict) else records
    return [r for r in records if all(value_at(state, r, path) == wanted for path, wanted in where.items())]


def _name(state: dict, ref: dict, lang: str) -> str:
    people = state["people"]
    if "person" in ref:
        person = people.get(ref["person"])
    elif "niss" in ref:
        person = next((p for p in people.values() if p["niss"] == ref["niss"]), None)
    elif "niss_of" in ref:
        person = people.get(ref["niss_of"])
        if person is not None:
            return format_niss(person["niss"])
    elif "quality_type" in ref:
        if catalogue.quality_type(ref["quality_type"]) is None:
            raise ScenarioError(f"unknown quality type {ref['quality_type']!r}")
        return catalogue.name(ref["quality_type"], lang)
    else:
        raise ScenarioError(f"unknown name reference {ref!r}")
    if person is None:
        raise ScenarioError(f"no person for {ref!r} in the scenario's state")
    return f"{person['first_name']} {person['name']}"


def goal_text(name: str, lang: str) -> str:
    """The goal in `lang`, its {fields} filled from the scenario's state (as the demo fills it)."""
    scenario = spec(name)
    state = built_state(name)
    values = {key: _name(state, ref, lang) for key, ref in scenario.get("names", {}).items()}
    text = scenario["goal"][lang]
    try:
        return text.format(**values)
    except KeyError as exc:
        raise ScenarioError(f"scenario {name!r}: the goal names {exc} but `names` does not") from None


def demo_target(page_src: str) -> str:
    """The demo page's Markdown source relative to `page_src`: the i18n plugin makes it the demo
    of the page's language."""
    first, _, rest = page_src.partition("/")
    within = rest if first in LANGUAGES else page_src
    return posixpath.relpath("demo/index.md", posixpath.dirname(within) or ".")


def link_markdown(name: str, lang: str, page_src: str) -> str:
    text = texts(lang, "scenarios")
    return (f"[{text['try']}]({demo_target(page_src)}#/scenario/{name}){{ .md-button .try-scenario "
            f"data-scenario=\"{name}\" }} **{text['goal']}** {goal_text(name, lang)}")


def list_markdown(lang: str) -> str:
    """The demo page's own list of the scenarios (fragment links: the demo is this page)."""
    return "\n".join("- " + texts(lang, "scenarios")["list"].format(title=f"**{s['title'][lang]}**", goal=goal_text(name, lang), name=name)
                     for name, s in scenarios().items())


def define_env(env):
    @env.macro
    def scenario(name: str) -> str:
        return link_markdown(name, page_language(env), env.page.file.src_uri)

    @env.macro
    def demo_scenario_links() -> str:
        return list_markdown(page_language(env))
