"""What the runtime's browser tests share: opening the demo and asking its engine through the
page's own client module (the "egov-engine" import map entry), as the screens do."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tools.languages import LANGUAGES, home

DOCS = Path(__file__).resolve().parents[2] / "docs"
READY_TIMEOUT_MS = 120_000  # the machine is shared: a generous bound, not a speed check
REQUEST_JS = """async (request) => {
  const { engine } = await import("egov-engine");
  return { response: await engine.request(request), info: engine.info };
}"""
VALID_NISS = {"command": "engine.validate", "lang": "fr", "args": {"field": "niss", "value": "85073003328"}}


def start_and_validate(page, path: str = "/demo/") -> dict:
    """Opens `path`, waits for the engine, has it validate a NISS; the engine's info (its mode)."""
    page.goto(path, wait_until="load")
    page.wait_for_selector("html[data-engine=ready]", timeout=READY_TIMEOUT_MS)
    result = page.evaluate(REQUEST_JS, VALID_NISS)
    assert result["response"]["ok"] is True and result["response"]["data"]["valid"] is True, result
    return result["info"]


def page_text(lang: str, page: str, attribute: str) -> str:
    """A text the runtime's status module shows, as the page's source holds it in a data attribute
    (docs/<lang>/<page>, e.g. data-text-ready="…")."""
    source = (DOCS / lang / page).read_text(encoding="utf-8")
    found = re.search(rf'{re.escape(attribute)}="([^"]*)"', source)
    assert found, f"docs/{lang}/{page} has no {attribute}"
    return html.unescape(found.group(1))
