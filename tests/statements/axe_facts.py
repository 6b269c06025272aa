"""The demo's opinion maps, for the axe plan (tests/browser/test_axe_every_page.py)."""

from __future__ import annotations

import sqlalchemy as sa

from participation.comments.models import HideReason
from participation.consultations.models import Consultation
from participation.core.time import utcnow
from participation.demo.loader import load_statements
from participation.extensions import db
from participation.statements.models import Statement, StatementAppeal, StatementState

# The resident's own hidden statements on the open map: one to appeal against, one appealed.
OWN_HIDDEN = "Axe: mijn verborgen stelling over de Korenmarkt."
OWN_APPEALED = "Axe: mijn stelling waartegen ik bezwaar maakte."
APPEAL_TEXT = "Deze stelling gaat over het plan en noemt niemand."


def _hidden_statement(consultation_id: int, author, text: str) -> Statement:
    statement = next(
        (
            s
            for s in db.session.scalars(
                sa.select(Statement).where(
                    Statement.consultation_id == consultation_id,
                    Statement.author_id == author.id,
                    Statement.state == StatementState.HIDDEN,
                )
            )
            if s.text.get("nl") == text
        ),
        None,
    )
    if statement is None:
        statement = Statement(
            consultation_id=consultation_id,
            author_id=author.id,
            language="nl",
            text={"nl": text},
            state=StatementState.HIDDEN,
            hidden_reason=HideReason.OFF_TOPIC,
            moderator_note="Niet over deze bevraging.",
            hidden_at=utcnow(),
        )
        db.session.add(statement)
        db.session.flush()
    return statement


def statement_facts(resident=None) -> dict:
    """Slugs of the demo maps (closed with groups; open without votes), the open map's statement ids,
    and (given the resident) their hidden statement to appeal against and an open appeal to decide."""
    data = load_statements()
    open_id = db.session.scalar(sa.select(Consultation.id).where(Consultation.slug == data.open_consultation))
    ids = list(
        db.session.scalars(
            sa.select(Statement.id)
            .where(Statement.consultation_id == open_id, Statement.is_seed.is_(True))
            .order_by(Statement.id)
        )
    )
    facts = {"map": data.consultation, "open": data.open_consultation, "open_ids": ids}
    if resident is not None:
        hidden = _hidden_statement(open_id, resident, OWN_HIDDEN)
        appealed = _hidden_statement(open_id, resident, OWN_APPEALED)
        appeal = db.session.scalar(sa.select(StatementAppeal).where(StatementAppeal.statement_id == appealed.id))
        if appeal is None:
            appeal = StatementAppeal(statement_id=appealed.id, author_id=resident.id, text=APPEAL_TEXT)
            db.session.add(appeal)
            db.session.flush()
        db.session.commit()
        facts.update(hidden=hidden.id, appeal=appeal.id)
    return facts
