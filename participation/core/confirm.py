"""A page of its own that asks before an action that cannot be undone (issue 12 §4).

The button that used to do the action is now a link to the action's own address (GET), which
shows this page: what will happen, a button that names the action, and the way back. Its form
POSTs to the same address with `confirmed=1`; a POST without it changes nothing and is sent to
the page, so no client skips the step. Works without JavaScript.
"""

from __future__ import annotations

from flask import Response, redirect, render_template, request

CONFIRMED = "confirmed"


def is_confirmed() -> bool:
    """True when the POST comes from the confirmation page."""
    return request.form.get(CONFIRMED) == "1"


def confirm_page(
    *,
    heading: str,
    consequences: list[str],
    submit_label: str,
    back_url: str,
    action: str | None = None,
    hidden: dict | None = None,
    status: int = 200,
) -> Response:
    """The confirmation page; `action` defaults to the current address, `hidden` travels with the POST."""
    page = render_template(
        "confirm.html",
        heading=heading,
        consequences=consequences,
        submit_label=submit_label,
        back_url=back_url,
        action=action or request.path,
        hidden=hidden or {},
    )
    return Response(page, status)


def ask_first(url: str) -> Response:
    """An unconfirmed POST: nothing happens, the person sees the question instead."""
    return redirect(url, 303)
