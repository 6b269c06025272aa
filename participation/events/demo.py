"""Demo events (participation/demo/participation.py EVENTS) with registrations and reports."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import sqlalchemy as sa

from participation.consultations.models import Consultation
from participation.core.time import BRUSSELS, utcnow
from participation.events.models import (
    Event,
    EventFormat,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from participation.extensions import db

# Who the demo residents are registered with, per event key: (account key, status, checked in).
DEMO_REGISTRATIONS = {
    "klimaatplan-burgerpanel": [
        ("resident", "confirmed", True),
        ("resident2", "confirmed", True),
        ("resident3", "confirmed", False),
    ],
    "nspd-grensgesprek": [("resident4", "confirmed", True)],
    "groene-deal-webinar": [("resident", "confirmed", True), ("resident3", "confirmed", True)],
    "talentcafe": [("resident", "confirmed", False), ("resident2", "confirmed", False)],
    "groene-deal-buurtatelier": [("resident3", "confirmed", False)],
    "cultuur-2030-stadsgesprek": [("resident2", "confirmed", False)],
    "kanazawa-tafelgesprek": [
        ("resident2", "confirmed", False),
        ("resident3", "confirmed", False),
        ("resident4", "waiting", False),
    ],
}
# The small Kanazawa table is full: visitors hold the other places, one waits.
FULL_EVENT = "kanazawa-tafelgesprek"
DEMO_GUESTS = [
    "Noor Claes",
    "Jonas Maes",
    "Aiko Tanaka",
    "Elif Yilmaz",
    "Tom Peeters",
    "Sara Janssens",
    "Lucas Wouters",
]


def _moment(days: int, clock: str) -> datetime:
    day = (utcnow().astimezone(BRUSSELS) + timedelta(days=days)).date()
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hour, minute), BRUSSELS)


def seed_events(accounts: dict) -> None:
    """Create the demo events once (matched on their Dutch title), then the demo registrations."""
    from participation.demo.participation import EVENTS

    existing = {event.title.get("nl") for event in db.session.scalars(sa.select(Event))}
    slugs = {spec["consultation"] for spec in EVENTS if spec["consultation"]}
    consultations = {c.slug: c for c in db.session.scalars(sa.select(Consultation).where(Consultation.slug.in_(slugs)))}
    admin = accounts.get("admin")
    for spec in EVENTS:
        if spec["title"]["nl"] in existing:
            continue
        consultation = consultations.get(spec["consultation"]) if spec["consultation"] else None
        if spec["consultation"] and consultation is None:
            continue
        event = _event_from(spec, consultation, admin)
        db.session.add(event)
        db.session.flush()
        _register_demo_people(event, spec["key"], accounts)
    db.session.flush()


def _event_from(spec: dict, consultation, admin) -> Event:
    starts_at = _moment(spec["starts_days"], spec["start_time"])
    ends_at = starts_at + timedelta(minutes=spec["duration_minutes"])
    event = Event(
        consultation_id=consultation.id if consultation else None,
        created_by_id=admin.id if admin else None,
        title=dict(spec["title"]),
        description=dict(spec["description"]),
        starts_at=starts_at,
        ends_at=ends_at,
        format=EventFormat(spec["format"]),
        venue=spec["venue"],
        address=spec["address"],
        online_url=spec["online_url"],
        languages="," + ",".join(spec["languages"]) + ",",
        step_free=spec["step_free"],
        sign_language=spec["sign_language"],
        induction_loop=spec["induction_loop"],
        capacity=spec["capacity"],
        registration_opens_at=starts_at - timedelta(days=45),
        registration_closes_at=starts_at - timedelta(hours=2),
        ask_dietary=spec["ask_dietary"],
        ask_accessibility=spec["ask_accessibility"],
        free_question=dict(spec["free_question"]) if spec.get("free_question") else None,
    )
    if spec.get("cancelled"):
        event.status = EventStatus.CANCELLED
        event.cancel_reason = dict(spec["cancel_reason"]) if spec.get("cancel_reason") else None
        event.cancelled_at = utcnow()
    report = spec.get("report") or {}
    if report.get("summary"):
        event.report_summary = dict(report["summary"])
        event.report_attendees = report.get("attendees")
        event.report_published_at = ends_at + timedelta(days=2)
    return event


def _add(event: Event, status: str, *, user=None, name=None, email=None, lang="nl", checked_in=False):
    event.last_sequence += 1
    registered = event.registration_opens_at + timedelta(days=1, minutes=event.last_sequence)
    db.session.add(
        Registration(
            event_id=event.id,
            user_id=user.id if user else None,
            name=user.display_name if user else name,
            email=(user.email if user else email).lower(),
            language=user.preferred_language if user else lang,
            status=RegistrationStatus(status),
            sequence=event.last_sequence,
            created_at=registered,
            confirmed_at=registered,
            checked_in_at=event.starts_at + timedelta(minutes=5) if checked_in else None,
        )
    )


def _register_demo_people(event: Event, key: str, accounts: dict) -> None:
    people = DEMO_REGISTRATIONS.get(key, [])
    if event.status == EventStatus.CANCELLED:
        return
    for account_key, status, checked_in in people:
        if status == "confirmed" and account_key in accounts:
            _add(event, status, user=accounts[account_key], checked_in=checked_in)
    if key == FULL_EVENT:
        free = event.capacity - sum(1 for _k, status, _c in people if status == "confirmed")
        for index, name in enumerate(DEMO_GUESTS[:free]):
            _add(event, "confirmed", name=name, email=f"bezoeker{index + 1}@demo.example")
    for account_key, status, _checked_in in people:
        if status == "waiting" and account_key in accounts:
            _add(event, status, user=accounts[account_key])
    if key == FULL_EVENT:
        _add(event, "waiting", name=DEMO_GUESTS[-1], email="bezoeker-wachtlijst@demo.example", lang="en")
