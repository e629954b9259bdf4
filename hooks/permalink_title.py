"""Heading permalinks in the page's language.

Python-Markdown's toc extension takes one `permalink_title` for the whole build, but the i18n
plugin builds French and Dutch with the same extension settings; this hook gives the link its
title in the language being built.
"""

from __future__ import annotations

TITLES = {"fr": "Lien vers cette section", "nl": "Link naar deze sectie"}
DEFAULT = 'class="headerlink" href="'
ENGLISH = 'title="Permanent link"'


def on_page_content(html: str, page, config, files) -> str:
    title = TITLES.get(config["theme"]["language"])
    if not title:
        return html
    return html.replace(ENGLISH, f'title="{title}"')
