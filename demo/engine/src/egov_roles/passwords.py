"""Password hashing. Passwords are never stored in clear: the state keeps a PBKDF2-SHA256 hash
with a per-password salt drawn from the engine's injected random source.

The iteration count (data/password_rules.json, 'hashing') is deliberately modest: the demo runs
in the reader's browser on invented people, and each hash must cost milliseconds, not a second.
What the demo shows is the practice (salted, slow hash; clear text never kept), not the cost a
real service would choose (hundreds of thousands of iterations)."""

from __future__ import annotations

import hashlib
import hmac

from .resources import load_json


def settings() -> dict:
    return load_json("password_rules")["hashing"]


def hash_password(password: str, salt: bytes, iterations: int | None = None) -> dict:
    cfg = settings()
    rounds = iterations or cfg["iterations"]
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, rounds)
    return {"algorithm": cfg["algorithm"], "iterations": rounds, "salt": salt.hex(), "hash": digest.hex()}


def verify(password: str, stored: dict | None) -> bool:
    if not stored or stored.get("algorithm") != "pbkdf2_sha256":
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(stored["salt"]), int(stored["iterations"]))
    return hmac.compare_digest(digest.hex(), stored["hash"])


def new_salt(rng) -> bytes:
    return rng.randbytes(settings()["salt_bytes"])
