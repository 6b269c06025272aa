"""Who took part where: registered for an event, commented, voted, or wrote or voted on statements.

Each source feature registers `consultation_ids_for_user(user_id) -> Select` of
consultation ids under one of SOURCES (extension point `participation_sources`). Passing a
column (User.id) instead of a number correlates the same statement, which is how
the participants of one consultation are found. A source that is not installed
counts as "no".
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.accounts.models import User
from participation.consultations.models import Consultation
from participation.core import extension_points

SOURCES = ("registered", "commented", "voted", "statements")


def _sources() -> dict:
    """The features' ways to find someone's consultations (extension point `participation_sources`)."""
    sources = {}
    for source in extension_points.participation_sources.contributions():
        if source.name not in SOURCES:
            raise ValueError(f"unknown participation source {source.name!r}")
        sources[source.name] = source.consultation_ids_for_user
    return sources


def participation_flags(user_id: int) -> sa.Select:
    """One row per consultation the person took part in: the consultation and a flag per source."""
    sources = _sources()
    flags = [
        (Consultation.id.in_(sources[name](user_id)) if name in sources else sa.false()).label(name) for name in SOURCES
    ]
    return (
        sa.select(Consultation, *flags)
        .where(sa.or_(sa.false(), *(Consultation.id.in_(fn(user_id)) for fn in sources.values())))
        .order_by(Consultation.closes_at.desc(), Consultation.id.desc())
    )


def participants_of(consultation_id: int) -> sa.Select:
    """Verified people who registered, commented, voted or took part in the statements of the consultation."""
    return (
        sa.select(User)
        .where(
            User.email_verified_at.is_not(None),
            sa.or_(sa.false(), *(sa.literal(consultation_id).in_(fn(User.id)) for fn in _sources().values())),
        )
        .order_by(User.id)
    )
