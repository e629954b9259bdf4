"""What a site language still lacks: pages, navigation titles, data texts, engine messages and
command reference, demo labels and screenshots. One list per language, each item naming the file and the place of the hole.

    uv run --frozen python -m tools.language_check de     # prints what German lacks
    uv run --frozen python -m tools.language_check        # every configured language

tests/site/test_languages_complete.py runs it for every language of mkdocs.yml's i18n block.

Texts are found without a list of their keys: wherever a data file has a block keyed by the
default language ({"fr": ..., "nl": ...}, or `short_fr` beside `short_nl`), every site language
needs that block too, with the same keys inside, none of them empty.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from tools.languages import DEFAULT, LANGUAGES, ROOT, entry, facts, i18n_languages

DOCS = ROOT / "docs"
ENGINE_DATA = ROOT / "demo" / "engine" / "src" / "egov_roles" / "data"
DEMO_WEB = ROOT / "demo" / "web"
SCREENS = DOCS / "assets" / "screens"
# The files whose language blocks must be complete (texts keyed by language). password_rules.json
# holds the rules' figures and, under `text`, their words in every language.
DATA_FILES = (
    ROOT / "data" / "lexicon.yml",
    ROOT / "data" / "wizard.yml",
    ROOT / "data" / "official.yml",
    ENGINE_DATA / "policy.json",
    ENGINE_DATA / "qualities.json",
    ENGINE_DATA / "password_rules.json",
    DEMO_WEB / "i18n.json",
    DEMO_WEB / "journal.json",
    DEMO_WEB / "tours.json",
    DEMO_WEB / "scenarios.json",
    DEMO_WEB / "tasks.json",
)
# Keys a language block may leave out: a term's abbreviation and other names, and the exceptions to
# a word to avoid, exist in some languages only (data/lexicon.yml: the Dutch "lokale beheerder"
# has no abbreviation where the French GL has one).
OPTIONAL_KEYS = frozenset({"abbr", "aliases", "except"})
LUNR = "material/templates/assets/javascripts/lunr/min/lunr.{lang}.min.js"


def _name(item, index: int) -> str:
    """How a list item is named in a report: its id or name when it has one."""
    if isinstance(item, dict):
        for key in ("id", "name", "code", "key"):
            if isinstance(item.get(key), str):
                return f"[{item[key]}]"
    return f"[{index}]"


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _same_keys(default, other, where: str) -> Iterable[str]:
    """The holes of `other` (one language's block) compared with the default language's block."""
    if _empty(other) and not _empty(default):
        yield f"{where}: empty"
        return
    if isinstance(default, dict) and isinstance(other, dict):
        for key, value in default.items():
            if key not in other:
                if not _empty(value) and key not in OPTIONAL_KEYS:
                    yield f"{where}.{key}: missing"
            else:
                yield from _same_keys(value, other[key], f"{where}.{key}")
    elif isinstance(default, list) and isinstance(other, list) and len(default) == len(other):
        for index, (a, b) in enumerate(zip(default, other)):
            yield from _same_keys(a, b, f"{where}{_name(a, index)}")


def language_holes(data, lang: str, where: str, default: str = DEFAULT) -> list[str]:
    """Every block keyed by the default language in `data` that lacks `lang` or some of its keys."""
    holes: list[str] = []

    def walk(node, path: str) -> None:
        if isinstance(node, dict):
            if default in node and lang != default:
                if lang not in node:
                    holes.append(f"{path}.{lang}: missing" if path else f"{lang}: missing")
                else:
                    holes.extend(_same_keys(node[default], node[lang], f"{path}.{lang}" if path else lang))
            suffix = f"_{default}"
            for key in node:
                if isinstance(key, str) and key.endswith(suffix) and lang != default:
                    twin = key[: -len(suffix)] + f"_{lang}"
                    if _empty(node.get(twin)) and not _empty(node[key]):
                        holes.append(f"{path}.{twin}: missing")
            for key, value in node.items():
                if key in LANGUAGES or (isinstance(key, str) and key.endswith(suffix)):
                    continue
                walk(value, f"{path}.{key}" if path else str(key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{path}{_name(item, index)}")

    walk(data, "")
    return [f"{where} {hole}" for hole in holes]


def _load(path: Path):
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


def missing_pages(lang: str) -> list[str]:
    default = {p.relative_to(DOCS / DEFAULT) for p in (DOCS / DEFAULT).rglob("*.md")}
    have = {p.relative_to(DOCS / lang) for p in (DOCS / lang).rglob("*.md")} if (DOCS / lang).is_dir() else set()
    return [f"docs/{lang}/{page.as_posix()}: page missing" for page in sorted(default - have)]


def section_titles(nav) -> list[str]:
    """The section titles of mkdocs.yml's nav (written in the default language)."""
    titles: list[str] = []
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(title)
                if isinstance(value, list):
                    titles += section_titles(value)
    return titles


def missing_nav_translations(lang: str, config_text: str | None = None) -> list[str]:
    if lang == DEFAULT:
        return []
    text = config_text if config_text is not None else (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    from tools.languages import _TolerantLoader  # the same reading of mkdocs.yml's tags

    nav = yaml.load(text, Loader=_TolerantLoader).get("nav")
    block = next((e for e in i18n_languages(text) if e["locale"] == lang), {})
    translated = block.get("nav_translations") or {}
    return [f"mkdocs.yml i18n {lang}.nav_translations: {title!r} missing"
            for title in section_titles(nav) if not translated.get(title)]


def missing_config(lang: str) -> list[str]:
    holes = []
    if lang != DEFAULT:
        block = entry(lang)
        holes += [f"mkdocs.yml i18n {lang}.{key}: missing" for key in ("name", "site_name", "site_description")
                  if not block.get(key)]
    holes += language_holes({lang: facts().get(lang), DEFAULT: facts().get(DEFAULT)}, lang, "data/languages.yml")
    try:
        import material
        if lang != "en" and not (Path(material.__file__).parent.parent / LUNR.format(lang=lang)).is_file():
            holes.append(f"search: lunr has no {lang} language (no stemming, one index for all words)")
    except ImportError:  # only the data checks without MkDocs installed
        pass
    return holes


def missing_data(lang: str) -> list[str]:
    holes = []
    for path in DATA_FILES:
        holes += language_holes(_load(path), lang, path.relative_to(ROOT).as_posix())
    return holes


def missing_messages(lang: str) -> list[str]:
    """The engine's message templates (egov_roles.messages: module-level tables keyed by language)
    and its command reference (descriptions of the commands and their arguments)."""
    import egov_roles
    from egov_roles import messages

    tables = {name: value for name, value in vars(messages).items() if name.isupper() and isinstance(value, dict)}
    # The engine runs alone in the browser (Pyodide) and keeps its own list of the languages it answers in.
    listed = [] if lang in messages.LANGUAGES else [
        f"egov_roles.messages.LANGUAGES: {lang} missing (the engine answers it in its fallback language)"]
    return (listed + language_holes(tables, lang, "egov_roles.messages")
            + language_holes(egov_roles.command_catalogue(), lang, "egov_roles.command_catalogue()"))


def missing_screens(lang: str) -> list[str]:
    """The demo's screenshot of every task, in the language (`make screenshots` takes them)."""
    tasks = _load(DEMO_WEB / "tasks.json")["tasks"]
    return [f"{SCREENS.relative_to(ROOT).as_posix()}/{lang}/{task}.webp: screenshot missing (make screenshots)"
            for task in tasks if not (SCREENS / lang / f"{task}.webp").is_file()]


CHECKS: tuple[Callable[[str], list[str]], ...] = (
    missing_config, missing_nav_translations, missing_pages, missing_data, missing_messages, missing_screens,
)


def missing(lang: str) -> list[str]:
    """Everything `lang` lacks, in the order of CHECKS."""
    return [hole for check in CHECKS for hole in check(lang)]


def main(argv: list[str]) -> int:
    langs = argv or list(LANGUAGES)
    worst = 0
    for lang in langs:
        holes = missing(lang)
        print(f"{lang}: {len(holes)} missing")
        for hole in holes:
            print(f"  {hole}")
        worst = max(worst, len(holes))
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
