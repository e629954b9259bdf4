"""What the runtime's browser tests share: opening the demo and asking its engine through the
page's own client module (the "egov-engine" import map entry), as the screens do."""

from __future__ import annotations

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
