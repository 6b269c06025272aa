"""Administration pages: accounts and roles; outgoing mail in development."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from participation.accounts import services as account_services
from participation.accounts import two_factor
from participation.accounts.models import User
from participation.accounts.two_factor_login import attempts_limit
from participation.admin import queries
from participation.admin.confirmation import confirmation_step
from participation.admin.forms import ROLE_LABELS, USER_SEARCH_MAX, RoleForm, UserSearchForm
from participation.core.errors import UserError
from participation.core.i18n import _
from participation.core.input_bounds import paginate, text_that_fits
from participation.core.mail import OutboxMessage
from participation.core.navigation import NavItem
from participation.core.permissions import Role, gate_blueprint
from participation.extensions import db

bp = Blueprint("admin", __name__, url_prefix="/<lang>/admin")
gate_blueprint(bp, Role.ADMIN)

PER_PAGE = 50


@bp.context_processor
def _admin_nav() -> dict:
    """The section's own menu; "Outgoing mail" only where that page exists."""
    here = request.endpoint
    items = [
        NavItem(_("Accounts and roles"), url_for("admin.users"), here == "admin.users"),
        NavItem(_("Background work"), url_for("admin.operations"), here == "admin.operations"),
    ]
    if current_app.config["SHOW_OUTBOX_PAGE"]:
        items.append(
            NavItem(_("Outgoing mail"), url_for("admin.outbox"), here in ("admin.outbox", "admin.outbox_message"))
        )
    return {"admin_nav": items}


@bp.get("/users")
def users():
    """List accounts, searchable, with their roles."""
    form = UserSearchForm(request.args)
    page = paginate(queries.users(form.q.data if form.validate() else None), per_page=PER_PAGE)
    return render_template(
        "admin/users.html",
        form=form,
        page=page,
        role_labels=ROLE_LABELS,
        role_form=RoleForm(formdata=None),
        two_factor_on=two_factor.enabled_user_ids(user.id for user in page.items),
    )


@bp.post("/users/<id:user_id>/role")
@attempts_limit
def change_role(user_id: int):
    """Give an account another role, once the administrator confirmed it is them (password or code)."""
    user = db.get_or_404(User, user_id)
    form = RoleForm()
    # Back to the search the administrator came from (into a header: only one the form accepts).
    query = text_that_fits(request.args.get("q") or None, USER_SEARCH_MAX)
    if form.validate_on_submit():
        role = Role(form.role.data)
        # Not run_service: on success the change waits for the administrator's confirmation step.
        try:
            account_services.set_role(current_user._get_current_object(), user, role)
        except UserError as exc:
            flash(exc.message, "error")
        else:
            page = confirmation_step(
                current_user._get_current_object(),
                heading=_("Change a role"),
                summary=_(
                    "%(name)s (%(email)s) gets the role: %(role)s.",
                    name=user.display_name,
                    email=user.email,
                    role=ROLE_LABELS[role],
                ),
                action=url_for("admin.change_role", user_id=user.id, q=query),
                submit_label=_("Change the role"),
                cancel_url=url_for("admin.users", q=query),
                hidden={"role": role.value},
            )
            if page is not None:
                return page
            db.session.commit()
            flash(_("%(name)s is now: %(role)s.", name=user.display_name, role=ROLE_LABELS[role]), "success")
    else:
        flash(_("Choose one of the roles."), "error")
    return redirect(url_for("admin.users", q=query), 303)


@bp.get("/outbox")
def outbox():
    """Development only: the mail the site sent, so links can be followed without SMTP."""
    if not current_app.config["SHOW_OUTBOX_PAGE"]:
        abort(404)
    page = paginate(queries.outbox(), per_page=20)
    return render_template("admin/outbox.html", page=page)


@bp.get("/outbox/<id:message_id>")
def outbox_message(message_id: int):
    """Development only: one mail, as text."""
    if not current_app.config["SHOW_OUTBOX_PAGE"]:
        abort(404)
    message = db.get_or_404(OutboxMessage, message_id)
    return render_template("admin/outbox_message.html", message=message)
