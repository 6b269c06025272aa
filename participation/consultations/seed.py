"""Demo themes, networks and consultations from participation/demo (idempotent by slug)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import sqlalchemy as sa

from participation.consultations.models import (
    Consultation,
    ConsultationPhase,
    ConsultationState,
    Network,
    Theme,
)
from participation.core.time import BRUSSELS, utcnow
from participation.extensions import db

STATES = {
    "draft": ConsultationState.DRAFT,
    "upcoming": ConsultationState.PUBLISHED,
    "open": ConsultationState.PUBLISHED,
    "closed": ConsultationState.PUBLISHED,
    "results": ConsultationState.RESULTS_PUBLISHED,
}


def _moment(days: int, at: time) -> datetime:
    day = (utcnow().astimezone(BRUSSELS) + timedelta(days=days)).date()
    return datetime.combine(day, at, tzinfo=BRUSSELS)


def seed_themes_and_networks() -> tuple[dict, dict]:
    from participation.demo.themes_networks import NETWORKS, THEMES

    themes = {t.slug: t for t in db.session.scalars(sa.select(Theme))}
    for position, data in enumerate(THEMES):
        if data["slug"] not in themes:
            theme = Theme(slug=data["slug"], name=dict(data["name"]),
                          description=dict(data.get("description") or {}) or None, position=position)
            db.session.add(theme)
            themes[theme.slug] = theme
    networks = {n.slug: n for n in db.session.scalars(sa.select(Network))}
    for position, data in enumerate(NETWORKS):
        if data["slug"] not in networks:
            network = Network(slug=data["slug"], name=data["name"], description=dict(data["description"]),
                              website=data.get("website"), position=position,
                              themes=[themes[s] for s in data.get("themes", []) if s in themes])
            db.session.add(network)
            networks[network.slug] = network
    db.session.flush()
    return themes, networks


def seed_demo_consultations(accounts: dict) -> None:
    from participation.demo.consultations import CONSULTATIONS

    themes, networks = seed_themes_and_networks()
    existing = set(db.session.scalars(sa.select(Consultation.slug)))
    organisers = [accounts["organiser"]]
    for index, data in enumerate(CONSULTATIONS):
        if data["slug"] in existing:
            continue
        opens_at = _moment(data["opens_days"], time(9, 0))
        closes_at = _moment(data["closes_days"], time(17, 0))
        state = STATES[data["state"]]
        consultation = Consultation(
            slug=data["slug"], state=state, opens_at=opens_at, closes_at=closes_at,
            title=dict(data["title"]), summary=dict(data["summary"]), body=dict(data["body"]),
            plain_summary=dict(data["plain_summary"]) if data.get("plain_summary") else None,
            results=dict(data["results"]) if data.get("results") else None,
            feedback=dict(data["feedback"]) if data.get("feedback") else None,
            published_at=None if state == ConsultationState.DRAFT else opens_at - timedelta(days=7),
            results_published_at=closes_at + timedelta(days=14) if data.get("results") else None,
            themes=[themes[s] for s in data.get("themes", []) if s in themes],
            networks=[networks[s] for s in data.get("networks", []) if s in networks],
            organisers=organisers + ([accounts["organiser2"]] if index % 3 == 0 else []),
            created_by_id=accounts["organiser"].id,
            results_visible_while_open=index % 2 == 0,
        )
        for phase in data.get("phases", []):
            consultation.phases.append(ConsultationPhase(
                name=dict(phase["name"]),
                starts_at=_moment(phase["starts_days"], time(9, 0)),
                ends_at=_moment(max(phase["ends_days"], phase["starts_days"]), time(18, 0)),
            ))
        db.session.add(consultation)
    db.session.flush()
