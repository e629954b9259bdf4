"""Official pages, in the reader's language: the boxes that say where today's procedure differs
from the seeds' (data/official.yml, `today`) and links to official pages (`official_link`).

Every address comes from data (data/official.yml, or data/wizard.yml's `links` for the seed 004
addresses), one per language; `address_language` tells which language an address opens in, so that
tests can check that a French page never sends its reader to a Dutch page and the reverse.
"""

from __future__ import annotations

import re

from .common import LANGUAGES, load_data, page_language

# Where an address names its language: socialsecurity.be's site_xx path, the KBO Public Search's
# lang=, the federal role and profile applications' language=, csam.be's /xx/ path.
LANGUAGE_PART = re.compile(r"(/site_|[?&]lang=|[?&]language=|csam\.be/)(fr|nl|de|en)\b")
REFERENCE = re.compile(r"\[([^\]]+)\]\[([a-z0-9-]+)\]")


def address_languages(url: str) -> set[str]:
    """The languages an address names (empty when it names none)."""
    return {match.group(2) for match in LANGUAGE_PART.finditer(url)}


def localized(url: str, lang: str) -> str:
    """The same address in another language."""
    return LANGUAGE_PART.sub(lambda m: m.group(1) + lang, url)


def links() -> dict[str, dict[str, str]]:
    """Every official address by id: data/official.yml's and the wizard's (seed 004)."""
    merged = dict(load_data("wizard")["links"])
    for key, value in load_data("official")["links"].items():
        if key in merged:
            raise ValueError(f"data/official.yml: link {key!r} is also in data/wizard.yml")
        merged[key] = value
    for key, value in merged.items():
        for lang in LANGUAGES:
            if not value.get(lang):
                raise ValueError(f"official link {key!r} has no {lang} address")
    return merged


def link_markdown(key: str, label: str, lang: str) -> str:
    return f"[{label}]({links()[key][lang]})"


def resolve(text: str, lang: str) -> str:
    return REFERENCE.sub(lambda m: link_markdown(m.group(2), m.group(1), lang), " ".join(text.split()))


def today_markdown(box: str, lang: str) -> str:
    entry = load_data("official")["today"][box][lang]
    title = entry["title"].replace('"', "&quot;")
    return f'!!! warning "{title}"\n\n    {resolve(entry["text"], lang)}\n'


def define_env(env):
    @env.macro
    def today(box: str) -> str:
        return today_markdown(box, page_language(env))

    @env.macro
    def official_link(key: str, label: str) -> str:
        return link_markdown(key, label, page_language(env))
