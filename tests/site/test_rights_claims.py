"""Every sentence of the guide that says who may or may not do something agrees with the role
engine's policy table.

Such a sentence is either generated from the policy (`who_may`, `rights_matrix`) or carries a
`{{ claim(...) }}` (macros/claims.py). Here:
- every claim of every page, in every language, is checked against the policy;
- twin pages carry the same claims (every language says the same thing);
- a block of prose that states a restriction about a role ("seul le GL…", "alleen de VTE…")
  carries a claim or a generated box, so that a new rights sentence cannot slip in unchecked.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from macros import claims as claims_module
from macros.common import LANGUAGES, fact

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def load_policy():
    try:
        from egov_roles import policy
    except ImportError as error:  # the engine is a workspace package: `uv sync` installs it
        pytest.fail(f"the role engine's policy module egov_roles.policy cannot be imported: {error}")
    return policy


def source_pages(lang: str) -> dict[str, str]:
    return {p.relative_to(DOCS / lang).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((DOCS / lang).rglob("*.md"))}


def all_claims() -> list[tuple[str, claims_module.Claim]]:
    out = []
    for lang in LANGUAGES:
        for path, text in source_pages(lang).items():
            out += [(f"{lang}/{path}", claim) for claim in claims_module.page_claims(text)]
    return out


CLAIMS = all_claims()


def claim_id(item) -> str:
    where, claim = item
    return f"{where}:{claim.line}:{'+'.join(claim.actions)}"


def test_the_guide_carries_claims():
    assert CLAIMS, "no {{ claim(...) }} in docs/: nothing ties the guide's sentences to the policy"


@pytest.mark.parametrize("item", CLAIMS, ids=[claim_id(i) for i in CLAIMS])
def test_claim_agrees_with_the_policy(item):
    policy = load_policy()
    where, claim = item
    roles = set(policy.data()["roles"])
    problems = claims_module.check_ids(claim, set(policy.action_ids()), roles)
    assert not problems, f"{where}:{claim.line}: {problems}"
    for action in claims_module.expand(claim, policy.action_ids()):
        for role in claim.yes:
            decision = policy.decide(role, action)
            assert decision.allowed, (
                f"{where}:{claim.line} says {role} may {action}; the policy refuses ({decision.rule})")
        for role in claim.no:
            assert not policy.decide(role, action).allowed, (
                f"{where}:{claim.line} says {role} may not {action}; the policy allows it")
        if claim.nobody:
            allowed = sorted(r for r in roles if policy.decide(r, action).allowed)
            assert not allowed, f"{where}:{claim.line} says nobody may {action}; the policy allows {allowed}"


@pytest.mark.parametrize("path", sorted(source_pages(LANGUAGES[0])))
def test_twins_carry_the_same_claims(path):
    said = {}
    for lang in LANGUAGES:
        twin = DOCS / lang / path
        assert twin.exists(), f"{lang}/{path} missing"
        said[lang] = Counter(c.key() for c in claims_module.page_claims(twin.read_text(encoding="utf-8")))
    first = said[LANGUAGES[0]]
    for lang in LANGUAGES[1:]:
        only_first = first - said[lang]
        only_other = said[lang] - first
        assert not only_first and not only_other, (
            f"{path}: claims only in {LANGUAGES[0]} {sorted(only_first)}, only in {lang} {sorted(only_other)}")


# Words that state a restriction, and the role names they may bear on, per language
# (data/languages.yml, `checks`). A block of prose with both needs a claim or a generated box.
RESTRICTION = {lang: re.compile(fact(lang, "checks")["restriction"]) for lang in LANGUAGES}
ROLE = {lang: re.compile(fact(lang, "checks")["role_names"]) for lang in LANGUAGES}
GENERATED = re.compile(r"\{\{\s*(?:claim|who_may|rights_matrix)\(")


def blocks(markdown: str) -> list[tuple[int, str]]:
    """Paragraphs, list items and table rows of a page, with their first line number."""
    out: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(markdown.splitlines(), start=1):
        stripped = line.strip()
        new_item = bool(re.match(r"(?:[-*]|\d+\.|\|)\s", stripped)) or stripped.startswith("|")
        if not stripped or new_item or stripped.startswith("#"):
            if current:
                out.append((start, " ".join(current)))
            current = []
            if not stripped or stripped.startswith("#"):
                continue
        if not current:
            start = number
        current.append(stripped)
    if current:
        out.append((start, " ".join(current)))
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_restriction_sentence_is_claimed(lang):
    unclaimed = []
    for path, text in source_pages(lang).items():
        for line, block in blocks(text):
            if block.startswith(("|---", "| ---", "{{")) or GENERATED.search(block):
                continue
            if RESTRICTION[lang].search(block) and ROLE[lang].search(block):
                unclaimed.append(f"{lang}/{path}:{line}: {block[:110]}")
    assert not unclaimed, (
        "sentences that say who may not do something without a {{ claim(...) }} or a generated box:\n"
        + "\n".join(unclaimed))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_restriction_words_catch_a_restriction(lang):
    sample = fact(lang, "checks")["restriction_sample"]
    assert RESTRICTION[lang].search(sample) and ROLE[lang].search(sample), sample
