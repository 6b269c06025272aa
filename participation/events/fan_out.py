"""The event mail that goes to many at once, as fan-outs (core.fan_out): a cancellation and the
organisers' messages to registrants. The service writes the fan-out row in its transaction; a job
mails the registrations in batches, in order of registration id."""

from __future__ import annotations

import sqlalchemy as sa

from participation.core.fan_out import register_fan_out
from participation.events import mail
from participation.events.models import Registration, RegistrationStatus
from participation.extensions import db

CANCELLED = "event_cancelled"
MESSAGE = "event_message"

AUDIENCES = {
    "all": (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING),
    "confirmed": (RegistrationStatus.CONFIRMED,),
    "waiting": (RegistrationStatus.WAITING,),
}


def audience_query(event_id: int, audience: str) -> sa.Select:
    return sa.select(Registration).where(
        Registration.event_id == event_id, Registration.status.in_(AUDIENCES[audience])
    )


def _registrations_after(fan_out, after_id: int, limit: int) -> list[tuple[int, Registration]]:
    audience = (fan_out.payload or {}).get("audience", "all")
    registrations = db.session.scalars(
        audience_query(fan_out.subject_id, audience)
        .where(Registration.id > after_id)
        .order_by(Registration.id)
        .limit(limit)
    )
    return [(registration.id, registration) for registration in registrations]


def _send_cancelled(fan_out, registration: Registration):
    return mail.event_cancelled(registration)


def _send_message(fan_out, registration: Registration):
    payload = fan_out.payload or {}
    return mail.organiser_message(registration, payload["subject"], payload["body"])


def register_event_fan_outs(app) -> None:
    register_fan_out(app, CANCELLED, _registrations_after, _send_cancelled)
    register_fan_out(app, MESSAGE, _registrations_after, _send_message)
