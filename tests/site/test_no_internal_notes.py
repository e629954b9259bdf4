"""No note written for ourselves reaches a reader: the built pages of every language are searched
for the phrases such notes are made of (what "the source" cites, "the scan", screens that "will
complete this page"). Where a list is an example, one plain sentence says so instead."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tools.languages import LANGUAGES, built_pages

# Per language: phrases that speak of our sources or our unfinished work, never to the reader.
INTERNAL = {
    "fr": r"\bla source (?:cite|ne |décrit|montre|dit)|\bles sources?\b|\bscann?(?:é|ée|és|ées)?\b|"
          r"viendront compléter|documentation d'origine|\bla seed\b|\bTODO\b",
    "nl": r"\bde bron (?:noemt|toont|beschrijft|zegt)|\bde bronnen\b|\bscan\b|\bingescand|"
          r"zullen deze pagina aanvullen|oorspronkelijke documentatie|\bTODO\b",
    "de": r"\bdie Quelle (?:nennt|zeigt|beschreibt|sagt|erwähnt)|\b(?:die|den|der) Quellen\b|\bScans?\b|"
          r"\b(?:ein)?gescannt|werden diese Seite ergänzen|ursprünglichen? Dokumentation|\bTODO\b",
}
TAG = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def visible_text(page: Path) -> str:
    return html.unescape(TAG.sub(" ", page.read_text(encoding="utf-8")))


def test_the_phrases_are_caught():
    assert re.search(INTERNAL["fr"], "Pour cet employeur, la source cite par exemple", re.I)
    assert re.search(INTERNAL["nl"], "De bron toont geen apart scherm", re.I)
    assert re.search(INTERNAL["de"], "Die Quelle zeigt keinen eigenen Bildschirm", re.I)


def test_every_site_language_has_its_phrases():
    assert set(INTERNAL) >= set(LANGUAGES), f"no phrases for {sorted(set(LANGUAGES) - set(INTERNAL))}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_internal_note_on_a_public_page(built_site, lang):
    found = []
    pages = built_pages(built_site, lang)
    assert pages, f"no built page for {lang}"
    for page in pages:
        for match in re.finditer(INTERNAL[lang], visible_text(page), re.I):
            found.append(f"{page.relative_to(built_site)}: {match.group(0)!r}")
    assert not found, "notes written for ourselves on public pages:\n" + "\n".join(found)
