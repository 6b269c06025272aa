"""Consultations, their themes, phases, organiser teams, and Ghent's international networks."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.consultations import search_schema
from participation.core.db import CreatedAt, IntPK
from participation.core.time import utcnow
from participation.core.translated import TranslatedText
from participation.extensions import db


class ConsultationState(StrEnum):
    """What the organisers decided; 'upcoming', 'open', 'closed' follow from the dates."""

    DRAFT = "draft"
    PUBLISHED = "published"
    RESULTS_PUBLISHED = "results_published"


class PublicStatus(StrEnum):
    """What a visitor sees, from the state and the clock."""

    DRAFT = "draft"
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"
    RESULTS = "results"


class ModerationMode(StrEnum):
    POST = "post"  # comments appear at once, moderators act afterwards
    PRE = "pre"  # comments wait for a moderator's approval


def _enum(enum_cls, name):
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=20,
        name=name,
        values_callable=lambda members: [m.value for m in members],
    )


consultation_themes = sa.Table(
    "consultation_themes",
    db.metadata,
    sa.Column("consultation_id", sa.ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("theme_id", sa.ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True),
)

consultation_organisers = sa.Table(
    "consultation_organisers",
    db.metadata,
    sa.Column("consultation_id", sa.ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)

consultation_networks = sa.Table(
    "consultation_networks",
    db.metadata,
    sa.Column("consultation_id", sa.ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("network_id", sa.ForeignKey("networks.id", ondelete="CASCADE"), primary_key=True, index=True),
)

network_themes = sa.Table(
    "network_themes",
    db.metadata,
    sa.Column("network_id", sa.ForeignKey("networks.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("theme_id", sa.ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Theme(db.Model):
    """A policy theme (climate and the Green Deal, the future of Europe, ...)."""

    __tablename__ = "themes"

    id: Mapped[IntPK]
    slug: Mapped[str] = mapped_column(sa.String(60), unique=True)
    name: Mapped[dict] = mapped_column(TranslatedText)
    description: Mapped[dict | None] = mapped_column(TranslatedText)
    position: Mapped[int] = mapped_column(default=0)


class Network(db.Model):
    """An international network the city is a member of."""

    __tablename__ = "networks"

    id: Mapped[IntPK]
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[dict] = mapped_column(TranslatedText)
    website: Mapped[str | None] = mapped_column(sa.String(300))
    position: Mapped[int] = mapped_column(default=0)

    themes: Mapped[list[Theme]] = relationship(secondary=network_themes, order_by=Theme.position)


class Consultation(db.Model):
    """A question the city puts to residents, with its text in several languages."""

    __tablename__ = "consultations"
    __table_args__ = (sa.CheckConstraint("closes_at > opens_at", name="closes_after_opening"),)

    id: Mapped[IntPK]
    slug: Mapped[str] = mapped_column(sa.String(120), unique=True)
    state: Mapped[ConsultationState] = mapped_column(
        _enum(ConsultationState, "consultation_state"), default=ConsultationState.DRAFT, index=True
    )
    opens_at: Mapped[datetime] = mapped_column(index=True)
    closes_at: Mapped[datetime] = mapped_column(index=True)
    title: Mapped[dict] = mapped_column(TranslatedText)
    summary: Mapped[dict] = mapped_column(TranslatedText)
    body: Mapped[dict] = mapped_column(TranslatedText)
    plain_summary: Mapped[dict | None] = mapped_column(TranslatedText)
    results: Mapped[dict | None] = mapped_column(TranslatedText)
    feedback: Mapped[dict | None] = mapped_column(TranslatedText)
    moderation_mode: Mapped[ModerationMode] = mapped_column(
        _enum(ModerationMode, "moderation_mode"), default=ModerationMode.POST
    )
    comments_enabled: Mapped[bool] = mapped_column(default=True)
    results_visible_while_open: Mapped[bool] = mapped_column(default=False)
    published_at: Mapped[datetime | None]
    results_published_at: Mapped[datetime | None]
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)

    themes: Mapped[list[Theme]] = relationship(secondary=consultation_themes, order_by=Theme.position)
    networks: Mapped[list[Network]] = relationship(secondary=consultation_networks, order_by=Network.position)
    organisers: Mapped[list[User]] = relationship(secondary=consultation_organisers)  # noqa: F821
    phases: Mapped[list[ConsultationPhase]] = relationship(
        back_populates="consultation",
        order_by="ConsultationPhase.starts_at",
        cascade="all, delete-orphan",
    )

    def status(self, now: datetime | None = None) -> PublicStatus:
        now = now or utcnow()
        if self.state == ConsultationState.DRAFT:
            return PublicStatus.DRAFT
        if self.state == ConsultationState.RESULTS_PUBLISHED:
            return PublicStatus.RESULTS
        if now < self.opens_at:
            return PublicStatus.UPCOMING
        if now < self.closes_at:
            return PublicStatus.OPEN
        return PublicStatus.CLOSED

    def is_open(self, now: datetime | None = None) -> bool:
        return self.status(now) == PublicStatus.OPEN

    def is_public(self) -> bool:
        return self.state != ConsultationState.DRAFT

    def has_closed(self, now: datetime | None = None) -> bool:
        return self.status(now) in (PublicStatus.CLOSED, PublicStatus.RESULTS)


class ConsultationPhase(db.Model):
    """A named, dated step of a consultation's timeline (information evening, council decision)."""

    __tablename__ = "consultation_phases"
    __table_args__ = (sa.CheckConstraint("ends_at >= starts_at", name="ends_after_start"),)

    id: Mapped[IntPK]
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    name: Mapped[dict] = mapped_column(TranslatedText)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]

    consultation: Mapped[Consultation] = relationship(back_populates="phases")

    def is_current(self, now: datetime | None = None) -> bool:
        now = now or utcnow()
        return self.starts_at <= now <= self.ends_at


class ConsultationSearchVector(db.Model):
    """PostgreSQL's full-text index: one tsvector per consultation and language.

    The vector holds the text a visitor sees in that language (Dutch where a translation is
    missing), stemmed with the language's text search configuration, accents folded. It is kept
    up to date by participation.consultations.search whenever a consultation is saved. SQLite
    searches an FTS5 mirror instead (see that module), so this table stays empty there.
    """

    __tablename__ = "consultation_search_vectors"
    __table_args__ = (sa.Index("ix_consultation_search_vectors_document", "document", postgresql_using="gin"),)

    consultation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True
    )
    lang: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    document: Mapped[str] = mapped_column(sa.Text().with_variant(TSVECTOR(), "postgresql"))


search_schema.attach_to(ConsultationSearchVector.__table__)
