"""The policy table (data/policy.json) and the only place where the engine decides whether an
actor may do something.

Two questions, both answered from the table:
- `decide(role, action)`: may a profile of this kind do this action at all, and within which
  scope? (A role absent from an action's allow and deny lists is refused by 'role_not_allowed'.)
- `scope_refusal(scope, ...)`: is the target of the command inside that scope?
`rows()` flattens the table (action x role) for the site and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from . import messages
from .resources import load_json

ROLE_ORDER = ("legal_rep", "rae", "co_rae", "gl", "co_gl", "user", "person")
LEVEL_ORDER = ("enterprise", "quality", "account", "assignment")
DEFAULT_RULE = "role_not_allowed"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    action: str
    role: str
    rule: str
    scope: str | None = None
    instead: tuple[str, ...] = field(default_factory=tuple)


def data() -> dict:
    return _checked()


@lru_cache(maxsize=1)
def _checked() -> dict:
    """Load the table once and refuse an inconsistent one (unknown role, scope or rule)."""
    table = load_json("policy")
    problems = []
    seen = set()
    for action in table["actions"]:
        aid = action["id"]
        if aid in seen:
            problems.append(f"duplicate action {aid}")
        seen.add(aid)
        if action["level"] not in table["levels"]:
            problems.append(f"{aid}: unknown level {action['level']}")
        if action["rule"] not in table["rules"]:
            problems.append(f"{aid}: unknown rule {action['rule']}")
        for role, scope in action["allow"].items():
            if role not in table["roles"]:
                problems.append(f"{aid}: unknown role {role}")
            if scope not in table["scopes"]:
                problems.append(f"{aid}: unknown scope {scope}")
        for role, rule in action["deny"].items():
            if role not in table["roles"]:
                problems.append(f"{aid}: unknown role {role}")
            if rule not in table["rules"]:
                problems.append(f"{aid}: unknown rule {rule}")
            if role in action["allow"]:
                problems.append(f"{aid}: {role} both allowed and denied")
        for role in action.get("designates", []):
            if role not in table["roles"]:
                problems.append(f"{aid}: unknown role {role} in designates")
        for who in action.get("instead", []):
            if who not in table["roles"] and who not in table["outside_actors"]:
                problems.append(f"{aid}: unknown actor {who} in instead")
    # every text in every message language (a role also has its short name, "short_<lang>")
    texts = [(f"rule {k}", v) for k, v in table["rules"].items()]
    texts += [(f"{part} {k}", v) for part in ("roles", "outside_actors", "scopes", "levels", "reach")
              for k, v in table[part].items()]
    texts += [(f"action {a['id']}", a) for a in table["actions"]]
    for what, entry in texts:
        for lang in messages.LANGUAGES:
            if not entry.get(lang):
                problems.append(f"{what} lacks {lang}")
            if what.startswith("roles ") and not entry.get(f"short_{lang}"):
                problems.append(f"{what} lacks short_{lang}")
    if problems:
        raise ValueError("policy table: " + "; ".join(problems))
    return table


@lru_cache(maxsize=None)
def _actions() -> dict[str, dict]:
    return {a["id"]: a for a in data()["actions"]}


def action_ids() -> list[str]:
    return list(_actions())


def action(action_id: str) -> dict:
    return _actions()[action_id]


def instead_for(action_id: str, role: str | None = None) -> tuple[str, ...]:
    entry = _actions()[action_id]
    if "instead" in entry:
        return tuple(entry["instead"])
    return tuple(r for r in ROLE_ORDER if r in entry["allow"] and r != role)


@lru_cache(maxsize=None)
def decide(role: str, action_id: str) -> Decision:
    entry = _actions()[action_id]
    if role in entry["allow"]:
        return Decision(True, action_id, role, entry["rule"], entry["allow"][role])
    rule = entry["deny"].get(role, DEFAULT_RULE)
    return Decision(False, action_id, role, rule, None, instead_for(action_id, role))


def scope_refusal(scope: str, profile: dict | None, person_id: str, target: dict) -> str | None:
    """The rule that refuses a target outside the scope, or None when the target is inside.

    `target` names what the command touches: its 'enterprise', 'quality' and/or 'person'."""
    if scope == "enterprise":
        if profile is None or target.get("enterprise") != profile["enterprise"]:
            return "outside_enterprise"
    elif scope == "quality":
        if profile is None or target.get("quality") is None or target.get("quality") != profile["quality"]:
            return "outside_quality"
    elif scope == "own":
        if target.get("person") != person_id:
            return "not_own_account"
    elif scope == "invitation":
        return None  # the command checks the invitation code itself
    else:
        raise ValueError(f"unknown scope {scope!r}")
    return None


def explanation(rule_id: str, lang: str) -> str:
    return data()["rules"][rule_id][messages.language(lang)]


def role_name(role: str, lang: str, short: bool = False) -> str:
    lang = messages.language(lang)
    if role in data()["roles"]:
        entry = data()["roles"][role]
        return entry[f"short_{lang}"] if short else entry[lang]
    return data()["outside_actors"][role][lang]


def rows() -> list[dict]:
    """The table flattened: one row per action and role, allowed or not, with the rule that
    decides, its explanation in every language and who could do it instead."""
    out = []
    rules = data()["rules"]
    for entry in data()["actions"]:
        for role in ROLE_ORDER:
            d = decide(role, entry["id"])
            out.append({
                "action": entry["id"], "level": entry["level"], "role": role, "allowed": d.allowed,
                "scope": d.scope, "rule": d.rule,
                "explanation": {lang: rules[d.rule][lang] for lang in messages.LANGUAGES},
                "instead": list(d.instead),
            })
    return out


def who_may(action_id: str) -> dict:
    """Who may do one action: the allowed roles with their scope, the rule, and who acts
    outside the application when nobody in it may."""
    entry = _actions()[action_id]
    return {
        "action": action_id,
        "label": {lang: entry[lang] for lang in messages.LANGUAGES},
        "level": entry["level"],
        "allowed": [{"role": r, "scope": entry["allow"][r]} for r in ROLE_ORDER if r in entry["allow"]],
        "refused": [{"role": r, "rule": entry["deny"][r]} for r in ROLE_ORDER if r in entry["deny"]],
        "rule": entry["rule"],
        "instead": list(entry.get("instead", [])),
    }


def export() -> dict:
    """Everything the site and the demo need: roles, scopes, levels, rules, actions, the flat
    table and the reach of each role (a deep copy)."""
    import copy

    table = copy.deepcopy(data())
    table["role_order"] = list(ROLE_ORDER)
    table["level_order"] = list(LEVEL_ORDER)
    table["rows"] = rows()
    return table


def reach(role: str) -> dict:
    return data()["reach"][role]
