"""Participation events and the places people hold at them."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from participation.core.db import CreatedAt, IntPK
from participation.core.time import utcnow
from participation.core.translated import TranslatedText
from participation.extensions import db


class EventFormat(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class EventStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class RegistrationStatus(StrEnum):
    PENDING = "pending"  # a visitor without an account who has not clicked the mail's link yet
    CONFIRMED = "confirmed"  # holds a place
    WAITING = "waiting"  # on the waiting list, in `sequence` order
    CANCELLED = "cancelled"


# A registration in one of these statuses blocks another one for the same person or e-mail.
ACTIVE_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
_ACTIVE_SQL = "status IN ('pending', 'confirmed', 'waiting')"


def _enum(enum_cls, name):
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=20,
        name=name,
        values_callable=lambda members: [m.value for m in members],
    )


class Event(db.Model):
    """A meeting where residents give their input, in a room, online or both.

    Belongs to a consultation (its organisers run it) or stands alone (its creator and
    administrators run it). `last_sequence` numbers the registrations in the order they
    were taken under the event's row lock: the waiting list is ordered by it.
    """

    __tablename__ = "events"
    __table_args__ = (
        sa.CheckConstraint("capacity >= 1", name="capacity_positive"),
        sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        sa.CheckConstraint("registration_closes_at > registration_opens_at", name="registration_window"),
    )

    id: Mapped[IntPK]
    consultation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("consultations.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[dict] = mapped_column(TranslatedText)
    description: Mapped[dict] = mapped_column(TranslatedText)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    format: Mapped[EventFormat] = mapped_column(_enum(EventFormat, "event_format"))
    venue: Mapped[str | None] = mapped_column(sa.String(200))
    address: Mapped[str | None] = mapped_column(sa.String(300))
    # Only shown to people who hold a place.
    online_url: Mapped[str | None] = mapped_column(sa.String(500))
    # Spoken languages as ",nl,en," so one LIKE finds an event by language.
    languages: Mapped[str] = mapped_column(sa.String(60), default=",nl,")
    step_free: Mapped[bool] = mapped_column(default=False)
    sign_language: Mapped[bool] = mapped_column(default=False)
    induction_loop: Mapped[bool] = mapped_column(default=False)
    accessibility_notes: Mapped[dict | None] = mapped_column(TranslatedText)
    capacity: Mapped[int]
    registration_opens_at: Mapped[datetime]
    registration_closes_at: Mapped[datetime]
    ask_dietary: Mapped[bool] = mapped_column(default=False)
    ask_accessibility: Mapped[bool] = mapped_column(default=False)
    free_question: Mapped[dict | None] = mapped_column(TranslatedText)
    status: Mapped[EventStatus] = mapped_column(_enum(EventStatus, "event_status"), default=EventStatus.SCHEDULED)
    # The organisers' message, in the language they wrote it in (or several).
    cancel_reason: Mapped[dict | None] = mapped_column(TranslatedText)
    cancelled_at: Mapped[datetime | None]
    last_sequence: Mapped[int] = mapped_column(default=0)
    report_summary: Mapped[dict | None] = mapped_column(TranslatedText)
    report_attendees: Mapped[int | None]
    report_published_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    consultation: Mapped[Consultation | None] = relationship()  # noqa: F821

    # Filled by queries.with_counts() in the same statement that loads the event.
    confirmed_places: Mapped[int | None] = query_expression()
    waiting_places: Mapped[int | None] = query_expression()

    @property
    def places_left(self) -> int:
        return max(0, self.capacity - (self.confirmed_places or 0))

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def has_place(self) -> bool:
        return self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def is_online(self) -> bool:
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    def has_ended(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.ends_at

    def has_started(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.starts_at

    def registration_is_open(self, now: datetime | None = None) -> bool:
        now = now or utcnow()
        return (
            not self.is_cancelled
            and self.registration_opens_at <= now < self.registration_closes_at
            and now < self.starts_at
        )


class Registration(db.Model):
    """A place (or a place in the queue) at an event, for a resident or a visitor.

    `email` is kept for everyone (lower-cased), so that one address holds at most one
    active registration per event; a partial unique index enforces it in the database,
    as another does for accounts. Registrations of people who deleted their account
    lose name, e-mail and user but stay counted for past events.
    """

    __tablename__ = "event_registrations"
    __table_args__ = (
        sa.Index(
            "uq_event_registrations_active_email",
            "event_id",
            "email",
            unique=True,
            sqlite_where=sa.text(_ACTIVE_SQL),
            postgresql_where=sa.text(_ACTIVE_SQL),
        ),
        sa.Index(
            "uq_event_registrations_active_user",
            "event_id",
            "user_id",
            unique=True,
            sqlite_where=sa.text(_ACTIVE_SQL),
            postgresql_where=sa.text(_ACTIVE_SQL),
        ),
        sa.UniqueConstraint("event_id", "sequence"),
        # Counting places and walking the waiting list read this index only.
        sa.Index("ix_event_registrations_event_status", "event_id", "status", "sequence"),
    )

    id: Mapped[IntPK]
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    name: Mapped[str | None] = mapped_column(sa.String(120))
    email: Mapped[str | None] = mapped_column(sa.String(320))
    language: Mapped[str] = mapped_column(sa.String(8), default="nl")
    status: Mapped[RegistrationStatus] = mapped_column(_enum(RegistrationStatus, "registration_status"))
    # Arrival order under the event lock; NULL while a visitor's registration awaits confirmation.
    sequence: Mapped[int | None]
    dietary_needs: Mapped[str | None] = mapped_column(sa.String(500))
    accessibility_needs: Mapped[str | None] = mapped_column(sa.String(500))
    free_answer: Mapped[str | None] = mapped_column(sa.String(1000))
    created_at: Mapped[CreatedAt]
    # When the request entered the queue (for a visitor: when they clicked the link in the mail).
    confirmed_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    checked_in_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]

    event: Mapped[Event] = relationship()
    user: Mapped[User | None] = relationship()  # noqa: F821

    @property
    def is_guest(self) -> bool:
        return self.user_id is None

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def display_name(self) -> str:
        if self.user is not None:
            return self.user.display_name
        return self.name or ""
