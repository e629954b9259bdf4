"""Claims: the machine-readable form of a sentence of the guide that says who may or may not do
something, written beside the sentence and checked against the role engine's policy table.

In a page, right after the sentence (or in the table cell, or the list item) it belongs to:

    Seul le RAE gère les co-RAE. {{ claim("co_rae.add co_rae.block", yes="rae", no="co_rae") }}

- the first argument names one or more action ids of the policy (space-separated); `co_gl.*`
  stands for every action whose id starts with `co_gl.`;
- `yes` names the roles the sentence says may do every one of these actions, `no` the roles it
  says may not (role ids of the policy: legal_rep, rae, co_rae, gl, co_gl, user, person);
  `yes="nobody"` says that no role may.

The macro renders nothing and checks at build time only that the action and role ids exist (a
typo fails the strict build). Whether the claim is *true* is decided by the policy, in
tests/site/test_rights_claims.py, which reads the claims straight from the Markdown with
`page_claims` so that a claim cannot be true on one page and false on its twin unnoticed.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

# A claim call as written in a page: {{ claim("...", yes="...", no="...") }}
CALL = re.compile(r"\{\{\s*claim\((?P<args>[^{}]*?)\)\s*\}\}")
NOBODY = "nobody"


@dataclass(frozen=True)
class Claim:
    actions: tuple[str, ...]
    yes: tuple[str, ...]
    no: tuple[str, ...]
    nobody: bool
    line: int = 0

    def key(self) -> tuple:
        """What the claim says, without where it stands (twins compare keys)."""
        return (self.actions, self.yes, self.no, self.nobody)


def parse(actions: str, yes: str = "", no: str = "", line: int = 0) -> Claim:
    yes_roles = tuple(yes.split())
    nobody = yes_roles == (NOBODY,)
    if nobody:
        yes_roles = ()
    claim = Claim(tuple(actions.split()), yes_roles, tuple(no.split()), nobody, line)
    if not claim.actions:
        raise ValueError(f"claim without an action (line {line})")
    if not (claim.yes or claim.no or claim.nobody):
        raise ValueError(f"claim on {actions!r} says nothing: give yes= or no= (line {line})")
    return claim


def _call_arguments(source: str) -> tuple[list[str], dict[str, str]]:
    call = ast.parse(f"claim({source})", mode="eval").body
    assert isinstance(call, ast.Call)
    args = [ast.literal_eval(a) for a in call.args]
    kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    return args, kwargs


def page_claims(markdown: str) -> list[Claim]:
    """Every claim of a page's Markdown source, with its line number."""
    found = []
    for match in CALL.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        args, kwargs = _call_arguments(match.group("args"))
        found.append(parse(*args, line=line, **kwargs))
    return found


def expand(claim: Claim, action_ids: list[str]) -> list[str]:
    """The policy's action ids a claim speaks of (`co_gl.*` spelled out)."""
    out: list[str] = []
    for name in claim.actions:
        if name.endswith(".*"):
            out += [a for a in action_ids if a.startswith(name[:-1])]
        else:
            out.append(name)
    return out


def check_ids(claim: Claim, action_ids: set[str], role_ids: set[str]) -> list[str]:
    """Unknown action or role ids of a claim (empty when every id exists)."""
    problems = [f"no action matches {a!r}" for a in claim.actions
                if a.endswith(".*") and not expand(Claim((a,), (), (), True), sorted(action_ids))]
    problems += [f"unknown action {a!r}" for a in claim.actions if not a.endswith(".*") and a not in action_ids]
    problems += [f"unknown role {r!r}" for r in claim.yes + claim.no if r not in role_ids]
    return problems


def define_env(env):
    from egov_roles import policy

    @env.macro
    def claim(actions: str, yes: str = "", no: str = "") -> str:
        stated = parse(actions, yes, no)
        problems = check_ids(stated, set(policy.action_ids()), set(policy.data()["roles"]))
        if problems:
            raise ValueError(f"claim({actions!r}) in {env.page.file.src_uri}: " + "; ".join(problems))
        return ""
