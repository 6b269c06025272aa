"""Event factories for tests: rows written directly, committed, handed back detached."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from participation.core.time import utcnow
from participation.events.models import (
    Event,
    EventFormat,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from participation.extensions import db
from tests.factories import detach


def make_event(
    app,
    *,
    consultation=None,
    capacity=10,
    when="upcoming",
    registration="open",
    event_format=EventFormat.IN_PERSON,
    title=None,
    description=None,
    languages=("nl",),
    cancelled=False,
    **fields,
):
    """when: upcoming | tomorrow | past.  registration: open | not_yet | closed."""
    now = utcnow()
    starts = {
        "upcoming": now + timedelta(days=10),
        "tomorrow": now + timedelta(days=1),
        "past": now - timedelta(days=3),
    }[when]
    opens, closes = {
        "open": (now - timedelta(days=5), starts - timedelta(hours=1)),
        "not_yet": (now + timedelta(days=2), starts - timedelta(hours=1)),
        "closed": (now - timedelta(days=20), now - timedelta(hours=1)),
    }[registration]
    if when == "past":
        opens, closes = starts - timedelta(days=20), starts - timedelta(hours=1)
    with app.app_context():
        event = Event(
            consultation_id=consultation.id if consultation else None,
            title=title
            or {"nl": "Burgerpanel klimaat", "en": "Citizens' panel on climate", "fr": "Panel citoyen climat"},
            description=description
            or {"nl": "We praten over het **klimaatplan**.", "en": "We talk about the climate plan."},
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            format=event_format,
            venue="De Krook" if event_format != EventFormat.ONLINE else None,
            address="Miriam Makebaplein 1, 9000 Gent" if event_format != EventFormat.ONLINE else None,
            online_url="https://meet.example.org/klimaat" if event_format != EventFormat.IN_PERSON else None,
            languages="," + ",".join(languages) + ",",
            capacity=capacity,
            registration_opens_at=opens,
            registration_closes_at=closes,
            status=EventStatus.CANCELLED if cancelled else EventStatus.SCHEDULED,
            **fields,
        )
        db.session.add(event)
        db.session.commit()
        return detach(event)


def registrations_of(app, event_id: int) -> list[Registration]:
    with app.app_context():
        rows = list(
            db.session.scalars(
                sa.select(Registration).where(Registration.event_id == event_id).order_by(Registration.id)
            )
        )
        for row in rows:
            db.session.expunge(row)
        return rows


def by_status(app, event_id: int, status: RegistrationStatus) -> list[Registration]:
    return [r for r in registrations_of(app, event_id) if r.status == status]
