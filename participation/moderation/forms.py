"""Moderation forms."""

from __future__ import annotations

from wtforms import RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from participation.comments.labels import ACTION_LABELS, HIDE_REASON_LABELS
from participation.comments.models import NOTE_MAX, AppealOutcome, HideReason
from participation.core.forms import BaseForm, BoundedDateField
from participation.core.i18n import _l
from participation.moderation.models import (
    SUSPENSION_APPEAL_TEXT_MAX,
    SUSPENSION_NOTE_MAX,
    SuspensionAppealOutcome,
)
from participation.statements.labels import STATEMENT_ACTION_LABELS

SUSPENSION_DAYS = {
    "1": _l("1 day"),
    "7": _l("7 days"),
    "30": _l("30 days"),
    "365": _l("1 year"),
    "permanent": _l("Until further notice"),
}


class HideForm(BaseForm):
    reason = RadioField(
        _l("Reason (shown publicly)"),
        choices=[SelectChoice(r.value, HIDE_REASON_LABELS[r.value]) for r in HideReason if r != HideReason.REPORTED],
        validators=[InputRequired(_l("Choose a reason."))],
    )
    note = TextAreaField(
        _l("Explanation for the author (not public)"),
        validators=[Optional(), Length(max=NOTE_MAX, message=_l("Use at most %(max)d characters.", max=NOTE_MAX))],
    )


class SuspendForm(BaseForm):
    duration = RadioField(
        _l("Suspend for"),
        choices=[SelectChoice(k, v) for k, v in SUSPENSION_DAYS.items()],
        validators=[InputRequired(_l("Choose how long."))],
    )
    reason = TextAreaField(
        _l("Reason (the person sees it)"),
        validators=[
            DataRequired(_l("Give the reason for the suspension.")),
            Length(max=500, message=_l("Use at most %(max)d characters.", max=500)),
        ],
    )


class AppealDecisionForm(BaseForm):
    outcome = RadioField(
        _l("Decision"),
        choices=[
            SelectChoice(AppealOutcome.GRANTED.value, _l("Grant the appeal and show the comment again")),
            SelectChoice(AppealOutcome.REJECTED.value, _l("Reject the appeal: the comment stays hidden")),
        ],
        validators=[InputRequired(_l("Choose a decision."))],
    )
    note = TextAreaField(
        _l("Explanation for the author"),
        validators=[Optional(), Length(max=NOTE_MAX, message=_l("Use at most %(max)d characters.", max=NOTE_MAX))],
    )


class SuspensionAppealForm(BaseForm):
    text = TextAreaField(
        _l("Why should the suspension be lifted?"),
        validators=[
            DataRequired(_l("Explain why you disagree with the suspension.")),
            Length(
                min=10,
                max=SUSPENSION_APPEAL_TEXT_MAX,
                message=_l("Write between %(min)d and %(max)d characters.", min=10, max=SUSPENSION_APPEAL_TEXT_MAX),
            ),
        ],
    )


class SuspensionAppealDecisionForm(BaseForm):
    outcome = RadioField(
        _l("Decision"),
        choices=[
            SelectChoice(SuspensionAppealOutcome.LIFTED.value, _l("Grant the appeal and lift the suspension now")),
            SelectChoice(SuspensionAppealOutcome.UPHELD.value, _l("Reject the appeal: the suspension stays")),
        ],
        validators=[InputRequired(_l("Choose a decision."))],
    )
    note = TextAreaField(
        _l("Explanation for the person"),
        validators=[
            Optional(),
            Length(max=SUSPENSION_NOTE_MAX, message=_l("Use at most %(max)d characters.", max=SUSPENSION_NOTE_MAX)),
        ],
    )


class LogFilterForm(BaseForm):
    class Meta:
        csrf = False

    action = SelectField(_l("Action"), validators=[Optional()])
    moderator = SelectField(_l("Moderator"), validators=[Optional()])
    date_from = BoundedDateField(_l("From"), validators=[Optional()])
    date_to = BoundedDateField(_l("Until"), validators=[Optional()])

    def __init__(self, *args, moderators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.action.choices = [SelectChoice("", _l("All actions"))] + [
            SelectChoice(k, v) for k, v in {**ACTION_LABELS, **STATEMENT_ACTION_LABELS}.items()
        ]
        self.moderator.choices = [SelectChoice("", _l("Everyone"))] + [
            SelectChoice(str(user.id), user.display_name) for user in moderators
        ]
