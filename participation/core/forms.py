"""Base form with CSRF (Flask-WTF) and a way to show service errors on the form."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from flask import current_app
from flask_wtf import FlaskForm
from wtforms import DateField, DateTimeLocalField, FieldList, FormField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from participation.core.errors import UserError
from participation.core.i18n import LANGUAGE_NAMES, _l
from participation.core.storable_text import is_storable_text
from participation.core.text_input import unstorable_text_message

FORM_ERRORS_KEY = "form"

# Dates outside these years are typing mistakes, and near year 1 or 9999 the conversion
# between Brussels time and UTC overflows Python's datetime.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


class BaseForm(FlaskForm):
    """Every form carries a CSRF token; services' errors land next to their field.

    Text a database cannot store (NUL, lone surrogates) is refused next to its field,
    before any view can use it in a query.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A page often holds several forms: the hidden token gets no id, ids must be unique.
        if "csrf_token" in self._fields:
            self.csrf_token.render_kw = {**(self.csrf_token.render_kw or {}), "id": False}

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return _refuse_unstorable_text(self) and valid

    def apply_error(self, exc: UserError) -> None:
        field = getattr(self, exc.field, None) if exc.field else None
        if field is not None:
            field.errors = [*field.errors, exc.message]
        else:
            self.form_errors.append(exc.message)


def _refuse_unstorable_text(form) -> bool:
    """Put an error on every field (also inside FormField/FieldList) holding unstorable text."""
    clean = True
    for field in form:
        clean = _refuse_field(field) and clean
    return clean


def _refuse_field(field) -> bool:
    if isinstance(field, FormField):
        return _refuse_unstorable_text(field.form)
    if isinstance(field, FieldList):
        return all([_refuse_field(entry) for entry in field.entries])
    if all(is_storable_text(value) for value in getattr(field, "raw_data", None) or []):
        return True
    message = unstorable_text_message()
    if message not in field.errors:
        field.errors = [*field.errors, message]
    if isinstance(field.data, str):  # shown again in the form: without what we refused
        field.data = "".join(ch for ch in field.data if is_storable_text(ch))
    return False


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
            if isinstance(self.data, datetime) and not EARLIEST_YEAR <= self.data.year <= LATEST_YEAR:
                raise ValueError("year out of range")
        except ValueError:
            self.data = None
            raise ValueError(str(_l("Enter a date and time like 2026-12-01 09:00."))) from None


class BoundedDateField(DateField):
    """A date (a filter's "from" or "until") in the years EARLIEST_YEAR..LATEST_YEAR.

    Year 1 or 9999 is a valid date for Python but overflows as soon as it becomes a
    moment in Brussels or the day after: such a date gets the field's usual message.
    """

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if isinstance(self.data, date) and not EARLIEST_YEAR <= self.data.year <= LATEST_YEAR:
            self.data = None
            raise ValueError(self.gettext("Not a valid date value."))

    def _value(self) -> str:
        # Shown in <input type="date">, whose value is a valid date or nothing: what could not be
        # read as a date is not shown back (a browser would blank it anyway); the error says so.
        return self.data.isoformat() if isinstance(self.data, date) else ""


class LanguageText(NamedTuple):
    """A text an organiser writes once per offered language (`title_nl`, `title_en`, ...)."""

    name: str
    label: object
    max_length: int
    multiline: bool = False
    required_in_dutch: bool = False


_PER_LANGUAGE_FORMS: dict[tuple, type] = {}


def per_language_form_class(base: type, texts, *, languages_attribute: str = "languages") -> type:
    """`base` with a field per text and offered language; Dutch is required where the text says so.

    The offered languages are configuration, so the class is built (once) for the app's set;
    the form knows it as `languages_attribute`.
    """
    languages = tuple(current_app.config["LANGUAGES"])
    key = (base, tuple(texts), languages_attribute, languages)
    if key not in _PER_LANGUAGE_FORMS:
        attrs = {languages_attribute: languages}
        for lang in languages:
            for text in texts:
                presence = (
                    DataRequired(_l("Fill in the Dutch text: Dutch is required."))
                    if lang == "nl" and text.required_in_dutch
                    else Optional()
                )
                field_class = TextAreaField if text.multiline else StringField
                attrs[f"{text.name}_{lang}"] = field_class(
                    text.label,
                    validators=[presence, Length(max=text.max_length)],
                    description=LANGUAGE_NAMES.get(lang, lang),
                )
        _PER_LANGUAGE_FORMS[key] = type(base.__name__.removesuffix("Base"), (base,), attrs)
    return _PER_LANGUAGE_FORMS[key]
