"""No note written for ourselves reaches a reader: the built pages of every language are searched
for the phrases such notes are made of (what "the source" cites, "the scan", screens that "will
complete this page"). Where a list is an example, one plain sentence says so instead."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

# Per language: phrases that speak of our sources or our unfinished work, never to the reader.
INTERNAL = {
    "fr": r"\bla source (?:cite|ne |décrit|montre|dit)|\bles sources?\b|\bscann?(?:é|ée|és|ées)?\b|"
          r"viendront compléter|documentation d'origine|\bla seed\b|\bTODO\b",
    "nl": r"\bde bron (?:noemt|toont|beschrijft|zegt)|\bde bronnen\b|\bscan\b|\bingescand|"
          r"zullen deze pagina aanvullen|oorspronkelijke documentatie|\bTODO\b",
}
LANGS = tuple(INTERNAL)
SECOND = {"nl": "nl"}
TAG = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def pages_of(site: Path, lang: str) -> list[Path]:
    if lang in SECOND:
        return sorted((site / SECOND[lang]).rglob("*.html"))
    skip = {site / other for other in SECOND.values()}
    return sorted(p for p in site.rglob("*.html") if not any(s in p.parents for s in skip))


def visible_text(page: Path) -> str:
    return html.unescape(TAG.sub(" ", page.read_text(encoding="utf-8")))


def test_the_phrases_are_caught():
    assert re.search(INTERNAL["fr"], "Pour cet employeur, la source cite par exemple", re.I)
    assert re.search(INTERNAL["nl"], "De bron toont geen apart scherm", re.I)


@pytest.mark.parametrize("lang", LANGS)
def test_no_internal_note_on_a_public_page(built_site, lang):
    found = []
    pages = pages_of(built_site, lang)
    assert pages, f"no built page for {lang}"
    for page in pages:
        for match in re.finditer(INTERNAL[lang], visible_text(page), re.I):
            found.append(f"{page.relative_to(built_site)}: {match.group(0)!r}")
    assert not found, "notes written for ourselves on public pages:\n" + "\n".join(found)
