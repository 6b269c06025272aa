"""Translated names of the outcomes of an appeal against a suspension."""

from __future__ import annotations

from participation.core.i18n import _l
from participation.moderation.models import SuspensionAppealOutcome

SUSPENSION_APPEAL_OUTCOME_LABELS = {
    SuspensionAppealOutcome.UPHELD.value: _l("Appeal rejected: suspension upheld"),
    SuspensionAppealOutcome.LIFTED.value: _l("Appeal granted: suspension lifted"),
    "pending": _l("Not decided yet"),
}
