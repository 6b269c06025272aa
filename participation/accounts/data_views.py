"""A person's data rights: download everything we hold, delete the account."""

from __future__ import annotations

import json

from flask import make_response, render_template, url_for
from flask_login import current_user, fresh_login_required, logout_user
from wtforms import BooleanField, PasswordField
from wtforms.validators import DataRequired

from participation.accounts import services
from participation.accounts.views import bp
from participation.core.forms import BaseForm
from participation.core.i18n import _, _l
from participation.core.time import utcnow
from participation.core.views import form_invalid, run_service


class DeleteAccountForm(BaseForm):
    password = PasswordField(_l("Current password"), validators=[DataRequired(_l("Enter your current password."))])
    remove_comment_texts = BooleanField(_l('Also remove the text of my comments: they then show as "Comment deleted".'))
    confirm = BooleanField(
        _l("I understand that my account is deleted for good."),
        validators=[DataRequired(_l("Tick the box to confirm that you want to delete your account."))],
    )


@bp.get("/data")
@fresh_login_required
def data():
    """Explain what we keep and offer the download and the deletion."""
    response = make_response(render_template("accounts/data.html", form=DeleteAccountForm(formdata=None)))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/data/export.json")
@fresh_login_required
def export():
    """Download everything the platform holds about the signed-in person."""
    payload = services.export_user_data(current_user._get_current_object())
    payload["exported_at"] = utcnow().isoformat()
    response = make_response(json.dumps(payload, ensure_ascii=False, indent=2))
    response.headers["Content-Type"] = "application/json; charset=utf-8"
    response.headers["Content-Disposition"] = 'attachment; filename="my-participation-data.json"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/delete")
@fresh_login_required
def delete():
    """Delete the account after the password is given again."""
    form = DeleteAccountForm()
    if form.validate_on_submit():
        return run_service(
            lambda: services.delete_account(
                current_user._get_current_object(),
                form.password.data,
                remove_comment_texts=form.remove_comment_texts.data,
            ),
            form=form,
            page=lambda exc: _data_page(form),
            success=_account_deleted,
            to=url_for("pages.home"),
        )
    return form_invalid(_data_page(form))


def _data_page(form):
    response = make_response(render_template("accounts/data.html", form=form))
    response.headers["Cache-Control"] = "no-store"
    return response


def _account_deleted(_result) -> str:
    logout_user()
    return _("Your account is deleted. Thank you for taking part.")
