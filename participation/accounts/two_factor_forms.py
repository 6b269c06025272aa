"""Forms of two-factor log-in and of confirming it is you before a sensitive action."""

from __future__ import annotations

from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from participation.accounts.passwords import MAX_LENGTH
from participation.core.forms import BaseForm
from participation.core.i18n import _l


def code_field(label=None):
    """Six digits from the app: a numeric keyboard on phones; the template adds autocomplete."""
    return StringField(
        label or _l("Code from your app"),
        validators=[DataRequired(_l("Enter the 6-digit code from your app.")), Length(max=12)],
        render_kw={"inputmode": "numeric"},
    )


class EnrolForm(BaseForm):
    code = code_field(_l("Code shown in the app"))
    password = PasswordField(
        _l("Current password"), validators=[DataRequired(_l("Enter your current password.")), Length(max=MAX_LENGTH)]
    )


class SecondStepForm(BaseForm):
    code = code_field()


class RecoveryCodeForm(BaseForm):
    recovery_code = StringField(
        _l("Recovery code"),
        validators=[DataRequired(_l("Enter one of your recovery codes.")), Length(max=40)],
        render_kw={"spellcheck": "false", "autocapitalize": "none"},
    )


class ConfirmIdentityForm(BaseForm):
    """Asked before a sensitive action of an account with two-factor log-in."""

    confirmation = PasswordField(
        _l("Your password or a code from your app"),
        validators=[DataRequired(_l("Enter your password or a code from your app.")), Length(max=MAX_LENGTH)],
    )


class ConfirmPasswordForm(BaseForm):
    """Asked before a sensitive action of an account without two-factor log-in."""

    confirmation = PasswordField(
        _l("Current password"), validators=[DataRequired(_l("Enter your current password.")), Length(max=MAX_LENGTH)]
    )


def confirm_form(two_factor_on: bool, **kwargs) -> BaseForm:
    """The "is it you?" form: password or code with two-factor log-in, else the password."""
    return (ConfirmIdentityForm if two_factor_on else ConfirmPasswordForm)(**kwargs)
