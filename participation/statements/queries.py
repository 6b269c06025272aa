"""Reading statements and votes: a fixed number of queries whatever the amount of data."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import joinedload

from participation.extensions import db
from participation.statements.models import (
    Statement,
    StatementAppeal,
    StatementReport,
    StatementState,
    StatementVote,
)

# Multipliers of the per-person tie break (primes, small enough never to overflow 64 bits).
_TIE_STATEMENT, _TIE_USER, _TIE_MODULUS = 7919, 104729, 100003


def statement_or_404(
    statement_id: int, *, consultation_id: int | None = None, published_only: bool = False
) -> Statement:
    """The statement with this id, or 404 (the loader every statement view uses).

    The public pages pass their consultation (a statement is only found under its own) and
    `published_only` (a pending or hidden statement stays unknown to residents); moderators see
    every statement.
    """
    statement = db.session.get(Statement, statement_id)
    if (
        statement is None
        or (consultation_id is not None and statement.consultation_id != consultation_id)
        or (published_only and statement.state != StatementState.PUBLISHED)
    ):
        abort(404)
    return statement


def next_statement(consultation_id: int, user_id: int | None) -> Statement | None:
    """The statement to show this person next: a published one they have not voted on.

    Fairness: the statement with the fewest votes comes first (`votes_count`, kept exact by
    every new vote), so a statement added late is shown to the next voters until it has caught
    up. Between statements with as many votes, the order is a fixed per-person shuffle
    ((statement id * 7919 + user id * 104729) mod 100003): deterministic for one person (reloading
    shows the same statement), different between people (not everyone sees the same one first).
    One query (the index ix_statements_next serves the order).
    """
    query = sa.select(Statement).where(
        Statement.consultation_id == consultation_id, Statement.state == StatementState.PUBLISHED
    )
    tie = (Statement.id * _TIE_STATEMENT + (user_id or 0) * _TIE_USER) % _TIE_MODULUS
    if user_id is not None:
        voted = sa.select(StatementVote.id).where(
            StatementVote.statement_id == Statement.id, StatementVote.user_id == user_id
        )
        query = query.where(~voted.exists())
    return db.session.scalar(query.order_by(Statement.votes_count, tie, Statement.id).limit(1))


def progress(consultation_id: int, user_id: int | None) -> tuple[int, int]:
    """(published statements, how many of them this person voted on) in one query."""
    voted = (
        sa.select(sa.func.count())
        .select_from(StatementVote)
        .join(Statement, Statement.id == StatementVote.statement_id)
        .where(
            StatementVote.consultation_id == consultation_id,
            StatementVote.user_id == (user_id or 0),
            Statement.state == StatementState.PUBLISHED,
        )
        .scalar_subquery()
    )
    total = (
        sa.select(sa.func.count())
        .select_from(Statement)
        .where(Statement.consultation_id == consultation_id, Statement.state == StatementState.PUBLISHED)
        .scalar_subquery()
    )
    row = db.session.execute(sa.select(total, voted)).one()
    return int(row[0]), int(row[1])


def vote_of(statement_id: int, user_id: int | None) -> int | None:
    if user_id is None:
        return None
    return db.session.scalar(
        sa.select(StatementVote.value).where(
            StatementVote.statement_id == statement_id, StatementVote.user_id == user_id
        )
    )


def published_statements(consultation_id: int) -> list[Statement]:
    return list(
        db.session.scalars(
            sa.select(Statement)
            .where(Statement.consultation_id == consultation_id, Statement.state == StatementState.PUBLISHED)
            .order_by(Statement.id)
        )
    )


def statements_for_moderation(consultation_id: int | None = None) -> list[tuple[Statement, int]]:
    """Pending, hidden and reported statements with their open reports, oldest first."""
    open_reports = (
        sa.select(sa.func.count())
        .select_from(StatementReport)
        .where(StatementReport.statement_id == Statement.id, StatementReport.resolved_at.is_(None))
        .scalar_subquery()
    )
    query = (
        sa.select(Statement, open_reports)
        .where(sa.or_(Statement.state != StatementState.PUBLISHED, open_reports > 0))
        .order_by(Statement.created_at, Statement.id)
        .limit(200)
    )
    if consultation_id is not None:
        query = query.where(Statement.consultation_id == consultation_id)
    return [(statement, int(count)) for statement, count in db.session.execute(query)]


def statements_of(consultation_id: int) -> list[Statement]:
    """Every statement of a consultation, for its organisers."""
    return list(
        db.session.scalars(
            sa.select(Statement).where(Statement.consultation_id == consultation_id).order_by(Statement.id)
        )
    )


# --- Moderation: the moderators' main queue and appeals ----------------------------------------


def review_queue() -> list[tuple[Statement, int]]:
    """Statements waiting for approval and statements with open reports (also those hidden by
    reports), oldest first, with their open reports: the moderators' main queue shows them."""
    return [
        (statement, reports)
        for statement, reports in statements_for_moderation()
        if statement.state == StatementState.PENDING or reports
    ]


def statement_appeal(appeal_id: int) -> StatementAppeal | None:
    return db.session.scalar(
        sa.select(StatementAppeal)
        .options(joinedload(StatementAppeal.statement), joinedload(StatementAppeal.author))
        .where(StatementAppeal.id == appeal_id)
    )


def open_appeals() -> list[StatementAppeal]:
    """Appeals against hiding a statement that wait for a decision, oldest first."""
    return list(
        db.session.scalars(
            sa.select(StatementAppeal)
            .options(
                joinedload(StatementAppeal.statement).joinedload(Statement.consultation),
                joinedload(StatementAppeal.author),
            )
            .where(StatementAppeal.decided_at.is_(None))
            .order_by(StatementAppeal.created_at, StatementAppeal.id)
        )
    )


# --- A person's own participation --------------------------------------------------------------


def consultation_ids_for_user(user_id) -> sa.Select:
    """Ids of the consultations where this person wrote a statement or voted on one
    (extension point `participation_sources`; `user_id` may be a column to correlate on)."""
    return sa.union(
        sa.select(Statement.consultation_id).where(Statement.author_id == user_id),
        sa.select(StatementVote.consultation_id).where(StatementVote.user_id == user_id),
    )


def own_statements(user_id: int) -> list[Statement]:
    """The statements this person wrote (any state), per consultation, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Statement)
            .where(Statement.author_id == user_id)
            .order_by(Statement.consultation_id, Statement.created_at, Statement.id)
        )
    )


def own_vote_counts(user_id: int) -> dict[int, int]:
    """Per consultation, how many statements this person voted on."""
    rows = db.session.execute(
        sa.select(StatementVote.consultation_id, sa.func.count())
        .where(StatementVote.user_id == user_id)
        .group_by(StatementVote.consultation_id)
    )
    return {consultation_id: int(count) for consultation_id, count in rows}


def appealed_statement_ids(statement_ids: list[int]) -> set[int]:
    """Of these statements, those with an appeal (one only per statement)."""
    if not statement_ids:
        return set()
    return set(
        db.session.scalars(
            sa.select(StatementAppeal.statement_id).where(StatementAppeal.statement_id.in_(statement_ids))
        )
    )
