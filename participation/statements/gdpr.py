"""A person's statements, statement votes and appeals: export, and erasure on account deletion.

Votes are deleted (the stored map is recomputed without them); statements stay, unsigned
(author_id NULL, without the moderator's note to them), unless the person asked to remove their
texts: then they are deleted too. An open appeal goes; a decided one keeps only its outcome.
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.consultations.models import Consultation
from participation.extensions import db
from participation.statements.models import OpinionMap, Statement, StatementAppeal, StatementVote


def export_statement_data(user) -> dict:
    statements = db.session.execute(
        sa.select(Statement, Consultation.slug)
        .join(Consultation, Consultation.id == Statement.consultation_id)
        .where(Statement.author_id == user.id)
        .order_by(Statement.id)
    ).all()
    votes = db.session.execute(
        sa.select(StatementVote, Statement.text, Consultation.slug)
        .join(Statement, Statement.id == StatementVote.statement_id)
        .join(Consultation, Consultation.id == StatementVote.consultation_id)
        .where(StatementVote.user_id == user.id)
        .order_by(StatementVote.id)
    ).all()
    appeals = db.session.scalars(
        sa.select(StatementAppeal).where(StatementAppeal.author_id == user.id).order_by(StatementAppeal.id)
    ).all()
    names = {1: "agree", -1: "disagree", 0: "pass"}
    return {
        "statements": [
            {
                "consultation": slug,
                "text": dict(s.text),
                "state": s.state.value,
                "created_at": s.created_at.isoformat(),
            }
            for s, slug in statements
        ],
        "statement_votes": [
            {
                "consultation": slug,
                "statement": dict(text),
                "vote": names[v.value],
                "updated_at": v.updated_at.isoformat(),
            }
            for v, text, slug in votes
        ],
        "statement_appeals": [
            {
                "statement_id": a.statement_id,
                "text": a.text,
                "created_at": a.created_at.isoformat(),
                "outcome": a.outcome.value if a.outcome else None,
                "decided_at": a.decided_at.isoformat() if a.decided_at else None,
                "decision_note": a.decision_note,
            }
            for a in appeals
        ],
    }


def erase_statement_data(user, options=None) -> None:
    consultation_ids = set(
        db.session.scalars(sa.select(StatementVote.consultation_id).where(StatementVote.user_id == user.id).distinct())
    )
    db.session.execute(sa.delete(StatementVote).where(StatementVote.user_id == user.id))
    appeals = StatementAppeal.author_id == user.id
    db.session.execute(sa.delete(StatementAppeal).where(appeals, StatementAppeal.decided_at.is_(None)))
    db.session.execute(sa.update(StatementAppeal).where(appeals).values(author_id=None, text="", decision_note=None))
    if getattr(options, "remove_comment_texts", False):
        db.session.execute(sa.delete(Statement).where(Statement.author_id == user.id))
    else:
        db.session.execute(
            sa.update(Statement).where(Statement.author_id == user.id).values(author_id=None, moderator_note=None)
        )
    if consultation_ids:
        # The stored maps still count this person: compute them again without.
        db.session.execute(
            sa.update(OpinionMap)
            .where(OpinionMap.consultation_id.in_(consultation_ids), OpinionMap.recompute_requested_at.is_(None))
            .values(recompute_requested_at=sa.func.current_timestamp())
        )
    db.session.flush()
