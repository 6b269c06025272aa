"""Base form with CSRF (Flask-WTF) and a way to show service errors on the form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField

from participation.core.errors import UserError
from participation.core.i18n import _l

FORM_ERRORS_KEY = "form"


class BaseForm(FlaskForm):
    """Every form carries a CSRF token; services' errors land next to their field."""

    def apply_error(self, exc: UserError) -> None:
        field = getattr(self, exc.field, None) if exc.field else None
        if field is not None:
            field.errors = [*field.errors, exc.message]
        else:
            self.form_errors.append(exc.message)


class ActionForm(BaseForm):
    """A form with no fields: a button that changes something (CSRF only)."""


class LocalDateTimeField(DateTimeLocalField):
    """A date and time typed in Brussels time, with a message that says how to write it."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("format", "%Y-%m-%dT%H:%M")
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(str(_l("Enter a date and time like 2026-12-01 09:00."))) from None
