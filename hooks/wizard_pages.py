"""MkDocs hook: one page per node of the wizard tree (data/wizard.yml), in the language being built.

mkdocs-static-i18n (folder layout) rebuilds the file list from the real files of each
docs/<lang>/ in its own on_files (priority -100), dropping anything that is not on disk. So this hook
runs after it and adds, for the current language only, virtual files shaped exactly like the
plugin's own: source `<lang>/wizard/...`, destination without the prefix for the default language,
and the other languages' twins as alternates (language switcher, sitemap). Each page holds a single
macro call; macros/wizard.py writes its content.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs_static_i18n.folder import create_i18n_file

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the macros package is at the project root, like for mkdocs-macros
    sys.path.insert(0, str(ROOT))

from macros import wizard_tree  # noqa: E402
from macros.wizard import page_title  # noqa: E402


def page_source(node_id: str, lang: str) -> str:
    title = page_title(node_id, lang).replace('"', '\\"')
    return (
        "---\n"
        f'title: "{title}"\n'
        "hide:\n  - toc\n"
        "---\n\n"
        f'{{{{ wizard_node("{node_id}") }}}}\n'
    )


def _i18n_file(src_uri: str, lang: str, i18n, config) -> File:
    plain = File(src_uri, config["docs_dir"], config["site_dir"], config["use_directory_urls"])
    return create_i18n_file(plain, lang, i18n.default_language, i18n.all_languages, config)


@event_priority(-200)
def on_files(files: Files, config) -> Files:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise RuntimeError("hooks/wizard_pages.py works with the mkdocs-static-i18n plugin (folder layout)")
    lang = i18n.current_language
    for item in wizard_tree.nodes():
        src = wizard_tree.src_path(item.id, lang)
        if (Path(config["docs_dir"]) / src).exists():
            raise RuntimeError(f"docs/{src} exists: the wizard's pages are generated from data/wizard.yml")
        page = _i18n_file(src, lang, i18n, config)
        page.content_string = page_source(item.id, lang)
        page.generated_by = "hooks/wizard_pages.py"
        for other in i18n.build_languages:
            if other != lang:
                page.alternates[other] = _i18n_file(wizard_tree.src_path(item.id, other), other, i18n, config)
        files.append(page)
    # The sitemap lists the pages each language build reported; ours come after that report.
    i18n.i18n_files_per_language[lang] = files.documentation_pages()
    return files
