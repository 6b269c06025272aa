"""Read side of consultations: Select builders for the catalogue, detail and networks pages."""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import selectinload

from participation.accounts.models import User
from participation.consultations.models import (
    Consultation,
    ConsultationState,
    Network,
    Theme,
    consultation_organisers,
    consultation_themes,
)
from participation.consultations.permissions import can_manage_consultation, can_view_consultation
from participation.consultations.search import matching
from participation.core.audit import AuditEntry
from participation.core.permissions import Role, has_role
from participation.core.time import utcnow
from participation.extensions import db


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


# ------------------------------------------------------------------ loaders for views


def consultation_visible_to(user, slug: str, *, with_details: bool = False) -> Consultation:
    """The consultation at this address that `user` may see, or 404 (a draft stays unknown to others).

    `with_details` loads its themes, networks, phases and organisers at once (the detail page).
    """
    stmt = by_slug(slug) if with_details else sa.select(Consultation).where(Consultation.slug == slug)
    consultation = db.session.scalar(stmt)
    if consultation is None or not can_view_consultation(user, consultation):
        abort(404)
    return consultation


def consultation_managed_by(user, consultation_id: int) -> Consultation:
    """The consultation `user` runs, or 404: organisers who do not run it do not learn that it exists."""
    consultation = db.session.scalar(
        sa.select(Consultation)
        .where(Consultation.id == consultation_id)
        .options(
            selectinload(Consultation.organisers),
            selectinload(Consultation.phases),
            selectinload(Consultation.themes),
            selectinload(Consultation.networks),
        )
    )
    if consultation is None or not can_manage_consultation(user, consultation):
        abort(404)
    return consultation


def managed_by(user) -> sa.Select:
    """The consultations `user` runs (administrators: all), newest first."""
    stmt = sa.select(Consultation).order_by(Consultation.created_at.desc(), Consultation.id.desc())
    if not has_role(user, Role.ADMIN):
        stmt = stmt.join(consultation_organisers).where(consultation_organisers.c.user_id == user.id)
    return stmt


def organiser_choices() -> sa.Select:
    """Everyone who can be made an organiser of a consultation, by name."""
    return sa.select(User).where(User.role.in_([Role.ORGANISER, Role.ADMIN])).order_by(User.display_name)


def history(consultation_id: int, limit: int = 100) -> sa.Select:
    """What was done to a consultation, newest first (the audit log)."""
    return (
        sa.select(AuditEntry)
        .where(AuditEntry.target_type == "consultation", AuditEntry.target_id == consultation_id)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )


def consultation_history(consultation_id: int, limit: int | None = None) -> sa.Select:
    """Everything done in a consultation, newest first: to the consultation itself and, through
    the audit entries' consultation_id, to its questions, events, comments and statements."""
    stmt = (
        sa.select(AuditEntry)
        .where(
            sa.or_(
                AuditEntry.consultation_id == consultation_id,
                sa.and_(AuditEntry.target_type == "consultation", AuditEntry.target_id == consultation_id),
            )
        )
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    )
    return stmt if limit is None else stmt.limit(limit)
