"""Spam defence without third parties: a honeypot field and a minimum fill time.

A form that mixes in `AntiSpamFields` gets two extra fields: `website`, hidden from
people (and from assistive technology) but filled in by many bots, and
`form_started`, a signed moment at which the form was shown with a random nonce.
`passes_antispam(form)` fails when the honeypot holds anything, the form came back
faster than ANTISPAM_MIN_SECONDS (default 3) or later than ANTISPAM_MAX_AGE_SECONDS
(default 4 hours), or its nonce was used before: each token is good for one
submission, recorded in the rate-limit store (core/counters.py, shared by all workers,
each entry expiring with the token). ANTISPAM_MIN_SECONDS = 0 switches all token checks
off (tests). The caller then re-renders the form with `antispam_message()` and stores
nothing; the form then carries a usable token again.
"""

from __future__ import annotations

import secrets
import time

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from wtforms import HiddenField, StringField

from participation.core import counters, page_cache
from participation.core.i18n import _, _l

DEFAULT_MIN_SECONDS = 3
DEFAULT_MAX_AGE_SECONDS = 4 * 3600
_SALT = "participation.antispam.form-started.v2"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def new_form_token(started: float | None = None) -> str:
    """A token for a form shown now (or at `started`), with a nonce of its own.

    In a page rendered for the cache it is a hole, filled with a token of its own at each view."""
    marker = page_cache.hole("antispam") if started is None else None
    if marker is not None:
        return marker
    moment = int(time.time() if started is None else started)
    return _serializer().dumps([moment, secrets.token_urlsafe(12)])


page_cache.register_hole("antispam", new_form_token)


def _read_token(token: str | None) -> tuple[float, str] | None:
    """(moment shown, nonce) of a genuine token that has not grown too old, else None."""
    if not token:
        return None
    try:
        started, nonce = _serializer().loads(token)
    except (BadSignature, TypeError, ValueError):
        return None
    if not isinstance(started, int) or not isinstance(nonce, str):
        return None
    if time.time() - started > max_age_seconds():
        return None
    return float(started), nonce


def _started_at(token: str | None) -> float | None:
    read = _read_token(token)
    return read[0] if read else None


def _use_once(nonce: str) -> bool:
    """True the first time a nonce is used, False ever after (while it could be valid)."""

    return counters.incr(f"antispam-nonce/{nonce}", max_age_seconds() + 60) == 1


def max_age_seconds() -> float:
    return float(current_app.config.get("ANTISPAM_MAX_AGE_SECONDS", DEFAULT_MAX_AGE_SECONDS))


def min_seconds() -> float:
    return float(current_app.config.get("ANTISPAM_MIN_SECONDS", DEFAULT_MIN_SECONDS))


class AntiSpamFields:
    """Mixin for a BaseForm: honeypot + signed start time. Render them with
    `{% include "comments/_antispam_fields.html" %}` inside the form."""

    website = StringField(_l("Leave this field empty"))
    form_started = HiddenField()

    def refresh_form_token(self) -> None:
        """Give the form a fresh start time unless it carries a valid one."""
        if _started_at(self.form_started.data) is None:
            self.form_started.data = new_form_token()


def passes_antispam(form) -> bool:
    """True when the honeypot is empty and the form's token is genuine, unused, not too old,
    and the form took long enough to fill in. Spends the token."""
    if (form.website.data or "").strip():
        return False
    needed = min_seconds()
    if needed <= 0:
        return True
    token = _read_token(form.form_started.data)
    if token is None:
        form.form_started.data = new_form_token()
        return False
    started, nonce = token
    if time.time() - started < needed:
        return False  # the same token passes once the person waited
    if not _use_once(nonce):
        form.form_started.data = new_form_token()
        return False
    # Shown again (the service refused something), the form keeps its start time, with a new nonce.
    form.form_started.data = new_form_token(started)
    return True


def antispam_message() -> str:
    return _("We could not accept this form. Please check what you entered, wait a few seconds and send it again.")
