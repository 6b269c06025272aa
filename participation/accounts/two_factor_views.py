"""Two-factor log-in pages: the log-in's second step, set-up, recovery codes, turning it off.

Also the gate that sends staff without two-factor log-in to set it up before any back-office
page (when TWO_FACTOR_REQUIRED_FOR_STAFF is on), checked on every request, so a role that
changed to staff needs it at once.
"""

from __future__ import annotations

from flask import current_app, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user

from participation.accounts import two_factor
from participation.accounts.two_factor_forms import (
    EnrolForm,
    RecoveryCodeForm,
    SecondStepForm,
    confirm_form,
)
from participation.accounts.two_factor_login import (
    attempts_limit,
    finish_log_in,
    forget_pending,
    has_pending_marker,
    pending_user,
)
from participation.accounts.views import bp
from participation.core.errors import UserError
from participation.core.forms import ActionForm
from participation.core.i18n import _, ngettext
from participation.core.views import FORM_ERROR_STATUS, form_error_status, run_service
from participation.extensions import db


def _no_store(body, status: int = 200):
    """Pages with a secret, codes or a half-finished log-in: never kept in a cache."""
    response = make_response(body, status)
    response.headers["Cache-Control"] = "no-store"
    return response


# --- the gate for staff ---------------------------------------------------------------------------


@bp.before_app_request
def _staff_set_up_two_factor_first():
    """Back-office blueprints (those behind `gate_blueprint`) need two-factor log-in from staff."""
    blueprint = current_app.blueprints.get(request.blueprint or "")
    if not getattr(blueprint, "back_office", False) or not current_user.is_authenticated:
        return None
    user = current_user._get_current_object()
    if not two_factor.is_required_for(user) or two_factor.is_enabled(user):
        return None
    flash(_("Your account gives access to the back office: set up two-factor log-in to continue."), "warning")
    return redirect(url_for("accounts.two_factor_settings"), 303)


# --- the log-in's second step ---------------------------------------------------------------------


@bp.route("/login/code", methods=["GET", "POST"])
@attempts_limit
def two_factor_login():
    """After a right password: a code from the app, or a recovery code, logs in."""
    user = pending_user()
    if user is None:
        if has_pending_marker():
            forget_pending()
            flash(_("The time to enter a code has run out. Log in again."), "info")
        return redirect(url_for("accounts.login"), 303)
    use_recovery = request.method == "POST" and "recovery_code" in request.form
    code_form = SecondStepForm(formdata=None) if use_recovery else SecondStepForm()
    recovery_form = RecoveryCodeForm() if use_recovery else RecoveryCodeForm(formdata=None)
    status = 200
    if request.method == "POST":
        form = recovery_form if use_recovery else code_form
        if form.validate_on_submit():
            # Not run_service: a right code logs in (finish_log_in's answer), it changes nothing to flash.
            try:
                used = two_factor.check_second_factor(
                    user,
                    code=None if use_recovery else form.code.data,
                    recovery_code=form.recovery_code.data if use_recovery else None,
                )
            except UserError as exc:
                form.apply_error(exc)
                status = form_error_status(exc)
            else:
                db.session.commit()
                response = finish_log_in(user)
                if used == "recovery_code":
                    left = two_factor.recovery_codes_left(user)
                    flash(
                        ngettext(
                            "You used a recovery code: %(num)d is left. Make new ones on your account page.",
                            "You used a recovery code: %(num)d are left. Make new ones on your account page.",
                            left,
                        ),
                        "warning",
                    )
                return response
        else:
            status = 422
    return _no_store(
        render_template("accounts/two_factor_login.html", code_form=code_form, recovery_form=recovery_form), status
    )


# --- settings -------------------------------------------------------------------------------------


@bp.get("/two-factor")
@login_required
def two_factor_settings():
    """Whether two-factor log-in is on; turn it on, make new recovery codes or turn it off."""
    return _settings_page()


def _settings_page(regenerate_form=None, disable_form=None, status: int = 200):
    user = current_user._get_current_object()
    enabled = two_factor.is_enabled(user)
    return _no_store(
        render_template(
            "accounts/two_factor.html",
            enabled=enabled,
            enabled_since=two_factor.enabled_since(user) if enabled else None,
            codes_left=two_factor.recovery_codes_left(user) if enabled else 0,
            required=two_factor.is_required_for(user),
            start_form=ActionForm(formdata=None),
            regenerate_form=regenerate_form or confirm_form(enabled, prefix="regenerate", formdata=None),
            disable_form=disable_form or confirm_form(enabled, prefix="disable", formdata=None),
        ),
        status,
    )


@bp.post("/two-factor/start")
@login_required
def two_factor_start():
    """Create the secret to set up (a POST: a page view must not write)."""
    if ActionForm().validate_on_submit():
        try:
            two_factor.start_enrolment(current_user._get_current_object())
        except UserError as exc:  # already on: said as information, on the settings page
            flash(exc.message, "info")
            return redirect(url_for("accounts.two_factor_settings"), 303)
        db.session.commit()
        return redirect(url_for("accounts.two_factor_setup"), 303)
    return redirect(url_for("accounts.two_factor_settings"), 303)


@bp.route("/two-factor/setup", methods=["GET", "POST"])
@attempts_limit
@login_required
def two_factor_setup():
    """The QR code and the key; a first code from the app and the password turn it on."""
    user = current_user._get_current_object()
    secret = two_factor.pending_secret(user)
    if secret is None:
        return redirect(url_for("accounts.two_factor_settings"), 303)
    form = EnrolForm()
    if form.validate_on_submit():
        # Not run_service: success shows the recovery codes once, on this answer, instead of redirecting.
        try:
            codes = two_factor.confirm_enrolment(user, form.password.data, form.code.data)
        except UserError as exc:
            form.apply_error(exc)
        else:
            db.session.commit()
            login_user(user)  # other sessions ended; this one goes on with the new token
            flash(_("Two-factor log-in is on. From now on you log in with your password and a code."), "success")
            return _recovery_codes_page(codes)
    uri = two_factor.provisioning_uri(user, secret)
    return _no_store(
        render_template(
            "accounts/two_factor_setup.html",
            form=form,
            qr=two_factor.enrolment_qr_svg(uri),
            key=two_factor.grouped(secret),
            account=user.email,
        ),
        422 if form.errors else 200,
    )


def _recovery_codes_page(codes: list[str]):
    """Shown once, right after they are made: only their hashes are kept."""
    return _no_store(render_template("accounts/two_factor_recovery_codes.html", codes=codes))


@bp.post("/two-factor/recovery-codes")
@attempts_limit
@login_required
def two_factor_regenerate():
    """Ten new recovery codes; the old ones stop working. Needs the password or a code."""
    user = current_user._get_current_object()
    form = confirm_form(two_factor.is_enabled(user), prefix="regenerate")
    if form.validate_on_submit():
        # Not run_service: success shows the new recovery codes once, on this answer, instead of redirecting.
        try:
            codes = two_factor.regenerate_recovery_codes(user, form.confirmation.data)
        except UserError as exc:
            form.apply_error(exc)
        else:
            db.session.commit()
            flash(_("You have new recovery codes. The old ones no longer work."), "success")
            return _recovery_codes_page(codes)
    return _settings_page(regenerate_form=form, status=FORM_ERROR_STATUS)


@bp.post("/two-factor/disable")
@attempts_limit
@login_required
def two_factor_disable():
    """Turn two-factor log-in off. Needs the password or a code."""
    user = current_user._get_current_object()
    form = confirm_form(two_factor.is_enabled(user), prefix="disable")
    if form.validate_on_submit():
        return run_service(
            lambda: two_factor.disable(user, form.confirmation.data),
            form=form,
            page=lambda exc: _settings_page(disable_form=form),
            success=_("Two-factor log-in is off."),
            to=url_for("accounts.two_factor_settings"),
        )
    return _settings_page(disable_form=form, status=FORM_ERROR_STATUS)
