"""The site's languages, from their ONE list: the i18n plugin's `languages` block of mkdocs.yml.

Macros, hooks, tools and tests loop over `LANGUAGES` and build URLs with `home` / `prefix`, so a
language added to that block (and its texts, README "Adding a language") is everywhere at once.
Facts that differ per language and that code needs (locale, colon spacing, quote marks, the
texts of the site's own generated parts) live per language in data/languages.yml.

Only PyYAML is needed: tools, hooks and tests import this without loading MkDocs.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
FACTS = ROOT / "data" / "languages.yml"


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml carries MkDocs' own tags (`!ENV [SITE_URL, ...]`): read them as nothing."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def i18n_languages(config_text: str) -> list[dict]:
    """The i18n plugin's language entries of a mkdocs.yml text, those it builds."""
    config = yaml.load(config_text, Loader=_TolerantLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [entry for entry in plugin["i18n"]["languages"] if entry.get("build", True)]
    raise ValueError("mkdocs.yml: no i18n plugin, hence no list of site languages")


@lru_cache(maxsize=1)
def _entries() -> tuple[dict, ...]:
    return tuple(i18n_languages(CONFIG.read_text(encoding="utf-8")))


def _default() -> str:
    defaults = [entry["locale"] for entry in _entries() if entry.get("default")]
    if len(defaults) != 1:
        raise ValueError(f"mkdocs.yml: the i18n plugin needs exactly one default language, not {defaults}")
    return defaults[0]


LANGUAGES: tuple[str, ...] = tuple(entry["locale"] for entry in _entries())
DEFAULT: str = _default()
OTHERS: tuple[str, ...] = tuple(lang for lang in LANGUAGES if lang != DEFAULT)


def entry(lang: str) -> dict:
    """The language's block of the i18n plugin (name, site_name, nav_translations...)."""
    return next(e for e in _entries() if e["locale"] == lang)


def prefix(lang: str) -> str:
    """The language's folder in the built site: "" for the default language (the site's root),
    "nl/" for the others."""
    if lang not in LANGUAGES:
        raise ValueError(f"not a site language: {lang!r} (mkdocs.yml: {', '.join(LANGUAGES)})")
    return "" if lang == DEFAULT else f"{lang}/"


def home(lang: str) -> str:
    """URL path of the language's home page: "/" or "/nl/"."""
    return "/" + prefix(lang)


def language_of(path: str) -> str:
    """The language of a site URL path ("/nl/actors/" -> "nl", "/actors/" -> the default)."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in OTHERS else DEFAULT


def in_language(path: str, lang: str) -> str:
    """The same page's URL path in another language ("/nl/a/" -> "/de/a/", "/a/" -> "/nl/a/")."""
    here = language_of(path)
    rest = path.lstrip("/")[len(prefix(here)):]
    return home(lang) + rest


def built_pages(site: Path, lang: str) -> list[Path]:
    """The HTML files of one language in a built site (the default's: all but the others' folders)."""
    if prefix(lang):
        return sorted((site / prefix(lang)).rglob("*.html"))
    others = [site / prefix(other) for other in OTHERS]
    return sorted(p for p in site.rglob("*.html") if not any(o in p.parents for o in others))


@lru_cache(maxsize=1)
def facts() -> dict[str, dict]:
    """data/languages.yml: per language, its locale, punctuation and the site code's own texts."""
    return yaml.safe_load(FACTS.read_text(encoding="utf-8"))


def fact(lang: str, key: str):
    """One per-language fact or text block of data/languages.yml (KeyError names what is missing)."""
    block = facts().get(lang)
    if block is None:
        raise KeyError(f"data/languages.yml has no block for language {lang!r}")
    if key not in block:
        raise KeyError(f"data/languages.yml: {lang}.{key} is missing")
    return block[key]
