"""MkDocs hook: the built site ready for a web server (data/host.yml, tools/host.py).

- on_page_content: a page without a `description` in its front matter gets one from its first
  paragraph, in the page's language (search engines show it under the title).
- on_post_template: Material's 404 page, rendered once per language (mkdocs-static-i18n writes
  each language's over the previous one at the site's root), is kept per language with its text
  in that language; on_post_build writes each where a server looks for it (404.html, <lang>/404.html).
- on_post_build, once every language is built and the other hooks have written their files:
  the site's own unversioned style sheets and scripts get a fingerprinted copy
  (site.<hash>.css) that the pages name instead, so that servers may let browsers keep them for
  good; then every text file gets its .br and .gz twins.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.search_language import with_language_base  # noqa: E402
from tools import host  # noqa: E402  (needs the repository root on sys.path)
from tools.languages import fact  # noqa: E402

log = logging.getLogger("mkdocs.hooks.host")
DESCRIPTION_LENGTH = 160  # what search engines show; cut at a word
FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")
# The site's own files that keep one name from build to build (Material's carry a hash already).
UNVERSIONED = (
    "assets/css/site.css", "assets/wizard/wizard.css", "assets/js/site.js", "assets/wizard/wizard.js",
    "assets/javascripts/alternates.js",
)
# Material's 404 text is English in every language: the reader's own words instead.
MATERIAL_NOT_FOUND = "<h1>404 - Not found</h1>"
_not_found: dict[str, str] = {}


def _i18n(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/host.py works with the mkdocs-static-i18n plugin")
    return i18n


def describe(page_html: str) -> str | None:
    """The first paragraph's text, cut at a word to DESCRIPTION_LENGTH characters."""
    for found in FIRST_PARAGRAPH.finditer(page_html):
        text = " ".join(html.unescape(TAG.sub("", found.group(1))).split())
        if len(text) < 40:  # a label or a button's line, not a sentence about the page
            continue
        if len(text) > DESCRIPTION_LENGTH:
            text = text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return text
    return None


def on_page_content(page_html: str, page, config, files) -> str:
    if not page.meta.get("description"):
        description = describe(page_html)
        if description:
            page.meta["description"] = description
    return page_html


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output
    lang = _i18n(config).current_language
    if MATERIAL_NOT_FOUND not in output:
        raise PluginError("hooks/host.py: Material's 404 heading was not found (Material upgraded?)")
    words = fact(lang, "not_found")  # data/languages.yml
    title, text, home = (html.escape(words[key]) for key in ("title", "text", "home"))
    default = _i18n(config).default_language
    home_url = "/" if lang == default else f"/{lang}/"
    output = output.replace(MATERIAL_NOT_FOUND, f'<h1>{title}</h1>\n<p>{text}</p>\n<p><a href="{home_url}">{home}</a></p>')
    output = re.sub(r"<title>[^<]*</title>", lambda m: f"<title>{title} - {html.escape(config['site_name'])}</title>", output, count=1)
    if lang != default:
        output = with_language_base(output, lang, "404.html")  # its own language's search index
    _not_found[lang] = output
    return output


def fingerprint(site: Path) -> dict[str, str]:
    """Copy each UNVERSIONED file to <name>.<hash>.<ext> and point every page at the copy."""
    renamed = {}
    for rel in UNVERSIONED:
        source = site / rel
        if not source.is_file():
            continue
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
        stem, dot, ext = source.name.rpartition(".")
        target = source.with_name(f"{stem}.{digest}.{ext}")
        target.write_bytes(source.read_bytes())
        renamed[source.name] = target.name
    if not renamed:
        return renamed
    names = re.compile(r"""(?<=[/"'])(""" + "|".join(re.escape(n) for n in renamed) + r""")(?=["'?#])""")
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = names.sub(lambda m: renamed[m.group(1)], text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return renamed


# After mkdocs-static-i18n's post_build (-100), which builds the other languages, and after
# hooks/search_language.py (-200), which writes each language's search index.
@event_priority(-300)
def on_post_build(config) -> None:
    i18n = _i18n(config)
    if i18n.building:
        return  # one language, built from within the plugin's post_build: the site is not done
    site = Path(config["site_dir"])
    default = i18n.default_language
    for lang, page in _not_found.items():
        target = site / ("404.html" if lang == default else f"{lang}/404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    _not_found.clear()
    fingerprint(site)
    totals = host.write_twins(site)
    log.info("%d text files compressed: %.1f MB -> %.1f MB (brotli)", totals["files"],
             totals["plain"] / 1e6, totals["br"] / 1e6)
