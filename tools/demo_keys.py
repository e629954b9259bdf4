"""Keystrokes from a fresh page load to the first action of the demo's five main screens.
A reader's path: Tab from the top of the page; a skip link to the demo's screen is followed with Enter
when offered (its text is taken from the link); then Tab to the first control inside the screen.
usage: uv run python tools/demo_keys.py site   (a built site; prints language, width, screen: keys)"""
import sys
from pathlib import Path
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools import check_pages
from tools.languages import LANGUAGES, home

SCREENS = [  # (fragment, person, profile, screen)
    ("#/login", None, None, "login"),
    ("#/home", "person-julien", "role-julien-rae", "home"),
    ("#/co-rae", "person-julien", "role-julien-rae", "co-rae"),
    ("#/search", "person-julien", "role-julien-rae", "search"),
    ("#/quality/q-demo-employer/users", "person-marie", "role-marie-gl", "users"),
]
IN_SCREEN = """() => { const a = document.activeElement; return !!a && !!a.closest('.demo-screen-body')
  && a.matches('a[href], button, input, select, textarea'); }"""
SKIP = """() => { const a = document.activeElement; return !!a && a.matches('a.demo-skip, a[href="#demo-screen"]'); }"""

site = Path(sys.argv[1])
with check_pages.serve(site, quiet_errors=True) as url, sync_playwright() as p:
    b = p.chromium.launch(**check_pages.launch_options())
    for lang, base in [(lang, home(lang) + "demo/") for lang in LANGUAGES]:
        for width in (1280, 390):
            ctx = b.new_context(viewport={"width": width, "height": 844})
            page = ctx.new_page()
            for fragment, person, profile, screen in SCREENS:
                if person:
                    page.goto(f"{url}{base}#/task/users.search?person={person}&profile={profile}")
                    page.wait_for_function("() => document.getElementById('demo-app')?.dataset.screen === 'search' && document.getElementById('demo-app').dataset.demo === 'ready'", timeout=120000)
                page.goto(f"{url}{base}{fragment}")
                page.reload()
                page.wait_for_function("s => document.getElementById('demo-app')?.dataset.screen === s && document.getElementById('demo-app').dataset.demo === 'ready'", arg=screen, timeout=120000)
                keys = 0
                for _ in range(200):
                    page.keyboard.press("Tab"); keys += 1
                    if page.evaluate(SKIP):
                        page.keyboard.press("Enter"); keys += 1
                    if page.evaluate(IN_SCREEN):
                        break
                else:
                    keys = None
                print(f"{lang} {width} {screen}: {keys}")
            ctx.close()
    b.close()
