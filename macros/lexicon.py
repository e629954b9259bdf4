"""The lexicon: one data file (data/lexicon.yml) becomes the lexicon page of each language and
the hover definitions of every page (Markdown abbreviations appended after the macros ran)."""

from __future__ import annotations

import re

from .common import LANGUAGES, fact, load_data, page_language, texts



def entries() -> list[dict]:
    data = load_data("lexicon")["entries"]
    ids = [e["id"] for e in data]
    if len(ids) != len(set(ids)):
        raise ValueError("data/lexicon.yml: duplicate ids")
    for entry in data:
        for lang in LANGUAGES:
            if lang not in entry or not entry[lang].get("term") or not entry[lang].get("definition"):
                raise ValueError(f"data/lexicon.yml: entry {entry['id']!r} lacks term or definition in {lang}")
        for rel in entry.get("related", []):
            if rel not in ids:
                raise ValueError(f"data/lexicon.yml: entry {entry['id']!r} relates to unknown {rel!r}")
    return data


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def hover_text(entry: dict, lang: str) -> str:
    item = entry[lang]
    text = f"{item['term']}: {_one_line(item['definition'])}"
    if item.get("current"):
        text += f" ({texts(lang, 'lexicon')['current']}: {item['current']})"
    return text


def abbreviations(lang: str) -> list[tuple[str, str]]:
    """(word, hover text) pairs for the page language: each abbreviation, term and alias."""
    pairs: dict[str, str] = {}
    for entry in entries():
        item = entry[lang]
        text = hover_text(entry, lang)
        for word in [item.get("abbr"), item["term"], *item.get("aliases", [])]:
            if word:
                pairs.setdefault(word, text)
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


def choices(lang: str) -> dict:
    """The terms this site chose in a language where no official term was found (may be empty)."""
    return load_data("lexicon").get("choices", {}).get(lang) or {}


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def choices_table(lang: str) -> str:
    """Markdown: the site's own terms in a language, with their form in the other languages."""
    data = choices(lang)
    if not data:
        return ""
    by_id = {e["id"]: e for e in entries()}
    others = [other for other in LANGUAGES if other != lang]
    cols = data["columns"]
    rows = ["| " + " | ".join([cols["term"], *(cols[o] for o in others), cols["note"]]) + " |",
            "|" + " --- |" * (len(others) + 2)]
    for item in data["terms"]:
        if "entry" in item:
            entry = by_id[item["entry"]]
            name = entry[lang]["term"] + (f" ({entry[lang]['abbr']})" if entry[lang].get("abbr") else "")
            term = f"[{name}](#term-{item['entry']})"
            forms = [entry[o]["term"] for o in others]
        else:
            term, forms = item["term"], [item[o] for o in others]
        rows.append("| " + " | ".join([term, *map(_cell, forms), _cell(item.get("note", ""))]) + " |")
    return f"## {data['title']} {{ #chosen-terms }}\n\n{_one_line(data['intro'])}\n\n" + "\n".join(rows) + "\n"


def lexicon_page(lang: str) -> str:
    """Markdown of the whole lexicon, sorted by term in the page language; an entry whose term is
    one of the site's own choices in that language says so and links to their list, which closes
    the page (languages with no such choice have none)."""
    labels = texts(lang, "lexicon")
    colon = fact(lang, "colon")
    by_id = {e["id"]: e for e in entries()}
    chosen = {item["entry"] for item in choices(lang).get("terms", []) if "entry" in item}
    out = []
    for entry in sorted(by_id.values(), key=lambda e: e[lang]["term"].casefold()):
        item = entry[lang]
        title = item["term"] + (f" ({item['abbr']})" if item.get("abbr") else "")
        out.append(f"### {title} {{ #term-{entry['id']} }}\n")
        out.append(_one_line(item["definition"]) + "\n")
        facts = []
        if entry["id"] in chosen:
            facts.append(f"[{choices(lang)['entry_label']}](#chosen-terms)")
        if item.get("current"):
            facts.append(f"{labels['current']}{colon} {item['current']}")
        if item.get("former"):
            facts.append(f"{labels['former']}{colon} {item['former']}")
        if entry.get("related"):
            links = ", ".join(f"[{by_id[r][lang]['term']}](#term-{r})" for r in entry["related"])
            facts.append(f"{labels['related']}{colon} {links}")
        if facts:
            out.append("\n".join(f"- {f}" for f in facts) + "\n")
    table = choices_table(lang)
    if table:
        out.append(table)
    return "\n".join(out)


def current_names_table(lang: str) -> str:
    """Markdown table: the guide's (seed) name of each renamed term and its current public name."""
    labels = texts(lang, "lexicon")
    head = (labels["guide_name"], labels["current"])
    rows = [f"| {head[0]} | {head[1]} |", "| --- | --- |"]
    for entry in entries():
        item = entry[lang]
        if item.get("current"):
            name = item["term"] + (f" ({item['abbr']})" if item.get("abbr") else "")
            rows.append(f"| [{name}](../lexicon.md#term-{entry['id']}) | {item['current']} |")
    return "\n".join(rows) + "\n"


def define_env(env):
    @env.macro
    def lexicon() -> str:
        return lexicon_page(page_language(env))

    @env.macro
    def current_names() -> str:
        return current_names_table(page_language(env))


def on_post_page_macros(env):
    # Appended Markdown abbreviations give a term its definition on hover (and, with Material's
    # content.tooltips, on focus): the definitions stay in the data file. Python-Markdown wraps
    # every occurrence; hooks/lexicon_first_use.py keeps the first of each page.
    lang = page_language(env)
    lines = [f"*[{word}]: {text}" for word, text in abbreviations(lang)]
    # One blank line between definitions: Python-Markdown re-parses the rest of a block after each
    # definition it consumes, so one block of 80 definitions costs ~5x more than 80 one-line blocks.
    env.markdown += "\n\n" + "\n\n".join(lines) + "\n"
