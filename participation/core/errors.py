"""Domain errors raised by services, and the HTTP error pages.

Services raise a UserError subclass carrying a translated message (and, when it
belongs to one form field, that field's name). Views catch UserError, put the
message on the form or flash it, and answer with the error's status code.
"""

from __future__ import annotations

import logging
import uuid

from flask import render_template, request
from markupsafe import escape
from werkzeug.exceptions import HTTPException, SecurityError

from participation.core.i18n import _, current_lang
from participation.extensions import db

log = logging.getLogger(__name__)


class UserError(Exception):
    """A rule the user broke; the message is shown to them."""

    status_code = 400

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(UserError):
    status_code = 403


class NotFound(UserError):
    status_code = 404


class Conflict(UserError):
    """The request clashes with the current state (already done, full, closed)."""

    status_code = 409


_ERROR_TITLES = {
    400: lambda: _("The request could not be understood"),
    403: lambda: _("You do not have access to this page"),
    404: lambda: _("Page not found"),
    405: lambda: _("This action is not possible here"),
    409: lambda: _("This could not be done"),
    413: lambda: _("What you sent is too large"),
    429: lambda: _("Too many attempts"),
    500: lambda: _("Something went wrong on our side"),
}


def render_error(code: int, message: str | None = None, incident: str | None = None):
    """Render the error page in the site layout with the given status code.

    Should the layout itself fail (the error may come from what it needs), a bare page
    still tells the person what happened instead of a second, unhandled error.
    """
    title = _ERROR_TITLES.get(code, _ERROR_TITLES[500])()
    try:
        body = render_template("errors/error.html", code=code, title=title, message=message, incident=incident)
    except Exception:
        log.exception("the error page for %s could not be rendered in the layout", code)
        body = _bare_error_page(title, message, incident)
    return body, code


def _bare_error_page(title: str, message: str | None, incident: str | None) -> str:

    try:
        lang = current_lang()
    except Exception:
        lang = "nl"
    parts = [f"<h1>{escape(title)}</h1>"]
    if message:
        parts.append(f"<p>{escape(message)}</p>")
    if incident:
        reference = _("If you contact us, mention this reference: %(incident)s", incident=incident)
        parts.append(f"<p>{escape(reference)}</p>")
    return (
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body><main>{''.join(parts)}</main></body></html>"
    )


def register_error_handlers(app) -> None:
    """Turn HTTP errors and unexpected exceptions into friendly, translated pages."""

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if exc.code is None or exc.code < 400:
            return exc
        if _answers_json():
            return _json_error(exc.code, exc.name, exc.description, exc)
        if isinstance(exc, SecurityError):
            # A host that is not ours (TRUSTED_HOSTS): no route can be built for it, so no layout;
            # a plain answer, and no error in the log for every scanner that tries.
            return _bare_error_page(_ERROR_TITLES[400](), None, None), 400
        response = render_error(exc.code if exc.code in _ERROR_TITLES else 400)
        if exc.code == 429:
            body, code = response
            headers = {"Retry-After": str(getattr(exc, "retry_after", None) or 60)}
            return body, code, headers
        if exc.code == 405 and getattr(exc, "valid_methods", None):
            body, code = response
            return body, code, {"Allow": ", ".join(exc.valid_methods)}
        return response

    @app.errorhandler(UserError)
    def _user_error(exc: UserError):
        if _answers_json():
            return _json_error(exc.status_code, _ERROR_TITLES.get(exc.status_code, _ERROR_TITLES[400])(), exc.message)
        return render_error(exc.status_code, exc.message)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        incident = uuid.uuid4().hex[:12]
        log.exception("unhandled error, incident %s", incident)

        db.session.rollback()
        if app.testing or app.config.get("PROPAGATE_EXCEPTIONS"):
            raise exc
        if _answers_json():
            return {"error": "Internal Server Error", "status": 500, "incident": incident}, 500
        return render_error(500, incident=incident)


def _answers_json() -> bool:
    """The public API and the health checks are read by programs: their errors are JSON too."""
    return request.path.startswith(("/api/", "/healthz"))


def _json_error(code: int, name: str, message: str | None, exc=None):
    """`{"error", "status", "message"}`; a 429 says when to try again, as the HTML page does."""
    body = {"error": name, "status": code}
    if message:
        body["message"] = str(message)
    headers = {}
    if code == 429:
        headers["Retry-After"] = str(getattr(exc, "retry_after", None) or 60)
    if code == 405 and getattr(exc, "valid_methods", None):
        headers["Allow"] = ", ".join(exc.valid_methods)
    return body, code, headers
