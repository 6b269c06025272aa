"""Base form with CSRF (Flask-WTF) and a way to show service errors on the form."""

from __future__ import annotations

from flask_wtf import FlaskForm

from participation.core.errors import UserError

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
