"""The words for a consultation's public status: one place, used by every page, mail, CSV and embed."""

from __future__ import annotations

from participation.consultations.models import PublicStatus
from participation.core.i18n import _l

STATUS_LABELS = {
    PublicStatus.DRAFT: _l("Draft"),
    PublicStatus.UPCOMING: _l("Upcoming"),
    PublicStatus.OPEN: _l("Open"),
    PublicStatus.CLOSED: _l("Closed"),
    PublicStatus.RESULTS: _l("Results published"),
}


def status_label(consultation, now=None) -> str:
    """The consultation's status now (or at `now`), in the current language."""
    return str(STATUS_LABELS[consultation.status(now) if now is not None else consultation.status()])


# What an audit entry of a consultation says happened (the consultation's history). Entries of
# other features carry the consultation's id too; an action without a label shows its code.
HISTORY_LABELS = {
    "consultation.created": _l("Created"),
    "consultation.edited": _l("Edited"),
    "consultation.published": _l("Published"),
    "consultation.scheduled": _l("Scheduled"),
    "consultation.closed": _l("Closed"),
    "consultation.results_published": _l("Results published"),
    "consultation.organisers_changed": _l("Organisers changed"),
    "consultation.phase_added": _l("Phase added"),
    "consultation.phase_removed": _l("Phase removed"),
    "question.create": _l("Question added"),
    "question.update": _l("Question changed"),
    "question.correct_wording": _l("Question wording corrected"),
    "question.delete": _l("Question deleted"),
    "question.move_up": _l("Question moved up"),
    "question.move_down": _l("Question moved down"),
    "event.created": _l("Event created"),
    "event.duplicated": _l("Event duplicated"),
    "event.updated": _l("Event changed"),
    "event.cancelled": _l("Event cancelled"),
    "event.message_sent": _l("Message sent to the registrants of an event"),
    "event.report_published": _l("Event report published"),
    "event.report_updated": _l("Event report changed"),
    "event.registration_cancelled": _l("Registration cancelled"),
    "event.place_given": _l("Place given to someone on the waiting list"),
    "comment.approve": _l("Comment approved"),
    "comment.hide": _l("Comment hidden"),
    "comment.restore": _l("Comment restored"),
    "comment.dismiss_reports": _l("Reports dismissed"),
    "comment.auto_hidden": _l("Comment hidden automatically after reports"),
    "comment.resubmitted": _l("Comment changed by its author: back to review"),
    "appeal.submitted": _l("Appeal submitted"),
    "appeal.granted": _l("Appeal granted"),
    "appeal.rejected": _l("Appeal rejected"),
    "statements.enabled": _l("Statements switched on"),
    "statements.changed": _l("Statement settings changed"),
    "statements.disabled": _l("Statements switched off"),
    "statement.seeded": _l("Statement added by the organisers"),
    "statement.hidden": _l("Statement hidden"),
    "statement.auto_hidden": _l("Statement hidden automatically after reports"),
    "statement.approved": _l("Statement approved"),
    "statement.restored": _l("Statement restored"),
    "statement.reports_dismissed": _l("Reports on a statement dismissed"),
}


def history_label(entry) -> str:
    """What happened, in words, with the changed fields when there are any."""
    label = HISTORY_LABELS.get(entry.action)
    label = str(label) if label is not None else entry.action
    fields = ", ".join(sorted((entry.details or {}).keys())) if entry.action == "consultation.edited" else ""
    return f"{label}: {fields}" if fields else label
