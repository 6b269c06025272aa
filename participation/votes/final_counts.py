"""The counts of a consultation whose voting has closed: computed once, stored, read by every process.

Once voting has closed nothing can change them: the database refuses any ballot cast or
changed after `closes_at` (triggers on ballots and ballot_choices, see models.py), a deleted
account's ballots stay, unlinked, and questions only take wording corrections, which are read
fresh from their rows. So the counts are aggregated once and stored in final_counts and
final_count_rows; every app server then reads the same small rows (one query) instead of
aggregating 1,000,000 ballots. While voting is open (live results) the counts are computed from
the ballots, bounded to the consultation's questions and options by their indexes.

They are stored, idempotently (a second attempt finds them or loses the insert race harmlessly):
- in the same transaction as a change that closes voting (close now, or any write that moves
  `closes_at` into the past), by the flush hook below;
- by `flask store-final-counts` (run it from cron, like send-reminders, so that consultations
  that close by the clock are counted before their first visitor);
- at the latest by the first read after closing, in a short transaction of its own.
A change of `closes_at` deletes stored counts that were made for another closing moment.
"""

from __future__ import annotations

import logging

import click
import sqlalchemy as sa
from flask import has_request_context, request
from flask.cli import with_appcontext
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy.orm import Session

from participation.consultations.models import Consultation
from participation.core.time import utcnow
from participation.extensions import db
from participation.votes import queries
from participation.votes.models import FinalCount, FinalCountRow, Option, Question

log = logging.getLogger(__name__)

Tallies = tuple[dict[int, int], dict[int, tuple[int, int, int]]]


def voting_has_closed(consultation) -> bool:
    return consultation.closes_at <= utcnow()


def tallies(consultation, questions=None) -> Tallies:
    """(voters per question, per option tallies): see queries.voters_per_question and option_tallies.

    `questions` (with their options loaded) spares the look-up of the ids the counts are bounded to.
    """
    if voting_has_closed(consultation):
        stored = _stored(consultation)
        if stored is None:
            stored = _count_and_store(consultation)
        return stored[1], stored[2]
    return _live_tallies(consultation.id, questions)


def ballot_count(consultation) -> int:
    if voting_has_closed(consultation):
        stored = _stored(consultation)
        if stored is None:
            stored = _count_and_store(consultation)
        return stored[0]
    return queries.ballot_count(consultation.id)


def fingerprint_page(consultation, offset: int, limit: int) -> tuple[str, ...]:
    return queries.fingerprint_page(consultation.id, offset, limit)


def _live_tallies(consultation_id: int, questions=None) -> Tallies:
    if questions is None:
        return queries.voters_per_question(consultation_id), queries.option_tallies(consultation_id)
    option_counts = {o.id: len(q.options) for q in questions for o in q.options}
    return (
        queries.voters_per_question(consultation_id, [q.id for q in questions]),
        queries.option_tallies(consultation_id, option_counts),
    )


def _stored(consultation, session=None) -> tuple[int, dict, dict] | None:
    """The stored counts for the consultation's current closing moment (one query), or None."""
    rows = (
        (session or db.session)
        .execute(
            sa.select(
                FinalCount.ballots,
                FinalCountRow.question_id,
                FinalCountRow.option_id,
                FinalCountRow.count,
                FinalCountRow.first_preferences,
                FinalCountRow.borda,
            )
            .select_from(FinalCount)
            .outerjoin(FinalCountRow, FinalCountRow.consultation_id == FinalCount.consultation_id)
            .where(FinalCount.consultation_id == consultation.id, FinalCount.closes_at == consultation.closes_at)
        )
        .all()
    )
    if not rows:
        return None
    voters, options = {}, {}
    for _ballots, question_id, option_id, count, first, borda in rows:
        if question_id is None:
            continue
        if option_id is None:
            voters[question_id] = count
        else:
            options[option_id] = (count, first, borda)
    return rows[0][0], voters, options


def store_final_counts(consultation, session=None) -> tuple[int, dict, dict]:
    """Aggregate the closed consultation's ballots and store them, in `session`'s transaction
    (idempotent: counts already stored for this closing moment are returned as they are)."""
    session = session or db.session
    stored = _stored(consultation, session)
    if stored is not None:
        return stored
    session.execute(sa.delete(FinalCount).where(FinalCount.consultation_id == consultation.id))
    voters = queries.voters_per_question(consultation.id, session=session)
    options = queries.option_tallies(consultation.id, session=session)
    question_of = dict(
        session.execute(
            sa.select(Option.id, Option.question_id).join(Question).where(Question.consultation_id == consultation.id)
        ).all()
    )
    total = sum(voters.values())
    session.execute(
        sa.insert(FinalCount).values(
            consultation_id=consultation.id, closes_at=consultation.closes_at, ballots=total, computed_at=utcnow()
        )
    )
    rows = [
        {
            "consultation_id": consultation.id,
            "question_id": q,
            "option_id": None,
            "count": n,
            "first_preferences": 0,
            "borda": 0,
        }
        for q, n in voters.items()
    ]
    rows += [
        {
            "consultation_id": consultation.id,
            "question_id": question_of[o],
            "option_id": o,
            "count": c,
            "first_preferences": f,
            "borda": b,
        }
        for o, (c, f, b) in options.items()
    ]
    if rows:
        session.execute(sa.insert(FinalCountRow), rows)
    return total, voters, options


def _may_store_on_own_connection() -> bool:
    if db.engine.dialect.name != "sqlite" or not has_request_context():
        return True
    return request.method in ("GET", "HEAD", "OPTIONS")


def _count_and_store(consultation) -> tuple[int, dict, dict]:
    """Counts not stored yet (nobody ran the command since closing): store them in a short
    transaction of its own, so the page's transaction stays read-only; if that fails (another
    process stored them first, or the database is busy), read or compute them anyway.

    Only while answering a GET: any other request's transaction on SQLite holds the write lock
    from its start (core/db.py), so a second connection would wait the whole busy timeout for it
    (a vote refused on a closed consultation re-renders its page); such a page counts live."""
    if _may_store_on_own_connection():
        try:
            with Session(db.engine) as session, session.begin():
                return store_final_counts(consultation, session)
        except sa.exc.DBAPIError as exc:
            log.info("final counts of consultation %s not stored now: %s", consultation.id, type(exc).__name__)
    stored = _stored(consultation)
    if stored is not None:
        return stored
    voters, options = _live_tallies(consultation.id)
    return sum(voters.values()), voters, options


@sa.event.listens_for(Session, "after_flush")
def _store_when_voting_closes(session, _context) -> None:
    """A flush that moved a consultation's closing moment: drop counts made for another moment,
    and count at once in the same transaction when the new moment has passed (close now)."""

    changed = [obj for obj in session.dirty if isinstance(obj, Consultation)]
    if not changed:
        return
    for obj in changed:
        if not isinstance(obj, Consultation):
            continue
        history = sa.inspect(obj).attrs.closes_at.history
        if not history.has_changes():
            continue
        session.execute(sa.delete(FinalCount).where(FinalCount.consultation_id == obj.id))
        if obj.closes_at <= utcnow():
            store_final_counts(obj, session)


def store_all_final_counts(session=None) -> int:
    """Store the counts of every consultation whose voting has closed and that has none yet."""

    session = session or db.session
    pending = session.scalars(
        sa.select(Consultation).where(
            Consultation.closes_at <= utcnow(),
            ~sa.exists().where(
                FinalCount.consultation_id == Consultation.id, FinalCount.closes_at == Consultation.closes_at
            ),
        )
    ).all()
    for consultation in pending:
        store_final_counts(consultation, session)
    return len(pending)


def store_final_counts_job() -> int:
    """The periodic job: store the counts of every consultation that closed since (idempotent)."""
    stored = store_all_final_counts()
    db.session.commit()
    return stored


@click.command("store-final-counts")
@with_appcontext
def store_final_counts_command():
    """Count and store the votes of consultations whose voting has closed (run it from cron)."""
    stored = store_final_counts_job()
    click.echo(f"stored the final counts of {stored} consultation(s)")


class FingerprintPagination(Pagination):
    """A page of the consultation's fingerprints for the pagination macro (Flask-SQLAlchemy's
    documented extension point: a subclass supplies the items and the count)."""

    def __init__(self, consultation, page: int, per_page: int) -> None:
        self._consultation = consultation
        super().__init__(page=page, per_page=per_page, max_per_page=None, error_out=False)

    def _query_items(self) -> list[str]:
        return list(fingerprint_page(self._consultation, self._query_offset, self.per_page))

    def _query_count(self) -> int:
        return ballot_count(self._consultation)
