"""A person's statements and statement votes: export, and erasure on account deletion.

Votes are deleted (the stored map is recomputed without them); statements stay, unsigned
(author_id NULL), unless the person asked to remove their texts: then they are deleted too.
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.consultations.models import Consultation
from participation.extensions import db
from participation.statements.models import OpinionMap, Statement, StatementVote


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
    }


def erase_statement_data(user, options=None) -> None:
    consultation_ids = set(
        db.session.scalars(sa.select(StatementVote.consultation_id).where(StatementVote.user_id == user.id).distinct())
    )
    db.session.execute(sa.delete(StatementVote).where(StatementVote.user_id == user.id))
    if getattr(options, "remove_comment_texts", False):
        db.session.execute(sa.delete(Statement).where(Statement.author_id == user.id))
    else:
        db.session.execute(sa.update(Statement).where(Statement.author_id == user.id).values(author_id=None))
    if consultation_ids:
        # The stored maps still count this person: compute them again without.
        db.session.execute(
            sa.update(OpinionMap)
            .where(OpinionMap.consultation_id.in_(consultation_ids), OpinionMap.recompute_requested_at.is_(None))
            .values(recompute_requested_at=sa.func.current_timestamp())
        )
    db.session.flush()
