"""Demo consultations for development, made the way an organiser makes them (idempotent).

The demo consultations (demo/content/consultations.toml) go through the services and their
rules: create, add phases, choose the team, publish.
Consultations that the story has already closed must first take their votes and comments, so
they stay open until `close_demo_consultations` (run by seed-demo after every feature's demo)
closes them now, moves the closing moment back to the story's day and publishes the results.
The services stamp the moment they run; the story spreads over months, so the publication
moments are then set to the story's days (display only: no rule reads them).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import sqlalchemy as sa

from participation.consultations import services
from participation.consultations.models import Consultation, ConsultationState
from participation.consultations.seed import seed_reference_data
from participation.core.time import BRUSSELS, utcnow
from participation.demo.loader import load_consultations, refused_by_the_rules
from participation.extensions import db


def _moment(days: int, at: time) -> datetime:
    day = (utcnow().astimezone(BRUSSELS) + timedelta(days=days)).date()
    return datetime.combine(day, at, tzinfo=BRUSSELS)


def _opens_and_closes(spec) -> tuple[datetime, datetime]:
    return _moment(spec.opens_days, time(9, 0)), _moment(spec.closes_days, time(17, 0))


def editor_data(spec, consultation: Consultation | None = None, **changes) -> dict:
    """What the consultation editor would send, from the content file (or the row as it is)."""
    opens_at, closes_at = _opens_and_closes(spec)
    source = consultation
    data = {
        "slug": spec.slug,
        "opens_at": source.opens_at if source else opens_at,
        "closes_at": source.closes_at if source else closes_at,
        "comments_enabled": source.comments_enabled if source else True,
        "results_visible_while_open": spec.results_visible_while_open,
        "moderation_mode": source.moderation_mode.value if source else "post",
        "theme_ids": [t.id for t in source.themes] if source else [],
        "network_ids": [n.id for n in source.networks] if source else [],
    }
    for name in ("title", "summary", "body", "plain_summary", "results", "feedback"):
        value = getattr(spec, name)
        data[name] = dict(value) if value else {}
    return {**data, **changes}


def _rehearsal_close(spec) -> datetime:
    """Still open while the demo residents vote and comment: a closed story is closed later."""
    _opens_at, closes_at = _opens_and_closes(spec)
    return closes_at if spec.state in ("draft", "upcoming", "open") else _moment(2, time(17, 0))


def seed_demo_consultations(accounts: dict) -> None:
    themes, networks, _report = seed_reference_data()
    existing = set(db.session.scalars(sa.select(Consultation.slug)))
    for spec in load_consultations():
        if spec.slug not in existing:
            with refused_by_the_rules(spec):
                _create_demo_consultation(spec, accounts, themes, networks)
    db.session.flush()


def _create_demo_consultation(spec, accounts: dict, themes: dict, networks: dict) -> None:
    """As in the editor: create, add the timeline, choose the team, publish (unless a draft)."""
    organisers = [accounts[key] for key in spec.organisers]
    actor = organisers[0]
    data = editor_data(
        spec,
        closes_at=_rehearsal_close(spec),
        theme_ids=[themes[s].id for s in spec.themes if s in themes],
        network_ids=[networks[s].id for s in spec.networks if s in networks],
    )
    consultation = services.create_consultation(actor, data)
    for phase in spec.phases:
        services.add_phase(
            actor,
            consultation,
            dict(phase.name),
            _moment(phase.starts_days, time(9, 0)),
            _moment(max(phase.ends_days, phase.starts_days), time(18, 0)),
        )
    if len(organisers) > 1:
        services.set_organisers(actor, consultation, [user.id for user in organisers])
    if spec.state != "draft":
        services.publish(actor, consultation)
        consultation.published_at = min(consultation.opens_at - timedelta(days=7), utcnow())
    db.session.flush()


def close_demo_consultations(accounts: dict) -> None:
    """End the story of the consultations that have closed: close, date, publish results (idempotent)."""
    specs = {spec.slug: spec for spec in load_consultations() if spec.state in ("closed", "results")}
    consultations = db.session.scalars(sa.select(Consultation).where(Consultation.slug.in_(specs)))
    for consultation in consultations:
        spec = specs[consultation.slug]
        with refused_by_the_rules(spec):
            _close(spec, consultation, accounts[spec.organisers[0]])
    db.session.flush()


def _close(spec, consultation: Consultation, actor) -> None:
    """Close now (votes are counted), move the closing moment to the story's day, publish results."""
    if consultation.is_open():
        services.close_now(actor, consultation)
        db.session.flush()
        _opens_at, closes_at = _opens_and_closes(spec)
        services.update_consultation(actor, consultation, editor_data(spec, consultation, closes_at=closes_at))
    if spec.state == "results" and consultation.state != ConsultationState.RESULTS_PUBLISHED:
        services.publish_results(actor, consultation)
        consultation.results_published_at = min(consultation.closes_at + timedelta(days=14), utcnow())
