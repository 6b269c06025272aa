"""A person's registrations: export, and erasure on account deletion.

A person's registrations are those of their account and those made as a visitor (without
logging in) with the address their account has verified. Places at events still to come
are given back (the waiting list moves up) and the registrations deleted. Registrations for
events that took place lose name, e-mail and account, so attendance figures stay right but
point to nobody.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from participation.accounts.gdpr import verified_addresses
from participation.core.retention import register_purge
from participation.core.time import utcnow
from participation.events.models import Event, Registration, RegistrationStatus
from participation.events.registration import cancel_registration
from participation.extensions import db


def _theirs(user) -> sa.ColumnElement[bool]:
    """Registrations of the account, and a visitor's registrations under its verified address."""
    addresses = verified_addresses(user)
    as_visitor = sa.and_(Registration.user_id.is_(None), sa.func.lower(Registration.email).in_(addresses))
    return sa.or_(Registration.user_id == user.id, as_visitor) if addresses else Registration.user_id == user.id


def export_event_data(user) -> dict:
    rows = db.session.execute(
        sa.select(Registration, Event)
        .join(Event, Event.id == Registration.event_id)
        .where(_theirs(user))
        .order_by(Registration.id)
    ).all()
    return {
        "registrations": [
            {
                "event": dict(event.title),
                "event_id": event.id,
                "starts_at": event.starts_at.isoformat(),
                "as_visitor": registration.user_id is None,
                "name": registration.name,
                "email": registration.email,
                "language": registration.language,
                "status": registration.status.value,
                "dietary_needs": registration.dietary_needs,
                "accessibility_needs": registration.accessibility_needs,
                "free_answer": registration.free_answer,
                "registered_at": registration.created_at.isoformat(),
                "cancelled_at": registration.cancelled_at.isoformat() if registration.cancelled_at else None,
                "checked_in_at": registration.checked_in_at.isoformat() if registration.checked_in_at else None,
            }
            for registration, event in rows
        ],
    }


def erase_event_data(user, options=None) -> None:
    now = utcnow()
    rows = db.session.execute(
        sa.select(Registration.id, Registration.event_id, Registration.status, Event.starts_at)
        .join(Event, Event.id == Registration.event_id)
        .where(_theirs(user))
    ).all()
    future = [(rid, eid, status) for rid, eid, status, starts_at in rows if starts_at > now]
    past = [rid for rid, _eid, _status, starts_at in rows if starts_at <= now]
    for registration_id, event_id, status in future:
        if status in ("pending", "confirmed", "waiting"):
            cancel_registration(registration_id, event_id)
    if future:
        db.session.execute(sa.delete(Registration).where(Registration.id.in_([rid for rid, _e, _s in future])))
    if past:
        db.session.execute(
            sa.update(Registration)
            .where(Registration.id.in_(past))
            .values(user_id=None, name=None, email=None, dietary_needs=None, accessibility_needs=None, free_answer=None)
        )
    db.session.flush()


def purge_unconfirmed_registrations(now) -> int:
    """Visitors' registrations never confirmed within RETENTION_UNCONFIRMED_REGISTRATION_DAYS: deleted."""

    days = current_app.config["RETENTION_UNCONFIRMED_REGISTRATION_DAYS"]
    dropped = db.session.execute(
        sa.delete(Registration).where(
            Registration.status == RegistrationStatus.PENDING, Registration.created_at < now - timedelta(days=days)
        )
    )
    return dropped.rowcount or 0


def anonymise_old_attendee_data(now) -> int:
    """RETENTION_ATTENDEE_DATA_DAYS after an event ended its registrations lose account, name,
    address and answers; the numbers (and check-ins) stay."""
    days = current_app.config["RETENTION_ATTENDEE_DATA_DAYS"]
    old_events = sa.select(Event.id).where(Event.ends_at < now - timedelta(days=days))
    anonymised = db.session.execute(
        sa.update(Registration)
        .where(
            Registration.event_id.in_(old_events),
            sa.or_(Registration.user_id.is_not(None), Registration.email.is_not(None), Registration.name.is_not(None)),
        )
        .values(user_id=None, name=None, email=None, dietary_needs=None, accessibility_needs=None, free_answer=None)
        .execution_options(synchronize_session=False)
    )
    return anonymised.rowcount or 0


def register_event_purges(app) -> None:

    register_purge(
        app,
        "unconfirmed_registrations",
        "visitors' event registrations not confirmed within {days} days, deleted",
        purge_unconfirmed_registrations,
        days_key="RETENTION_UNCONFIRMED_REGISTRATION_DAYS",
    )
    register_purge(
        app,
        "attendee_data",
        "registrations of events that ended over {days} days ago, anonymised",
        anonymise_old_attendee_data,
        days_key="RETENTION_ATTENDEE_DATA_DAYS",
    )
