"""Organisers' rules for events: create, edit, cancel, duplicate, write to registrants,
publish the report, send reminders. Changes of places go through `registration`.

Every change is recorded in the audit log. Services flush; the caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from participation.consultations.models import Consultation
from participation.core.audit import record
from participation.core.errors import Conflict, NotAllowed, UserError
from participation.core.fan_out import start_fan_out
from participation.core.i18n import _
from participation.core.security import refuse_disallowed_markdown
from participation.core.time import utcnow
from participation.core.translated import clean_translations
from participation.events import fan_out, mail
from participation.events.fan_out import AUDIENCES, audience_query
from participation.events.models import (
    Event,
    EventFormat,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from participation.events.permissions import can_create_event_for, can_manage_event
from participation.events.registration import _locked_event, confirmed_count, promote_waiting
from participation.extensions import db


@dataclass
class EventInput:
    """What the organiser's form sent, already typed."""

    consultation_id: int | None
    title: dict
    description: dict
    starts_at: datetime
    ends_at: datetime
    format: EventFormat
    venue: str | None
    address: str | None
    online_url: str | None
    languages: list[str]
    step_free: bool
    sign_language: bool
    induction_loop: bool
    accessibility_notes: dict | None
    capacity: int
    registration_opens_at: datetime
    registration_closes_at: datetime
    ask_dietary: bool
    ask_accessibility: bool
    free_question: dict | None = field(default=None)


def _languages() -> tuple[str, ...]:
    return tuple(current_app.config["LANGUAGES"])


def _check(data: EventInput) -> dict:
    """Check the input; return the cleaned values. Messages name the field at fault."""
    languages = _languages()
    title = clean_translations(data.title, languages)
    description = clean_translations(data.description, languages)
    if not title.get("nl"):
        raise UserError(_("Fill in the Dutch text: Dutch is required."), field="title_nl")
    if not description.get("nl"):
        raise UserError(_("Fill in the Dutch text: Dutch is required."), field="description_nl")
    refuse_disallowed_markdown(description, "description")
    if data.ends_at <= data.starts_at:
        raise UserError(_("The end must come after the start."), field="ends_at")
    if data.registration_closes_at <= data.registration_opens_at:
        raise UserError(_("Registration must close after it opens."), field="registration_closes_at")
    if data.registration_closes_at > data.starts_at:
        raise UserError(_("Registration must close before the event starts."), field="registration_closes_at")
    if data.capacity < 1:
        raise UserError(_("An event needs at least one place."), field="capacity")
    in_person = data.format in (EventFormat.IN_PERSON, EventFormat.HYBRID)
    online = data.format in (EventFormat.ONLINE, EventFormat.HYBRID)
    venue, address = (data.venue or "").strip() or None, (data.address or "").strip() or None
    online_url = (data.online_url or "").strip() or None
    if in_person and not (venue and address):
        raise UserError(_("Give the venue and its address."), field="venue" if not venue else "address")
    if online and not online_url:
        raise UserError(_("Give the link to the online meeting."), field="online_url")
    if online_url and not online_url.startswith("https://"):
        raise UserError(_("The online link must start with https://."), field="online_url")
    spoken = [code for code in dict.fromkeys(data.languages) if code]
    if not spoken:
        raise UserError(_("Choose at least one language spoken at the event."), field="languages")
    return {
        "title": title,
        "description": description,
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "format": data.format,
        "venue": venue if in_person else None,
        "address": address if in_person else None,
        "online_url": online_url if online else None,
        "languages": "," + ",".join(spoken) + ",",
        "step_free": data.step_free,
        "sign_language": data.sign_language,
        "induction_loop": data.induction_loop,
        "accessibility_notes": clean_translations(data.accessibility_notes, languages) or None,
        "capacity": data.capacity,
        "registration_opens_at": data.registration_opens_at,
        "registration_closes_at": data.registration_closes_at,
        "ask_dietary": data.ask_dietary,
        "ask_accessibility": data.ask_accessibility,
        "free_question": clean_translations(data.free_question, languages) or None,
    }


def _consultation_for(actor, consultation_id: int | None) -> Consultation | None:
    consultation = db.session.get(Consultation, consultation_id) if consultation_id else None
    if consultation_id and consultation is None:
        raise UserError(_("Choose one of the consultations in the list."), field="consultation_id")
    if not can_create_event_for(actor, consultation):
        raise NotAllowed(_("You can only add events to consultations you organise."))
    return consultation


def create_event(actor, data: EventInput) -> Event:
    consultation = _consultation_for(actor, data.consultation_id)
    values = _check(data)
    event = Event(consultation_id=consultation.id if consultation else None, created_by_id=actor.id, **values)
    db.session.add(event)
    db.session.flush()
    record(actor, "event.created", "event", event.id, consultation_id=event.consultation_id)
    return event


def update_event(actor, event_id: int, data: EventInput) -> list[Registration]:
    """Save the organiser's changes; a larger capacity promotes people from the waiting list."""
    event = _locked_event(event_id)
    if not can_manage_event(actor, event):
        raise NotAllowed(_("You do not run this event."))
    if data.consultation_id != event.consultation_id:
        _consultation_for(actor, data.consultation_id)
    values = _check(data)
    taken = confirmed_count(event.id)
    if values["capacity"] < taken:
        raise UserError(
            _(
                "%(taken)d people already hold a place, so the capacity cannot be lower than %(taken)d. "
                "Cancel registrations first if the room really is smaller.",
                taken=taken,
            ),
            field="capacity",
        )
    changed = sorted(name for name, value in values.items() if getattr(event, name) != value)
    for name, value in values.items():
        setattr(event, name, value)
    event.consultation_id = data.consultation_id
    db.session.flush()
    record(
        actor, "event.updated", "event", event.id, consultation_id=event.consultation_id, details={"changed": changed}
    )
    return promote_waiting(event)


def cancel_event(actor, event_id: int, messages: dict[str, str]) -> int:
    """The city cancels: registration stops and everyone registered is told why. Returns mails sent.

    The message is written per language, Dutch required: each person reads it in their
    language, or in Dutch (marked as such) when it was not written in theirs.
    """
    event = _locked_event(event_id)
    if not can_manage_event(actor, event):
        raise NotAllowed(_("You do not run this event."))
    if event.is_cancelled:
        raise Conflict(_("This event is already cancelled."))
    if event.has_ended():
        raise Conflict(_("This event has already taken place."))
    messages = clean_translations(messages, _languages())
    if not messages.get("nl"):
        raise UserError(
            _("Tell the people who registered why the event is cancelled.")
            if not messages
            else _("Fill in the Dutch text: Dutch is required."),
            field="message_nl",
        )
    message = messages["nl"]
    event.status = EventStatus.CANCELLED
    event.cancel_reason = messages
    event.cancelled_at = utcnow()
    # The mail goes out from a job once this commits (events.fan_out): the request does not wait.
    mailed = _count(audience_query(event.id, "all"))
    start_fan_out(fan_out.CANCELLED, event.id)
    record(
        actor,
        "event.cancelled",
        "event",
        event.id,
        consultation_id=event.consultation_id,
        details={"mailed": mailed},
        personal={"message": message},
    )
    return mailed


def _count(query: sa.Select) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))


def duplicate_event(actor, event: Event) -> Event:
    """A copy without registrations or report, one week later, to adjust and save."""
    if not can_manage_event(actor, event):
        raise NotAllowed(_("You do not run this event."))
    shift = timedelta(days=7)
    copy = Event(
        consultation_id=event.consultation_id,
        created_by_id=actor.id,
        title=dict(event.title),
        description=dict(event.description),
        starts_at=event.starts_at + shift,
        ends_at=event.ends_at + shift,
        format=event.format,
        venue=event.venue,
        address=event.address,
        online_url=event.online_url,
        languages=event.languages,
        step_free=event.step_free,
        sign_language=event.sign_language,
        induction_loop=event.induction_loop,
        accessibility_notes=dict(event.accessibility_notes) if event.accessibility_notes else None,
        capacity=event.capacity,
        registration_opens_at=utcnow(),
        registration_closes_at=event.starts_at + shift - (event.starts_at - event.registration_closes_at),
        ask_dietary=event.ask_dietary,
        ask_accessibility=event.ask_accessibility,
        free_question=dict(event.free_question) if event.free_question else None,
    )
    if copy.registration_closes_at <= copy.registration_opens_at:
        copy.registration_closes_at = copy.starts_at
    db.session.add(copy)
    db.session.flush()
    record(
        actor, "event.duplicated", "event", copy.id, consultation_id=copy.consultation_id, details={"from": event.id}
    )
    return copy


def message_registrants(actor, event: Event, audience: str, subject: str, body: str) -> int:
    """Write to the people registered; returns how many mails were queued."""
    if not can_manage_event(actor, event):
        raise NotAllowed(_("You do not run this event."))
    if audience not in AUDIENCES:
        raise UserError(_("Choose who receives the message."), field="audience")
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject:
        raise UserError(_("Write a subject."), field="subject")
    if not body:
        raise UserError(_("Write a message."), field="body")
    recipients = _count(audience_query(event.id, audience))
    if not recipients:
        raise Conflict(_("Nobody is registered in this group yet."))
    # Mailed in batches by a job once this commits (events.fan_out).
    start_fan_out(fan_out.MESSAGE, event.id, {"audience": audience, "subject": subject, "body": body})
    record(
        actor,
        "event.message_sent",
        "event",
        event.id,
        consultation_id=event.consultation_id,
        details={"audience": audience, "recipients": recipients},
        personal={"subject": subject},
    )
    return recipients


def publish_report(actor, event: Event, summary: dict, attendees: int | None) -> None:
    """After the event: what was discussed and by how many, shown on the event and its consultation."""
    if not can_manage_event(actor, event):
        raise NotAllowed(_("You do not run this event."))
    if not event.has_started():
        raise Conflict(_("A report can be published once the event has taken place."))
    summary = clean_translations(summary, _languages())
    if not summary.get("nl"):
        raise UserError(_("Fill in the Dutch text: Dutch is required."), field="summary_nl")
    refuse_disallowed_markdown(summary, "summary")
    if attendees is not None and attendees < 0:
        raise UserError(_("The number of attendees cannot be negative."), field="attendees")
    first = event.report_published_at is None
    event.report_summary = summary
    event.report_attendees = attendees
    event.report_published_at = event.report_published_at or utcnow()
    db.session.flush()
    record(
        actor,
        "event.report_published" if first else "event.report_updated",
        "event",
        event.id,
        consultation_id=event.consultation_id,
        details={"attendees": attendees},
    )


def send_reminders(now: datetime | None = None) -> int:
    """Remind people with a place of an event starting within REMINDER_WINDOW_HOURS, once each.

    Whatever has not been reminded yet counts, not only "tomorrow": a run that was missed sends
    the reminders late (while the event is still to come) rather than never, and the
    registration's `reminded_at`, written with the mail, keeps anyone from getting two.
    """
    now = now or utcnow()
    start = now
    end = now + timedelta(hours=current_app.config.get("REMINDER_WINDOW_HOURS", 36))
    registrations = list(
        db.session.scalars(
            sa.select(Registration)
            .join(Event, Event.id == Registration.event_id)
            .where(
                Event.status == EventStatus.SCHEDULED,
                Event.starts_at > start,
                Event.starts_at <= end,
                Registration.status == RegistrationStatus.CONFIRMED,
                Registration.reminded_at.is_(None),
            )
            .order_by(Registration.id)
            .with_for_update(skip_locked=True, of=Registration)
        )
    )
    for registration in registrations:
        mail.reminder(registration)
        registration.reminded_at = now
    db.session.flush()
    return len(registrations)
