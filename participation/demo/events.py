"""Demo events (demo/content/events.toml) with their registrations, check-ins and reports.

Made the way organisers and residents make them, through the services and their rules: the
administrator creates the event, people register in the file's order (a place while places are
left, then the waiting list; a visitor confirms through the link in the mail), a cancelled event
is cancelled with its message. A past event cannot take registrations, so it is first created a
few days ahead, filled, and then moved to its day in the past, where the organiser checks people
in and publishes the report. The services stamp the moment they run; afterwards the stamps are
set to the story's days (display only: no rule reads them). Idempotent: events are matched on
their Dutch title.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import sqlalchemy as sa

from participation.consultations.models import Consultation
from participation.core.time import BRUSSELS, utcnow
from participation.demo.loader import load_events, refused_by_the_rules
from participation.events import registration as rules
from participation.events import services
from participation.events.models import Event, EventFormat, Registration, RegistrationStatus
from participation.events.registration import set_check_in
from participation.events.services import EventInput
from participation.extensions import db

REGISTRATION_OPENS_BEFORE = timedelta(days=45)
REGISTRATION_CLOSES_BEFORE = timedelta(hours=2)
# Where a past event is rehearsed: far enough ahead that registration is still open.
REHEARSAL_DAYS = 2


def _moment(days: int, hour: int, minute: int) -> datetime:
    day = (utcnow().astimezone(BRUSSELS) + timedelta(days=days)).date()
    return datetime.combine(day, time(hour, minute), BRUSSELS)


def _input(spec, consultation, days: int):

    starts_at = _moment(days, *spec.hour_and_minute)
    return EventInput(
        consultation_id=consultation.id if consultation else None,
        title=dict(spec.title),
        description=dict(spec.description),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=spec.duration_minutes),
        format=EventFormat(spec.format),
        venue=spec.venue,
        address=spec.address,
        online_url=spec.online_url,
        languages=list(spec.languages),
        step_free=spec.step_free,
        sign_language=spec.sign_language,
        induction_loop=spec.induction_loop,
        accessibility_notes=None,
        capacity=spec.capacity,
        registration_opens_at=starts_at - REGISTRATION_OPENS_BEFORE,
        registration_closes_at=starts_at - REGISTRATION_CLOSES_BEFORE,
        ask_dietary=spec.ask_dietary,
        ask_accessibility=spec.ask_accessibility,
        free_question=dict(spec.free_question) if spec.free_question else None,
    )


def seed_events(accounts: dict) -> None:
    """Create the demo events once (matched on their Dutch title), with their registrations."""

    specs = load_events()
    existing_titles = {title.get("nl") for title in db.session.scalars(sa.select(Event.title))}
    slugs = {spec.consultation for spec in specs if spec.consultation}
    consultations = {c.slug: c for c in db.session.scalars(sa.select(Consultation).where(Consultation.slug.in_(slugs)))}
    admin = accounts["admin"]
    cancelled = []
    for spec in specs:
        if spec.title["nl"] in existing_titles:
            continue
        consultation = consultations.get(spec.consultation) if spec.consultation else None
        if spec.consultation and consultation is None:
            continue
        with refused_by_the_rules(spec):
            event = _create_demo_event(spec, consultation, admin, accounts)
        if spec.cancelled:
            cancelled.append((event, spec))
    # Cancelled last: the cancellation queues a mail job (run at commit), and registering for the
    # other events uses savepoints, whose release would hand that job to the queue too early.
    for event, spec in cancelled:
        with refused_by_the_rules(spec):
            services.cancel_event(admin, event.id, dict(spec.cancel_reason))
    db.session.flush()


def _create_demo_event(spec, consultation, admin, accounts: dict) -> Event:

    past = spec.starts_days < 0
    event = services.create_event(admin, _input(spec, consultation, REHEARSAL_DAYS if past else spec.starts_days))
    registrations = [_register(event, person, accounts) for person in spec.registrations]
    if past:
        services.update_event(admin, event.id, _input(spec, consultation, spec.starts_days))
        for person, registration in zip(spec.registrations, registrations, strict=True):
            if person.checked_in:
                _check_in(admin, event, registration)
        if spec.report_summary:
            services.publish_report(admin, event, dict(spec.report_summary), spec.report_attendees)
            event.report_published_at = min(event.ends_at + timedelta(days=2), utcnow())
    _date_registrations(event, registrations)
    return event


def _register(event: Event, person, accounts: dict) -> Registration:

    if person.account:
        return rules.register_resident(event.id, accounts[person.account], rules.Answers())
    rules.request_guest_registration(event.id, person.name, person.email, person.language, rules.Answers())
    asked = db.session.scalar(
        sa.select(Registration).where(
            Registration.event_id == event.id,
            Registration.email == rules.normalise_email(person.email),
            Registration.status == RegistrationStatus.PENDING,
        )
    )
    # The visitor clicks the link in the confirmation mail.
    return rules.confirm_guest_registration(asked.id, event.id)


def _check_in(actor, event: Event, registration: Registration) -> None:

    set_check_in(registration.id, event.id, actor, True)
    registration.checked_in_at = event.starts_at + timedelta(minutes=5)


def _date_registrations(event: Event, registrations: list[Registration]) -> None:
    """People registered over the weeks after registration opened, in their order."""
    for registration in registrations:
        registered = min(event.registration_opens_at + timedelta(days=1, minutes=registration.sequence), utcnow())
        registration.created_at = registration.confirmed_at = registered
