"""Text the databases cannot store: refused at the door, never a 500.

PostgreSQL text cannot hold NUL (U+0000), and psycopg cannot encode lone UTF-16
surrogates (U+D800-U+DFFF) to UTF-8. Such a character in a form field or an
address would reach a query and fail there, on PostgreSQL only. Forms report it
next to the field (core.forms.BaseForm); addresses get a translated 400 page.
"""

from __future__ import annotations

from flask import Flask, abort, request

from participation.core.errors import render_error
from participation.core.i18n import _
from participation.core.storable_text import is_storable_text


def unstorable_text_message() -> str:
    return _("Remove the invisible control characters from this text and try again.")


def _address_is_storable() -> bool:
    if not is_storable_text(request.path):
        return False
    return all(
        is_storable_text(key) and all(is_storable_text(value) for value in values)
        for key, values in request.args.lists()
    )


def register_input_guard(app: Flask) -> None:
    """Answer 400 with a translated page when the path or query string holds unstorable text."""

    @app.before_request
    def _refuse_unstorable_address():
        if _address_is_storable():
            return None
        if request.path.startswith("/api/"):
            abort(400)  # the error handler answers in JSON there

        return render_error(400, _("This address contains characters that are not allowed."))
