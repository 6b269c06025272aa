"""Read side: questions, a person's ballots, aggregated results, fingerprints.

Each function runs one statement whatever the number of ballots; counting is
done by the database (GROUP BY), never by loading ballots.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask import abort
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


def question_ids_of(consultation_id: int, session=None) -> list[int]:
    return list(
        (session or db.session).scalars(sa.select(Question.id).where(Question.consultation_id == consultation_id))
    )


def voters_per_question(consultation_id: int, question_ids: list[int] | None = None, session=None) -> dict[int, int]:
    """Ballots per question. Bounded by the questions' ids, so the index on ballots.question_id
    reads only this consultation's ballots (a join let the planner scan every ballot)."""
    session = session or db.session
    ids = question_ids_of(consultation_id, session) if question_ids is None else question_ids
    if not ids:
        return {}
    rows = session.execute(
        sa.select(Ballot.question_id, sa.func.count()).where(Ballot.question_id.in_(ids)).group_by(Ballot.question_id)
    )
    return {question_id: count for question_id, count in rows}


def option_tallies(
    consultation_id: int, option_counts: dict[int, int] | None = None, session=None
) -> dict[int, tuple[int, int, int]]:
    """Per option: (times chosen, first preferences, Borda points).

    Borda count: in a question with n options, rank r earns n - r points
    (first place n - 1, last place 0), summed as n * (ranked choices) - (sum of ranks).
    Options nobody chose are absent. `option_counts` maps each option id to the number of
    options of its question (looked up when not given); the tallies read only the index on
    (option_id, rank) of those options.
    """
    session = session or db.session
    if option_counts is None:
        option_counts = {}
        rows = session.execute(
            sa.select(Option.id, Option.question_id)
            .join(Question, Question.id == Option.question_id)
            .where(Question.consultation_id == consultation_id)
        )
        per_question: dict[int, list[int]] = {}
        for option_id, question_id in rows:
            per_question.setdefault(question_id, []).append(option_id)
        option_counts = {oid: len(ids) for ids in per_question.values() for oid in ids}
    if not option_counts:
        return {}
    stmt = (
        sa.select(
            BallotChoice.option_id,
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(sa.case((BallotChoice.rank == 1, 1), else_=0)), 0),
            sa.func.count(BallotChoice.rank),
            sa.func.coalesce(sa.func.sum(BallotChoice.rank), 0),
        )
        .where(BallotChoice.option_id.in_(list(option_counts)))
        .group_by(BallotChoice.option_id)
    )
    return {
        option_id: (int(count), int(first), option_counts[option_id] * int(ranked) - int(rank_sum))
        for option_id, count, first, ranked, rank_sum in session.execute(stmt)
    }


def fingerprints_of(consultation_id: int) -> sa.Select:
    """Every counted ballot's receipt fingerprint, in a stable order (no names, no questions)."""
    return (
        sa.select(Ballot.receipt_fingerprint)
        .join(Question, Question.id == Ballot.question_id)
        .where(Question.consultation_id == consultation_id)
        .order_by(Ballot.receipt_fingerprint)
    )


def fingerprint_page(consultation_id: int, offset: int, limit: int) -> tuple[str, ...]:
    """One page of fingerprints_of(), read through the (question_id, receipt_fingerprint) index:
    each question gives its first offset + limit fingerprints in order, and the page is taken
    from their merge. Sorting all of a consultation's ballots (1,000,000 of them) is avoided,
    and so are the other consultations' ballots, whatever the planner estimates."""
    ids = question_ids_of(consultation_id)
    if not ids:
        return ()
    fp = Ballot.receipt_fingerprint
    parts = [
        sa.select(
            sa.select(fp.label("fp"))
            .where(Ballot.question_id == question_id)
            .order_by(fp)
            .limit(offset + limit)
            .subquery()
            .c.fp
        )
        for question_id in sorted(ids)
    ]
    merged = (parts[0] if len(parts) == 1 else sa.union_all(*parts)).subquery()
    return tuple(db.session.scalars(sa.select(merged.c.fp).order_by(merged.c.fp).offset(offset).limit(limit)))


def ballot_count(consultation_id: int) -> int:
    """How many ballots are counted in the consultation (one per person and question)."""
    ids = question_ids_of(consultation_id)
    if not ids:
        return 0
    return db.session.scalar(sa.select(sa.func.count()).select_from(Ballot).where(Ballot.question_id.in_(ids)))


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
        .where(
            AuditEntry.consultation_id == consultation_id,
            AuditEntry.target_type == "question",
            AuditEntry.action == CORRECTION_ACTION,
        )
        .group_by(AuditEntry.target_id)
    )
    return {question_id: corrected_at for question_id, corrected_at in rows}


def wording_when_voting_started(question_id: int) -> dict | None:
    """The texts before the first correction, i.e. what the first voters saw (None if never corrected)."""
    return db.session.scalar(
        sa.select(AuditEntry.details)
        .where(
            AuditEntry.target_type == "question",
            AuditEntry.target_id == question_id,
            AuditEntry.action == CORRECTION_ACTION,
        )
        .order_by(AuditEntry.created_at, AuditEntry.id)
        .limit(1)
    )


def question_of_or_404(consultation, question_id: int) -> Question:
    """One question of this consultation, or 404 (the loader every votes view uses)."""
    question = db.session.get(Question, question_id)
    if question is None or question.consultation_id != consultation.id:
        abort(404)
    return question


def own_ballots(user_id: int) -> sa.Select:
    """The person's ballots with their question, for listing their receipts (consultation id, question, fingerprint)."""
    return (
        sa.select(Question.consultation_id, Question, Ballot.receipt_fingerprint, Ballot.updated_at)
        .join(Ballot, Ballot.question_id == Question.id)
        .where(Ballot.user_id == user_id)
        .order_by(Question.consultation_id, Question.position, Question.id)
    )
