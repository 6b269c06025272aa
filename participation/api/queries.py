"""Read side of the public API and the open data downloads: the features' own queries, with the
filters and loading only the API offers."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from participation.consultations import queries as consultation_queries
from participation.consultations.models import Consultation, Network, consultation_networks
from participation.events import queries as event_queries


def consultations(
    *,
    theme_slug: str | None = None,
    status: consultation_queries.StatusFilter | None = None,
    network_slug: str | None = None,
    language: str | None = None,
) -> sa.Select:
    """The public catalogue with its networks loaded; also filtered by network and by the language
    a title is written in (a title that is empty or only blanks counts as not written)."""
    stmt = consultation_queries.catalogue(theme_slug=theme_slug, status=status).options(
        selectinload(Consultation.networks)
    )
    if network_slug:
        stmt = stmt.where(
            Consultation.id.in_(
                sa.select(consultation_networks.c.consultation_id)
                .join(Network, Network.id == consultation_networks.c.network_id)
                .where(Network.slug == network_slug)
            )
        )
    if language:
        title = Consultation.title[language].as_string()
        stmt = stmt.where(sa.func.length(sa.func.trim(sa.func.coalesce(title, ""))) > 0)
    return stmt


def consultations_download(limit: int) -> sa.Select:
    """Every published consultation (at most `limit`), with its networks, for the CSV download."""
    return consultations().limit(limit)


def events_download(when: event_queries.When, limit: int) -> sa.Select:
    """The public events upcoming or past (at most `limit`), for the CSV download."""
    return event_queries.catalogue(when=when).limit(limit)
