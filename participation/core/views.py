"""The one way a view runs a service that changes something.

Every form and button follows the same steps: run the service; when it refuses (UserError),
roll back, and show the form again with the message next to its field (or flash it for a
button) with the right status; otherwise commit once, flash what happened and redirect (303,
so a reload does not send the form again). Views say what differs, not the steps.

Form errors answer one status everywhere: 422 (the request was understood, what it contains
was not accepted). A refusal that is about the state of things rather than what was typed keeps
its own status: 403 (not allowed), 404 (no longer exists), 409 (already done, full, closed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import flash, make_response, redirect
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response

from participation.core.errors import UserError
from participation.extensions import db

FORM_ERROR_STATUS = 422


def form_error_status(exc: UserError | None = None) -> int:
    """The status of a form shown again: 422, unless the refusal carries a more precise one."""
    if exc is None or exc.status_code == UserError.status_code:
        return FORM_ERROR_STATUS
    return exc.status_code


def with_status(page: ResponseReturnValue, status: int) -> Response:
    """The page, answered with this status (whatever status the page function chose)."""
    response = make_response(page)
    response.status_code = status
    return response


def form_invalid(page: ResponseReturnValue) -> Response:
    """The form shown again because what was typed did not validate."""
    return with_status(page, FORM_ERROR_STATUS)


Message = str | Callable[[Any], str | None] | None
Target = str | Callable[[Any], str]


def run_service(
    action: Callable[[], Any],
    *,
    to: Target,
    success: Message = None,
    category: str = "success",
    form=None,
    page: Callable[[UserError], ResponseReturnValue] | None = None,
    back: str | None = None,
) -> Response:
    """Run `action()`; commit, flash `success` and redirect to `to` when it succeeds.

    `success` and `to` may be functions of what the action returned (the new event, the number
    of mails sent); `success` may flash more itself and return None.

    When the service refuses: with `page`, the message goes on `form` (at its field; flashed
    when there is no form) and `page(exc)` is shown again with the form error status; the page function loads what it
    shows again, as the rollback expired it. Without `page` (a button), the message is flashed
    and the person goes back to `back` (or `to`).
    """
    try:
        result = action()
    except UserError as exc:
        db.session.rollback()
        if page is None:
            flash(exc.message, "error")
            return redirect(back or (to if isinstance(to, str) else to(None)), 303)
        if form is not None:
            form.apply_error(exc)
        else:  # a button on the page: the page shows the flashed message
            flash(exc.message, "error")
        return with_status(page(exc), form_error_status(exc))
    db.session.commit()
    message = success(result) if callable(success) else success
    if message:
        flash(message, category)
    return redirect(to(result) if callable(to) else to, 303)
