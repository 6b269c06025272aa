"""Account forms: they check shape; services check the rules."""

from __future__ import annotations

from flask import current_app
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length

from participation.accounts.passwords import MAX_LENGTH
from participation.core.antispam import AntiSpamFields
from participation.core.forms import BaseForm
from participation.core.i18n import LANGUAGE_NAMES, _l


def _language_choices():
    return [SelectChoice(code, LANGUAGE_NAMES.get(code, code)) for code in current_app.config["LANGUAGES"]]


class LanguageField(SelectField):
    """A choice among the configured languages, each named in its own language."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [InputRequired()])
        super().__init__(*args, **kwargs)

    def pre_validate(self, form):
        self.choices = _language_choices()
        super().pre_validate(form)


def email_field(label=None):
    return EmailField(
        label or _l("E-mail address"),
        validators=[
            DataRequired(_l("Enter your e-mail address.")),
            Email(_l("Enter an e-mail address like name@example.be."), check_deliverability=False),
            Length(max=320),
        ],
    )


def new_password_field(label=None):
    return PasswordField(
        label or _l("Password"),
        validators=[DataRequired(_l("Enter a password.")), Length(max=MAX_LENGTH)],
    )


class SignupForm(AntiSpamFields, BaseForm):
    email = email_field()
    display_name = StringField(
        _l("Name shown with your contributions"),
        validators=[
            DataRequired(_l("Enter a name.")),
            Length(min=2, max=80, message=_l("Use between 2 and 80 characters.")),
        ],
    )
    password = new_password_field()
    preferred_language = LanguageField(_l("Language for pages and e-mail"))
    consent = BooleanField(
        _l("I have read the privacy statement and agree that my data is processed as it describes."),
        validators=[DataRequired(_l("You need to accept the privacy statement to sign up."))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.preferred_language.choices = _language_choices()
        self.refresh_form_token()


class LoginForm(BaseForm):
    email = EmailField(
        _l("E-mail address"), validators=[DataRequired(_l("Enter your e-mail address.")), Length(max=320)]
    )
    password = PasswordField(
        _l("Password"), validators=[DataRequired(_l("Enter your password.")), Length(max=MAX_LENGTH)]
    )
    remember = BooleanField(_l("Keep me logged in on this device"))


class EmailOnlyForm(BaseForm):
    email = email_field()


class ResetPasswordForm(BaseForm):
    password = new_password_field(_l("New password"))
    password_again = PasswordField(
        _l("Repeat the new password"),
        validators=[
            DataRequired(_l("Repeat the new password.")),
            EqualTo("password", _l("The two passwords are not the same.")),
        ],
    )


class ProfileForm(BaseForm):
    display_name = StringField(
        _l("Name shown with your contributions"),
        validators=[
            DataRequired(_l("Enter a name.")),
            Length(min=2, max=80, message=_l("Use between 2 and 80 characters.")),
        ],
    )
    preferred_language = LanguageField(_l("Language for pages and e-mail"))
    notify_on_reply = BooleanField(_l("Send me an e-mail when someone replies to my comment"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.preferred_language.choices = _language_choices()


class PasswordChangeForm(BaseForm):
    current_password = PasswordField(
        _l("Current password"), validators=[DataRequired(_l("Enter your current password."))]
    )
    new_password = new_password_field(_l("New password"))


class EmailChangeForm(BaseForm):
    new_email = email_field(_l("New e-mail address"))
    password = PasswordField(_l("Current password"), validators=[DataRequired(_l("Enter your current password."))])
