"""The check-in code on a registration: a QR code of the organisers' check-in link."""

from __future__ import annotations

import segno
from markupsafe import Markup

from participation.core.urls import public_url_for
from participation.events.tokens import CHECK_IN, make_registration_token


def check_in_url(registration, lang: str | None = None) -> str:
    token = make_registration_token(CHECK_IN, registration)
    values = {"lang": lang} if lang else {}
    return public_url_for("events_manage.check_in_code", event_id=registration.event_id, token=token, **values)


def check_in_qr_svg(registration) -> Markup:
    """Inline SVG (no script, no style), hidden from screen readers: the page says in words what it is."""
    svg = segno.make(check_in_url(registration), error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
    # segno writes only paths of the code of our own URL: no user text reaches this markup.
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))  # noqa: S704
