"""Helpers shared by the macro modules."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import sys

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # mkdocs-macros imports this package without the root on the path
    sys.path.insert(0, str(ROOT))

from tools.languages import LANGUAGES, fact  # noqa: E402,F401  (the one list of site languages)

DATA = ROOT / "data"


def texts(lang: str, part: str) -> dict:
    """The texts of one generated part of the site in a language (data/languages.yml)."""
    return fact(lang, part)


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """Read data/<name>.yml once per build process."""
    with open(DATA / f"{name}.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def page_language(env) -> str:
    """Language of the page being rendered: the i18n plugin builds each language on its own and
    sets the theme language for that build."""
    lang = env.conf["theme"]["language"]
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported page language {lang!r}")
    return lang
