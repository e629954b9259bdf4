"""One search index per language.

mkdocs-static-i18n builds every language into the same site and leaves a single search index at
the site's root, holding the pages of all languages; Material's search reads the index found at its
`base` (the site's root), so a Dutch reader searching "gebruiker" also got French pages, and the
other way round. Once every language is built, this hook splits that index:

- the default language keeps `search/search_index.json`, with its own pages only;
- each other language gets `<lang>/search/search_index.json`, with its pages (their locations
  relative to `<lang>/`) and its own lunr language (Dutch stemming for Dutch pages);
- the pages of that language tell Material that their `base` is `<lang>/`, where it then finds
  that index and resolves the results' locations. Material uses `base` for nothing else this site
  turns on (no instant navigation, no versions).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

INDEX = Path("search") / "search_index.json"
MATERIAL_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def _i18n(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/search_language.py works with the mkdocs-static-i18n plugin")
    return i18n


def on_post_page(output: str, page, config) -> str:
    i18n = _i18n(config)
    lang = i18n.current_language
    if lang == i18n.default_language:
        return output
    return with_language_base(output, lang, page.file.src_uri)


def with_language_base(output: str, lang: str, where: str) -> str:
    """The page's HTML with Material's "base" leading to the language's root (hooks/host.py
    calls it for each language's 404 page too)."""
    found = MATERIAL_CONFIG.search(output)
    if found is None:
        raise PluginError(f"{where}: Material's __config script was not found")
    settings = json.loads(found.group(2))
    # "base" leads from the page to the site's root ("..", "../.."); the language's root is below.
    settings["base"] = f"{settings['base'].rstrip('/')}/{lang}/"
    return output[:found.start(2)] + json.dumps(settings) + output[found.end(2):]


def split_index(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """The site-wide index as one index per language, each document in exactly one of them."""
    split = {lang: {**index, "config": {**index["config"], "lang": [lang]}, "docs": []} for lang in languages}
    for doc in index["docs"]:
        first, _, rest = doc["location"].partition("/")
        if first in split and first != default:
            split[first]["docs"].append({**doc, "location": rest})
        else:
            split[default]["docs"].append(doc)
    return split


# After mkdocs-static-i18n's own post_build (priority -100), which builds the other languages and
# only then writes the site-wide index.
@event_priority(-200)
def on_post_build(config) -> None:
    i18n = _i18n(config)
    if i18n.building:
        return  # a language built from within the plugin's post_build: the index is not final yet
    site = Path(config["site_dir"])
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    default = i18n.default_language
    for lang, part in split_index(index, list(i18n.build_languages), default).items():
        target = site / INDEX if lang == default else site / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
