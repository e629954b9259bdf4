"""External links open in the reader's language: on every built page of a language, no link leads
to an official page in another language (socialsecurity.be's site_xx, the KBO Public Search's
lang=, the federal applications' language=, csam.be's /xx/), and the help page gives the contact
centre's web page in the page's language beside its phone and hours."""

from __future__ import annotations

import re

import pytest

from macros.official import address_languages, links, localized
from tools.languages import LANGUAGES, built_pages, prefix
HREF = re.compile(r"""<a\b[^>]*\bhref=["'](https?://[^"']+)["']""", re.I)


def test_every_official_address_names_its_language():
    """Each data address opens in its own language (a copy of the French address on the Dutch side
    would send Dutch readers to a French page)."""
    for key, by_lang in links().items():
        for lang, url in by_lang.items():
            assert address_languages(url) <= {lang}, f"{key} ({lang}): {url}"


def test_the_language_check_sees_each_kind_of_address():
    assert address_languages("http://kbopub.economie.fgov.be/kbopub/zoekwoordenform.html?lang=nl") == {"nl"}
    assert address_languages("https://iamapps.belgium.be/rma/generalinfo?language=fr&redirectUrl=/rma/") == {"fr"}
    assert address_languages("https://www.socialsecurity.be/site_fr/employer/infos/index.htm") == {"fr"}
    assert address_languages("https://www.csam.be/nl/beheer-toegangsbeheerders.html") == {"nl"}
    assert localized("https://www.socialsecurity.be/site_fr/a.htm?lang=fr", "nl") == (
        "https://www.socialsecurity.be/site_nl/a.htm?lang=nl")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_external_links_open_in_the_readers_language(built_site, lang):
    wrong, seen = [], 0
    for page in built_pages(built_site, lang):
        for url in HREF.findall(page.read_text(encoding="utf-8")):
            if url.startswith("http://127.0.0.1"):
                continue
            seen += 1
            if not address_languages(url) <= {lang}:
                wrong.append(f"{page.relative_to(built_site)}: {url}")
    assert seen, f"no external link on the {lang} pages"
    assert not wrong, "links to an official page in another language:\n" + "\n".join(wrong)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_page_gives_the_contact_centres_web_page(built_site, lang):
    text = (built_site / prefix(lang) / "help" / "index.html").read_text(encoding="utf-8")
    assert links()["contact-centre"][lang] in text
    assert "02 511 51 51" in text
