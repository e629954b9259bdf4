"""Static checks of demo/web: every label the code asks for exists in every site language, and so
does every text of the demo's data (journal, tours, scenarios, the screenshots' alt texts), with
the same {fields}; no label is left unused, no module builds markup from text (innerHTML and the
like) and no module decides by a language's code what only the language's data may say."""

from __future__ import annotations

import json
import re
from pathlib import Path

from demo_page import LABELS, LANGUAGES, POLICY

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


def fields(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w+)\}", text))


def language_faults(where: str, entry: dict) -> list[str]:
    """What a text keyed by language lacks: a site language, a text, a {field} of the first."""
    faults = [f"{where}: no {lang}" for lang in LANGUAGES if not str(entry.get(lang, "")).strip()]
    first = fields(entry.get(LANGUAGES[0], ""))
    faults += [f"{where}: {lang} has the fields {fields(entry[lang])}, {LANGUAGES[0]} {first}"
               for lang in LANGUAGES[1:] if lang in entry and fields(entry[lang]) != first]
    return faults


def texts_by_language(data, where: str = ""):
    """Every object of the data keyed by the default language's code, with where it is."""
    if isinstance(data, dict):
        if LANGUAGES[0] in data:
            yield where, data
            return
        for key, value in data.items():
            yield from texts_by_language(value, f"{where}.{key}" if where else key)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts_by_language(value, f"{where}[{index}]")


def test_every_label_used_exists_in_every_language():
    missing = sorted(k for k in used_keys() if k not in LABELS)
    assert not missing, f"labels missing from i18n.json: {missing}"
    faults = [f for key, entry in LABELS.items() for f in language_faults(key, entry)]
    assert not faults, "\n".join(faults)


DATA_TEXTS = {"journal.json": 61, "tours.json": 15, "scenarios.json": 10, "tasks.json": 16}


def test_every_text_of_the_demo_data_exists_in_every_language():
    """Journal sentences and command names, tours, scenarios and alt texts: all of them, in every
    site language (the counts guard the walk itself: it finds every text the files hold)."""
    faults = []
    for name, at_least in DATA_TEXTS.items():
        found = list(texts_by_language(json.loads((WEB / name).read_text(encoding="utf-8"))))
        assert len(found) >= at_least, (name, len(found))
        faults += [f for where, entry in found for f in language_faults(f"{name}: {where}", entry)]
    assert not faults, "\n".join(faults)


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


def test_no_module_decides_by_a_language_code():
    """Languages are data (the page's <html lang>, the keys of i18n.json, Intl's rules for the
    locale): no `lang === "nl"` branch, no locale written for one language."""
    pattern = re.compile(r"""(?:lang|language)\s*[!=]==?\s*["'][a-z]{2}["']|["'][a-z]{2}-BE["']|\?\.(?:fr|nl|de)\b""")
    comment = re.compile(r"(^|\s)//.*$", re.M)
    runtime = WEB.parent / "runtime"
    sources = {**SOURCES, **{f"runtime/{p.name}": p.read_text(encoding="utf-8") for p in sorted(runtime.glob("*.js"))}}
    offenders = [f"{name}: {m.group(0)}" for name, text in sources.items() for m in pattern.finditer(comment.sub("", text))]
    assert not offenders, offenders


def call_arguments(text: str, start: int) -> str:
    """The text between the parenthesis opened just before `start` and the one that closes it."""
    depth, end = 1, start
    while depth and end < len(text):
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(text[end], 0)
        end += 1
    return text[start:end - 1]


def outer_level(arguments: str) -> str:
    """`arguments` with every call of dom.js's builders (h, append, dl, link, button) cut out:
    what those are given is theirs to handle."""
    builder = re.compile(r"\b(?:h|append|dl|link|button)\(")
    while m := builder.search(arguments):
        inner = call_arguments(arguments, m.end())
        arguments = arguments[:m.start()] + "BUILT" + arguments[m.end() + len(inner) + 1:]
    return arguments


def test_no_missing_part_is_inserted_as_text():
    """The DOM's own append, prepend, before, after, replaceWith and replaceChildren write a null
    argument as the word "null" on the screen (the error box once said "null" under its title);
    a part that may be absent goes through dom.js's append or h(), which leave it out."""
    call = re.compile(r"\.(?:append|prepend|before|after|replaceWith|replaceChildren)\(")
    maybe = re.compile(r"\?[^?:]*:\s*(?:null|undefined)\b|&&|\?\?\s*(?:null|undefined)\b")
    offenders = [f"{name}:{text.count(chr(10), 0, m.start()) + 1}" for name, text in SOURCES.items()
                 for m in call.finditer(text) if maybe.search(outer_level(call_arguments(text, m.end())))]
    assert not offenders, offenders
    # The check itself finds what it looks for.
    assert maybe.search(outer_level('h("p", {}, x), who ? h("p", {}, who) : null'))
    assert not maybe.search(outer_level('h("p", {}, who ? h("b", {}, who) : null)'))
