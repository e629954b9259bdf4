"""The guide's username and password rules come from the engine's data, in both languages."""

from __future__ import annotations

import html
import re

from egov_roles.resources import load_json


def _rules_section(built_site, lang: str) -> str:
    path = built_site / ("nl/" if lang == "nl" else "") / "account/password/index.html"
    page = path.read_text(encoding="utf-8")
    start = page.index('id="rules"')
    section = page[start:page.index("<h2", start + 1)]
    return html.unescape(re.sub(r"<[^>]+>", "", section))


def test_rules_on_the_password_page_are_the_engines(built_site):
    rules = load_json("password_rules")
    pw, user = rules["password"], rules["username"]
    expected = {
        "fr": [f"de {pw['min_length']} à {pw['max_length']} caractères",
               f"de {user['min_length']} à {user['max_length']} caractères",
               f"au moins {pw['min_non_letters']} caractères", pw["specials"]],
        "nl": [f"{pw['min_length']} tot {pw['max_length']} tekens",
               f"{user['min_length']} tot {user['max_length']} tekens",
               f"minstens {pw['min_non_letters']} tekens", pw["specials"]],
    }
    for lang, needles in expected.items():
        text = _rules_section(built_site, lang)
        for needle in needles:
            assert needle in text, f"{lang}: {needle!r} missing from the rules section"
