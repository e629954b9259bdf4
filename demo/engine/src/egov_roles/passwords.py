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


_INNER = bytes(x ^ 0x36 for x in range(256))
_OUTER = bytes(x ^ 0x5C for x in range(256))


def pbkdf2_sha256_pure(password: bytes, salt: bytes, iterations: int) -> bytes:
    """PBKDF2-HMAC-SHA256 (RFC 8018), one 32-byte block, in plain Python.

    Pyodide's Python has no OpenSSL, hence no hashlib.pbkdf2_hmac; this gives the same bytes
    (the tests compare both), so a state saved in one runtime loads in the other. The keyed
    inner and outer hashes are prepared once and copied per round, which keeps a round cheap."""
    if len(password) > 64:
        password = hashlib.sha256(password).digest()
    key = password.ljust(64, b"\0")
    inner, outer = hashlib.sha256(key.translate(_INNER)), hashlib.sha256(key.translate(_OUTER))

    def prf(message: bytes) -> bytes:
        i, o = inner.copy(), outer.copy()
        i.update(message)
        o.update(i.digest())
        return o.digest()

    block = prf(salt + b"\x00\x00\x00\x01")
    result = int.from_bytes(block, "big")
    for _ in range(iterations - 1):
        block = prf(block)
        result ^= int.from_bytes(block, "big")
    return result.to_bytes(32, "big")


def pbkdf2_sha256(password: bytes, salt: bytes, iterations: int) -> bytes:
    if hasattr(hashlib, "pbkdf2_hmac"):
        return hashlib.pbkdf2_hmac("sha256", password, salt, iterations)
    return pbkdf2_sha256_pure(password, salt, iterations)


def hash_password(password: str, salt: bytes, iterations: int | None = None) -> dict:
    cfg = settings()
    rounds = iterations or cfg["iterations"]
    digest = pbkdf2_sha256(password.encode("utf-8"), salt, rounds)
    return {"algorithm": cfg["algorithm"], "iterations": rounds, "salt": salt.hex(), "hash": digest.hex()}


def verify(password: str, stored: dict | None) -> bool:
    if not stored or stored.get("algorithm") != "pbkdf2_sha256":
        return False
    digest = pbkdf2_sha256(password.encode("utf-8"), bytes.fromhex(stored["salt"]), int(stored["iterations"]))
    return hmac.compare_digest(digest.hex(), stored["hash"])


def new_salt(rng) -> bytes:
    return rng.randbytes(settings()["salt_bytes"])
