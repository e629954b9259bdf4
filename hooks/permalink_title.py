"""Heading permalinks in the page's language.

Python-Markdown's toc extension takes one `permalink_title` for the whole build, but the i18n
plugin builds every language with the same extension settings; this hook gives the link its
title in the language being built (data/languages.yml, `permalink_title`).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.languages import LANGUAGES, fact  # noqa: E402

DEFAULT = 'class="headerlink" href="'
ENGLISH = 'title="Permanent link"'


def on_page_content(html: str, page, config, files) -> str:
    lang = config["theme"]["language"]
    if lang not in LANGUAGES:
        return html
    return html.replace(ENGLISH, f'title="{fact(lang, "permalink_title")}"')
