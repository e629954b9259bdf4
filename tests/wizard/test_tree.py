"""The wizard's tree (data/wizard.yml) as data: reachable, without dead ends, the same in every
site language, complete against seed 004, and linking outside the site only to the seed's addresses."""

from __future__ import annotations

import copy
import re
from collections import deque
import pytest
from wizard_html import seed_allowlist as allowlist

from macros import wizard_tree as wt
from macros.common import LANGUAGES, ROOT
from macros.official import address_languages, localized
from tools.languages import DEFAULT, OTHERS

SEED = ROOT.parent / "shared" / "seeds" / "004_babc2aeb8241e1df.txt"


def walk(start: str = "start") -> set[str]:
    """Nodes a reader reaches by following the wizard's steps. The about page lists every task,
    which would make everything reachable trivially: its links are left out of the walk."""
    seen, queue = {start}, deque([start])
    while queue:
        item = wt.node(queue.popleft())
        if item.kind == "about":
            continue
        for target in wt.children(item):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def test_every_node_is_reachable_from_the_start():
    ids = {n.id for n in wt.nodes()}
    assert walk() == ids


def test_every_answer_offers_back_home_and_a_next_step():
    for item in wt.nodes():
        if item.kind != "answer":
            continue
        assert item.parent == item.profile["id"], item.id  # back: the profile's task choice
        assert wt.node(item.parent).parent == "start", item.id  # home is one more step up
        targets = [target for target, _ in wt.next_steps(item)]
        assert targets, f"{item.id}: no next step"
        assert item.id not in targets, f"{item.id}: a next step loops back to itself"


def test_every_profile_and_page_leads_on():
    for item in wt.nodes():
        if item.kind != "answer":
            assert wt.children(item), f"{item.id} leads nowhere"


def signature(block: dict) -> object:
    """A language block without its words: keys, list lengths, the links of each text."""
    if isinstance(block, dict):
        return {key: signature(value) for key, value in sorted(block.items())}
    if isinstance(block, list):
        return [signature(value) for value in block]
    if isinstance(block, str):
        refs = tuple(ref for _label, ref in wt.references(block))
        bullets = len(re.findall(r"^\s*- ", block, flags=re.M))
        return ("text", refs, bullets)
    return block


def language_blocks() -> list[tuple[str, dict]]:
    data = wt.tree()
    blocks = [("ui", data["ui"]), ("start", data["start"]), ("about", data["about"]), ("questions", data["questions"])]
    for profile in data["profiles"]:
        blocks.append((profile["id"], profile))
        blocks += [(f"{profile['id']}/{task['id']}", task) for task in profile["tasks"]]
        for task in profile["tasks"]:
            for entry in task.get("next", []):
                if isinstance(entry, dict):
                    blocks.append((f"{profile['id']}/{task['id']} -> {entry['node']}", entry))
    return blocks


@pytest.mark.parametrize("where,block", language_blocks(), ids=[b[0] for b in language_blocks()])
def test_the_tree_has_the_same_shape_in_every_language(where, block):
    assert set(LANGUAGES) <= set(block), f"{where}: missing {sorted(set(LANGUAGES) - set(block))}"
    shapes = {lang: signature(block[lang]) for lang in LANGUAGES}
    assert all(shape == shapes[DEFAULT] for shape in shapes.values()), shapes
    for lang in LANGUAGES:
        texts = wt.texts(block[lang])
        assert all(text.strip() for text in texts), f"{where}: empty text in {lang}"


def test_page_titles_are_distinct_in_each_language():
    from macros.wizard import page_title

    for lang in LANGUAGES:
        titles = [page_title(n.id, lang) for n in wt.nodes()]
        assert len(titles) == len(set(titles)), lang


def test_external_addresses_are_the_seeds_own():
    """Seed 004's addresses, each in the reader's language: the seed's own, or the seed's with its
    language part set to the page's language (some the seed gives in one language only)."""
    seeds = allowlist()
    for name, link in wt.tree()["links"].items():
        for lang in LANGUAGES:
            url = link[lang]
            assert url in seeds or any(localized(seed, lang) == url for seed in seeds), (name, lang, url)
            assert address_languages(url) <= {lang}, (name, lang, url)
        for lang in OTHERS:  # an address in the language itself is the default's, localized
            if address_languages(link[lang]) == {lang}:
                assert localized(link[DEFAULT], lang) == link[lang], (name, lang)


def test_every_reference_in_the_texts_resolves():
    data = wt.tree()
    nodes = {n.id for n in wt.nodes()}
    for where, block in language_blocks():
        for lang in LANGUAGES:
            for text in wt.texts(block[lang]):
                for _label, ref in wt.references(text):
                    kind, _, rest = ref.partition(":")
                    if kind == "guide":
                        assert (ROOT / "docs" / lang / rest).is_file(), f"{where}: {ref}"
                    elif kind == "node":
                        assert rest in nodes, f"{where}: {ref}"
                    else:
                        assert ref in data["links"], f"{where}: {ref}"


def test_the_tree_check_refuses_a_broken_tree(monkeypatch):
    """The build stops on a broken tree: an unknown link, a dead end, a language missing."""
    good = copy.deepcopy(wt.tree())
    wt._check(copy.deepcopy(good))  # the real tree passes

    broken = copy.deepcopy(good)
    broken["profiles"][0]["tasks"][0]["fr"]["text"] += " [x][no-such-link]"
    with pytest.raises(wt.TreeError, match="unknown link"):
        wt._check(broken)

    broken = copy.deepcopy(good)
    broken["profiles"][1]["tasks"][0]["next"] = []
    with pytest.raises(wt.TreeError, match="next step"):
        wt._check(broken)

    broken = copy.deepcopy(good)
    del broken["profiles"][2]["tasks"][0]["nl"]
    with pytest.raises(wt.TreeError, match="no nl text"):
        wt._check(broken)

    broken = copy.deepcopy(good)
    broken["profiles"][3]["tasks"][0]["nl"]["text"] += " [x][contact-centre]"
    with pytest.raises(wt.TreeError, match="differ in shape"):
        wt._check(broken)


# --- against seed 004 -------------------------------------------------------------------------

# What seed 004 offers: its four profiles and, for each, how many tasks its "… et je voudrais"
# list has (read from the seed; the data file must cover every one).
SEED_TASKS = {"legal-representative": 6, "rae": 5, "local-manager": 3, "user": 4}


def test_every_profile_and_task_of_the_seed_is_covered():
    profiles = {p["id"]: len(p["tasks"]) for p in wt.tree()["profiles"]}
    assert profiles == SEED_TASKS


@pytest.mark.skipif(not SEED.is_file(), reason="seed 004 is not beside the repository (shared/seeds)")
def test_the_allowlist_is_exactly_the_seeds_addresses():
    found = set(re.findall(r"https?://\S+", SEED.read_text(encoding="utf-8")))
    assert allowlist() == found
