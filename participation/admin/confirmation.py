"""Administrators confirm it is them (password, or a code with two-factor log-in) before they
change someone's role or reset someone's two-factor log-in.

The action's view makes the change first (so its own rules speak before any code is used up),
then asks `confirmation_step`: None means confirmed and the view commits; otherwise the change
is rolled back and the returned page asks for the password or code (200), or asks again (422,
counted by the same throttle as every other code or password check).
"""

from __future__ import annotations

from flask import render_template

from participation.accounts import two_factor
from participation.accounts.two_factor_forms import confirm_form
from participation.core.errors import UserError
from participation.extensions import db


def confirmation_step(
    actor, *, heading: str, summary: str, action: str, submit_label: str, cancel_url: str, hidden: dict | None = None
):
    enabled = two_factor.is_enabled(actor)
    form = confirm_form(enabled)
    status = 200
    if form.confirmation.data:
        if form.validate():
            try:
                two_factor.confirm_identity(actor, form.confirmation.data)
            except UserError as exc:
                form.apply_error(exc)
            else:
                return None
        status = 422
    else:
        form = confirm_form(enabled, formdata=None)
    db.session.rollback()
    page = render_template(
        "admin/confirm_action.html",
        form=form,
        heading=heading,
        summary=summary,
        action=action,
        submit_label=submit_label,
        cancel_url=cancel_url,
        hidden=hidden or {},
        two_factor_on=enabled,
    )
    return page, status
