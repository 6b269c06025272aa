"""Read side of events: lists with place counts computed in SQL, a person's registrations,
attendee lists. Each builder is one statement whatever the number of registrations.
"""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import joinedload, selectinload, with_expression

from participation.consultations.models import (
    Consultation,
    ConsultationState,
    Theme,
    consultation_organisers,
    consultation_themes,
)
from participation.core.permissions import is_admin
from participation.core.time import utcnow
from participation.events.models import (
    Event,
    EventFormat,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from participation.events.permissions import can_manage_event, can_view_event
from participation.extensions import db


class When(StrEnum):
    UPCOMING = "upcoming"
    PAST = "past"


def _count(status: RegistrationStatus):
    return (
        sa.select(sa.func.count())
        .select_from(Registration)
        .where(Registration.event_id == Event.id, Registration.status == status)
        .correlate(Event)
        .scalar_subquery()
    )


def with_counts(stmt: sa.Select) -> sa.Select:
    """Load each event's confirmed and waiting numbers with the event (two correlated counts on an index)."""
    return stmt.options(
        with_expression(Event.confirmed_places, _count(RegistrationStatus.CONFIRMED)),
        with_expression(Event.waiting_places, _count(RegistrationStatus.WAITING)),
    )


def publicly_visible():
    """Stand-alone events, and events of consultations that are not drafts."""
    return sa.or_(
        Event.consultation_id.is_(None),
        Event.consultation_id.in_(sa.select(Consultation.id).where(Consultation.state != ConsultationState.DRAFT)),
    )


def catalogue(
    *,
    when: When = When.UPCOMING,
    consultation_slug: str | None = None,
    theme_slug: str | None = None,
    event_format: EventFormat | None = None,
    language: str | None = None,
) -> sa.Select:
    """Public events: upcoming soonest first, or past most recent first."""
    now = utcnow()
    stmt = with_counts(sa.select(Event).where(publicly_visible()).options(joinedload(Event.consultation)))
    if when == When.UPCOMING:
        stmt = stmt.where(Event.ends_at > now).order_by(Event.starts_at, Event.id)
    else:
        stmt = stmt.where(Event.ends_at <= now).order_by(Event.starts_at.desc(), Event.id.desc())
    if consultation_slug:
        stmt = stmt.where(
            Event.consultation_id.in_(sa.select(Consultation.id).where(Consultation.slug == consultation_slug))
        )
    if theme_slug:
        stmt = stmt.where(
            Event.consultation_id.in_(
                sa.select(consultation_themes.c.consultation_id)
                .join(Theme, Theme.id == consultation_themes.c.theme_id)
                .where(Theme.slug == theme_slug)
            )
        )
    if event_format:
        stmt = stmt.where(Event.format == event_format)
    if language:
        stmt = stmt.where(Event.languages.contains(f",{language},", autoescape=True))
    return stmt


def upcoming(limit: int) -> sa.Select:
    now = utcnow()
    return catalogue().where(Event.status == EventStatus.SCHEDULED, Event.starts_at > now).limit(limit)


def feed_events(limit: int = 500) -> sa.Select:
    """Upcoming events for the calendar feed (cancelled ones too, so calendars drop them)."""
    now = utcnow()
    return (
        sa.select(Event).where(publicly_visible(), Event.ends_at > now).order_by(Event.starts_at, Event.id).limit(limit)
    )


def event_with_counts(event_id: int) -> Event | None:
    return db.session.execute(
        with_counts(
            sa.select(Event).where(Event.id == event_id).options(joinedload(Event.consultation))
        ).execution_options(populate_existing=True)
    ).scalar_one_or_none()


def of_consultation(consultation_id: int) -> sa.Select:
    return with_counts(
        sa.select(Event).where(Event.consultation_id == consultation_id).order_by(Event.starts_at, Event.id)
    )


def consultations_with_events() -> sa.Select:
    """For the filter: public consultations that have at least one event."""
    return (
        sa.select(Consultation)
        .where(Consultation.state != ConsultationState.DRAFT, Consultation.id.in_(sa.select(Event.consultation_id)))
        .order_by(Consultation.opens_at.desc())
    )


def themes_with_events() -> sa.Select:
    return (
        sa.select(Theme)
        .where(
            Theme.id.in_(
                sa.select(consultation_themes.c.theme_id).join(
                    Event, Event.consultation_id == consultation_themes.c.consultation_id
                )
            )
        )
        .order_by(Theme.position, Theme.id)
    )


def active_registration_of(event_id: int, user_id: int) -> Registration | None:
    return db.session.scalar(
        sa.select(Registration)
        .where(
            Registration.event_id == event_id,
            Registration.user_id == user_id,
            Registration.status != RegistrationStatus.CANCELLED,
        )
        .order_by(Registration.id.desc())
        .limit(1)
    )


def active_registration_with_position(event_id: int, user_id: int) -> tuple[Registration | None, int]:
    """The person's registration for the event and their waiting-list number (0 unless waiting), in one query."""
    row = db.session.execute(
        sa.select(Registration, _waiting_position_expr())
        .where(
            Registration.event_id == event_id,
            Registration.user_id == user_id,
            Registration.status != RegistrationStatus.CANCELLED,
        )
        .order_by(Registration.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1] or 0) if row else (None, 0)


def _waiting_position_expr():
    """1 for the first person on the waiting list, 0 for anyone not waiting (correlated to Registration)."""
    ahead = sa.orm.aliased(Registration)
    position = (
        sa.select(sa.func.count())
        .select_from(ahead)
        .where(
            ahead.event_id == Registration.event_id,
            ahead.status == RegistrationStatus.WAITING,
            ahead.sequence <= Registration.sequence,
        )
        .correlate(Registration)
        .scalar_subquery()
    )
    return sa.case((Registration.status == RegistrationStatus.WAITING, position), else_=0).label("position")


def waiting_position(registration: Registration) -> int:
    """1 for the first person on the waiting list."""
    if registration.status != RegistrationStatus.WAITING or registration.sequence is None:
        return 0
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Registration)
        .where(
            Registration.event_id == registration.event_id,
            Registration.status == RegistrationStatus.WAITING,
            Registration.sequence <= registration.sequence,
        )
    )


def registrations_of_user(user_id: int) -> sa.Select:
    """A person's registrations, upcoming events first, each with its waiting-list position."""
    now = utcnow()
    upcoming_first = sa.case((Event.ends_at > now, 0), else_=1)
    return (
        sa.select(Registration, _waiting_position_expr())
        .join(Event, Event.id == Registration.event_id)
        .where(Registration.user_id == user_id)
        .options(joinedload(Registration.event))
        .order_by(
            upcoming_first,
            sa.case((Event.ends_at > now, Event.starts_at), else_=None),
            Event.starts_at.desc(),
            Registration.id.desc(),
        )
    )


def attendees(event_id: int, search: str | None = None, statuses=None) -> sa.Select:
    """An event's registrations for the organisers: confirmed first, then the waiting list in order."""
    order = sa.case(
        (Registration.status == RegistrationStatus.CONFIRMED, 0),
        (Registration.status == RegistrationStatus.WAITING, 1),
        (Registration.status == RegistrationStatus.PENDING, 2),
        else_=3,
    )
    stmt = (
        sa.select(Registration)
        .where(Registration.event_id == event_id)
        .options(selectinload(Registration.user))
        .order_by(order, Registration.sequence, Registration.id)
    )
    if statuses:
        stmt = stmt.where(Registration.status.in_(statuses))
    if search:
        pattern = "%" + search.lower().replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(Registration.name).like(pattern, escape="\\"),
                Registration.email.like(pattern, escape="\\"),
            )
        )
    return stmt


def attendance(event_id: int) -> dict:
    """Numbers for the organisers: confirmed, waiting, pending, cancelled, checked in."""
    rows = db.session.execute(
        sa.select(Registration.status, sa.func.count(), sa.func.count(Registration.checked_in_at))
        .where(Registration.event_id == event_id)
        .group_by(Registration.status)
    ).all()
    numbers = {status.value: 0 for status in RegistrationStatus}
    checked_in = 0
    for status, count, present in rows:
        numbers[RegistrationStatus(status).value] = count
        checked_in += present
    numbers["checked_in"] = checked_in
    return numbers


def consultation_ids_for_user(user_id) -> sa.Select:
    """Consultations whose events the person registered for (participation source 'registered')."""
    return (
        sa.select(Event.consultation_id)
        .join(Registration, Registration.event_id == Event.id)
        .where(
            Registration.user_id == user_id,
            Event.consultation_id.is_not(None),
            Registration.status.in_((RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)),
        )
    )


def manageable_events(user) -> sa.Select:
    """Events this organiser runs (all for administrators)."""

    stmt = with_counts(sa.select(Event).options(joinedload(Event.consultation)))
    if not is_admin(user):
        stmt = stmt.where(
            sa.or_(
                Event.consultation_id.in_(
                    sa.select(consultation_organisers.c.consultation_id).where(
                        consultation_organisers.c.user_id == user.id
                    )
                ),
                sa.and_(Event.consultation_id.is_(None), Event.created_by_id == user.id),
            )
        )
    now = utcnow()
    return stmt.order_by(
        sa.case((Event.ends_at > now, 0), else_=1),
        sa.case((Event.ends_at > now, Event.starts_at), else_=None),
        Event.starts_at.desc(),
        Event.id,
    )


def consultations_for_new_events(user) -> sa.Select:
    """The consultations this organiser may add events to (administrators: all) that still take events."""

    stmt = sa.select(Consultation).order_by(Consultation.opens_at.desc())
    if not is_admin(user):
        stmt = stmt.where(
            Consultation.id.in_(
                sa.select(consultation_organisers.c.consultation_id).where(consultation_organisers.c.user_id == user.id)
            )
        )
    return stmt.where(Consultation.state != ConsultationState.RESULTS_PUBLISHED)


def events_of_consultation(consultation_id: int, limit: int) -> sa.Select:
    """A consultation's events with their counts, upcoming first (soonest first), then the past ones."""

    now = utcnow()
    return (
        with_counts(sa.select(Event))
        .where(Event.consultation_id == consultation_id)
        .order_by(
            sa.case((Event.ends_at > now, 0), else_=1),
            sa.case((Event.ends_at > now, Event.starts_at), else_=None),
            Event.starts_at.desc(),
            Event.id,
        )
        .limit(limit)
    )


def event_count_of_consultation(consultation_id: int) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Event).where(Event.consultation_id == consultation_id)
    )


# ------------------------------------------------------------------ loaders for views


def event_visible_to(user, event_id: int) -> Event:
    """The event (with its counts) that `user` may see, or 404: a draft consultation's events stay unknown."""

    event = event_with_counts(event_id)
    if event is None or not can_view_event(user, event):
        abort(404)
    return event


def event_managed_by(user, event_id: int) -> Event:
    """The event (with its counts) that `user` runs: 404 when there is none, 403 when it is not theirs."""

    event = event_with_counts(event_id)
    if event is None:
        abort(404)
    if not can_manage_event(user, event):
        abort(403)
    return event


def registration_of_event(event: Event, registration_id: int) -> Registration:
    """One registration of this event, or 404."""
    registration = db.session.get(Registration, registration_id)
    if registration is None or registration.event_id != event.id:
        abort(404)
    return registration
