"""Statement forms: they check shape (lengths, choices); services check the rules."""

from __future__ import annotations

from flask import current_app
from wtforms import BooleanField, RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from participation.comments.labels import HIDE_REASON_LABELS, REPORT_REASON_LABELS
from participation.comments.models import APPEAL_TEXT_MAX, AppealOutcome, HideReason
from participation.core.antispam import AntiSpamFields
from participation.core.forms import BaseForm, LanguageText, LocalDateTimeField, per_language_form_class
from participation.core.i18n import LANGUAGE_NAMES, _l
from participation.statements.models import APPEAL_TEXT_MIN, NOTE_MAX, REPORT_TEXT_MAX, TEXT_MAX, TEXT_MIN


class VoteForm(BaseForm):
    """Agree, disagree or pass: three submit buttons named `value` (no JavaScript needed)."""


class StatementForm(AntiSpamFields, BaseForm):
    text = TextAreaField(
        _l("Your statement"),
        validators=[
            DataRequired(_l("Write your statement.")),
            Length(
                min=TEXT_MIN,
                max=TEXT_MAX,
                message=_l("Write between %(min)d and %(max)d characters.", min=TEXT_MIN, max=TEXT_MAX),
            ),
        ],
    )
    language = SelectField(_l("Language of your statement"), validators=[InputRequired()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = [
            SelectChoice(code, LANGUAGE_NAMES.get(code, code)) for code in current_app.config["LANGUAGES"]
        ]
        self.refresh_form_token()


class ReportForm(BaseForm):
    reason = RadioField(
        _l("Why should a moderator look at this statement?"),
        choices=[SelectChoice(value, label) for value, label in REPORT_REASON_LABELS.items()],
        validators=[InputRequired(_l("Choose a reason."))],
    )
    text = TextAreaField(
        _l("Explanation"),
        validators=[
            Optional(),
            Length(max=REPORT_TEXT_MAX, message=_l("Use at most %(max)d characters.", max=REPORT_TEXT_MAX)),
        ],
    )


class HideForm(BaseForm):
    reason = RadioField(
        _l("Reason"),
        choices=[
            SelectChoice(value, label) for value, label in HIDE_REASON_LABELS.items() if value != HideReason.REPORTED
        ],
        validators=[InputRequired(_l("Choose a reason."))],
    )
    note = TextAreaField(
        _l("Statement of reasons (sent to the author)"),
        validators=[
            DataRequired(_l("Explain the decision: the author receives this text.")),
            Length(max=NOTE_MAX, message=_l("Use at most %(max)d characters.", max=NOTE_MAX)),
        ],
    )


class SettingsForm(BaseForm):
    enabled = BooleanField(_l("Residents vote on statements in this consultation"))
    opens_at = LocalDateTimeField(_l("Statements open"), validators=[Optional()])
    closes_at = LocalDateTimeField(_l("Statements close"), validators=[Optional()])
    residents_may_add = BooleanField(_l("Residents may add statements"))


class SeedFormBase(BaseForm):
    """An organiser's statement, per offered language (Dutch required)."""


def seed_form_class():
    return per_language_form_class(
        SeedFormBase, (LanguageText("text", _l("Statement"), TEXT_MAX, multiline=True, required_in_dutch=True),)
    )


class AppealForm(BaseForm):
    text = TextAreaField(
        _l("Why should the statement be shown again?"),
        validators=[
            DataRequired(_l("Explain why you disagree with the decision.")),
            Length(
                min=APPEAL_TEXT_MIN,
                max=APPEAL_TEXT_MAX,
                message=_l("Write between %(min)d and %(max)d characters.", min=APPEAL_TEXT_MIN, max=APPEAL_TEXT_MAX),
            ),
        ],
    )


class AppealDecisionForm(BaseForm):
    outcome = RadioField(
        _l("Decision"),
        choices=[
            SelectChoice(AppealOutcome.GRANTED.value, _l("Grant the appeal and show the statement again")),
            SelectChoice(AppealOutcome.REJECTED.value, _l("Reject the appeal: the statement stays hidden")),
        ],
        validators=[InputRequired(_l("Choose a decision."))],
    )
    note = TextAreaField(
        _l("Explanation for the author"),
        validators=[Optional(), Length(max=NOTE_MAX, message=_l("Use at most %(max)d characters.", max=NOTE_MAX))],
    )
