"""Checks of the built site that need no browser: the build, the site's languages, links, hosts."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from sitehtml import Site, css_urls, url_path_of

from hooks.lexicon_first_use import ABBR
from tools.languages import DEFAULT, LANGUAGES, OTHERS, home, in_language, language_of

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NOT_FOUND = {home(lang) + "404.html" for lang in LANGUAGES}  # each language's 404 page (hooks/host.py)


@pytest.fixture(scope="session")
def site_url_config() -> str:
    """The site_url the build used: SITE_URL if the host set it, else mkdocs.yml's default."""
    # A regex rather than a YAML load: mkdocs.yml holds !ENV tags that safe_load refuses.
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"""^site_url:\s*!ENV\s*\[\s*SITE_URL\s*,\s*["']([^"']+)["']\s*\]""", text, re.MULTILINE)
    assert match, "mkdocs.yml has no site_url: !ENV [SITE_URL, default]"
    return os.environ.get("SITE_URL") or match.group(1)


@pytest.fixture(scope="session")
def site(built_site: Path, site_url_config: str) -> Site:
    return Site(built_site, site_url_config)


def default_pages(site: Site) -> list[str]:
    """The default language's built pages (the site's root)."""
    return [p for p in site.rendered if language_of(p) == DEFAULT and p not in NOT_FOUND]


def test_strict_build_passes(site_build):
    assert site_build["ok"], "mkdocs build --strict failed:\n" + site_build["log"][-4000:]


@pytest.mark.parametrize("lang", OTHERS)
def test_every_source_page_has_its_twin(lang):
    pages = {code: {p.relative_to(DOCS / code).as_posix() for p in (DOCS / code).rglob("*.md")} for code in (DEFAULT, lang)}
    assert pages[DEFAULT], f"no page in docs/{DEFAULT}"
    only_default = sorted(pages[DEFAULT] - pages[lang])
    only_other = sorted(pages[lang] - pages[DEFAULT])
    assert not only_default and not only_other, (
        f"pages without a twin: only in {DEFAULT} {only_default}, only in {lang} {only_other}")


def test_every_built_page_has_its_twin(site):
    built = set(site.rendered) - NOT_FOUND
    missing = sorted({in_language(p, lang) for p in built for lang in LANGUAGES} - built)
    assert not missing, f"built pages whose twin is missing: {missing}"


@pytest.mark.parametrize("lang", OTHERS)
def test_navigation_has_the_same_shape_in_every_language(site, lang):
    """On every pair of twin pages, the primary navigation lists the same items at the same depth,
    pointing at twin pages, and sections have translated labels."""
    differences = []
    untranslated = set()
    for page in default_pages(site):
        twin = in_language(page, lang)
        if twin not in site.rendered:
            continue  # reported by test_every_built_page_has_its_twin
        default_nav, twin_nav = site.rendered[page].nav, site.rendered[twin].nav
        default_shape = [(i.depth, i.is_section, i.href) for i in default_nav]
        twin_shape = [(i.depth, i.is_section, i.href and in_language(i.href, DEFAULT)) for i in twin_nav]
        if default_shape != twin_shape:
            diff = next((k for k, (a, b) in enumerate(zip(default_shape, twin_shape)) if a != b),
                        min(len(default_shape), len(twin_shape)))
            differences.append(
                f"{page} vs {twin}: first difference at item {diff}: "
                f"{default_shape[diff] if diff < len(default_shape) else 'end'} / "
                f"{twin_shape[diff] if diff < len(twin_shape) else 'end'}"
            )
        for a, b in zip(default_nav, twin_nav):
            if a.is_section and b.is_section and a.label and a.label == b.label:
                untranslated.add(a.label)
    assert default_pages(site) and site.rendered["/"].nav, "no navigation found in the built home page"
    assert not differences, f"navigation differs between {DEFAULT} and {lang}:\n" + "\n".join(differences[:20])
    assert not untranslated, (f"section labels left untranslated in the {lang} navigation (nav_translations "
                              f"in mkdocs.yml?): {sorted(untranslated)}")


def test_language_switcher_points_at_the_twin_page(site):
    wrong = []
    for path, page in site.rendered.items():
        if path in NOT_FOUND:
            continue
        expected = {lang: in_language(path, lang) for lang in LANGUAGES}
        if page.language_links != expected:
            wrong.append(f"{path}: {page.language_links} (expected {expected})")
    assert not wrong, "language switcher links:\n" + "\n".join(wrong[:20])


def test_each_page_names_its_twins_for_search_engines(site, site_url_config):
    """<link rel=alternate hreflang> to the page itself and its twin, absolute (from site_url),
    x-default the default language's; and the script that keeps Material from fetching
    "<alternate>/sitemap.xml" for them (overrides/main.html) comes before Material's bundle."""
    root = site_url_config.rstrip("/")
    wrong = []
    for path, page in site.rendered.items():
        if path in NOT_FOUND:
            continue
        # each language in the order of mkdocs.yml, then x-default: the default language's
        expected = [root + in_language(path, lang) for lang in LANGUAGES] + [root + in_language(path, DEFAULT)]
        if page.alternates != expected:
            wrong.append(f"{path}: {page.alternates} (expected {expected})")
        scripts = [url for tag, _, url in page.loads if tag == "script"]
        guard = next((i for i, u in enumerate(scripts) if re.search(r"assets/javascripts/alternates(\.[0-9a-f]+)?\.js$", u)), None)
        bundle = next((i for i, u in enumerate(scripts) if "assets/javascripts/bundle." in u), None)
        if guard is None or (bundle is not None and bundle < guard):
            wrong.append(f"{path}: alternates.js missing or after Material's bundle ({scripts})")
    assert not wrong, "language alternates:\n" + "\n".join(wrong[:20])


def _material_base(site: Site, path: str) -> str:
    html = site.file_for(path).read_text(encoding="utf-8")
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.DOTALL)
    assert found, f"{path}: no Material __config"
    return json.loads(found.group(1))["base"]


def test_each_language_searches_its_own_pages(site):
    """Material reads the search index at its "base": the index a page gets holds the pages of
    that page's language, all of them and nothing else, each location leading to a built page."""
    indexes = {}
    wrong = []
    for path in site.rendered:
        lang = language_of(path)
        base = urljoin(path, _material_base(site, path))
        index_path = urlsplit(urljoin(base, "search/search_index.json")).path
        if lang not in indexes:
            file = site.file_for(index_path)
            assert file is not None, f"{path}: no search index at {index_path}"
            indexes[lang] = (index_path, base, json.loads(file.read_text(encoding="utf-8")))
        elif indexes[lang][0] != index_path:
            wrong.append(f"{path}: reads {index_path}, other {lang} pages read {indexes[lang][0]}")
    assert set(indexes) == set(LANGUAGES), f"languages with a search index: {sorted(indexes)}"
    for lang, (index_path, base, index) in indexes.items():
        assert index["config"]["lang"] == [lang], f"{index_path}: lunr languages {index['config']['lang']}"
        found = {urlsplit(urljoin(base, doc["location"])).path for doc in index["docs"]}
        pages = {p for p in site.rendered if language_of(p) == lang and p not in NOT_FOUND}
        wrong += [f"{index_path}: {p} is not a {lang} page" for p in sorted(found - pages)]
        wrong += [f"{index_path}: {p} is missing" for p in sorted(pages - found)]
    assert not wrong, "search indexes:\n" + "\n".join(wrong[:20])


def test_internal_links_and_anchors_resolve(site):
    broken = []
    checked = 0
    for path, page in site.pages.items():
        for tag, href in page.links:
            if not site.is_own(href):
                continue
            target = urlsplit(urljoin(path, href))
            if target.netloc and target.netloc != site.origin.netloc:
                continue
            checked += 1
            file = site.file_for(target.path or path)
            if file is None:
                broken.append(f"{path}: <{tag} href={href!r}> -> {target.path} does not exist")
                continue
            # "#/task/…" on the demo page is a route of the demo application, not an anchor:
            # tests/site/test_try_it_links.py and tests/demo/test_task_links.py check those.
            if target.fragment.startswith("/") and target.path.endswith("/demo/"):
                continue
            if target.fragment and file.suffix == ".html":
                ids = site.pages[url_path_of(site.root, file)].ids
                if target.fragment not in ids:
                    broken.append(f"{path}: <{tag} href={href!r}> -> no id {target.fragment!r} in {target.path}")
    assert checked, "no internal link found: the scan is broken"
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken[:40])


def _foreign(site: Site, url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob"):
        return False
    if parts.scheme and parts.scheme not in ("http", "https", "ws", "wss"):
        return True  # a loader with another scheme (ftp:, file:...) is not the site either
    return bool(parts.netloc) and parts.netloc != site.origin.netloc


def test_nothing_is_loaded_from_another_host(site):
    """Scripts, styles, icons, images, frames, media and CSS url()s all come from the site."""
    foreign = []
    loads = 0
    for path, page in site.pages.items():
        for tag, attr, url in page.loads:
            loads += 1
            if _foreign(site, url):
                foreign.append(f"{path}: <{tag} {attr}={url!r}>")
    for css in site.root.rglob("*.css"):
        for url in css_urls(css.read_text(encoding="utf-8", errors="replace")):
            loads += 1
            if _foreign(site, url):
                foreign.append(f"{css.relative_to(site.root)}: url({url})")
    assert loads, "no loaded resource found: the scan is broken"
    assert not foreign, "resources loaded from another host:\n" + "\n".join(foreign[:40])


def test_lexicon_terms_carry_their_definition(site):
    """The lexicon's abbreviations become <abbr title> on the pages that use them (every language)."""
    found = {lang: 0 for lang in LANGUAGES}
    for path in site.rendered:
        html = site.file_for(path).read_text(encoding="utf-8")
        if "<abbr title=" in html:
            found[language_of(path)] += 1
    assert all(found.values()), f"pages with hover definitions per language: {found}"


def test_a_term_is_defined_once_per_page(site):
    """Each page defines a lexicon term at its first use only (hooks/lexicon_first_use.py): no two
    <abbr> of one page carry the same definition, and the later uses still read as the term."""
    repeated, later_uses = [], 0
    for path in site.rendered:
        html = site.file_for(path).read_text(encoding="utf-8")
        titles = [title for title, _ in ABBR.findall(html)]
        if len(titles) != len(set(titles)):
            repeated.append(path)
        main = html.split('<article', 1)[-1]
        for title, word in ABBR.findall(main):
            # The term's word is still on the page after its definition, as plain text.
            after = main.split(f'<abbr title="{title}">{word}</abbr>', 1)[1]
            later_uses += len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", ABBR.sub("", after)))
    assert not repeated, f"pages defining a term more than once: {repeated[:10]}"
    assert later_uses, "no term is used again after its definition on any page: the check reads nothing"
