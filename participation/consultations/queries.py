"""Read side of consultations: Select builders for the catalogue, detail and networks pages."""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from participation.consultations.models import (
    Consultation,
    ConsultationState,
    Network,
    Theme,
    consultation_themes,
)
from participation.consultations.search import matching
from participation.core.time import utcnow


class StatusFilter(StrEnum):
    OPEN = "open"
    UPCOMING = "upcoming"
    CLOSED = "closed"
    RESULTS = "results"


def _status_clause(status: StatusFilter, now):
    published = Consultation.state == ConsultationState.PUBLISHED
    if status == StatusFilter.OPEN:
        return sa.and_(published, Consultation.opens_at <= now, Consultation.closes_at > now)
    if status == StatusFilter.UPCOMING:
        return sa.and_(published, Consultation.opens_at > now)
    if status == StatusFilter.CLOSED:
        return sa.and_(published, Consultation.closes_at <= now)
    return Consultation.state == ConsultationState.RESULTS_PUBLISHED


def catalogue(
    *, theme_slug: str | None = None, status: StatusFilter | None = None, search: str | None = None, lang: str = "nl"
) -> sa.Select:
    """Published consultations, open first, then upcoming, then the most recently closed.

    `search` keeps those whose `lang` text holds every word of it (full text, see search.py).
    """
    now = utcnow()
    stmt = (
        sa.select(Consultation)
        .where(Consultation.state != ConsultationState.DRAFT)
        .options(selectinload(Consultation.themes))
    )
    if theme_slug:
        stmt = stmt.where(
            Consultation.id.in_(
                sa.select(consultation_themes.c.consultation_id)
                .join(Theme, Theme.id == consultation_themes.c.theme_id)
                .where(Theme.slug == theme_slug)
            )
        )
    if status:
        stmt = stmt.where(_status_clause(status, now))
    if search:
        stmt = stmt.where(matching(search, lang))
    open_now = sa.and_(
        Consultation.state == ConsultationState.PUBLISHED, Consultation.opens_at <= now, Consultation.closes_at > now
    )
    upcoming = sa.and_(Consultation.state == ConsultationState.PUBLISHED, Consultation.opens_at > now)
    rank = sa.case((open_now, 0), (upcoming, 1), else_=2)
    return stmt.order_by(
        rank, sa.case((open_now, Consultation.closes_at), else_=None), Consultation.closes_at.desc(), Consultation.id
    )


def open_now(limit: int = 4) -> sa.Select:
    return catalogue(status=StatusFilter.OPEN).limit(limit)


def by_slug(slug: str) -> sa.Select:
    return (
        sa.select(Consultation)
        .where(Consultation.slug == slug)
        .options(
            selectinload(Consultation.themes),
            selectinload(Consultation.networks),
            selectinload(Consultation.phases),
            selectinload(Consultation.organisers),
        )
    )


def themes() -> sa.Select:
    return sa.select(Theme).order_by(Theme.position, Theme.id)


def networks() -> sa.Select:
    return sa.select(Network).options(selectinload(Network.themes)).order_by(Network.position, Network.id)


def feed_entries(limit: int = 50) -> sa.Select:
    return (
        sa.select(Consultation)
        .where(Consultation.state != ConsultationState.DRAFT)
        .order_by(Consultation.published_at.desc().nulls_last(), Consultation.id.desc())
        .limit(limit)
    )
