"""Every task page of the guide (a page of docs/<lang>/{rae,gl,account}/ other than the section's
index), in every site language, has one "try it in the demo" link: to the demo of its own language,
on the task of demo/web/tasks.json whose guide page it is. tests/demo/test_task_links.py opens
every one of those task links in the demo."""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tools.languages import DEFAULT, LANGUAGES, OTHERS, fact, home

ROOT = Path(__file__).resolve().parents[2]
TASKS = json.loads((ROOT / "demo" / "web" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
TASK_SECTIONS = ("rae", "gl", "account")


def task_pages(lang: str) -> list[str]:
    docs = ROOT / "docs" / lang
    return sorted(str(p.relative_to(docs)) for s in TASK_SECTIONS for p in (docs / s).glob("*.md")
                  if p.name != "index.md")


class TryItLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[dict] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "try-it" in (attrs.get("class") or "").split():
            self._open = {**attrs, "text": ""}
            self.links.append(self._open)

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None


def url_path(lang: str, page: str) -> str:
    return home(lang) + page.removesuffix(".md") + "/"


@pytest.mark.parametrize("lang", OTHERS)
def test_task_pages_are_the_same_in_every_language(lang):
    assert task_pages(lang) == task_pages(DEFAULT)
    assert len(task_pages(DEFAULT)) >= 10


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_task_page_links_to_its_task_in_the_demo(built_site, lang):
    for page in task_pages(lang):
        expected = [tid for tid, task in TASKS.items() if task["guide"] == page]
        assert len(expected) == 1, f"{page}: {len(expected)} tasks in demo/web/tasks.json"
        path = url_path(lang, page)
        parser = TryItLinks()
        parser.feed((built_site / path.lstrip("/") / "index.html").read_text(encoding="utf-8"))
        assert len(parser.links) == 1, f"{lang} {page}: {len(parser.links)} try-it links"
        link = parser.links[0]
        assert link["text"] == fact(lang, "demo_links")["try"], page
        target, _, fragment = link["href"].partition("#")
        assert posixpath.normpath(posixpath.join(path, target)) + "/" == home(lang) + "demo/", link["href"]
        assert fragment == f"/task/{expected[0]}" == f"/task/{link['data-task']}", link["href"]
