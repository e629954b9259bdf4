"""No note written for ourselves reaches a reader: the built pages of every language are searched
for the phrases such notes are made of (what "the source" cites, "the scan", screens that "will
complete this page"). Where a list is an example, one plain sentence says so instead."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tools.languages import LANGUAGES, built_pages, fact

# Per language (data/languages.yml, `checks`): phrases that speak of our sources or our unfinished
# work, never to the reader.
INTERNAL = {lang: fact(lang, "checks")["internal_notes"] for lang in LANGUAGES}
TAG = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def visible_text(page: Path) -> str:
    return html.unescape(TAG.sub(" ", page.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_phrases_are_caught(lang):
    assert re.search(INTERNAL[lang], fact(lang, "checks")["internal_notes_sample"], re.I)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_internal_note_on_a_public_page(built_site, lang):
    found = []
    pages = built_pages(built_site, lang)
    assert pages, f"no built page for {lang}"
    for page in pages:
        for match in re.finditer(INTERNAL[lang], visible_text(page), re.I):
            found.append(f"{page.relative_to(built_site)}: {match.group(0)!r}")
    assert not found, "notes written for ourselves on public pages:\n" + "\n".join(found)
