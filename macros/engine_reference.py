"""The reference page of the role engine's commands, generated from the engine's own catalogue
(egov_roles.command_catalogue), and the username/password rules rendered from the engine's data
(data/password_rules.json), so that neither is typed twice.

Macros:
- command_reference(): every command grouped by family, with its policy action, whether it
  needs a session, whether it is journaled, and its arguments (name, type, required, meaning).
- password_rules(): the username and password rules as a list, in the page language.
"""

from __future__ import annotations

import egov_roles
from egov_roles import messages, policy
from egov_roles.commands.registry import GROUPS
from egov_roles.resources import load_json

from .common import fact, page_language, texts


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def faults_markdown(lang: str) -> str:
    """How a refusal lists every fault, and the bounds of the text fields (data/field_limits.json)."""
    from egov_roles import bounds

    text = texts(lang, "faults")
    limits = bounds.export()
    rules_governed = set(load_json("field_limits")["from_password_rules"])
    rows = []
    for field, bound in limits["fields"].items():
        if field in rules_governed:
            continue
        label = text["quality_field"] if field == "quality_field" else messages.field_label(field, lang)
        rows.append(f"| {label[:1].upper() + label[1:]} | {bound} |")
    for command, fields in limits["per_command"].items():
        rows += [f"| {text['per_command'][f'{command}.{field}']} | {bound} |" for field, bound in fields.items()]
    return "\n".join([f"## {text['title']}\n", text["text"], "", f"| {text['field']} | {text['max']} |", "|---|---|",
                      *rows, f"| {text['other']} | {limits['default']} |", ""]) + "\n"


def reference_markdown(lang: str) -> str:
    text = texts(lang, "command_reference")
    groups = {group: titles[lang] for group, titles in GROUPS.items()}
    colon, semicolon = fact(lang, "colon"), fact(lang, "semicolon")
    commands = egov_roles.command_catalogue()
    out: list[str] = [faults_markdown(lang)]
    for group, title in groups.items():
        members = [c for c in commands if c["group"] == group]
        if not members:
            continue
        out.append(f"## {title}\n")
        for cmd in members:
            out.append(f"### `{cmd['name']}` {{ #{cmd['name'].replace('.', '-').replace('_', '-')} }}\n")
            out.append(cmd["description"][lang] + "\n")
            action = f"`{cmd['action']}` ({policy.action(cmd['action'])[lang]})" if cmd["action"] else text["none"]
            out.append(f"- {text['action']}{colon} {action}")
            out.append(f"- {text['session'][cmd['session']]}{semicolon} {text['journal'][cmd['journaled']]}\n")
            if not cmd["args"]:
                out.append(text["no_args"] + "\n")
                continue
            out.append(f"| {text['arg']} | {text['type']} | {text['required']} | {text['meaning']} |")
            out.append("|---|---|---|---|")
            for arg in cmd["args"]:
                meaning = arg["description"][lang]
                if arg["choices"]:
                    meaning += f" ({text['choices']}{colon} "
                    meaning += ", ".join(f"`{c}`" for c in arg["choices"]) + ")"
                out.append(f"| `{arg['name']}` | {messages.type_name(arg['type'], lang)} | "
                           f"{text['yes'] if arg['required'] else text['no']} | {_escape(meaning)} |")
            out.append("")
    missing = {c["group"] for c in commands} - set(groups)
    if missing:
        raise ValueError(f"command_reference: no title for command groups {sorted(missing)}")
    return "\n".join(out) + "\n"


def password_rules_markdown(lang: str) -> str:
    rules = load_json("password_rules")
    # The rules' words live beside their figures in the engine's data, in every language.
    t = {key: words[lang] for key, words in rules["text"].items() if isinstance(words, dict)}
    pw, user = rules["password"], rules["username"]
    colon = fact(lang, "colon")
    lines = [f"**{t['password']}**{colon}", ""]
    lines.append(f"- {t['length'].format(min=pw['min_length'], max=pw['max_length'])}")
    if not pw["spaces_allowed"]:
        lines.append(f"- {t['no_spaces']}")
    if pw["case_sensitive"]:
        lines.append(f"- {t['case']}")
    lines.append(f"- {t['non_letters'].format(n=pw['min_non_letters'])}")
    lines.append(f"- {t['specials'].format(specials=pw['specials'])}")
    lines += ["", f"**{t['username']}**{colon}", ""]
    lines.append(f"- {t['alphabet']}")
    lines.append(f"- {t['length'].format(min=user['min_length'], max=user['max_length'])}")
    if not user["spaces_allowed"]:
        lines.append(f"- {t['no_spaces']}")
    if user["uppercase_allowed"]:
        lines.append(f"- {t['upper']}")
    return "\n".join(lines) + "\n"


def define_env(env):
    @env.macro
    def command_reference() -> str:
        return reference_markdown(page_language(env))

    @env.macro
    def password_rules() -> str:
        return password_rules_markdown(page_language(env))
