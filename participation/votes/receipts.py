"""Receipt codes: shown once to the voter (and mailed to them); only their SHA-256 fingerprint is stored.

Codes are written in Crockford's base32 (digits and letters without I, L, O and U), so no two
characters look alike when read aloud or copied by hand; a typed I or L counts as 1, an O as 0.
Codes issued before used RFC 4648 base32 (A-Z, 2-7). Only their fingerprint is stored, so they
cannot be rewritten: a typed code is checked as both, and the fingerprints of 80 random bits
never collide in practice.
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
_LOOK_ALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})
_LEGACY_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_LEGACY_LOOK_ALIKES = str.maketrans({"0": "O"})  # old codes have no 0: a typed 0 meant O
_LENGTH = 16


def new_receipt_code() -> str:
    """80 random bits in Crockford base32, grouped for reading aloud: 7K3M-Q9XD-2HRT-B8VN."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(_LENGTH))
    return _grouped(raw)


def _grouped(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, _LENGTH, 4))


def _cleaned(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch not in " -\t")


def normalise(code: str) -> str | None:
    """The code as issued, from what a person typed (case, spaces and dashes do not matter;
    I and L read as 1, O as 0). None when it cannot be a current-style code."""
    cleaned = _cleaned(code).translate(_LOOK_ALIKES)
    if len(cleaned) != _LENGTH or not set(cleaned) <= set(ALPHABET):
        return None
    return _grouped(cleaned)


def candidates(code: str) -> list[str]:
    """Every issued form the typed code may stand for: the current one and the legacy (A-Z, 2-7) one."""
    forms = []
    current = normalise(code)
    if current:
        forms.append(current)
    legacy = _cleaned(code).translate(_LEGACY_LOOK_ALIKES)
    if len(legacy) == _LENGTH and set(legacy) <= _LEGACY_ALPHABET and _grouped(legacy) not in forms:
        forms.append(_grouped(legacy))
    return forms


def fingerprint(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()
