"""Administration pages: accounts and roles; outgoing mail in development."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from participation.accounts import services as account_services
from participation.accounts.models import User
from participation.admin.forms import ROLE_LABELS, RoleForm, UserSearchForm
from participation.core.errors import UserError
from participation.core.i18n import _
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
    items = [NavItem(_("Accounts and roles"), url_for("admin.users"), here == "admin.users")]
    if current_app.config["SHOW_OUTBOX_PAGE"]:
        items.append(NavItem(_("Outgoing mail"), url_for("admin.outbox"),
                             here in ("admin.outbox", "admin.outbox_message")))
    return {"admin_nav": items}


@bp.get("/users")
def users():
    """List accounts, searchable, with their roles."""
    form = UserSearchForm(request.args)
    stmt = sa.select(User).order_by(User.created_at.desc(), User.id.desc())
    if form.validate() and form.q.data:
        pattern = "%" + form.q.data.strip().lower().replace("%", r"\%").replace("_", r"\_") + "%"
        stmt = stmt.where(sa.or_(User.email.like(pattern, escape="\\"),
                                 sa.func.lower(User.display_name).like(pattern, escape="\\")))
    page = db.paginate(stmt, per_page=PER_PAGE, error_out=False)
    return render_template("admin/users.html", form=form, page=page, role_labels=ROLE_LABELS,
                           role_form=RoleForm(formdata=None))


@bp.post("/users/<int:user_id>/role")
def change_role(user_id: int):
    """Give an account another role."""
    user = db.get_or_404(User, user_id)
    form = RoleForm()
    if form.validate_on_submit():
        try:
            account_services.set_role(current_user._get_current_object(), user, Role(form.role.data))
        except UserError as exc:
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("%(name)s is now: %(role)s.", name=user.display_name,
                    role=ROLE_LABELS[Role(form.role.data)]), "success")
    else:
        flash(_("Choose one of the roles."), "error")
    return redirect(url_for("admin.users", q=request.args.get("q") or None), 303)


@bp.get("/outbox")
def outbox():
    """Development only: the mail the site sent, so links can be followed without SMTP."""
    if not current_app.config["SHOW_OUTBOX_PAGE"]:
        abort(404)
    stmt = sa.select(OutboxMessage).order_by(OutboxMessage.id.desc())
    page = db.paginate(stmt, per_page=20, error_out=False)
    return render_template("admin/outbox.html", page=page)


@bp.get("/outbox/<int:message_id>")
def outbox_message(message_id: int):
    """Development only: one mail, as text."""
    if not current_app.config["SHOW_OUTBOX_PAGE"]:
        abort(404)
    message = db.get_or_404(OutboxMessage, message_id)
    return render_template("admin/outbox_message.html", message=message)
