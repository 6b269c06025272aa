"""Organiser forms: one fieldset per offered language, Dutch required."""

from __future__ import annotations

from flask import current_app
from wtforms import BooleanField, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from participation.core.forms import BaseForm, LocalDateTimeField
from participation.core.i18n import LANGUAGE_NAMES, _l
from participation.core.time import from_brussels_naive, to_brussels

# (field, label, is Markdown, max length)
TEXT_FIELDS = [
    ("title", _l("Title"), False, 200),
    ("summary", _l("Summary"), False, 500),
    ("plain_summary", _l("Summary in plain language (optional)"), True, 2000),
    ("body", _l("Text (Markdown)"), True, 20000),
    ("results", _l("Results (Markdown, after closing)"), True, 20000),
    ("feedback", _l("What the city did with the input (Markdown)"), True, 20000),
]
REQUIRED_IN_DUTCH = {"title", "summary", "body"}


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ConsultationFormBase(BaseForm):
    slug = StringField(_l("Web address (slug)"), validators=[DataRequired(_l("Choose a web address.")), Length(max=120)])
    opens_at = LocalDateTimeField(_l("Opens (Brussels time)"),
                                  validators=[InputRequired(_l("Enter a date and time like 2026-12-01 09:00."))])
    closes_at = LocalDateTimeField(_l("Closes (Brussels time)"),
                                   validators=[InputRequired(_l("Enter a date and time like 2026-12-01 09:00."))])
    theme_ids = MultiCheckboxField(_l("Themes"), coerce=int, validators=[Optional()])
    network_ids = MultiCheckboxField(_l("Related international networks"), coerce=int, validators=[Optional()])
    moderation_mode = RadioField(
        _l("Moderation of comments"),
        choices=[SelectChoice("post", _l("Published at once, moderated afterwards")),
                 SelectChoice("pre", _l("Checked by a moderator before publication"))],
        default="post", validators=[InputRequired()],
    )
    comments_enabled = BooleanField(_l("Residents can comment"), default=True)
    results_visible_while_open = BooleanField(_l("Show vote results while the consultation is open"))

    def language_fields(self, lang: str):
        return [getattr(self, f"{name}_{lang}") for name, *_ in TEXT_FIELDS]

    def texts(self) -> dict[str, dict[str, str]]:
        return {name: {lang: getattr(self, f"{name}_{lang}").data or "" for lang in self.languages}
                for name, *_ in TEXT_FIELDS}

    def values(self) -> dict:
        return {
            **self.texts(),
            "slug": (self.slug.data or "").strip().lower(),
            "opens_at": from_brussels_naive(self.opens_at.data),
            "closes_at": from_brussels_naive(self.closes_at.data),
            "theme_ids": self.theme_ids.data or [],
            "network_ids": self.network_ids.data or [],
            "moderation_mode": self.moderation_mode.data,
            "comments_enabled": bool(self.comments_enabled.data),
            "results_visible_while_open": bool(self.results_visible_while_open.data),
        }

    def fill_from(self, consultation) -> None:
        for name, *_ in TEXT_FIELDS:
            for lang in self.languages:
                getattr(self, f"{name}_{lang}").data = (getattr(consultation, name) or {}).get(lang, "")
        self.slug.data = consultation.slug
        self.opens_at.data = to_brussels(consultation.opens_at).replace(tzinfo=None)
        self.closes_at.data = to_brussels(consultation.closes_at).replace(tzinfo=None)
        self.theme_ids.data = [t.id for t in consultation.themes]
        self.network_ids.data = [n.id for n in consultation.networks]
        self.moderation_mode.data = consultation.moderation_mode.value
        self.comments_enabled.data = consultation.comments_enabled
        self.results_visible_while_open.data = consultation.results_visible_while_open


_FORM_CLASSES: dict[tuple, type] = {}


def consultation_form_class() -> type[ConsultationFormBase]:
    """A form class with text fields for each offered language (languages are configuration)."""
    languages = tuple(current_app.config["LANGUAGES"])
    if languages not in _FORM_CLASSES:
        attrs = {"languages": languages}
        for lang in languages:
            for name, label, is_markdown, max_length in TEXT_FIELDS:
                validators = [Length(max=max_length)]
                validators.insert(0, DataRequired(_l("Fill in the Dutch text: Dutch is required."))
                                  if lang == "nl" and name in REQUIRED_IN_DUTCH else Optional())
                field_class = TextAreaField if is_markdown or name == "summary" else StringField
                attrs[f"{name}_{lang}"] = field_class(label, validators=validators,
                                                      description=LANGUAGE_NAMES.get(lang, lang))
        _FORM_CLASSES[languages] = type("ConsultationForm", (ConsultationFormBase,), attrs)
    return _FORM_CLASSES[languages]


class OrganisersForm(BaseForm):
    organiser_ids = MultiCheckboxField(_l("Organisers"), coerce=int, validators=[Optional()])


class PhaseFormBase(BaseForm):
    starts_at = LocalDateTimeField(_l("Starts (Brussels time)"),
                                   validators=[InputRequired(_l("Enter a date and time like 2026-12-01 09:00."))])
    ends_at = LocalDateTimeField(_l("Ends (Brussels time)"),
                                 validators=[InputRequired(_l("Enter a date and time like 2026-12-01 09:00."))])


_PHASE_FORMS: dict[tuple, type] = {}


def phase_form_class() -> type[PhaseFormBase]:
    languages = tuple(current_app.config["LANGUAGES"])
    if languages not in _PHASE_FORMS:
        attrs = {"languages": languages}
        for lang in languages:
            validators = [DataRequired(_l("Fill in the Dutch text: Dutch is required."))] if lang == "nl" else [Optional()]
            attrs[f"name_{lang}"] = StringField(_l("Name of the phase"), validators=[*validators, Length(max=120)],
                                                description=LANGUAGE_NAMES.get(lang, lang))
        _PHASE_FORMS[languages] = type("PhaseForm", (PhaseFormBase,), attrs)
    return _PHASE_FORMS[languages]
