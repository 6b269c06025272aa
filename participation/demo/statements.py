"""Demo statements (content/statements.toml) and synthetic votes giving three groups and common ground.

The organiser switches statements on for the consultation and adds the statements through the
services. The votes are synthetic: demo residents who exist only to vote ("opinie-<n>@demo.example",
a random password nobody knows), their votes written directly (seeded, so every demo looks
the same), then the map is computed. Idempotent: a consultation that has statements is left alone.
"""

from __future__ import annotations

import random
import secrets
from datetime import timedelta

import sqlalchemy as sa

from participation.accounts.models import User
from participation.accounts.services import create_user
from participation.consultations.models import Consultation
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.demo.loader import StatementsSpec, load_consultations, load_statements
from participation.extensions import db
from participation.statements import refresh, services
from participation.statements.models import OpinionMap, Statement, StatementVote

STANCES = {"+": 1, "-": -1, "0": 0}


def synthetic_voter_count() -> int:
    """How many voting-only demo residents the seeder creates (beside the demo accounts and people)."""
    return sum(load_statements().voters)


def _voters(count: int) -> list:

    voters = []
    for n in range(1, count + 1):
        email = f"opinie-{n}@demo.example"
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is None:
            user = create_user(email, Role.RESIDENT, secrets.token_urlsafe(24), f"Inwoner {n}", "nl")
        voters.append(user)
    return voters


def seed_statements(accounts: dict) -> None:
    data = load_statements()
    organiser = accounts.get("organiser") or next(iter(accounts.values()))
    _seed_open_map(organiser, data)
    consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == data.consultation))
    if consultation is None or db.session.get(OpinionMap, consultation.id) is not None:
        return
    opinion_map = services.configure(
        organiser,
        consultation,
        enabled=True,
        opens_at=consultation.opens_at,
        closes_at=consultation.closes_at,
        residents_may_add=True,
    )
    statements = [
        (services.seed_statement(organiser, consultation, texts), stance) for texts, stance in data.statements
    ]
    rng = random.Random(data.seed)  # noqa: S311 -- synthetic demo votes, seeded on purpose
    voters = _voters(sum(data.voters))
    now = utcnow()
    groups = [group for group, size in enumerate(data.voters) for _ in range(size)]
    for voter, group in zip(voters, groups, strict=True):
        for statement, stance in statements:
            if rng.random() < 0.1:  # not seen
                continue
            value = STANCES[stance[group]] if rng.random() < 0.8 else rng.choice((-1, 0, 1))
            db.session.add(
                StatementVote(
                    statement_id=statement.id,
                    consultation_id=consultation.id,
                    user_id=voter.id,
                    value=value,
                    created_at=now,
                    updated_at=now,
                )
            )
    db.session.flush()
    db.session.execute(
        sa.update(Statement)
        .where(Statement.consultation_id == consultation.id)
        .values(
            votes_count=sa.select(sa.func.count()).where(StatementVote.statement_id == Statement.id).scalar_subquery()
        )
    )
    refresh.recompute(opinion_map.consultation_id)
    # The story's closing moment: the consultation is kept open while the demo is seeded.

    story = next((spec for spec in load_consultations() if spec.slug == consultation.slug), None)
    if story is not None:
        closes = utcnow() + timedelta(days=story.closes_days)
        if closes > opinion_map.opens_at:
            opinion_map.closes_at = closes
    db.session.flush()


def _seed_open_map(organiser, data: StatementsSpec) -> None:
    consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == data.open_consultation))
    if consultation is None or db.session.get(OpinionMap, consultation.id) is not None:
        return
    services.configure(
        organiser,
        consultation,
        enabled=True,
        opens_at=consultation.opens_at,
        closes_at=consultation.closes_at,
        residents_may_add=True,
    )
    for texts in data.open_statements:
        services.seed_statement(organiser, consultation, texts)
