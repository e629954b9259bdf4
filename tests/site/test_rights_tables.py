"""The guide's rights matrices and "who may do it" boxes say, cell by cell, what the engine's
policy table decides (macros/rights.py), in every site language; the quality-level rights seed 000
gives the RAE and co-RAE (§1.1.2, §2 margin of illustration 3) appear as such."""

from __future__ import annotations

import pytest

from egov_roles import policy
from macros import rights
from macros.common import LANGUAGES, texts


def matrix_cells(level: str, lang: str) -> dict[str, dict[str, str]]:
    """{action label: {role column: cell}} of a level's matrix."""
    lines = [line for line in rights.matrix_markdown(level, lang).splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    out = {}
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        out[cells[0]] = dict(zip(header[1:], cells[1:]))
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("level", rights.LEVELS)
def test_every_cell_says_what_the_policy_decides(lang, level):
    text = texts(lang, "rights")
    cells = matrix_cells(level, lang)
    for action in (a for a in policy.data()["actions"] if a["level"] == level):
        row = cells[action[lang]]
        for role in rights.COLUMNS:
            decision = policy.decide(role, action["id"])
            cell = row[policy.role_name(role, lang, short=True)]
            if decision.allowed:
                assert cell == f"{text['yes']} ({text['scope_short'][decision.scope]})", (action["id"], role, cell)
            else:
                assert cell.startswith(text["no"]), (action["id"], role, cell)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("action", ["co_gl.add", "co_gl.block", "co_gl.unblock", "co_gl.delete", "routing.view",
                                    "routing.edit", "technical_user.designate", "quality.edit"])
def test_the_rae_and_co_rae_have_the_quality_level_rights(lang, action):
    box = rights.who_may_markdown(action, lang)
    for role in ("rae", "co_rae", "gl"):
        assert f"**{policy.role_name(role, lang)}**" in box
    cells = matrix_cells("quality", lang)[policy.action(action)[lang]]
    text = texts(lang, "rights")
    enterprise = f"{text['yes']} ({text['scope_short']['enterprise']})"
    assert cells[policy.role_name("rae", lang, short=True)] == enterprise
    assert cells[policy.role_name("co_rae", lang, short=True)] == enterprise
