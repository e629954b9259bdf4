"""The guide's links to the demo's guided tours (demo/web/tours.json, the file the demo's
#/tour/<name> screen reads): `tour("<name>")` writes "Suivre ce parcours dans la démo" /
"Volg deze rondleiding in de demo" with the tour's title and its number of steps.

Each tour's steps link back to guide pages, taken from the step or from its task in
demo/web/tasks.json; the build fails on an unknown tour, an unknown task or a guide page missing
in one of the languages, so the demo never links to a page that is not there.
"""

from __future__ import annotations

import json
from functools import lru_cache

from .common import LANGUAGES, ROOT, page_language, texts
from .demo_links import tasks as task_table
from .scenarios import demo_target

TOURS_FILE = ROOT / "demo" / "web" / "tours.json"


@lru_cache(maxsize=1)
def tours() -> dict:
    data = json.loads(TOURS_FILE.read_text(encoding="utf-8"))["tours"]
    tasks = task_table()
    for name, tour in data.items():
        pages = [tour["guide"]]
        for step in tour["steps"]:
            if "task" in step and step["task"] not in tasks:
                raise ValueError(f"tour {name!r}, step {step['id']!r}: unknown task {step['task']!r} (demo/web/tasks.json)")
            guide = step.get("guide") or tasks.get(step.get("task"), {}).get("guide")
            if not guide or not (step.get("path") or step.get("task")):
                raise ValueError(f"tour {name!r}, step {step['id']!r}: needs a task, or a guide page and a path")
            pages.append(guide)
        for lang in LANGUAGES:
            for page in pages:
                if not (ROOT / "docs" / lang / page).is_file():
                    raise ValueError(f"tour {name!r}: guide page docs/{lang}/{page} does not exist")
    return data


def link_markdown(name: str, lang: str, page_src: str) -> str:
    if name not in tours():
        raise ValueError(f"tour: unknown tour {name!r} (demo/web/tours.json)")
    tour = tours()[name]
    text = texts(lang, "tours")
    return (f"[{text['follow']}]({demo_target(page_src)}#/tour/{name}){{ .md-button .md-button--primary .tour-link "
            f"data-tour=\"{name}\" }} {text['steps'].format(title=tour['title'][lang], count=len(tour['steps']))}")


def list_markdown(lang: str) -> str:
    """The demo page's own list of the tours (fragment links: the demo is this page)."""
    return "\n".join("- " + texts(lang, "tours")["list"].format(title=tour["title"][lang], name=name, intro=tour["intro"][lang])
                     for name, tour in tours().items())


def define_env(env):
    @env.macro
    def tour(name: str) -> str:
        return link_markdown(name, page_language(env), env.page.file.src_uri)

    @env.macro
    def demo_tour_links() -> str:
        return list_markdown(page_language(env))
