"""Forms of the events feature: registering (resident or visitor), and the organisers' forms."""

from __future__ import annotations

from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from participation.consultations.forms import MultiCheckboxField
from participation.core.antispam import AntiSpamFields
from participation.core.forms import BaseForm, LanguageText, LocalDateTimeField, per_language_form_class
from participation.core.i18n import LANGUAGE_NAMES, _l
from participation.core.time import from_brussels_naive, to_brussels
from participation.core.translated import completeness, translated
from participation.events.models import EventFormat
from participation.events.registration import Answers
from participation.events.services import EventInput

FORMAT_LABELS = {
    EventFormat.IN_PERSON: _l("In person"),
    EventFormat.ONLINE: _l("Online"),
    EventFormat.HYBRID: _l("In person and online"),
}

_DATE_MESSAGE = _l("Enter a date and time like 2026-12-01 09:00.")


# ------------------------------------------------------------------------ registering


class AnswersMixin:
    """The event's optional questions; only those the event asks are shown and kept."""

    dietary_needs = StringField(_l("Dietary needs"), validators=[Optional(), Length(max=500)])
    accessibility_needs = StringField(_l("Accessibility needs"), validators=[Optional(), Length(max=500)])
    free_answer = TextAreaField(validators=[Optional(), Length(max=1000)])

    def answers(self) -> Answers:
        return Answers(self.dietary_needs.data, self.accessibility_needs.data, self.free_answer.data)

    def label_free_question(self, event, lang: str) -> None:
        if event.free_question:
            # A Translation: printed, a Dutch fallback carries lang="nl" and the notice.
            self.free_answer.label.text = translated(event.free_question, lang)


class RegisterForm(AnswersMixin, BaseForm):
    """A signed-in resident: only the event's questions."""


class GuestRegisterForm(AnswersMixin, AntiSpamFields, BaseForm):
    name = StringField(_l("Your name"), validators=[DataRequired(_l("Enter your name.")), Length(max=120)])
    email = EmailField(
        _l("E-mail address"),
        validators=[
            DataRequired(_l("Enter your e-mail address.")),
            Email(_l("Enter an e-mail address like name@example.be."), check_deliverability=False),
            Length(max=320),
        ],
    )
    privacy_consent = BooleanField(
        _l(
            "I agree that the city uses my name and e-mail address to organise this event, as the privacy "
            "statement explains."
        ),
        validators=[DataRequired(_l("You can only register when you agree to the privacy statement."))],
    )


class EventFilterForm(BaseForm):
    class Meta:
        csrf = False  # a GET filter changes nothing

    when = SelectField(_l("When"), validators=[Optional()])
    consultation = SelectField(_l("Consultation"), validators=[Optional()])
    theme = SelectField(_l("Theme"), validators=[Optional()])
    format = SelectField(_l("Format"), validators=[Optional()])
    language = SelectField(_l("Language spoken"), validators=[Optional()])

    def setup(self, consultations, themes, lang: str) -> None:
        self.when.choices = [SelectChoice("", _l("Upcoming events")), SelectChoice("past", _l("Past events"))]
        self.consultation.choices = [SelectChoice("", _l("All consultations"))] + [
            SelectChoice(c.slug, translated(c.title, lang).as_plain()) for c in consultations
        ]
        self.theme.choices = [SelectChoice("", _l("All themes"))] + [
            SelectChoice(t.slug, translated(t.name, lang).as_plain()) for t in themes
        ]
        self.format.choices = [SelectChoice("", _l("All formats"))] + [
            SelectChoice(f.value, label) for f, label in FORMAT_LABELS.items()
        ]
        self.language.choices = [SelectChoice("", _l("All languages"))] + [
            SelectChoice(code, name) for code, name in LANGUAGE_NAMES.items()
        ]

    def chosen(self, field) -> str | None:
        """The value when it is one of the field's choices (a tampered address is ignored)."""
        value = field.data or ""
        return value if value and any(choice.value == value for choice in field.choices) else None


CHECK_IN_SEARCH_MAX = 100


class CheckInSearchForm(BaseForm):
    class Meta:
        csrf = False

    q = StringField(_l("Search by name or e-mail"), validators=[Optional(), Length(max=CHECK_IN_SEARCH_MAX)])


# ------------------------------------------------------------------------- organisers

# (field, label, is Markdown, max length)
TEXT_FIELDS = [
    LanguageText("title", _l("Title"), 200, required_in_dutch=True),
    LanguageText("description", _l("Description (Markdown)"), 10000, multiline=True, required_in_dutch=True),
    LanguageText("accessibility_notes", _l("More about accessibility"), 1000),
    LanguageText("free_question", _l("A question of your own on the registration form"), 300),
]
CANCEL_MESSAGE = [
    LanguageText("message", _l("Message to the people who registered"), 2000, multiline=True, required_in_dutch=True)
]
REPORT_SUMMARY = [
    LanguageText(
        "summary",
        _l("What was discussed and the main points raised (Markdown)"),
        10000,
        multiline=True,
        required_in_dutch=True,
    )
]


class EventFormBase(BaseForm):
    consultation_id = SelectField(_l("Consultation"), coerce=int, validators=[InputRequired()])
    starts_at = LocalDateTimeField(_l("Starts (Brussels time)"), validators=[InputRequired(_DATE_MESSAGE)])
    ends_at = LocalDateTimeField(_l("Ends (Brussels time)"), validators=[InputRequired(_DATE_MESSAGE)])
    format = RadioField(
        _l("Format"),
        choices=[SelectChoice(f.value, label) for f, label in FORMAT_LABELS.items()],
        default=EventFormat.IN_PERSON.value,
        validators=[InputRequired()],
    )
    venue = StringField(_l("Venue"), validators=[Optional(), Length(max=200)])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])
    online_url = StringField(_l("Link to the online meeting"), validators=[Optional(), Length(max=500)])
    languages = MultiCheckboxField(_l("Languages spoken"), validators=[Optional()])
    step_free = BooleanField(_l("Step-free access"))
    sign_language = BooleanField(_l("Flemish Sign Language interpreting"))
    induction_loop = BooleanField(_l("Induction loop"))
    capacity = IntegerField(
        _l("Number of places"),
        validators=[
            InputRequired(_l("Enter the number of places.")),
            NumberRange(min=1, max=100000, message=_l("Enter a number of places from 1 to 100,000.")),
        ],
    )
    registration_opens_at = LocalDateTimeField(
        _l("Registration opens (Brussels time)"), validators=[InputRequired(_DATE_MESSAGE)]
    )
    registration_closes_at = LocalDateTimeField(
        _l("Registration closes (Brussels time)"), validators=[InputRequired(_DATE_MESSAGE)]
    )
    ask_dietary = BooleanField(_l("Ask for dietary needs"))
    ask_accessibility = BooleanField(_l("Ask for accessibility needs"))

    def setup(self, consultations, stand_alone_allowed: bool, lang: str) -> None:
        lang_choices = [SelectChoice(code, LANGUAGE_NAMES.get(code, code)) for code in LANGUAGE_NAMES]
        self.languages.choices = lang_choices
        choices = [SelectChoice(0, _l("None: a stand-alone event"))] if stand_alone_allowed else []
        # Titles in the form's language (an <option> holds text only: a Dutch fallback says so in words).
        choices += [SelectChoice(c.id, translated(c.title, lang).as_plain()) for c in consultations]
        self.consultation_id.choices = choices

    def language_fields(self, lang: str):
        return [getattr(self, f"{name}_{lang}") for name, *_ in TEXT_FIELDS]

    def event_input(self) -> EventInput:
        def texts(name):
            return {lang: getattr(self, f"{name}_{lang}").data or "" for lang in self.content_languages}

        return EventInput(
            consultation_id=self.consultation_id.data or None,
            title=texts("title"),
            description=texts("description"),
            starts_at=from_brussels_naive(self.starts_at.data),
            ends_at=from_brussels_naive(self.ends_at.data),
            format=EventFormat(self.format.data),
            venue=self.venue.data,
            address=self.address.data,
            online_url=self.online_url.data,
            languages=self.languages.data or [],
            step_free=bool(self.step_free.data),
            sign_language=bool(self.sign_language.data),
            induction_loop=bool(self.induction_loop.data),
            accessibility_notes=texts("accessibility_notes"),
            capacity=self.capacity.data,
            registration_opens_at=from_brussels_naive(self.registration_opens_at.data),
            registration_closes_at=from_brussels_naive(self.registration_closes_at.data),
            ask_dietary=bool(self.ask_dietary.data),
            ask_accessibility=bool(self.ask_accessibility.data),
            free_question=texts("free_question"),
        )

    def fill_from(self, event) -> None:
        for name, *_ in TEXT_FIELDS:
            for lang in self.content_languages:
                getattr(self, f"{name}_{lang}").data = (getattr(event, name) or {}).get(lang, "")
        self.consultation_id.data = event.consultation_id or 0
        for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
            getattr(self, name).data = to_brussels(getattr(event, name)).replace(tzinfo=None)
        self.format.data = event.format.value
        for name in (
            "venue",
            "address",
            "online_url",
            "step_free",
            "sign_language",
            "induction_loop",
            "capacity",
            "ask_dietary",
            "ask_accessibility",
        ):
            getattr(self, name).data = getattr(event, name)
        self.languages.data = event.language_codes


def event_form_class() -> type[EventFormBase]:
    """A form class with text fields for each offered language (languages are configuration)."""
    return per_language_form_class(EventFormBase, TEXT_FIELDS, languages_attribute="content_languages")


class CancelEventFormBase(BaseForm):
    """The message to the people who registered, written per language (Dutch required).

    Each person gets it in their own language, or in Dutch when it was not written in theirs.
    """

    def messages(self) -> dict:
        return {lang: getattr(self, f"message_{lang}").data or "" for lang in self.content_languages}

    def language_fields(self, lang: str):
        return [getattr(self, f"message_{lang}")]


def cancel_event_form_class() -> type[CancelEventFormBase]:
    return per_language_form_class(CancelEventFormBase, CANCEL_MESSAGE, languages_attribute="content_languages")


def language_completeness(form, names: list[str], required: tuple[str, ...] = ()) -> dict[str, bool]:
    """Per language of the form: is every text the organiser wrote (in any language) there too?

    `names` are the field name prefixes (`title` for title_nl, title_en, ...); a text written in
    no language at all does not count, except the `required` ones.
    """
    texts = {
        name: {lang: (getattr(form, f"{name}_{lang}").data or "").strip() for lang in form.content_languages}
        for name in names
    }
    given = [values for name, values in texts.items() if name in required or any(values.values())]
    return completeness(given, tuple(form.content_languages))


AUDIENCE_LABELS = {
    "all": _l("Everyone with a place or on the waiting list"),
    "confirmed": _l("People with a place"),
    "waiting": _l("People on the waiting list"),
}


class MessageForm(BaseForm):
    audience = RadioField(
        _l("Send to"),
        choices=[SelectChoice(k, v) for k, v in AUDIENCE_LABELS.items()],
        default="all",
        validators=[InputRequired()],
    )
    subject = StringField(_l("Subject"), validators=[DataRequired(_l("Write a subject.")), Length(max=150)])
    body = TextAreaField(_l("Message"), validators=[DataRequired(_l("Write a message.")), Length(max=5000)])


class ReportFormBase(BaseForm):
    attendees = IntegerField(
        _l("Number of attendees"),
        validators=[Optional(), NumberRange(min=0, max=100000, message=_l("Enter a number from 0 to 100,000."))],
    )

    def summaries(self) -> dict:
        return {lang: getattr(self, f"summary_{lang}").data or "" for lang in self.content_languages}


def report_form_class() -> type[ReportFormBase]:
    return per_language_form_class(ReportFormBase, REPORT_SUMMARY, languages_attribute="content_languages")
