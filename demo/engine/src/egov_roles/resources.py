"""Package data (JSON files under egov_roles/data), read through importlib.resources so that the
engine works the same from a source tree, an installed wheel or Pyodide's in-memory file system."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    """The parsed content of data/<name>.json (read once per process)."""
    text = resources.files("egov_roles").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)
