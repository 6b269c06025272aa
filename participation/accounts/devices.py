"""Device cookies: a browser that logged in to an account is known to it afterwards.

After OWASP's "Slow Down Online Guessing Attacks with Device Cookies": a successful
log-in (or following a password-reset link, which proves the same) gives the browser a
signed cookie that names the account and a random nonce. The account is named by a
keyed hash of its normalised e-mail address, never by the address itself. One cookie
holds the entries of up to MAX_ENTRIES accounts (a shared family computer); every
successful log-in replaces its account's entry with a new nonce.

accounts/throttling.py uses it: wrong passwords from a browser holding a valid entry
for the account count against that entry only, so an attacker elsewhere cannot lock
the owner's own devices out.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import after_this_request, current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from participation.accounts.models import normalise_email

COOKIE_NAME = "participation_device"
MAX_ENTRIES = 5
_SALT = "participation.device-cookie"


def account_key(email: str) -> str:
    """A stable name for the account an e-mail address logs in to, that reveals no address."""

    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, b"account:" + normalise_email(email).encode(), hashlib.sha256).hexdigest()[:32]


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def _entries() -> list[list[str]]:
    """The (account key, nonce) pairs of this browser's device cookie; [] when missing or forged."""
    raw = request.cookies.get(COOKIE_NAME)
    if not raw:
        return []
    try:
        entries = _serializer().loads(raw, max_age=current_app.config["DEVICE_COOKIE_MAX_AGE"])
    except BadSignature:
        return []
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, list) and len(e) == 2 and all(isinstance(v, str) for v in e)]


def trusted_nonce(account: str) -> str | None:
    """The nonce of this browser's valid device cookie for the account, or None."""
    for key, nonce in _entries():
        if hmac.compare_digest(key, account):
            return nonce
    return None


def remember_device(email: str) -> None:
    """Give this browser (with the response) a new device-cookie entry for the account."""
    account = account_key(email)
    entries = [[account, secrets.token_urlsafe(16)]]
    entries += [entry for entry in _entries() if entry[0] != account][: MAX_ENTRIES - 1]
    value = _serializer().dumps(entries)
    config = current_app.config

    @after_this_request
    def _set_cookie(response):
        response.set_cookie(
            COOKIE_NAME,
            value,
            max_age=config["DEVICE_COOKIE_MAX_AGE"],
            secure=config.get("SESSION_COOKIE_SECURE", True),
            httponly=True,
            samesite="Lax",
        )
        return response
