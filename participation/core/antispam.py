"""Spam defence without third parties: a honeypot field and a minimum fill time.

A form that mixes in `AntiSpamFields` gets two extra fields: `website`, hidden from
people (and from assistive technology) but filled in by many bots, and
`form_started`, a signed moment at which the form was shown. `passes_antispam(form)`
fails when the honeypot holds anything or the form came back faster than
ANTISPAM_MIN_SECONDS (default 3; 0 switches the time check off). The caller then
re-renders the form with `antispam_message()` and stores nothing.
"""

from __future__ import annotations

import time

from flask import current_app
from itsdangerous import BadSignature, TimestampSigner
from wtforms import HiddenField, StringField

from participation.core.i18n import _, _l

DEFAULT_MIN_SECONDS = 3
_SALT = "participation.antispam.form-started"


def _signer() -> TimestampSigner:
    return TimestampSigner(current_app.config["SECRET_KEY"], salt=_SALT)


def new_form_token() -> str:
    return _signer().sign("form").decode()


def _started_at(token: str | None) -> float | None:
    if not token:
        return None
    try:
        _value, stamp = _signer().unsign(token, return_timestamp=True)
    except BadSignature:
        return None
    return stamp.timestamp()


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
    """True when the honeypot is empty and the form took long enough to fill in."""
    if (form.website.data or "").strip():
        return False
    needed = min_seconds()
    if needed <= 0:
        return True
    started = _started_at(form.form_started.data)
    return started is not None and time.time() - started >= needed


def antispam_message() -> str:
    return _("We could not accept this form. Please check what you entered, wait a few seconds and send it again.")
