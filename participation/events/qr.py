"""The check-in code on a registration: a QR code of the organisers' check-in link."""

from __future__ import annotations

from markupsafe import Markup

from participation.core.qr import qr_svg
from participation.core.urls import public_url_for
from participation.events.tokens import CHECK_IN, make_registration_token


def check_in_url(registration, lang: str | None = None) -> str:
    token = make_registration_token(CHECK_IN, registration)
    values = {"lang": lang} if lang else {}
    return public_url_for("events_manage.check_in_code", event_id=registration.event_id, token=token, **values)


def check_in_qr_svg(registration) -> Markup:
    """The organisers' check-in link of this registration as a QR code."""
    return qr_svg(check_in_url(registration))
