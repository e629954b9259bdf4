"""Every configured site language is complete: its pages (docs/<lang>/ mirrors the default's), its
navigation titles, its texts in data/ (lexicon, wizard, official pages, data/languages.yml), the
engine's rule explanations, role names, scopes, quality catalogue, password rules and message
templates, and the demo's labels, journal, tours, scenarios and task texts.

One assertion per language, listing everything missing (tools/language_check.py; run it as
`uv run --frozen python -m tools.language_check <lang>` while translating). No browser, no build.
"""

from __future__ import annotations

import copy

import pytest

from tools import language_check
from tools.languages import DEFAULT, LANGUAGES, OTHERS, i18n_languages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_is_complete(lang):
    holes = language_check.missing(lang)
    assert not holes, f"{lang}: {len(holes)} texts, pages or settings missing:\n  " + "\n  ".join(holes)


# --- the check itself finds holes -----------------------------------------------------------------

SAMPLE = {
    "rules": {
        "a": {DEFAULT: "texte", "xx": "text"},
        "b": {DEFAULT: "texte"},                                      # no xx at all
        "c": {DEFAULT: {"term": "t", "definition": "d"}, "xx": {"term": "t"}},  # a key missing inside
        "d": {DEFAULT: "texte", "xx": ""},                            # empty
        "e": {DEFAULT: {"term": "t", "abbr": "T"}, "xx": {"term": "t"}},        # abbr is optional
    },
    "roles": [{"id": "rae", f"short_{DEFAULT}": "RAE"}],              # short_xx missing
}


def test_the_check_lists_every_hole_of_a_data_file():
    holes = language_check.language_holes(SAMPLE, "xx", "sample.json")
    assert holes == [
        "sample.json rules.b.xx: missing",
        "sample.json rules.c.xx.definition: missing",
        "sample.json rules.d.xx: empty",
        "sample.json roles[rae].short_xx: missing",
    ]
    complete = copy.deepcopy(SAMPLE)
    complete["rules"]["b"]["xx"] = "text"
    complete["rules"]["c"]["xx"]["definition"] = "d"
    complete["rules"]["d"]["xx"] = "text"
    complete["roles"][0]["short_xx"] = "RAE"
    assert language_check.language_holes(complete, "xx", "sample.json") == []


def test_the_check_finds_an_untranslated_navigation_title():
    config = f"""
plugins:
  - i18n:
      languages:
        - locale: {DEFAULT}
          default: true
        - locale: xx
          nav_translations:
            Premiers pas: First steps
nav:
  - index.md
  - Premiers pas:
      - start/new-rae.md
  - Référence:
      - reference/commands.md
"""
    assert [e["locale"] for e in i18n_languages(config)] == [DEFAULT, "xx"]
    assert language_check.missing_nav_translations("xx", config) == [
        "mkdocs.yml i18n xx.nav_translations: 'Référence' missing"]


def test_the_check_finds_a_missing_page(tmp_path, monkeypatch):
    (tmp_path / DEFAULT / "rae").mkdir(parents=True)
    (tmp_path / DEFAULT / "rae" / "index.md").write_text("# RAE\n", encoding="utf-8")
    (tmp_path / DEFAULT / "help.md").write_text("# Aide\n", encoding="utf-8")
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "help.md").write_text("# Help\n", encoding="utf-8")
    monkeypatch.setattr(language_check, "DOCS", tmp_path)
    assert language_check.missing_pages("xx") == ["docs/xx/rae/index.md: page missing"]


def test_every_data_file_of_the_check_has_texts_in_the_default_language():
    """A file renamed or restructured would make its part of the check silently empty."""
    for path in language_check.DATA_FILES:
        data = language_check._load(path)
        probe = language_check.language_holes(data, "xx-probe", path.name)
        assert probe, f"{path}: no block keyed by {DEFAULT!r} found: the check sees nothing there"


def test_other_languages_are_configured():
    assert DEFAULT in LANGUAGES and OTHERS, "mkdocs.yml's i18n block lists a single language"
