"""Static checks of demo/web: every label the code asks for exists in French and Dutch, no label
is left unused, and no module builds markup from text (innerHTML and the like)."""

from __future__ import annotations

import re
from pathlib import Path

from demo_page import LABELS, POLICY

WEB = Path(__file__).resolve().parents[2] / "demo" / "web"
SOURCES = {p.relative_to(WEB).as_posix(): p.read_text(encoding="utf-8") for p in sorted(WEB.rglob("*.js"))}
# t("key"), tn("key") and menu entries' label: "key".
LITERAL = re.compile(r"""\b(?:t|tn)\(\s*"([a-z0-9_.]+)"|label:\s*"([a-z0-9_.]+)\"""")
# Keys built in the code from a prefix and a value the engine or the code supplies.
FAMILIES = {
    "home.intro.": [r for r in POLICY["roles"] if r != "person"],
    "status.": ["active", "blocked"],
    "language.": ["fr", "nl", "de", "en"],
    "menu.group.": ["enterprise", "quality", "account", "assignment"],
    "co_rae.action.": ["block", "unblock", "delete"],
    "co_rae.confirm.": [f"{a}.{n}" for a in ("block", "unblock", "delete") for n in ("one", "other")],
    "co_rae.done.": [f"{a}.{n}" for a in ("block", "unblock", "delete") for n in ("one", "other")],
    "state.problem.": ["unreadable", "format", "older", "newer", "engine"],
}
PLURALS = {"co_rae.count", "search.found", "members.count", "journal.count", "mailbox.count"}


def used_keys() -> set[str]:
    keys = set()
    for text in SOURCES.values():
        for a, b in LITERAL.findall(text):
            keys.add(a or b)
    for prefix, values in FAMILIES.items():
        keys.update(prefix + v for v in values)
    for key in PLURALS:
        keys.discard(key)
        keys.update({f"{key}.one", f"{key}.other"})
    return keys


def test_every_label_used_exists_in_both_languages():
    missing = sorted(k for k in used_keys() if k not in LABELS)
    assert not missing, f"labels missing from i18n.json: {missing}"
    for key, entry in LABELS.items():
        assert set(entry) == {"fr", "nl"}, key
        assert entry["fr"].strip() and entry["nl"].strip(), key
        assert sorted(re.findall(r"\{(\w+)\}", entry["fr"])) == sorted(re.findall(r"\{(\w+)\}", entry["nl"])), key


def test_no_label_is_left_unused():
    unused = sorted(set(LABELS) - used_keys())
    assert not unused, f"labels nobody uses: {unused}"


def test_dynamic_families_are_used_by_the_code():
    code = "\n".join(SOURCES.values())
    for prefix in FAMILIES:
        assert f"`{prefix}${{" in code or f'"{prefix}' in code, prefix


def test_no_markup_is_built_from_text():
    pattern = re.compile(r"innerHTML|outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function")
    comment = re.compile(r"(^|\s)//.*$", re.M)  # comments may name what the code avoids
    offenders = [f"{name}: {m.group(0)}" for name, text in SOURCES.items()
                 for m in pattern.finditer(comment.sub("", text))]
    assert not offenders, offenders
