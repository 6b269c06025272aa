"""A person's ballots: export, and erasure on account deletion.

Ballots of consultations still open (or not yet open) are deleted, so deleting the
account and signing up again cannot vote twice. Ballots of closed consultations stay
counted but lose their link to the person (user_id NULL).
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.consultations.models import Consultation
from participation.extensions import db
from participation.votes.models import Ballot, BallotChoice, Option, Question


def export_vote_data(user) -> dict:
    rows = db.session.execute(
        sa.select(Ballot, Question, Consultation.slug)
        .join(Question, Question.id == Ballot.question_id)
        .join(Consultation, Consultation.id == Question.consultation_id)
        .where(Ballot.user_id == user.id)
        .order_by(Ballot.id)
    ).all()
    labels = dict(
        db.session.execute(
            sa.select(Option.id, Option.label)
            .join(BallotChoice, BallotChoice.option_id == Option.id)
            .join(Ballot, Ballot.id == BallotChoice.ballot_id)
            .where(Ballot.user_id == user.id)
        ).all()
    )
    return {
        "ballots": [
            {
                "consultation": slug,
                "question": dict(question.prompt),
                "choices": [{"option": dict(labels.get(c.option_id) or {}), "rank": c.rank} for c in ballot.choices],
                "receipt_fingerprint": ballot.receipt_fingerprint,
                "created_at": ballot.created_at.isoformat(),
                "updated_at": ballot.updated_at.isoformat(),
            }
            for ballot, question, slug in rows
        ],
    }


def erase_vote_data(user, options=None) -> None:
    rows = db.session.execute(
        sa.select(Ballot.id, Consultation)
        .join(Question, Question.id == Ballot.question_id)
        .join(Consultation, Consultation.id == Question.consultation_id)
        .where(Ballot.user_id == user.id)
    ).all()
    to_delete = [ballot_id for ballot_id, consultation in rows if not consultation.has_closed()]
    to_unlink = [ballot_id for ballot_id, consultation in rows if consultation.has_closed()]
    if to_delete:
        db.session.execute(sa.delete(BallotChoice).where(BallotChoice.ballot_id.in_(to_delete)))
        db.session.execute(sa.delete(Ballot).where(Ballot.id.in_(to_delete)))
    if to_unlink:
        db.session.execute(sa.update(Ballot).where(Ballot.id.in_(to_unlink)).values(user_id=None))
    db.session.flush()
