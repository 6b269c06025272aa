"""Account pages: sign up, verify, log in and out, reset password, profile."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf.csrf import CSRFError

from participation.accounts import services, throttling, two_factor_login
from participation.accounts.forms import (
    EmailChangeForm,
    EmailOnlyForm,
    LoginForm,
    PasswordChangeForm,
    ProfileForm,
    ResetPasswordForm,
    SignupForm,
)
from participation.accounts.suspension import suspension_message
from participation.core.antispam import antispam_message, passes_antispam
from participation.core.errors import UserError, render_error
from participation.core.forms import ActionForm
from participation.core.i18n import _, current_lang, link_languages_to
from participation.core.ratelimits import actor_key
from participation.core.security import is_safe_redirect
from participation.core.views import FORM_ERROR_STATUS, form_error_status, form_invalid, run_service
from participation.extensions import db, limiter

bp = Blueprint("accounts", __name__, url_prefix="/<lang>/account")
# Too many wrong passwords (log-in, or the current one on the account forms): a 429 page saying how long to wait.
bp.register_error_handler(throttling.Throttled, throttling.throttled_page)


def _email_key() -> str:
    return "account:" + services.normalise_email(request.form.get("email", ""))


def _after_login_url() -> str:
    target = request.args.get("next") or request.form.get("next")
    return target if is_safe_redirect(target) else url_for("pages.home")


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def signup():
    """Create an account; a verification link goes to the e-mail address."""
    if current_user.is_authenticated:
        return redirect(url_for("accounts.profile"))
    form = SignupForm(preferred_language=current_lang())
    submitted = form.validate_on_submit()
    if submitted and not passes_antispam(form):
        form.form_errors.append(antispam_message())
    elif submitted:
        return run_service(
            lambda: services.sign_up(
                form.email.data,
                form.display_name.data,
                form.password.data,
                form.preferred_language.data,
                form.consent.data,
            ),
            form=form,
            page=lambda exc: render_template("accounts/signup.html", form=form),
            to=url_for("accounts.check_email"),
        )
    page = render_template("accounts/signup.html", form=form)
    return form_invalid(page) if form.errors else page


@bp.get("/check-your-email")
def check_email():
    """Tell the person to open the link we mailed."""
    return render_template("accounts/check_email.html", form=ActionForm())


@bp.route("/verify/<token>", methods=["GET", "POST"])
def verify(token: str):
    """Confirm an e-mail address. GET shows a button so link scanners change nothing."""
    form = ActionForm()
    if form.validate_on_submit():
        try:
            services.verify_email(token)
        except UserError as exc:  # a link that no longer works gets its own page, not a form
            return render_template("accounts/link_invalid.html", message=exc.message), 400
        db.session.commit()
        flash(_("Your e-mail address is confirmed. You can take part now."), "success")
        return redirect(url_for("accounts.profile" if current_user.is_authenticated else "accounts.login"), 303)
    return render_template("accounts/verify.html", form=form, token=token)


@bp.post("/verify/resend")
@limiter.limit("5 per hour", methods=["POST"])
@login_required
def resend_verification():
    """Send the verification link again to the signed-in person's address."""
    form = ActionForm()
    if form.validate_on_submit():
        services.resend_verification(current_user.email)
        db.session.commit()
        flash(_("We sent a new link to %(email)s.", email=current_user.email), "success")
    return redirect(url_for("accounts.profile"), 303)


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in with e-mail and password (guessing is throttled: accounts/throttling.py)."""
    form = LoginForm()
    if form.validate_on_submit():
        attempt = throttling.start_login(form.email.data)
        # Not run_service: the attempt is counted either way, and success logs in (maybe after a
        # second step) rather than committing a change.
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except UserError as exc:
            attempt.failed()
            form.apply_error(exc)
            return render_template("accounts/login.html", form=form), form_error_status(exc)
        attempt.succeeded()
        db.session.commit()  # a password hash made with older parameters was just redone
        target = _after_login_url()
        lang = session.get("lang")
        session.clear()  # a fresh session on log-in (no fixation)
        if lang:
            session["lang"] = lang
        # With two-factor log-in, not logged in yet: a code is asked first.
        second_step = two_factor_login.second_step_or_none(user, form.remember.data, target)
        if second_step is not None:
            return second_step
        login_user(user, remember=form.remember.data)
        return redirect(target, 303)
    return render_template("accounts/login.html", form=form), 422 if form.errors else 200


@bp.post("/logout")
def logout():
    """Log out everywhere: the session token rotates, so copied cookies stop working."""
    form = ActionForm()
    if not form.validate_on_submit():
        return _logout_form_expired()
    if current_user.is_authenticated:
        services.end_all_sessions(current_user._get_current_object())
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("You are logged out."), "success")
    return redirect(url_for("pages.home"), 303)


@bp.errorhandler(CSRFError)
def _csrf_error(exc: CSRFError):
    """A log-out button from a page left open too long must not leave the person stuck."""
    if request.endpoint == "accounts.logout":
        return _logout_form_expired()
    return render_error(400)


def _logout_form_expired():
    """The token was old or missing: log out only from a fresh button (never on GET)."""
    if not current_user.is_authenticated:
        flash(_("You are logged out."), "success")
        return redirect(url_for("pages.home"), 303)
    return render_template("accounts/logout.html", form=ActionForm(formdata=None)), 400


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit("5 per hour", methods=["POST"])
@limiter.limit("3 per hour", methods=["POST"], key_func=_email_key)
def reset_request():
    """Ask for a password-reset link (the answer is the same for any address)."""
    form = EmailOnlyForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        db.session.commit()
        flash(
            _(
                "If an account uses this address, we sent it a link to choose a new password. "
                "The link works for one hour."
            ),
            "info",
        )
        return redirect(url_for("accounts.login"), 303)
    return render_template("accounts/reset_request.html", form=form), 422 if form.errors else 200


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    """Choose a new password from a reset link."""
    try:
        services.user_for_reset_token(token)
    except UserError as exc:  # a link that no longer works gets its own page, not a form
        return render_template("accounts/link_invalid.html", message=exc.message), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        return run_service(
            lambda: services.reset_password(token, form.password.data),
            form=form,
            page=lambda exc: render_template("accounts/reset.html", form=form, token=token),
            success=_password_reset,
            to=url_for("accounts.login"),
        )
    page = render_template("accounts/reset.html", form=form, token=token)
    return form_invalid(page) if form.errors else page


def _password_reset(user) -> str:
    throttling.trust_this_browser(user.email)
    logout_user()
    return _("Your password is changed. Log in with your new password.")


@bp.route("/", methods=["GET", "POST"])
@login_required
def profile():
    """Show and change name, language and notification preferences."""
    user = current_user._get_current_object()
    form = ProfileForm(obj=user) if request.method == "GET" else ProfileForm()
    if form.validate_on_submit():
        return run_service(
            lambda: services.update_profile(
                user, form.display_name.data, form.preferred_language.data, form.notify_on_reply.data
            ),
            form=form,
            page=lambda exc: _profile_page(profile_form=form),
            success=_("Your profile is saved."),
            to=lambda _result: url_for("accounts.profile", lang=user.preferred_language),
        )
    return _profile_page(profile_form=form)


@bp.post("/password")
@login_required
def change_password():
    """Change the password (needs the current one); other sessions end."""
    user = current_user._get_current_object()
    form = PasswordChangeForm()
    if form.validate_on_submit():
        return run_service(
            lambda: services.change_password(user, form.current_password.data, form.new_password.data),
            form=form,
            page=lambda exc: _profile_page(password_form=form),
            success=lambda _result: _password_changed(user),
            to=url_for("accounts.profile"),
        )
    return _profile_page(password_form=form)


def _password_changed(user) -> str:
    login_user(user)  # keep this session, with the new token
    return _("Your password is changed.")


@bp.post("/email")
# Each request mails a link to an address of the requester's choosing: not a mail cannon.
@limiter.limit("5 per hour", key_func=actor_key)
@login_required
def change_email():
    """Start an e-mail change; the new address must be confirmed from a mailed link."""
    user = current_user._get_current_object()
    form = EmailChangeForm()
    if form.validate_on_submit():
        return run_service(
            lambda: services.request_email_change(user, form.new_email.data, form.password.data),
            form=form,
            page=lambda exc: _profile_page(email_form=form),
            success=_(
                "We sent a confirmation link to %(email)s. Your address changes once you open it.",
                email=form.new_email.data,
            ),
            category="info",
            to=url_for("accounts.profile"),
        )
    return _profile_page(email_form=form)


@bp.route("/email/confirm/<token>", methods=["GET", "POST"])
def confirm_email(token: str):
    """Confirm a new e-mail address from the mailed link (a button, not on GET)."""
    form = ActionForm()
    if form.validate_on_submit():
        try:
            services.confirm_email_change(token)
        except UserError as exc:  # a link that no longer works gets its own page, not a form
            return render_template("accounts/link_invalid.html", message=exc.message), exc.status_code
        db.session.commit()
        logout_user()
        flash(_("Your new e-mail address is confirmed. Log in with it."), "success")
        return redirect(url_for("accounts.login"), 303)
    return render_template("accounts/confirm_email.html", form=form, token=token)


def _profile_page(profile_form=None, password_form=None, email_form=None):
    user = current_user._get_current_object()
    link_languages_to("accounts.profile")  # also when shown by the password or e-mail action
    forms = {
        "profile_form": profile_form or ProfileForm(obj=user),
        "password_form": password_form or PasswordChangeForm(formdata=None),
        "email_form": email_form or EmailChangeForm(formdata=None),
    }
    has_errors = any(f.errors for f in forms.values())
    suspension = suspension_message(user) if user.is_suspended() else None
    return render_template(
        "accounts/profile.html", user=user, resend_form=ActionForm(formdata=None), suspension=suspension, **forms
    ), FORM_ERROR_STATUS if has_errors else 200
