"""Read side: questions, a person's ballots, aggregated results, fingerprints.

Each function runs one statement whatever the number of ballots; counting is
done by the database (GROUP BY), never by loading ballots.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from participation.core.audit import AuditEntry
from participation.extensions import db
from participation.votes.models import Ballot, BallotChoice, Option, Question

# The audit action of a wording correction made after people voted (details: the old texts).
CORRECTION_ACTION = "question.correct_wording"


def questions_of(consultation_id: int) -> sa.Select:
    """The consultation's questions in order, options eager-loaded."""
    return (
        sa.select(Question)
        .options(selectinload(Question.options))
        .where(Question.consultation_id == consultation_id)
        .order_by(Question.position, Question.id)
    )


def ballots_of_user(consultation_id: int, user_id: int) -> sa.Select:
    """This person's ballots in the consultation, with their choices."""
    return (
        sa.select(Ballot)
        .join(Question, Question.id == Ballot.question_id)
        .options(selectinload(Ballot.choices))
        .where(Question.consultation_id == consultation_id, Ballot.user_id == user_id)
    )


def consultation_ids_for_user(user_id) -> sa.Select:
    """Ids of the consultations where this person has a ballot (user_id may be a column, to correlate)."""
    return (
        sa.select(Question.consultation_id)
        .join(Ballot, Ballot.question_id == Question.id)
        .where(Ballot.user_id == user_id)
        .distinct()
    )


def voters_per_question(consultation_id: int) -> dict[int, int]:
    rows = db.session.execute(
        sa.select(Ballot.question_id, sa.func.count(Ballot.id))
        .join(Question, Question.id == Ballot.question_id)
        .where(Question.consultation_id == consultation_id)
        .group_by(Ballot.question_id)
    )
    return {question_id: count for question_id, count in rows}


def option_tallies(consultation_id: int) -> dict[int, tuple[int, int, int]]:
    """Per option: (times chosen, first preferences, Borda points).

    Borda count: in a question with n options, rank r earns n - r points
    (first place n - 1, last place 0). Options nobody chose are absent.
    """
    option_count = (
        sa.select(Option.question_id, sa.func.count(Option.id).label("n"))
        .join(Question, Question.id == Option.question_id)
        .where(Question.consultation_id == consultation_id)
        .group_by(Option.question_id)
        .subquery()
    )
    stmt = (
        sa.select(
            BallotChoice.option_id,
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(sa.case((BallotChoice.rank == 1, 1), else_=0)), 0),
            sa.func.coalesce(sa.func.sum(
                sa.case((BallotChoice.rank.is_not(None), option_count.c.n - BallotChoice.rank), else_=0)), 0),
        )
        .join(Option, Option.id == BallotChoice.option_id)
        .join(Question, Question.id == Option.question_id)
        .join(option_count, option_count.c.question_id == Question.id)
        .where(Question.consultation_id == consultation_id)
        .group_by(BallotChoice.option_id)
    )
    return {option_id: (int(count), int(first), int(borda))
            for option_id, count, first, borda in db.session.execute(stmt)}


def fingerprints_of(consultation_id: int) -> sa.Select:
    """Every counted ballot's receipt fingerprint, in a stable order (no names, no questions)."""
    return (
        sa.select(Ballot.receipt_fingerprint)
        .join(Question, Question.id == Ballot.question_id)
        .where(Question.consultation_id == consultation_id)
        .order_by(Ballot.receipt_fingerprint)
    )


def fingerprint_page(consultation_id: int, offset: int, limit: int) -> tuple[str, ...]:
    """One page of fingerprints_of()."""
    return tuple(db.session.scalars(fingerprints_of(consultation_id).offset(offset).limit(limit)))


def ballot_count(consultation_id: int) -> int:
    """How many ballots are counted in the consultation (one per person and question)."""
    return db.session.scalar(
        sa.select(sa.func.count(Ballot.id))
        .join(Question, Question.id == Ballot.question_id)
        .where(Question.consultation_id == consultation_id)
    )


def ballot_with_fingerprint(consultation_id: int, fp: str) -> sa.Select:
    return (
        sa.select(Ballot.question_id)
        .join(Question, Question.id == Ballot.question_id)
        .where(Question.consultation_id == consultation_id, Ballot.receipt_fingerprint == fp)
    )


def anonymised_choices(consultation_id: int) -> sa.Select:
    """Each ballot's choices, keyed by ballot id only (the caller shuffles and renumbers)."""
    return (
        sa.select(Ballot.id, Ballot.question_id, BallotChoice.option_id, BallotChoice.rank)
        .join(BallotChoice, BallotChoice.ballot_id == Ballot.id)
        .join(Question, Question.id == Ballot.question_id)
        .where(Question.consultation_id == consultation_id)
        .order_by(Ballot.id, BallotChoice.rank, BallotChoice.option_id)
    )


def wording_corrections(consultation_id: int) -> dict[int, datetime]:
    """When each question's wording was last corrected after voting started (questions never corrected are absent)."""
    rows = db.session.execute(
        sa.select(AuditEntry.target_id, sa.func.max(AuditEntry.created_at))
        .where(AuditEntry.consultation_id == consultation_id, AuditEntry.target_type == "question",
               AuditEntry.action == CORRECTION_ACTION)
        .group_by(AuditEntry.target_id)
    )
    return {question_id: corrected_at for question_id, corrected_at in rows}


def wording_when_voting_started(question_id: int) -> dict | None:
    """The texts before the first correction, i.e. what the first voters saw (None if never corrected)."""
    return db.session.scalar(
        sa.select(AuditEntry.details)
        .where(AuditEntry.target_type == "question", AuditEntry.target_id == question_id,
               AuditEntry.action == CORRECTION_ACTION)
        .order_by(AuditEntry.created_at, AuditEntry.id)
        .limit(1)
    )
