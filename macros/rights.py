"""Rights tables and "who may do it" boxes, generated from the role engine's policy table
(egov_roles, demo/engine/src/egov_roles/data/policy.json). Nobody types a right in a page: a
change to the table changes every page at the next build.

Macros:
- who_may(action): an admonition listing the roles allowed, their scope and the rule, plus the
  particular refusals (co-RAE, legal representative...) with their explanation.
- rights_matrix(scope="all"): one table per level (enterprise, quality, account, assignment) with
  one row per action and one column per role; refusals that have their own rule get a lettered
  note under the table.
- reach_table(): which applications each role reaches.
"""

from __future__ import annotations

import egov_roles
from egov_roles import policy

from .common import fact, page_language, texts

COLUMNS = ("legal_rep", "rae", "co_rae", "gl", "co_gl", "user")
LEVELS = ("enterprise", "quality", "account", "assignment")



def _indent(lines: list[str]) -> str:
    return "\n".join(("    " + line) if line else "" for line in lines)


def who_may_markdown(action: str, lang: str) -> str:
    if action not in policy.action_ids():
        raise ValueError(f"who_may: unknown action {action!r}; known: {', '.join(policy.action_ids())}")
    text = texts(lang, "rights")
    colon = fact(lang, "colon")
    table = policy.data()
    info = egov_roles.who_may(action)
    lines: list[str] = []
    shown = [item for item in info["allowed"] if item["role"] != "person"]
    if len(shown) == len(COLUMNS) and len({item["scope"] for item in shown}) == 1:
        # every role alike: one line instead of six identical ones
        lines.append(f"- **{text['everyone']}**{colon} {table['scopes'][shown[0]['scope']][lang]}")
    elif info["allowed"]:
        for item in info["allowed"]:
            if item["role"] == "person":
                continue  # "every account" already covers someone logged in without a profile
            scope = table["scopes"][item["scope"]][lang]
            lines.append(f"- **{policy.role_name(item['role'], lang)}**{colon} {scope}")
    else:
        lines.append(f"- {text['nobody']}")
    lines += ["", f"**{text['why']}**{colon} {policy.explanation(info['rule'], lang)}"]
    refused = [r for r in info["refused"] if r["rule"] != info["rule"] and r["role"] != "person"]
    if refused:
        lines += ["", f"**{text['refused']}**{colon}", ""]
        for item in refused:
            lines.append(f"- **{policy.role_name(item['role'], lang)}**{colon} "
                         f"{policy.explanation(item['rule'], lang)}")
    if info["instead"]:
        names = ", ".join(policy.role_name(who, lang) for who in info["instead"])
        lines += ["", f"**{text['instead']}**{colon} {names}."]
    return f'!!! info "{text["title"]}"\n\n{_indent(lines)}\n'


def _cell(row: dict, lang: str, notes: dict[str, str]) -> str:
    text = texts(lang, "rights")
    if row["allowed"]:
        return f"{text['yes']} ({text['scope_short'][row['scope']]})"
    if row["rule"] == policy.DEFAULT_RULE:
        return text["no"]
    letter = notes.setdefault(row["rule"], "abcdefghijklmnopqrstuvwxyz"[len(notes)])
    return f"{text['no']} ({letter})"


def matrix_markdown(level: str, lang: str) -> str:
    text = texts(lang, "rights")
    colon = fact(lang, "colon")
    rows = [r for r in policy.rows() if r["level"] == level]
    by_action: dict[str, dict[str, dict]] = {}
    for row in rows:
        by_action.setdefault(row["action"], {})[row["role"]] = row
    header = [text["action"]] + [policy.role_name(role, lang, short=True) for role in COLUMNS]
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    notes: dict[str, str] = {}
    for action_id, cells in by_action.items():
        label = policy.action(action_id)[lang]
        out.append("| " + " | ".join([label] + [_cell(cells[role], lang, notes) for role in COLUMNS]) + " |")
    if notes:
        out += ["", f"{text['notes']}{colon}", ""]
        out += [f"- ({letter}) {policy.explanation(rule, lang)}" for rule, letter in notes.items()]
    return "\n".join(out) + "\n"


def rights_markdown(scope: str, lang: str) -> str:
    if scope == "all":
        parts = [texts(lang, "rights")["legend"] + "\n"]
        for level in LEVELS:
            parts.append(f"### {policy.data()['levels'][level][lang]}\n")
            parts.append(matrix_markdown(level, lang))
        return "\n".join(parts)
    if scope == "legend":
        return texts(lang, "rights")["legend"] + "\n"
    if scope not in LEVELS:
        raise ValueError(f"rights_matrix: scope must be 'all', 'legend' or one of {LEVELS}, not {scope!r}")
    return matrix_markdown(scope, lang)


def reach_markdown(lang: str) -> str:
    text = texts(lang, "rights")
    out = [f"| {text['role']} | {text['reach']} |", "|---|---|"]
    for role in COLUMNS:
        out.append(f"| {policy.role_name(role, lang)} | {policy.reach(role)[lang]} |")
    return "\n".join(out) + "\n"


def define_env(env):
    @env.macro
    def who_may(action: str) -> str:
        return who_may_markdown(action, page_language(env))

    @env.macro
    def rights_matrix(scope: str = "all") -> str:
        return rights_markdown(scope, page_language(env))

    @env.macro
    def reach_table() -> str:
        return reach_markdown(page_language(env))
