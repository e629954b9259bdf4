"""The wizard's pages: each node of data/wizard.yml rendered as Markdown (with md_in_html blocks)
in the page's language. The pages themselves are created by hooks/wizard_pages.py; each holds a
single `{{ wizard_node("<id>") }}` call.

Every link is written as a Markdown link to a source file, so MkDocs checks it (strict build) and
rewrites it; docs/assets/wizard/wizard.js turns the same pages into an interactive wizard.
"""

from __future__ import annotations

import html
import posixpath
import re

from . import demo_links
from . import wizard_tree as wt
from .common import LANGUAGES, page_language
from .lexicon import entries as lexicon_entries

ASSETS = "assets/wizard"
# Labels the script needs, passed as data attributes so that no text lives in the script.
SCRIPT_LABELS = ("step_loaded",)


def ui(lang: str) -> dict:
    return wt.tree()["ui"][lang]


def page_title(node_id: str, lang: str) -> str:
    """Title of a node's page (<title>, search results, nav)."""
    data, item, labels = wt.tree(), wt.node(node_id), ui(lang)
    if item.kind == "start":
        return labels["start_title"]
    if item.kind in ("about", "questions"):
        return data[item.kind][lang]["title"]
    if item.kind == "profile":
        return labels["answer_title"].format(profile=labels["wizard"], task=item.profile[lang]["name"])
    task = item.task[lang]["task"]
    return labels["answer_title"].format(profile=item.profile[lang]["name"], task=task[0].upper() + task[1:])


def step_label(node_id: str, lang: str, from_profile: str | None = None) -> str:
    """How a link to a node reads when the wizard offers it as a step: the task alone within the
    same profile, "I am a … and I would like to …" across profiles."""
    item = wt.node(node_id)
    if item.kind == "profile":
        return item.profile[lang]["name"]
    if item.kind == "answer":
        task = item.task[lang]["task"]
        if item.profile["id"] == from_profile:
            return task[0].upper() + task[1:]
        i_am = item.profile[lang]["i_am"].rstrip("…").rstrip()
        i_want = ui(lang)["i_want"].lstrip("… ").strip()
        return f"{i_am} {i_want} {task}"
    return page_title(node_id, lang)


def guide_title(path: str, lang: str) -> str:
    """A guide page's own title (front matter `title:` or first `# ` heading): never retyped here."""
    text = (wt.DOCS / lang / path).read_text(encoding="utf-8")
    front = re.match(r"^---\n(.*?)\n---\n", text, flags=re.S)
    if front:
        found = re.search(r"^title:\s*(.+)$", front.group(1), flags=re.M)
        if found:
            return found.group(1).strip().strip("\"'")
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, flags=re.M)
    if not heading:
        return posixpath.splitext(path)[0]
    return re.sub(r"\s*\{[^}]*\}\s*$", "", heading.group(1)).strip()


class Renderer:
    """Markdown of one node's page in one language."""

    def __init__(self, node_id: str, lang: str, page_url: str = ""):
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        self.item = wt.node(node_id)
        self.lang = lang
        self.src = wt.src_path(node_id, lang)
        self.labels = ui(lang)
        # from the page's URL directory back to the site root, for the script's address
        self.root = "../" * page_url.count("/")
        # from the page's URL directory to the wizard's start (the script's home and scope)
        self.home = "../" * (self.src.count("/") - 2 + (0 if self.src.endswith("/index.md") else 1)) or "./"

    # --- links -----------------------------------------------------------------------------
    def node_href(self, node_id: str) -> str:
        return wt.relative_link(wt.src_path(node_id, self.lang), self.src)

    def guide_href(self, path: str) -> str:
        return wt.relative_link(f"{self.lang}/{path}", self.src)

    def external(self, label: str, url: str) -> str:
        sr = f'<span class="wizard-sr"> {html.escape(self.labels["external"])}</span>'
        return f"[{label}{sr}]({url}){{ .wizard-external }}"

    def resolve(self, text: str) -> str:
        """Turn the data file's [label][ref] references into checked Markdown links."""

        def one(match: re.Match) -> str:
            label, ref = match.group(1), match.group(2)
            kind, _, rest = ref.partition(":")
            if kind == "guide":
                return f"[{label}]({self.guide_href(rest)})"
            if kind == "node":
                return f"[{label}]({self.node_href(rest)})"
            return self.external(label, wt.tree()["links"][ref][self.lang])

        return wt.REFERENCE.sub(one, text.strip())

    # --- blocks ----------------------------------------------------------------------------
    def choices(self, entries: list[tuple[str, str]], css: str = "wizard-choices") -> str:
        items = "\n".join(f"- [{label}]({self.node_href(target)})" for target, label in entries)
        return f'<div class="{css}" markdown="1">\n\n{items}\n\n</div>'

    def trail(self) -> str:
        steps = []
        if self.item.kind != "start":
            steps.append(("start", self.labels["wizard"]))
        if self.item.kind == "answer":
            steps.append((self.item.profile["id"], self.item.profile[self.lang]["name"]))
        if not steps:
            return ""
        items = "\n".join(f"1. [{label}]({self.node_href(target)})" for target, label in steps)
        here = html.escape(self.short_title())
        return (
            f'<nav class="wizard-trail" aria-label="{html.escape(self.labels["trail"])}" markdown="1">\n\n'
            f'{items}\n1. <span aria-current="page">{here}</span>\n\n</nav>'
        )

    def short_title(self) -> str:
        if self.item.kind == "answer":
            return self.item.task[self.lang]["task"]
        if self.item.kind == "profile":
            return self.item.profile[self.lang]["name"]
        return page_title(self.item.id, self.lang)

    def heading(self) -> str:
        lang, kind = self.lang, self.item.kind
        eyebrow = ""
        if kind == "answer":
            text = f"{self.labels['i_want']} {self.item.task[lang]['task']}"
            eyebrow = f'<p class="wizard-eyebrow">{html.escape(self.item.profile[lang]["i_am"])}</p>\n'
        elif kind == "profile":
            text = self.item.profile[lang]["i_am"]
        else:
            text = page_title(self.item.id, lang)
        return f'{eyebrow}<h1 class="wizard-title" tabindex="-1">{html.escape(text)}</h1>'

    def notes(self, notes: list[str]) -> str:
        if not notes:
            return ""
        body = "\n\n".join(self.resolve(note) for note in notes)
        title = html.escape(self.labels["notes"])
        return (
            f'<div class="admonition note wizard-notes" markdown="1">\n'
            f'<p class="admonition-title">{title}</p>\n\n{body}\n\n</div>'
        )

    def definition(self, profile: dict) -> str:
        lexicon = {e["id"]: e for e in lexicon_entries()}[profile["lexicon"]][self.lang]
        more = profile[self.lang].get("definition", "")
        return " ".join(f"{lexicon['definition']} {more}".split())

    def definitions(self, open_: bool = False) -> str:
        items = "\n\n".join(
            f"{p[self.lang]['name']}\n:   {self.definition(p)}" for p in wt.tree()["profiles"]
        )
        summary = html.escape(self.labels["definitions"])
        state = " open" if open_ else ""
        return (
            f'<details class="wizard-definitions" id="wizard-definitions"{state} markdown="1">\n'
            f"<summary>{summary}</summary>\n\n{items}\n\n</details>"
        )

    def footer(self) -> str:
        links = []
        parent = self.item.parent
        if parent:
            links.append(f"- [{self.labels['back']}]({self.node_href(parent)}){{ .wizard-back }}")
        if self.item.kind != "start":
            links.append(f"- [{self.labels['home']}]({self.node_href('start')}){{ .wizard-home }}")
        if not links:
            return ""
        label = html.escape(self.labels["toolbar"])
        return f'<nav class="wizard-footer" aria-label="{label}" markdown="1">\n\n' + "\n".join(links) + "\n\n</nav>"

    # --- pages -----------------------------------------------------------------------------
    def body(self) -> list[str]:
        lang, item, data = self.lang, self.item, wt.tree()
        if item.kind == "start":
            profiles = [(p["id"], p[lang]["name"]) for p in data["profiles"]]
            return [
                self.resolve(data["start"][lang]["intro"]),
                f'<h2 class="wizard-question">{html.escape(self.labels["i_am"])}</h2>',
                self.choices(profiles),
                self.definitions(),
                self.resolve(data["start"][lang]["more"]),
            ]
        if item.kind == "about":
            about = data["about"][lang]
            overview = []
            for profile in data["profiles"]:
                tasks = [(f"{profile['id']}/{t['id']}", t[lang]["task"]) for t in profile["tasks"]]
                overview.append(f"### [{profile[lang]['i_am']}]({self.node_href(profile['id'])})")
                overview.append(self.choices(tasks, "wizard-overview"))
            return [
                f"## {about['how_title']}",
                "\n".join(f"- {self.resolve(line)}" for line in about["how"]),
                f"## {about['tasks_title']}",
                *overview,
                self.definitions(open_=True),
            ]
        if item.kind == "questions":
            q = data["questions"][lang]
            return [self.resolve(q["text"]), self.choices([("start", q["continue"])])]
        if item.kind == "profile":
            tasks = [(f"{item.id}/{t['id']}", t[lang]["task"]) for t in item.profile["tasks"]]
            return [
                self.definition(item.profile),
                self.notes(item.profile[lang].get("notes", [])),
                f'<h2 class="wizard-question">{html.escape(self.labels["i_want"])}</h2>',
                self.choices(tasks),
                self.definitions(),
            ]
        task = item.task
        next_links = [
            (target, labels[lang] if labels else step_label(target, lang, item.profile["id"]))
            for target, labels in wt.next_steps(item)
        ]
        guide = "\n".join(f"- [{guide_title(path, lang)}]({self.guide_href(path)})" for path in task.get("guide", []))
        parts = [
            f'<div class="wizard-answer" markdown="1">\n\n{self.resolve(task[lang]["text"])}\n\n</div>',
            self.notes(task[lang].get("notes", [])),
            f'<h2 class="wizard-question">{html.escape(self.labels["next"])}</h2>',
            self.choices(next_links),
        ]
        if guide:
            parts += [f'<h3 class="wizard-guide">{html.escape(self.labels["in_guide"])}</h3>', guide]
        # An answer that describes a task links to the demo opened on it: derived from the answer's
        # guide pages and the demo's task table, so nobody types the link here.
        tasks = [tid for path in task.get("guide", []) if (tid := demo_links.task_of_page(path))]
        parts += [f'<p class="wizard-try" markdown="1">{demo_links.link_markdown(tid, lang, self.src)}</p>'
                  for tid in tasks]
        parts.append(self.definitions())
        return parts

    def toolbar(self, has_definitions: bool) -> str:
        """The toolbar wizard.js drives (back, home, definitions, the steps taken, a live region).
        Written here rather than by the script, so that it takes its place at the first paint: the
        script inserting it moved the whole step down (Lighthouse CLS 0.17 on the wizard's home).
        It stays invisible, in place, until the script marks it ready (site without script: the
        footer's links do the same job)."""
        label = self.labels
        back_off = " disabled" if self.item.parent is None else ""
        home_off = " disabled" if self.item.kind == "start" else ""
        definitions_off = "" if has_definitions else " hidden"
        return (
            f'<div class="wizard-toolbar" role="group" aria-label="{html.escape(label["toolbar"])}">'
            f'<button type="button" class="wizard-tool-back"{back_off}>{html.escape(label["back"])}</button>'
            f'<button type="button" class="wizard-tool-home"{home_off}>{html.escape(label["home"])}</button>'
            f'<button type="button" class="wizard-tool-definitions" aria-controls="wizard-definitions"'
            f' aria-expanded="false"{definitions_off}>{html.escape(label["definitions"])}</button>'
            f'<p class="wizard-hint">{html.escape(label["choices_hint"])}</p>'
            f'<nav class="wizard-history" aria-label="{html.escape(label["history"])}" hidden><ol></ol></nav>'
            f'<p class="wizard-sr" role="status" aria-live="polite"></p>'
            "</div>"
        )

    def page(self) -> str:
        attrs = {
            "class": "wizard",
            "data-wizard-node": self.item.id,
            "data-wizard-kind": self.item.kind,
            "data-wizard-title": page_title(self.item.id, self.lang),
            "data-wizard-home": self.home,
            **{f"data-label-{key.replace('_', '-')}": self.labels[key] for key in SCRIPT_LABELS},
        }
        opening = " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items())
        blocks = [self.trail(), self.heading(), *self.body(), self.footer()]
        has_definitions = any('class="wizard-definitions"' in b for b in blocks if b)
        return (
            self.toolbar(has_definitions) + "\n\n"
            f"<div {opening} markdown=\"1\">\n\n"
            + "\n\n".join(b for b in blocks if b)
            + f'\n\n</div>\n\n<script src="{self.root}{ASSETS}/wizard.js" defer></script>\n'
        )


def render(node_id: str, lang: str, page_url: str = "") -> str:
    return Renderer(node_id, lang, page_url).page()


def define_env(env):
    @env.macro
    def wizard_node(node_id: str) -> str:
        lang = page_language(env)
        src = env.page.file.src_uri
        if src != wt.src_path(node_id, lang):
            raise ValueError(f"wizard_node({node_id!r}) called from {src}, expected {wt.src_path(node_id, lang)}")
        return render(node_id, lang, env.page.url)
