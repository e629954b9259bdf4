"""A lexicon term is defined at its first use on a page, not at every use.

The Markdown abbreviations of macros/lexicon.py wrap every occurrence of a term in
`<abbr title="definition">`; Material turns each into a tooltip and a tab stop. A task page
carried 133-142 of them: a keyboard reader met the same definition dozens of times, and the
tooltips cost a phone's processor the most of the page's blocking time (Lighthouse mobile, task
page, fr/nl/de: total blocking time 395/544/627 ms with every occurrence, 158/242/245 ms with the
first only; performance 89/85/83 -> 97/93/95; `python -m tools.bench_lighthouse --pages task`).
Later occurrences of a term (same definition, so aliases count as the term) stay as plain text.
"""

from __future__ import annotations

import re

ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)


def first_use_only(html: str) -> str:
    """The page's HTML with every `<abbr>` after the first of the same definition unwrapped."""
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        title = match.group(1)
        if title in seen:
            return match.group(2)
        seen.add(title)
        return match.group(0)

    return ABBR.sub(keep_first, html)


def on_page_content(html: str, page, config, files) -> str:
    return first_use_only(html)
