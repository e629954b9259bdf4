"""The wizard's pages as `mkdocs build --strict` writes them: one per node in each language, linked
to each other and to the guide, with back / home / next on every answer, the same in every site
language, indexed by search, and no address outside the site but the seed's."""

from __future__ import annotations

import json

import pytest
from wizard_html import file_of, read_page, seed_allowlist, url_path

from macros import wizard_tree as wt
from macros.common import LANGUAGES
from macros.official import address_languages, localized
from macros.wizard import page_title
from tools.languages import DEFAULT, OTHERS, entry, home, in_language, language_of

NODES = [n.id for n in wt.nodes()]


def pages(site, lang):
    return {node_id: read_page(site, url_path(node_id, lang)) for node_id in NODES}


@pytest.fixture(scope="module")
def built(built_site):
    return {lang: pages(built_site, lang) for lang in LANGUAGES}


def test_every_node_has_a_page_in_every_language(built_site, built):
    for lang in LANGUAGES:
        for node_id, page in built[lang].items():
            assert file_of(built_site, page.path).is_file()
            assert page.lang == lang, page.path
            assert page.root.get("data-wizard-node") == node_id, page.path
            assert page.title.startswith(page_title(node_id, lang)), page.path
            assert page.h1, f"{page.path}: no title on the page"
    # nothing generated beyond the tree
    for lang in LANGUAGES:
        written = sorted(p for p in (built_site / home(lang).lstrip("/") / "wizard").rglob("index.html"))
        assert len(written) == len(NODES), lang


def test_every_link_of_a_page_leads_to_a_built_page_of_its_language(built_site, built):
    for lang in LANGUAGES:
        for page in built[lang].values():
            for path in page.internal():
                assert file_of(built_site, path).is_file(), f"{page.path} -> {path}"
                assert language_of(path) == lang, f"{page.path} -> {path}"


def test_every_answer_offers_back_home_and_a_next_step(built):
    for lang in LANGUAGES:
        for item in wt.nodes():
            if item.kind != "answer":
                continue
            page = built[lang][item.id]
            back = [link for link in page.by_class("wizard-back")]
            home = [link for link in page.by_class("wizard-home")]
            assert len(back) == 1 and len(home) == 1, page.path
            assert read_abs(page, back[0].href) == url_path(item.profile["id"], lang)
            assert read_abs(page, home[0].href) == url_path("start", lang)
            steps = [read_abs(page, link.href) for link in page.within("wizard-choices")]
            assert steps, f"{page.path}: no next step"
            assert all(step.startswith(url_path("start", lang)) and step != page.path for step in steps)


def read_abs(page, href: str) -> str:
    from urllib.parse import urljoin, urlsplit

    return urlsplit(urljoin(page.path, href)).path


@pytest.mark.parametrize("lang", OTHERS)
def test_pages_have_the_same_shape_in_every_language(built, lang):
    for node_id in NODES:
        default, other = built[DEFAULT][node_id], built[lang][node_id]
        assert [in_language(p, DEFAULT) for p in other.internal()] == default.internal(), node_id
        assert len(other.external()) == len(default.external()), node_id
        assert [link.classes for link in other.links] == [link.classes for link in default.links], node_id


def test_external_links_are_the_seeds_addresses_only(built):
    """A seed address, or a seed address with its language part set to the page's language."""
    seeds = seed_allowlist()
    allowed = seeds | {localized(url, lang) for url in seeds for lang in LANGUAGES}
    seen = set()
    for lang in LANGUAGES:
        for page in built[lang].values():
            for href in page.external():
                assert href in allowed, f"{page.path}: {href}"
                seen.add(href)
            for link in page.by_class("wizard-external"):
                assert link.href in allowed, f"{page.path}: {link.href}"
    assert seen, "no external link at all: the reader is never sent to the official sites"


def test_external_links_open_in_the_readers_language(built):
    """A reader never lands on an official page in another site language."""
    for lang in LANGUAGES:
        for node_id in NODES:
            for href in built[lang][node_id].external():
                assert address_languages(href) <= {lang}, f"{lang}/{node_id}: {href}"


def test_the_language_check_sees_each_kind_of_address():
    assert address_languages("http://kbopub.economie.fgov.be/kbopub/zoekwoordenform.html?lang=nl") == {"nl"}
    assert address_languages("https://iamapps.belgium.be/rma/generalinfo?language=fr&redirectUrl=/rma/") == {"fr"}
    assert address_languages("https://www.socialsecurity.be/site_fr/employer/infos/index.htm") == {"fr"}
    assert localized("https://iamapps.belgium.be/sma/generalinfo?language=fr&redirectUrl=/", "nl") == (
        "https://iamapps.belgium.be/sma/generalinfo?language=nl&redirectUrl=/")


def test_the_language_switch_leads_to_the_same_step(built):
    for node_id in NODES:
        for lang in LANGUAGES:
            for other in LANGUAGES:
                if other != lang:
                    assert built[lang][node_id].hreflang.get(other) == built[other][node_id].path, (lang, other, node_id)


def nav_title(lang: str, title: str) -> str:
    """A navigation title of mkdocs.yml (written in the default language) as the language shows it."""
    return entry(lang).get("nav_translations", {}).get(title, title)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_wizard_is_in_the_navigation(built, lang):
    assert any(
        text == nav_title(lang, "Assistant") and read_abs(built[lang]["start"], href) == home(lang) + "wizard/"
        for text, href in built[lang]["start"].nav_links
    )


def test_search_indexes_every_page_in_its_language(built_site):
    """Each language has its own search index (hooks/search_language.py): the default language's at
    the root, the others' under their prefix, their locations relative to it."""
    for lang in LANGUAGES:
        prefix = home(lang).lstrip("/")  # "" or "nl/"
        index = json.loads((built_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = {prefix + doc["location"].split("#")[0] for doc in index["docs"]}
        for node_id in NODES:
            assert url_path(node_id, lang).lstrip("/") in locations, (lang, node_id)


def test_sitemap_lists_the_pages_with_their_twin(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for node_id in NODES:
        for lang in LANGUAGES:
            assert url_path(node_id, lang) + "</loc>" in sitemap, (lang, node_id)
