"""The guide's username and password rules come from the engine's data, in every site language."""

from __future__ import annotations

import html
import re

import pytest
from egov_roles.resources import load_json

from tools.languages import LANGUAGES, fact, prefix


def _rules_section(built_site, lang: str) -> str:
    path = built_site / prefix(lang) / "account/password/index.html"
    page = path.read_text(encoding="utf-8")
    start = page.index('id="rules"')
    section = page[start:page.index("<h2", start + 1)]
    return html.unescape(re.sub(r"<[^>]+>", "", section))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rules_on_the_password_page_are_the_engines(built_site, lang):
    rules = load_json("password_rules")
    pw, user = rules["password"], rules["username"]
    # the sentences the figures go into, beside the figures in the engine's data
    words = {key: text[lang] for key, text in rules["text"].items() if isinstance(text, dict)}
    needles = [words["length"].format(min=pw["min_length"], max=pw["max_length"]),
               words["length"].format(min=user["min_length"], max=user["max_length"]),
               words["non_letters"].format(n=pw["min_non_letters"]), pw["specials"]]
    text = _rules_section(built_site, lang)
    for needle in needles:
        assert needle in text, f"{lang}: {needle!r} missing from the rules section"
