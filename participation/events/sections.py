"""Events on other pages: a consultation's events (with reports), the next events on the home page."""

from __future__ import annotations

from participation.consultations.sections import Section
from participation.core.i18n import _
from participation.events import queries
from participation.events.permissions import can_create_event_for
from participation.extensions import db

HOME_LIMIT = 3


def consultation_events_section(consultation, user):
    """Upcoming events to register for, and reports of past ones (input in the room counts too)."""
    events = list(db.session.execute(queries.of_consultation(consultation.id)).scalars())
    can_add = can_create_event_for(user, consultation)
    if not events and not can_add:
        return None
    return Section(
        "events/_consultation_section.html",
        {"events": events, "can_add_event": can_add},
        anchor="events",
        title=_("Events"),
    )


def next_events_section():
    events = list(db.session.scalars(queries.upcoming(HOME_LIMIT)))
    return "events/_home_section.html", {"next_events": events}
