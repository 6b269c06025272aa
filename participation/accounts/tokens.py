"""Signed, expiring tokens for links sent by e-mail."""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

VERIFY_EMAIL = "verify-email"
RESET_PASSWORD = "reset-password"  # noqa: S105 - a token purpose, not a password
CHANGE_EMAIL = "change-email"


class InvalidToken(Exception):
    """The link was tampered with, expired or already used."""


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"participation:{purpose}")


def make_token(purpose: str, payload: dict) -> str:
    return _serializer(purpose).dumps(payload)


def read_token(purpose: str, token: str, max_age: int) -> dict:
    try:
        payload = _serializer(purpose).loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature) as exc:
        raise InvalidToken from exc
    if not isinstance(payload, dict):
        raise InvalidToken
    return payload


def fingerprint(value: str) -> str:
    """A short digest that changes when the value changes (makes reset links single-use)."""
    return hashlib.sha256(value.encode()).hexdigest()[:16]
