"""Comment forms: they check shape (lengths, choices); services check the rules."""

from __future__ import annotations

from wtforms import RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from participation.comments.labels import ALIGNMENT_LABELS, REPORT_REASON_LABELS
from participation.comments.models import APPEAL_TEXT_MAX, BODY_MAX, BODY_MIN, REPORT_TEXT_MAX
from participation.core.antispam import AntiSpamFields
from participation.core.forms import BaseForm
from participation.core.i18n import _l


def _choices(labels: dict) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in labels.items()]


def _body_field():
    return TextAreaField(
        _l("Your comment"),
        validators=[
            DataRequired(_l("Write your comment.")),
            Length(
                min=BODY_MIN,
                max=BODY_MAX,
                message=_l("Write between %(min)d and %(max)d characters.", min=BODY_MIN, max=BODY_MAX),
            ),
        ],
    )


def _alignment_field():
    return RadioField(
        _l("Your position"),
        choices=_choices(ALIGNMENT_LABELS),
        validators=[InputRequired(_l("Choose for, against or neutral."))],
    )


class CommentForm(AntiSpamFields, BaseForm):
    body = _body_field()
    alignment = _alignment_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.refresh_form_token()


class EditCommentForm(BaseForm):
    body = _body_field()
    alignment = _alignment_field()


class ReportForm(BaseForm):
    reason = RadioField(
        _l("Why should a moderator look at this comment?"),
        choices=_choices(REPORT_REASON_LABELS),
        validators=[InputRequired(_l("Choose a reason."))],
    )
    text = TextAreaField(
        _l("Explanation"),
        validators=[
            Optional(),
            Length(max=REPORT_TEXT_MAX, message=_l("Use at most %(max)d characters.", max=REPORT_TEXT_MAX)),
        ],
    )


class AppealForm(BaseForm):
    text = TextAreaField(
        _l("Why should the comment be shown again?"),
        validators=[
            DataRequired(_l("Explain why you disagree with the decision.")),
            Length(
                min=10,
                max=APPEAL_TEXT_MAX,
                message=_l("Write between %(min)d and %(max)d characters.", min=10, max=APPEAL_TEXT_MAX),
            ),
        ],
    )
