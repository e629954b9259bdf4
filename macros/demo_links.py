"""The guide's "try it in the demo" links, from the demo's task table (demo/web/tasks.json, also
read by the demo's #/task/<id> screen): one table, so a task page and the demo cannot disagree.

A task page (its `guide` entry in the table) gets its link without anyone typing it: after the
macros ran, the link is put before the page's first section heading, under the intro and the
who_may block, with the demo's screen of the task below it (demo_screens.py). `try_it("<task id>")`
writes the same link anywhere else (e.g. a wizard answer).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import lru_cache

from egov_roles import demo_data, policy
from mkdocs.exceptions import PluginError

from . import demo_screens
from .common import LANGUAGES, ROOT, page_language, texts

TASKS_FILE = ROOT / "demo" / "web" / "tasks.json"


@lru_cache(maxsize=1)
def tasks() -> dict:
    return json.loads(TASKS_FILE.read_text(encoding="utf-8"))["tasks"]


@lru_cache(maxsize=1)
def dataset() -> dict:
    return demo_data.demo()


def task_of_page(src_uri: str) -> str | None:
    """The task whose guide page is `src_uri` (with or without its language folder)."""
    parts = src_uri.split("/", 1)
    if len(parts) == 2 and parts[0] in LANGUAGES:
        src_uri = parts[1]
    return next((tid for tid, task in tasks().items() if task["guide"] == src_uri), None)


def who_text(task: dict, lang: str) -> str:
    """Whom the link logs in as: the person, and the profile unless the task is to choose one."""
    data = dataset()
    person = data["people"][task["person"]]
    name = f"{person['first_name']} {person['name']}"
    if not task.get("profile"):
        return texts(lang, "demo_links")["as_person"].format(name=name)
    role = data["roles"][task["profile"]]
    return texts(lang, "demo_links")["as"].format(name=name, role=policy.role_name(role["kind"], lang))


def link_markdown(task_id: str, lang: str, page_src: str) -> str:
    task = tasks()[task_id]
    # The demo page's Markdown source, relative to this page: the i18n plugin makes it the demo
    # of the page's language, wherever the site is served.
    within = page_src.split("/", 1)[1] if page_src.split("/", 1)[0] in LANGUAGES else page_src
    target = posixpath.relpath("demo/index.md", posixpath.dirname(within) or ".")
    who = who_text(task, lang)
    label = texts(lang, "demo_links")["try"]
    return (f"[{label}]({target}#/task/{task_id}){{ .md-button .try-it "
            f"data-task=\"{task_id}\" }} ({who})")


def define_env(env):
    @env.macro
    def try_it(task_id: str) -> str:
        if task_id not in tasks():
            raise ValueError(f"try_it: unknown task {task_id!r} (demo/web/tasks.json)")
        return link_markdown(task_id, page_language(env), env.page.file.src_uri)

    @env.macro
    def demo_accounts() -> str:
        """The demo dataset's accounts for the login screen (data-accounts on #demo-app): their
        usernames and the one password they share, so that the login can publish them."""
        people = dataset()["people"].values()
        accounts = {"password": demo_data.DEMO_PASSWORD,
                    "usernames": sorted(p["username"] for p in people if p.get("username"))}
        return html.escape(json.dumps(accounts), quote=True)

    @env.macro
    def demo_task_links() -> str:
        lang = page_language(env)
        return tasks_list_markdown(lang, env.page.file.src_uri, page_titles(lang))


def tasks_list_markdown(lang: str, page_src: str, titles: dict) -> str:
    """The list of every task link (on the demo page itself: a fragment only)."""
    within = page_src.split("/", 1)[1] if page_src.split("/", 1)[0] in LANGUAGES else page_src
    demo = "" if within == "demo/index.md" else posixpath.relpath("demo/index.md", posixpath.dirname(within) or ".")
    lines = []
    for task_id, task in tasks().items():
        who = who_text(task, lang)
        guide = posixpath.relpath(task["guide"], posixpath.dirname(within) or ".")
        lines.append("- " + texts(lang, "demo_links")["list"].format(task=f"`{task_id}`", title=titles.get(task["guide"], task["guide"]),
                                                   guide=guide, demo=demo, id=task_id, who=who))
    return "\n".join(lines)


def page_titles(lang: str) -> dict:
    """Each task page's first heading, read from its Markdown source."""
    titles = {}
    for task in tasks().values():
        source = (ROOT / "docs" / lang / task["guide"]).read_text(encoding="utf-8")
        found = re.search(r"^# (.+)$", source, flags=re.MULTILINE)
        titles[task["guide"]] = found.group(1).strip() if found else task["guide"]
    return titles


def alt_text(task_id: str, lang: str) -> str:
    """The screenshot's alt text, from the task table (one place for it)."""
    alt = (tasks()[task_id].get("alt") or {}).get(lang, "").strip()
    if not alt:
        raise PluginError(f"demo/web/tasks.json: task {task_id!r} has no alt text in {lang} (alt.{lang})")
    return alt


def on_post_page_macros(env):
    task_id = task_of_page(env.page.file.src_uri)
    if task_id is None:
        return
    lang = page_language(env)
    parts = [demo_screens.figure_html(task_id, alt_text(task_id, lang), lang, env.page.url)]
    if f"#/task/{task_id}" not in env.markdown:
        parts.insert(0, link_markdown(task_id, lang, env.page.file.src_uri))
    block = "\n\n".join(part for part in parts if part)
    heading = re.search(r"^## ", env.markdown, flags=re.MULTILINE)
    at = heading.start() if heading else len(env.markdown)
    env.markdown = env.markdown[:at] + block + "\n\n" + env.markdown[at:] if heading \
        else env.markdown + "\n\n" + block + "\n"
