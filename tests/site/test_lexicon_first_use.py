"""hooks/lexicon_first_use.py: a term keeps its definition at its first use on the page only."""

from __future__ import annotations

from hooks.lexicon_first_use import first_use_only

QUALITY = '<abbr title="quality: a field of activity">quality</abbr>'
ALIAS = '<abbr title="quality: a field of activity">qualities</abbr>'
RAE = '<abbr title="RAE: the enterprise access manager">RAE</abbr>'


def test_later_uses_of_a_term_become_plain_text():
    html = f"<p>A {QUALITY} and an {RAE}.</p><p>Each {QUALITY} of the {RAE}; two {ALIAS}.</p>"
    assert first_use_only(html) == (
        f"<p>A {QUALITY} and an {RAE}.</p><p>Each quality of the RAE; two qualities.</p>")


def test_a_page_without_terms_is_unchanged():
    html = '<p>No term <abbr title="x">here</abbr> twice.</p>'
    assert first_use_only(html) == html
    assert first_use_only("<p>plain</p>") == "<p>plain</p>"
