"""The wizard's tree (data/wizard.yml): its nodes, their source paths and the references in their
text. Shared by the page hook (which pages exist), the macros (what each page says) and the tests.

A node id is `start`, `about`, `questions`, a profile id (`rae`) or `<profile>/<task>`
(`rae/activate-quality`). The checks run when the tree is loaded, so a broken tree stops the build.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache

from .common import LANGUAGES, ROOT, load_data

DOCS = ROOT / "docs"
SPECIAL = ("start", "about", "questions")
# [label][ref]: a Markdown reference link, resolved by us rather than by Markdown so that an
# unknown reference fails the build instead of printing brackets.
REFERENCE = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])+)\]\[([^\[\]]+)\]")


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # start | about | questions | profile | answer
    profile: dict | None = None
    task: dict | None = None

    @property
    def parent(self) -> str | None:
        if self.kind == "answer":
            return self.profile["id"]
        return None if self.kind == "start" else "start"


class TreeError(ValueError):
    """data/wizard.yml breaks a rule of the tree."""


def src_path(node_id: str, lang: str) -> str:
    """Source path of a node's page under docs/ (the i18n plugin's folder layout)."""
    if node_id == "start":
        return f"{lang}/wizard/index.md"
    if node_id in SPECIAL:
        return f"{lang}/wizard/{node_id}.md"
    if "/" in node_id:
        return f"{lang}/wizard/{node_id}.md"
    return f"{lang}/wizard/{node_id}/index.md"


def relative_link(target_src: str, from_src: str) -> str:
    """A Markdown link from one source file to another, as MkDocs expects (it checks and rewrites it)."""
    return posixpath.relpath(target_src, posixpath.dirname(from_src))


@lru_cache(maxsize=None)
def tree() -> dict:
    data = load_data("wizard")
    _check(data)
    return data


def nodes() -> list[Node]:
    data = tree()
    out = [Node(name, name) for name in SPECIAL]
    for profile in data["profiles"]:
        out.append(Node(profile["id"], "profile", profile))
        for task in profile["tasks"]:
            out.append(Node(f"{profile['id']}/{task['id']}", "answer", profile, task))
    return out


def node(node_id: str) -> Node:
    for item in nodes():
        if item.id == node_id:
            return item
    raise KeyError(f"no wizard node {node_id!r}")


def next_steps(item: Node) -> list[tuple[str, dict | None]]:
    """(node id, labels or None) of an answer's next steps."""
    steps = []
    for entry in (item.task or {}).get("next", []):
        if isinstance(entry, str):
            steps.append((entry, None))
        else:
            steps.append((entry["node"], {lang: entry[lang] for lang in LANGUAGES}))
    return steps


def children(item: Node) -> list[str]:
    """Every node a page links to as a step of the wizard."""
    data = tree()
    if item.kind == "start":
        return [p["id"] for p in data["profiles"]] + ["about", "questions"]
    if item.kind == "about":
        return [n.id for n in nodes() if n.kind in ("profile", "answer")]
    if item.kind == "questions":
        return ["start"]
    if item.kind == "profile":
        return [f"{item.id}/{t['id']}" for t in item.profile["tasks"]]
    return [target for target, _ in next_steps(item)]


def texts(value) -> list[str]:
    """Every string inside a language block (text, notes, labels)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in texts(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in texts(v)]
    return []


def references(text: str) -> list[tuple[str, str]]:
    return REFERENCE.findall(text)


def guide_exists(path: str) -> bool:
    return all((DOCS / lang / path).is_file() for lang in LANGUAGES)


def claims() -> list[tuple[str, dict]]:
    """(node id, claim) for every claim of the tree."""
    return [
        (n.id, claim) for n in nodes() if n.kind == "answer" for claim in n.task.get("claims", [])
    ]


def _check(data: dict) -> None:
    errors: list[str] = []
    ids = [name for name in SPECIAL]
    for profile in data["profiles"]:
        ids.append(profile["id"])
        ids.extend(f"{profile['id']}/{task['id']}" for task in profile["tasks"])
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        errors.append(f"duplicate node ids {sorted(duplicates)}")
    known = set(ids)
    lexicon = {entry["id"] for entry in load_data("lexicon")["entries"]}

    def check_text(where: str, text: str) -> None:
        for _label, ref in references(text):
            kind, _, rest = ref.partition(":")
            if kind == "guide":
                if not guide_exists(rest):
                    errors.append(f"{where}: guide page {rest!r} missing in docs/<lang> of a site language")
            elif kind == "node":
                if rest not in known:
                    errors.append(f"{where}: unknown node {rest!r}")
            elif ref not in data["links"]:
                errors.append(f"{where}: unknown link {ref!r}")

    def check_languages(where: str, block: dict, required: tuple[str, ...]) -> None:
        for lang in LANGUAGES:
            if lang not in block:
                errors.append(f"{where}: no {lang} text")
                continue
            for key in required:
                if not block[lang].get(key):
                    errors.append(f"{where}: {lang}.{key} missing")
            for text in texts(block[lang]):
                check_text(f"{where} ({lang})", text)
        if all(lang in block for lang in LANGUAGES):
            # Same shape in every language: same keys, same number of notes and list items.
            shapes = {lang: _shape(block[lang]) for lang in LANGUAGES}
            if len(set(map(repr, shapes.values()))) > 1:
                errors.append(f"{where}: the languages differ in shape {shapes}")

    for name, link in data["links"].items():
        if set(link) != set(LANGUAGES):
            errors.append(f"link {name}: needs exactly the site languages {', '.join(LANGUAGES)}")
    check_languages("ui", data["ui"], ())
    check_languages("start", data["start"], ("intro",))
    check_languages("about", data["about"], ("title", "how"))
    check_languages("questions", data["questions"], ("title", "text"))
    for profile in data["profiles"]:
        where = f"profile {profile['id']}"
        check_languages(where, profile, ("name", "i_am"))
        if profile.get("lexicon") not in lexicon:
            errors.append(f"{where}: lexicon id {profile.get('lexicon')!r} not in data/lexicon.yml")
        if not guide_exists(profile.get("guide", "")):
            errors.append(f"{where}: guide page {profile.get('guide')!r} missing")
        if not profile["tasks"]:
            errors.append(f"{where}: no task")
        for task in profile["tasks"]:
            where = f"answer {profile['id']}/{task['id']}"
            check_languages(where, task, ("task", "text"))
            for path in task.get("guide", []):
                if not guide_exists(path):
                    errors.append(f"{where}: guide page {path!r} missing")
            if not task.get("next"):
                errors.append(f"{where}: an answer needs at least one next step")
            for entry in task.get("next", []):
                target = entry if isinstance(entry, str) else entry.get("node")
                if target not in known:
                    errors.append(f"{where}: next step {target!r} is not a node")
                if isinstance(entry, dict) and not all(entry.get(lang) for lang in LANGUAGES):
                    errors.append(f"{where}: next step {target!r} lacks a label in a language")
            for claim in task.get("claims", []):
                if not isinstance(claim.get("action"), str) or "." not in claim["action"]:
                    errors.append(f"{where}: claim without a valid action: {claim}")
                allowed, denied = set(claim.get("allowed", [])), set(claim.get("denied", []))
                if "allowed" not in claim and "denied" not in claim:
                    errors.append(f"{where}: claim {claim['action']} says nothing")
                if allowed & denied:
                    errors.append(f"{where}: claim {claim['action']} allows and denies {allowed & denied}")
    if errors:
        raise TreeError("data/wizard.yml:\n  " + "\n  ".join(errors))


def _shape(value):
    """The structure of a language block without its words, to compare the languages."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    if isinstance(value, str):
        # Count the references and list items so both languages link the same places.
        refs = sorted(ref for _label, ref in references(value))
        items = len(re.findall(r"^\s*[-*] ", value, flags=re.M))
        return ("text", tuple(refs), items)
    return type(value).__name__
