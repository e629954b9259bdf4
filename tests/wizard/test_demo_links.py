"""Wizard answers that describe a task link to the demo opened on that task."""

from __future__ import annotations

import re

import pytest

from macros import demo_links
from macros import wizard_tree as wt
from tools.languages import LANGUAGES, prefix

ANSWERS = [n for n in wt.nodes() if n.kind == "answer"]


def _html(built_site, node, lang: str) -> str:
    src = wt.src_path(node.id, lang)  # e.g. fr/wizard/rae/activate-quality.md
    within = src.split("/", 1)[1]
    url = within[:-len("index.md")] if within.endswith("index.md") else within[:-3] + "/"
    return (built_site / prefix(lang) / url / "index.html").read_text(encoding="utf-8")


def test_some_answers_describe_tasks():
    described = [n for n in ANSWERS if any(demo_links.task_of_page(p) for p in n.task.get("guide", []))]
    assert len(described) >= 5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answers_link_to_their_tasks_in_the_demo(built_site, lang):
    for node in ANSWERS:
        expected = {t for p in node.task.get("guide", []) if (t := demo_links.task_of_page(p))}
        page = _html(built_site, node, lang)
        found = set(re.findall(r'class="md-button try-it" data-task="([^"]+)" href="[^"]*demo/#/task/\1"', page))
        assert found == expected, f"{lang} {node.id}: try-it links {sorted(found)} != {sorted(expected)}"
