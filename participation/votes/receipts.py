"""Receipt codes: shown once to the voter; only their SHA-256 fingerprint is stored."""

from __future__ import annotations

import base64
import hashlib
import secrets

_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def new_receipt_code() -> str:
    """80 random bits in base32, grouped for reading aloud: ABCD-EFGH-JKLM-NPQR."""
    raw = base64.b32encode(secrets.token_bytes(10)).decode()
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def normalise(code: str) -> str | None:
    """The code as issued, from what a person typed (case, spaces and dashes do not matter)."""
    cleaned = "".join(ch for ch in (code or "").upper() if ch not in " -\t")
    if len(cleaned) != 16 or not set(cleaned) <= _ALPHABET:
        return None
    return "-".join(cleaned[i : i + 4] for i in range(0, 16, 4))


def fingerprint(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()
