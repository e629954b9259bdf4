"""Read the built HTML: ids, links, loaded resources and the primary navigation of each page.

Standard library only (html.parser): the checks need attributes and a little structure, not a DOM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urljoin, urlsplit

# rel values of <link> that name a related document without the browser fetching it.
NON_LOADING_RELS = {
    "alternate", "author", "bookmark", "canonical", "external", "help", "license", "me", "next",
    "nofollow", "noopener", "noreferrer", "prev", "search", "tag",
}
# (tag, attribute) pairs whose URL the browser fetches when it renders the page.
LOADING_ATTRS = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("frame", "src"),
    ("embed", "src"), ("object", "data"), ("source", "src"), ("source", "srcset"),
    ("video", "src"), ("video", "poster"), ("audio", "src"), ("track", "src"), ("input", "src"),
    ("image", "href"), ("image", "xlink:href"), ("use", "href"), ("use", "xlink:href"),
    ("feimage", "href"), ("base", "href"),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
             "source", "track", "wbr"}


@dataclass
class NavItem:
    depth: int
    href: str | None  # absolute URL path, or None for a section without its own page
    label: str
    is_section: bool = False


@dataclass
class Page:
    path: str  # URL path of the page, e.g. "/nl/actors/rae/"
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag, href) of <a>/<area>/<link>
    loads: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, url)
    nav: list[NavItem] = field(default_factory=list)
    language_links: dict[str, str] = field(default_factory=dict)  # hreflang -> absolute path
    alternates: list[str] = field(default_factory=list)  # href of <link rel=alternate hreflang>


class _Scanner(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, set[str]]] = []  # (tag, classes) of open elements
        self.nav_depth = 0  # depth of <li class=md-nav__item> inside the primary navigation
        self.in_primary = 0  # >0 while inside <nav class=md-nav--primary>
        self.in_secondary = 0  # the page's table of contents, nested in the primary nav
        self.pending_item: NavItem | None = None
        self.style_text: list[str] | None = None

    # Helpers -----------------------------------------------------------------------------

    def _abs(self, url: str) -> str:
        return urljoin(self.page.path, url)

    def _inside(self, cls: str) -> bool:
        return any(cls in classes for _, classes in self.stack)

    # Parser callbacks --------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        classes = set(a.get("class", "").split())
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag in ("a", "area") and "href" in a:
            self.page.links.append((tag, a["href"]))
            if "md-select__link" in classes and a.get("hreflang"):
                self.page.language_links[a["hreflang"]] = urlsplit(self._abs(a["href"])).path
        if tag == "link" and "href" in a:
            rels = set(a.get("rel", "").lower().split())
            if "alternate" in rels and "hreflang" in a:
                self.page.alternates.append(a["href"])
            if rels and rels <= NON_LOADING_RELS:
                self.page.links.append((tag, a["href"]))
            else:
                self.page.loads.append((tag, "href", a["href"]))
        for name, value in a.items():
            if (tag, name) in LOADING_ATTRS:
                if name == "srcset":
                    for candidate in value.split(","):
                        if candidate.strip():
                            self.page.loads.append((tag, name, candidate.split()[0]))
                else:
                    self.page.loads.append((tag, name, value))
            if name == "style":
                for url in css_urls(value):
                    self.page.loads.append((tag, "style", url))
        if tag == "style":
            self.style_text = []
        self._nav_start(tag, a, classes)
        if tag not in VOID_TAGS:
            self.stack.append((tag, classes))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "style" and self.style_text is not None:
            for url in css_urls("".join(self.style_text)):
                self.page.loads.append(("style", "url", url))
            self.style_text = None
        # Pop to the matching open element (HTML allows some end tags to be left out).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for closed_tag, closed_classes in self.stack[i:][::-1]:
                    self._nav_end(closed_tag, closed_classes)
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.style_text is not None:
            self.style_text.append(data)
        if self.pending_item is not None and self.in_primary and not self.in_secondary:
            self.pending_item.label += data

    # The primary navigation --------------------------------------------------------------

    def _nav_start(self, tag, a, classes):
        if tag == "nav" and "md-nav--primary" in classes:
            self.in_primary += 1
        elif tag == "nav" and "md-nav--secondary" in classes and self.in_primary:
            self.in_secondary += 1
        if not self.in_primary or self.in_secondary:
            return
        if tag == "li" and "md-nav__item" in classes:
            self.nav_depth += 1
            item = NavItem(depth=self.nav_depth, href=None, label="",
                           is_section="md-nav__item--nested" in classes)
            self.page.nav.append(item)
            self.pending_item = item
        elif tag == "a" and "md-nav__link" in classes and self.pending_item is not None:
            if self.pending_item.href is None:
                self.pending_item.href = urlsplit(self._abs(a.get("href", ""))).path
        elif tag == "nav" and self.pending_item is not None:
            self.pending_item = None  # the item's label ends where its sub-navigation starts

    def _nav_end(self, tag, classes):
        if tag == "nav" and "md-nav--primary" in classes:
            self.in_primary -= 1
        elif tag == "nav" and "md-nav--secondary" in classes and self.in_secondary:
            self.in_secondary -= 1
        elif tag == "li" and "md-nav__item" in classes and self.in_primary and not self.in_secondary:
            self.nav_depth -= 1
            self.pending_item = None
        elif tag == "a" and "md-nav__link" in classes and self.pending_item is not None:
            self.pending_item = None  # the item's own link closes its label


def css_urls(css: str) -> list[str]:
    return [m.group(2) or m.group(4) for m in CSS_URL.finditer(css) if (m.group(2) or m.group(4))]


def url_path_of(site: Path, html: Path) -> str:
    rel = html.relative_to(site).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def scan(site: Path, html: Path) -> Page:
    page = Page(path=url_path_of(site, html))
    scanner = _Scanner(page)
    scanner.feed(html.read_text(encoding="utf-8"))
    scanner.close()
    for item in page.nav:
        item.label = " ".join(item.label.split())
    return page


class Site:
    """All HTML files of a build, scanned once."""

    def __init__(self, root: Path, site_url: str):
        self.root = root
        self.origin = urlsplit(site_url)
        self.pages: dict[str, Page] = {}
        for html in sorted(root.rglob("*.html")):
            page = scan(root, html)
            self.pages[page.path] = page

    @cached_property
    def rendered(self) -> dict[str, Page]:
        """Pages MkDocs rendered (they have the primary navigation)."""
        return {path: page for path, page in self.pages.items() if page.nav}

    def is_own(self, url: str) -> bool:
        """True if `url` (as written in a page) names the site itself: relative, or its host."""
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https"):
            return False  # mailto:, tel:, data:... name no page of the site
        return not parts.netloc or parts.netloc == self.origin.netloc

    def file_for(self, path: str) -> Path | None:
        """The file a URL path of the site is served from, or None."""
        path = normpath(unquote(path)) + ("/" if path.endswith("/") and path != "/" else "")
        rel = path.lstrip("/")
        target = self.root / rel
        if path.endswith("/") or rel == "":
            target = target / "index.html"
        if target.is_file():
            return target
        if (target / "index.html").is_file():  # the server redirects /x to /x/
            return target / "index.html"
        return None
