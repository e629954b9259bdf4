"""Reading a built wizard page: the .wizard block's links, by kind, with the standard library's
HTML parser (the tests look at what MkDocs wrote, not at what the macros meant to write)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tools.languages import home

HERE = Path(__file__).resolve().parent
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Link:
    href: str
    classes: tuple[str, ...]
    inside: tuple[str, ...]  # classes of the enclosing elements within .wizard
    text: str = ""


@dataclass
class WizardPage:
    path: str  # URL path, e.g. /nl/wizard/rae/
    lang: str = ""
    title: str = ""
    root: dict = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    hreflang: dict = field(default_factory=dict)
    h1: str = ""
    nav_links: list[tuple[str, str]] = field(default_factory=list)  # (text, href) of the sidebar

    def by_class(self, css: str) -> list[Link]:
        return [link for link in self.links if css in link.classes]

    def within(self, css: str) -> list[Link]:
        return [link for link in self.links if css in link.inside]

    def external(self) -> list[str]:
        return [link.href for link in self.links if urlsplit(link.href).scheme in ("http", "https")]

    def internal(self) -> list[str]:
        """Absolute URL paths of the block's links to the site (fragments dropped)."""
        out = []
        for link in self.links:
            if urlsplit(link.href).scheme or link.href.startswith("#"):
                continue
            out.append(urlsplit(urljoin(self.path, link.href)).path)
        return out


class _Parser(HTMLParser):
    def __init__(self, page: WizardPage):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, tuple[str, ...]]] = []
        self.depth_in_root: int | None = None
        self.root_done = False
        self.anchor: Link | None = None
        self.in_title = False
        self.in_h1 = False
        self.in_nav_primary = 0
        self.nav_anchor: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = tuple((attrs.get("class") or "").split())
        if tag == "html":
            self.page.lang = attrs.get("lang", "")
        if tag == "title":
            self.in_title = True
        if tag == "a" and attrs.get("hreflang") and "md-select__link" in classes:
            self.page.hreflang[attrs["hreflang"]] = urljoin(self.page.path, attrs.get("href", ""))
        if tag == "nav" and "md-nav--primary" in classes:
            self.in_nav_primary = len(self.stack) + 1
        if self.in_nav_primary and tag == "a":
            self.nav_anchor = [attrs.get("href", ""), ""]
        if tag == "div" and "wizard" in classes and self.depth_in_root is None:
            self.page.root = attrs
            self.depth_in_root = len(self.stack)
        if self.collecting():
            if tag == "a":
                inside = tuple(c for _, cs in self.stack[self.depth_in_root:] for c in cs)
                self.anchor = Link(attrs.get("href", ""), classes, inside)
            if tag == "h1":
                self.in_h1 = True
        if tag not in VOID:
            self.stack.append((tag, classes))

    def collecting(self) -> bool:
        return self.depth_in_root is not None and not self.root_done

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "title":
            self.in_title = False
        if tag == "a" and self.anchor is not None:
            self.anchor.text = " ".join(self.anchor.text.split())
            self.page.links.append(self.anchor)
            self.anchor = None
        if tag == "a" and self.nav_anchor is not None:
            self.page.nav_links.append((" ".join(self.nav_anchor[1].split()), self.nav_anchor[0]))
            self.nav_anchor = None
        if tag == "h1":
            self.in_h1 = False
        while self.stack:
            name, _ = self.stack.pop()
            if self.in_nav_primary and len(self.stack) < self.in_nav_primary:
                self.in_nav_primary = 0
            if self.collecting() and len(self.stack) <= self.depth_in_root:
                self.root_done = True  # the block is closed: stop collecting
            if name == tag:
                break

    def handle_data(self, data):
        if self.in_title:
            self.page.title += data
        if self.anchor is not None:
            self.anchor.text += data
        if self.nav_anchor is not None:
            self.nav_anchor[1] += data
        if self.in_h1 and self.collecting():
            self.page.h1 += data


def read_page(site: Path, url_path: str) -> WizardPage:
    page = WizardPage(path=url_path)
    parser = _Parser(page)
    parser.feed(file_of(site, url_path).read_text(encoding="utf-8"))
    page.title = " ".join(page.title.split())
    page.h1 = " ".join(page.h1.replace("¶", "").split())
    return page


def file_of(site: Path, url_path: str) -> Path:
    """The built file MkDocs serves for a URL path."""
    rel = url_path.lstrip("/")
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return site / posixpath.normpath(rel)


def url_path(node_id: str, lang: str) -> str:
    """URL path of a node's page (directory URLs; the default language at the site's root)."""
    if node_id == "start":
        return f"{home(lang)}wizard/"
    return f"{home(lang)}wizard/{node_id}/"


def seed_allowlist() -> set[str]:
    """The external addresses the wizard may use: seed 004's, listed in seed_addresses.txt."""
    lines = (HERE / "seed_addresses.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}
