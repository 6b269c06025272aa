"""Compute and store opinion maps, off the request: a job after votes, and periodically.

`recompute(consultation_id)` is the job (idempotent: it reads all votes and overwrites the
stored map). `recompute_due()` runs every few minutes: maps marked out of date by a vote
(services.request_recompute) whose statements are open, or closed since the last computation.
"""

from __future__ import annotations

import logging

import numpy as np
import sqlalchemy as sa
from flask import current_app

from participation.core.time import utcnow
from participation.extensions import db
from participation.statements.analysis import Votes, compute_map
from participation.statements.models import OpinionMap, Statement, StatementState, StatementVote

log = logging.getLogger(__name__)
DEFAULT_MIN_GROUP = 5


def min_group() -> int:
    return int(current_app.config.get("OPINION_MAP_MIN_GROUP", DEFAULT_MIN_GROUP))


def load_votes(consultation_id: int) -> tuple[Votes, list[int]]:
    """Every vote on the consultation's published statements, as arrays (streamed in batches)."""
    statement_ids = list(
        db.session.scalars(
            sa.select(Statement.id)
            .where(Statement.consultation_id == consultation_id, Statement.state == StatementState.PUBLISHED)
            .order_by(Statement.id)
        )
    )
    rows = db.session.execute(
        sa.select(StatementVote.user_id, StatementVote.statement_id, StatementVote.value)
        .where(StatementVote.consultation_id == consultation_id)
        .execution_options(yield_per=20000)
    )
    users, statements, values = [], [], []
    for user_id, statement_id, value in rows:
        users.append(user_id)
        statements.append(statement_id)
        values.append(value)
    votes = Votes(np.array(users, dtype=np.int64), np.array(statements, dtype=np.int64), np.array(values, np.int8))
    return votes, statement_ids


def recompute(consultation_id: int) -> None:
    """Compute the consultation's map from all votes and store it (the job)."""
    opinion_map = db.session.get(OpinionMap, consultation_id)
    if opinion_map is None:
        return
    started = utcnow()
    votes, statement_ids = load_votes(consultation_id)
    result = compute_map(votes, statement_ids, min_group=min_group())
    # Only clear a request made before this computation read the votes; a later vote asks again.
    db.session.execute(
        sa.update(OpinionMap)
        .where(OpinionMap.consultation_id == consultation_id)
        .values(
            result=result,
            computed_at=utcnow(),
            recompute_requested_at=sa.case(
                (OpinionMap.recompute_requested_at <= started, None), else_=OpinionMap.recompute_requested_at
            ),
        )
        .execution_options(synchronize_session=False)
    )
    # Statements' vote counts (the fairness order) are kept exact by the votes themselves.
    db.session.flush()
    log.info("opinion map of consultation %s: %s groups", consultation_id, len(result["groups"]))


def recompute_due() -> None:
    """The periodic job: recompute every map marked out of date (open or closed since)."""
    due = list(
        db.session.scalars(sa.select(OpinionMap.consultation_id).where(OpinionMap.recompute_requested_at.is_not(None)))
    )
    for consultation_id in due:
        recompute(consultation_id)
        db.session.commit()
