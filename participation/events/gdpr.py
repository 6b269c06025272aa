"""A person's registrations: export, and erasure on account deletion.

Places at events still to come are given back (the waiting list moves up) and the
registrations deleted. Registrations for events that took place lose name, e-mail and
account, so attendance figures stay right but point to nobody.
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.core.time import utcnow
from participation.events.models import Event, Registration
from participation.events.registration import cancel_registration
from participation.extensions import db


def export_event_data(user) -> dict:
    rows = db.session.execute(
        sa.select(Registration, Event).join(Event, Event.id == Registration.event_id)
        .where(Registration.user_id == user.id).order_by(Registration.id)
    ).all()
    return {
        "registrations": [
            {"event": dict(event.title), "event_id": event.id, "starts_at": event.starts_at.isoformat(),
             "status": registration.status.value, "dietary_needs": registration.dietary_needs,
             "accessibility_needs": registration.accessibility_needs, "free_answer": registration.free_answer,
             "registered_at": registration.created_at.isoformat(),
             "cancelled_at": registration.cancelled_at.isoformat() if registration.cancelled_at else None,
             "checked_in_at": registration.checked_in_at.isoformat() if registration.checked_in_at else None}
            for registration, event in rows
        ],
    }


def erase_event_data(user) -> None:
    now = utcnow()
    rows = db.session.execute(
        sa.select(Registration.id, Registration.event_id, Registration.status, Event.starts_at)
        .join(Event, Event.id == Registration.event_id).where(Registration.user_id == user.id)
    ).all()
    future = [(rid, eid, status) for rid, eid, status, starts_at in rows if starts_at > now]
    past = [rid for rid, _eid, _status, starts_at in rows if starts_at <= now]
    for registration_id, event_id, status in future:
        if status in ("pending", "confirmed", "waiting"):
            cancel_registration(registration_id, event_id)
    if future:
        db.session.execute(sa.delete(Registration).where(Registration.id.in_([rid for rid, _e, _s in future])))
    if past:
        db.session.execute(sa.update(Registration).where(Registration.id.in_(past)).values(
            user_id=None, name=None, email=None, dietary_needs=None, accessibility_needs=None, free_answer=None))
    db.session.flush()


UNCONFIRMED_GUEST_DAYS = 7
# The privacy statement promises: attendee data is anonymised 12 months after the event.
ATTENDEE_DATA_DAYS = 365


def apply_event_retention(now=None) -> str:
    """Run daily by `flask purge`: drop visitors' requests never confirmed within a week, and
    anonymise the registrations of events that ended a year ago (the numbers stay)."""
    from datetime import timedelta

    from participation.events.models import RegistrationStatus

    now = now or utcnow()
    dropped = db.session.execute(
        sa.delete(Registration).where(Registration.status == RegistrationStatus.PENDING,
                                      Registration.created_at < now - timedelta(days=UNCONFIRMED_GUEST_DAYS)))
    old_events = sa.select(Event.id).where(Event.ends_at < now - timedelta(days=ATTENDEE_DATA_DAYS))
    anonymised = db.session.execute(
        sa.update(Registration)
        .where(Registration.event_id.in_(old_events),
               sa.or_(Registration.user_id.is_not(None), Registration.email.is_not(None)))
        .values(user_id=None, name=None, email=None, dietary_needs=None, accessibility_needs=None,
                free_answer=None)
        .execution_options(synchronize_session=False))
    return (f"Deleted {dropped.rowcount} unconfirmed event registration(s); "
            f"anonymised {anonymised.rowcount} registration(s) of events that ended over a year ago.")
