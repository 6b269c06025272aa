"""Organiser forms: one fieldset per offered language, Dutch required."""

from __future__ import annotations

from wtforms import BooleanField, RadioField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from participation.core.forms import BaseForm, LanguageText, LocalDateTimeField, per_language_form_class
from participation.core.i18n import _l
from participation.core.time import from_brussels_naive, to_brussels

# (field, label, is Markdown, max length)
TEXT_FIELDS = [
    LanguageText("title", _l("Title"), 200, required_in_dutch=True),
    LanguageText("summary", _l("Summary"), 500, multiline=True, required_in_dutch=True),
    LanguageText("plain_summary", _l("Summary in plain language"), 2000, multiline=True),
    LanguageText("body", _l("Text (Markdown)"), 20000, multiline=True, required_in_dutch=True),
    LanguageText("results", _l("Results (Markdown, after closing)"), 20000, multiline=True),
    LanguageText("feedback", _l("What the city did with the input (Markdown)"), 20000, multiline=True),
]
PHASE_NAME = [LanguageText("name", _l("Name of the phase"), 120, required_in_dutch=True)]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ConsultationFormBase(BaseForm):
    slug = StringField(
        _l("Web address (slug)"), validators=[DataRequired(_l("Choose a web address.")), Length(max=120)]
    )
    opens_at = LocalDateTimeField(
        _l("Opens (Brussels time)"), validators=[InputRequired(_l("Enter a date and time like 2026-12-01 09:00."))]
    )
    closes_at = LocalDateTimeField(
        _l("Closes (Brussels time)"), validators=[InputRequired(_l("Enter a date and time like 2026-12-01 09:00."))]
    )
    theme_ids = MultiCheckboxField(_l("Themes"), coerce=int, validators=[Optional()])
    network_ids = MultiCheckboxField(_l("Related international networks"), coerce=int, validators=[Optional()])
    moderation_mode = RadioField(
        _l("Moderation of comments"),
        choices=[
            SelectChoice("post", _l("Published at once, moderated afterwards")),
            SelectChoice("pre", _l("Checked by a moderator before publication")),
        ],
        default="post",
        validators=[InputRequired()],
    )
    comments_enabled = BooleanField(_l("Residents can comment"), default=True)
    results_visible_while_open = BooleanField(_l("Show vote results while the consultation is open"))

    def language_fields(self, lang: str):
        return [getattr(self, f"{name}_{lang}") for name, *_ in TEXT_FIELDS]

    def texts(self) -> dict[str, dict[str, str]]:
        return {
            name: {lang: getattr(self, f"{name}_{lang}").data or "" for lang in self.languages}
            for name, *_ in TEXT_FIELDS
        }

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


def consultation_form_class() -> type[ConsultationFormBase]:
    """A form class with text fields for each offered language (languages are configuration)."""
    return per_language_form_class(ConsultationFormBase, TEXT_FIELDS)


class OrganisersForm(BaseForm):
    organiser_ids = MultiCheckboxField(_l("Organisers"), coerce=int, validators=[Optional()])


class PhaseFormBase(BaseForm):
    starts_at = LocalDateTimeField(
        _l("Starts (Brussels time)"), validators=[InputRequired(_l("Enter a date and time like 2026-12-01 09:00."))]
    )
    ends_at = LocalDateTimeField(
        _l("Ends (Brussels time)"), validators=[InputRequired(_l("Enter a date and time like 2026-12-01 09:00."))]
    )


def phase_form_class() -> type[PhaseFormBase]:
    return per_language_form_class(PhaseFormBase, PHASE_NAME)
