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
