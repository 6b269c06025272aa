"""Translated names of alignments, reasons, outcomes and logged actions."""

from __future__ import annotations

from participation.comments.models import Alignment, AppealOutcome, HideReason, ReportReason
from participation.core.i18n import _l

ALIGNMENT_LABELS = {
    Alignment.FOR.value: _l("For"),
    Alignment.AGAINST.value: _l("Against"),
    Alignment.NEUTRAL.value: _l("Neutral"),
}

HIDE_REASON_LABELS = {
    HideReason.SPAM.value: _l("Spam or advertising"),
    HideReason.OFFENSIVE.value: _l("Offensive, hateful or discriminating"),
    HideReason.PERSONAL_DATA.value: _l("Contains personal data"),
    HideReason.OFF_TOPIC.value: _l("Off topic"),
    HideReason.ILLEGAL.value: _l("Unlawful content"),
    HideReason.OTHER.value: _l("Breaks the house rules in another way"),
    HideReason.REPORTED.value: _l("Reported by several people, awaiting review"),
}

REPORT_REASON_LABELS = {
    ReportReason.SPAM.value: _l("Spam or advertising"),
    ReportReason.OFFENSIVE.value: _l("Offensive or hateful"),
    ReportReason.PERSONAL_DATA.value: _l("Contains personal data"),
    ReportReason.OFF_TOPIC.value: _l("Off topic"),
    ReportReason.OTHER.value: _l("Something else (explain below)"),
}

APPEAL_OUTCOME_LABELS = {
    AppealOutcome.GRANTED.value: _l("Appeal granted: comment restored"),
    AppealOutcome.REJECTED.value: _l("Appeal rejected: comment stays hidden"),
    "pending": _l("Not decided yet"),
}

ACTION_LABELS = {
    "comment.approve": _l("Comment approved"),
    "comment.hide": _l("Comment hidden"),
    "comment.restore": _l("Comment restored"),
    "comment.dismiss_reports": _l("Reports dismissed"),
    "comment.auto_hidden": _l("Comment hidden automatically after reports"),
    "comment.resubmitted": _l("Comment changed by its author: back to review"),
    "user.suspend": _l("Account suspended"),
    "user.lift_suspension": _l("Suspension lifted"),
    "appeal.submitted": _l("Appeal submitted"),
    "appeal.granted": _l("Appeal granted"),
    "appeal.rejected": _l("Appeal rejected"),
    "suspension_appeal.submitted": _l("Appeal against a suspension submitted"),
    "suspension_appeal.upheld": _l("Suspension upheld on appeal"),
    "suspension_appeal.lifted": _l("Suspension lifted on appeal"),
}
