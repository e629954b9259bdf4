"""Terminology is one source: data/lexicon.yml names, per language, the variants a page must not
use in running text (`avoid`), and no page of that language uses one.

What stands between a language's quote marks (data/languages.yml `quotes`: « » in French, " " in
Dutch, „ “ in German: an application's own label, copied as it reads), code, macro calls and
links' targets is left out: those are not the guide's own words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.common import LANGUAGES, fact, load_data

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
QUOTED = "|".join(sorted({f"{re.escape(o)}[^{re.escape(c)}\\n]*{re.escape(c)}"
                          for o, c in (fact(lang, "quotes") for lang in LANGUAGES)}))
NOT_PROSE = re.compile(QUOTED + r"|`[^`\n]*`|\]\([^)\n]*\)|\{\{.*?\}\}|\{[^}\n]*\}", re.S)


def prose(markdown: str) -> str:
    """The page's own words: quoted labels, code, macros and link targets blanked (same length,
    so that line numbers still hold)."""
    return NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)


def blank(pattern: str | None, text: str) -> str:
    if not pattern:
        return text
    return re.sub(pattern, lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def avoid_list(lang: str) -> list[dict]:
    return load_data("lexicon").get("avoid", {}).get(lang, [])


def test_every_language_has_its_list():
    for lang in LANGUAGES:
        assert avoid_list(lang), f"data/lexicon.yml: no `avoid` list for {lang}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_use_the_lexicons_terms(lang):
    found = []
    for path in sorted((DOCS / lang).rglob("*.md")):
        page = prose(path.read_text(encoding="utf-8"))
        for item in avoid_list(lang):
            text = blank(item.get("except"), page)
            for match in re.finditer(item["word"], text):
                use = item["use"]
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(DOCS).as_posix()}:{line}: {match.group(0)!r} -> {use}")
    assert not found, "variants the lexicon says to avoid:\n" + "\n".join(found)


def test_the_check_finds_a_variant():
    """The rules do catch what they are written for (a rule that matches nothing protects nothing)."""
    samples = {"fr": "Le GL ajoute un utilisateur ; le module de routage.", "nl": "De Zorgverstrekker"}
    for lang, sample in samples.items():
        assert any(re.search(item["word"], blank(item.get("except"), prose(sample)))
                   for item in avoid_list(lang)), lang
    right = "Tapez votre nom\n  d'utilisateur, puis « Ajouter un utilisateur »."
    assert "Benutzer" not in prose("Klicken Sie auf „Benutzer hinzufügen“.")  # a German screen label
    assert not any(re.search(item["word"], blank(item.get("except"), prose(right))) for item in avoid_list("fr"))
