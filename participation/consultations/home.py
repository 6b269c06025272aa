"""The home page's section with what is open now."""

from __future__ import annotations

from participation.consultations import queries
from participation.consultations.labels import STATUS_LABELS
from participation.core.time import utcnow
from participation.extensions import db


def open_consultations_section():

    consultations = list(db.session.scalars(queries.open_now(limit=4)))
    return "consultations/_home_section.html", {
        "open_consultations": consultations,
        "status_labels": STATUS_LABELS,
        "now": utcnow(),
    }
