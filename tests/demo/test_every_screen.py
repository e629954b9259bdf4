"""Every screen of the demo as a reader meets it, in every site language, at a phone's width (390 px)
and an office PC's (1280 px): nothing scrolls sideways (the page's scrollWidth), no table cell
is cut off, no developer's word is visible (a rule id, a command or argument name, a {field} left
unfilled, a null) — refusals included, since several of these screens are refused to the profile that
opens them — and axe-core finds no violation."""

from __future__ import annotations

import datetime as dt

import pytest
from demo_page import LANGUAGES, developer_words

from egov_roles.identifiers_gen import niss

pytestmark = pytest.mark.browser

QUALITY = "q-demo-employer"
NEW_NISS = niss(dt.date(1990, 1, 1), 11)
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
# (who: person and profile, or None for logged out; the screens opened, each with its data-screen)
VISITS = [
    (None, [("#/login", "login"), ("#/bce", "bce"), ("#/nowhere", "not-found"), ("#/tours", "tours"),
            ("#/tour/rae", "tour")]),
    (("person-julien", "role-julien-rae"), [
        ("#/home", "home"), ("#/enterprise", "enterprise"), ("#/co-rae", "co-rae"),
        (f"#/co-rae/add?niss={NEW_NISS}", "co-rae-add"), ("#/co-rae/role-oscar-corae/edit", "co-rae-edit"),
        ("#/co-rae/role-oscar-corae/password", "co-rae-password"), ("#/search", "search"),
        ("#/search?page=1", "search"), ("#/qualities/activate?type=trustee", "activate"),
        (f"#/quality/{QUALITY}", "quality-home"), (f"#/quality/{QUALITY}/gl", "designate-gl"),
        (f"#/quality/{QUALITY}/users", "users"), (f"#/quality/{QUALITY}/co-gl", "co-gl"),
        (f"#/quality/{QUALITY}/detail", "quality-detail"), (f"#/quality/{QUALITY}/routing", "routing"),
        (f"#/quality/{QUALITY}/assignments", "assignments"), ("#/account", "account"),
        ("#/account/password", "account-password"), ("#/account/certificate", "certificate"),
        ("#/assignments", "my-assignments"), ("#/assignments/accept", "accept"), ("#/mailbox", "mailbox"),
        ("#/journal", "journal"), ("#/profile", "profile"),
    ]),
    (("person-marie", "role-marie-gl"), [
        (f"#/quality/{QUALITY}/users/role-kevin-user/edit", "member-edit"),
        (f"#/quality/{QUALITY}/users/role-kevin-user/password", "member-password"),
        (f"#/quality/{QUALITY}/users/add?kind=user&niss={NEW_NISS}", "member-add"),
        (f"#/quality/{QUALITY}/routing", "routing"), (f"#/quality/{QUALITY}/assignments", "assignments"),
    ]),
    (("person-oscar", "role-oscar-corae"), [("#/co-rae", "co-rae"), ("#/co-rae/role-jules-corae/edit", "co-rae-edit")]),
    (("person-willem", "role-willem-cogl"), [(f"#/quality/{QUALITY}/co-gl", "co-gl")]),
    (("person-anne", "role-anne-lr"), [("#/register", "register"), ("#/enterprise", "enterprise")]),
]

READ = """() => {
  const app = document.getElementById('demo-app');
  const cut = [...app.querySelectorAll('.demo-table-wrap tbody td, .demo-table-wrap tbody th')].filter((cell) => {
    const box = cell.closest('.demo-table-wrap').getBoundingClientRect();
    const r = cell.getBoundingClientRect();
    return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
  }).length;
  return {text: app.innerText, scroll: document.documentElement.scrollWidth, width: innerWidth, cut};
}"""


def visit_every_screen(page, check) -> int:
    count = 0
    for who, screens in VISITS:
        if who:
            page.as_profile(*who)
        for fragment, screen in screens:
            page.goto(fragment, screen)
            check(f"{fragment} as {who[1] if who else 'nobody'}")
            count += 1
    return count


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_screen_fits_speaks_plainly_and_passes_axe(demo, lang, width):
    w, h = WIDTHS[width]
    page = demo(lang, viewport={"width": w, "height": h})
    problems = []

    def check(where: str) -> None:
        seen = page.page.evaluate(READ)
        if seen["scroll"] > seen["width"]:
            problems.append(f"{where}: scrolls sideways ({seen['scroll']} > {seen['width']} px)")
        if seen["cut"]:
            problems.append(f"{where}: {seen['cut']} table cells cut off")
        words = developer_words(seen["text"])
        if words:
            problems.append(f"{where}: developer words {words}")
        page.page.mouse.move(0, 0)
        violations = page.axe()
        problems.extend(f"{where}: axe {v['id']} {v['nodes'][:2]}" for v in violations)

    count = visit_every_screen(page, check)
    assert count >= 35
    assert not problems, "\n".join(problems)


def test_the_checker_finds_what_it_looks_for():
    """The word check itself: ids, dotted names and placeholders are caught; e-mails are not."""
    assert developer_words("Règle appliquée : routing_by_local_manager") == ["routing_by_local_manager"]
    assert developer_words("Aller au champ « gl.niss »") == ["gl.niss"]
    assert developer_words("Bonjour {name}") == ["{name}"]
    assert developer_words("jules.mistral@demo-sa.be, S.A. Demo N.V.") == []
    assert developer_words("Une donnée est à corriger null Aller au champ") == ["null"]
    assert developer_words("Datum: undefined, [object Object]") == ["[object Object]", "undefined"]
