"""Administration: reset the two-factor log-in of someone who lost their phone and codes."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_login import current_user

from participation.accounts import two_factor
from participation.accounts.models import User
from participation.accounts.two_factor_login import attempts_limit
from participation.admin.confirmation import confirmation_step
from participation.admin.forms import USER_SEARCH_MAX
from participation.admin.views import bp
from participation.core.errors import UserError
from participation.core.i18n import _
from participation.core.input_bounds import text_that_fits
from participation.extensions import db


@bp.post("/users/<id:user_id>/two-factor/reset")
@attempts_limit
def reset_two_factor(user_id: int):
    """Turn off someone's two-factor log-in; audit-logged, the person is told by mail."""
    user = db.get_or_404(User, user_id)
    query = text_that_fits(request.args.get("q") or None, USER_SEARCH_MAX)
    back = url_for("admin.users", q=query)
    actor = current_user._get_current_object()
    # Not run_service: on success the change waits for the administrator's confirmation step.
    try:
        two_factor.reset(actor, user, via="admin")
    except UserError as exc:
        flash(exc.message, "error")
        return redirect(back, 303)
    page = confirmation_step(
        actor,
        heading=_("Reset two-factor log-in"),
        summary=_(
            "Two-factor log-in of %(name)s (%(email)s) will be turned off: they are logged out "
            "everywhere, their recovery codes stop working and they get an e-mail.",
            name=user.display_name,
            email=user.email,
        ),
        action=url_for("admin.reset_two_factor", user_id=user.id, q=query),
        submit_label=_("Reset two-factor log-in"),
        cancel_url=back,
    )
    if page is not None:
        return page
    db.session.commit()
    flash(_("Two-factor log-in of %(name)s is reset. They were told by e-mail.", name=user.display_name), "success")
    return redirect(back, 303)
