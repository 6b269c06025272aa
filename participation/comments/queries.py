"""Read side: thread pages, counts and exports, each a fixed number of queries."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased, joinedload

from participation.comments.models import (
    Alignment,
    AppealOutcome,
    Comment,
    CommentAppeal,
    CommentEndorsement,
    CommentReport,
    CommentState,
    HideReason,
)
from participation.extensions import db

SORTS = ("newest", "oldest", "replies")
PER_PAGE = 20


def consultation_ids_for_user(user_id: int) -> sa.Select:
    """Ids of the consultations where this person wrote a comment that still exists."""
    return (
        sa.select(Comment.consultation_id)
        .where(Comment.author_id == user_id, Comment.deleted_at.is_(None))
        .distinct()
    )


def _visible_to(user_id: int | None):
    """Pending comments are only in their author's own view of the thread."""
    if user_id is None:
        return Comment.state != CommentState.PENDING
    return sa.or_(Comment.state != CommentState.PENDING, Comment.author_id == user_id)


def top_level_comments(consultation_id: int, *, sort: str = "newest", alignment: str | None = None,
                       user_id: int | None = None) -> sa.Select:
    """Top-level comments of a consultation in the chosen order (authors eager-loaded).

    A deleted comment stays as a placeholder only when it has replies.
    """
    child = aliased(Comment)
    has_replies = sa.exists().where(child.parent_id == Comment.id)
    stmt = (
        sa.select(Comment)
        .options(joinedload(Comment.author))
        .where(Comment.consultation_id == consultation_id, Comment.parent_id.is_(None), _visible_to(user_id),
               sa.or_(Comment.deleted_at.is_(None), has_replies))
    )
    if alignment:
        stmt = stmt.where(Comment.alignment == Alignment(alignment))
    if sort == "oldest":
        return stmt.order_by(Comment.created_at, Comment.id)
    if sort == "replies":
        replies = (sa.select(sa.func.count(child.id)).where(child.root_id == Comment.id)
                   .correlate(Comment).scalar_subquery())
        return stmt.order_by(replies.desc(), Comment.created_at.desc(), Comment.id.desc())
    return stmt.order_by(Comment.created_at.desc(), Comment.id.desc())


def replies_for(root_ids: list[int], user_id: int | None = None) -> sa.Select:
    """Every reply in the given threads, oldest first (one query for a whole page)."""
    return (
        sa.select(Comment)
        .options(joinedload(Comment.author))
        .where(Comment.root_id.in_(root_ids or [-1]), _visible_to(user_id))
        .order_by(Comment.created_at, Comment.id)
    )


def endorsement_counts(comment_ids: list[int]) -> dict[int, int]:
    rows = db.session.execute(
        sa.select(CommentEndorsement.comment_id, sa.func.count())
        .where(CommentEndorsement.comment_id.in_(comment_ids or [-1]))
        .group_by(CommentEndorsement.comment_id)
    )
    return dict(rows.all())


def endorsed_by(user_id: int, comment_ids: list[int]) -> set[int]:
    return set(db.session.scalars(
        sa.select(CommentEndorsement.comment_id)
        .where(CommentEndorsement.user_id == user_id, CommentEndorsement.comment_id.in_(comment_ids or [-1]))
    ))


def alignment_counts(consultation_id: int) -> dict[str, int]:
    """Published, not deleted comments per alignment (replies included)."""
    rows = db.session.execute(
        sa.select(Comment.alignment, sa.func.count())
        .where(Comment.consultation_id == consultation_id, Comment.state == CommentState.PUBLISHED,
               Comment.deleted_at.is_(None))
        .group_by(Comment.alignment)
    ).all()
    counts = {a.value: 0 for a in Alignment}
    counts.update({Alignment(a).value: n for a, n in rows})
    return counts


def hidden_counts_by_reason(consultation_id: int) -> dict[str, int]:
    rows = db.session.execute(
        sa.select(Comment.hidden_reason, sa.func.count())
        .where(Comment.consultation_id == consultation_id, Comment.state == CommentState.HIDDEN)
        .group_by(Comment.hidden_reason)
    ).all()
    return {HideReason(reason).value: n for reason, n in rows}


def appeal_outcome_counts(consultation_id: int) -> dict[str, int]:
    rows = db.session.execute(
        sa.select(CommentAppeal.outcome, sa.func.count())
        .join(Comment, Comment.id == CommentAppeal.comment_id)
        .where(Comment.consultation_id == consultation_id)
        .group_by(CommentAppeal.outcome)
    ).all()
    counts = {"pending": 0, **{o.value: 0 for o in AppealOutcome}}
    for outcome, n in rows:
        counts[AppealOutcome(outcome).value if outcome else "pending"] = n
    return counts


def export_comments(consultation_id: int) -> sa.Select:
    """Published comments for the organisers' CSV, oldest first, with endorsement counts."""
    endorsements = (sa.select(sa.func.count(CommentEndorsement.id))
                    .where(CommentEndorsement.comment_id == Comment.id).correlate(Comment).scalar_subquery())
    return (
        sa.select(Comment, endorsements.label("endorsements"))
        .options(joinedload(Comment.author))
        .where(Comment.consultation_id == consultation_id, Comment.state == CommentState.PUBLISHED,
               Comment.deleted_at.is_(None))
        .order_by(Comment.created_at, Comment.id)
    )


def _week_start(dialect: str):
    if dialect == "postgresql":
        return sa.func.date(sa.func.date_trunc("week", sa.func.timezone("UTC", Comment.created_at)))
    # SQLite stores UTC text; 'weekday 0' moves to Sunday, six days back is Monday (a Monday stays).
    return sa.func.date(Comment.created_at, "-6 days", "weekday 1")


def weekly_counts(consultation_id: int) -> list[tuple[date, dict[str, int], int]]:
    """Comments per week (Monday, UTC) and per alignment, aggregated in SQL."""
    week = _week_start(db.session.get_bind().dialect.name).label("week")
    columns = [sa.func.sum(sa.case((Comment.alignment == a, 1), else_=0)).label(a.value) for a in Alignment]
    rows = db.session.execute(
        sa.select(week, *columns, sa.func.count().label("total"))
        .where(Comment.consultation_id == consultation_id, Comment.state == CommentState.PUBLISHED,
               Comment.deleted_at.is_(None))
        .group_by(week).order_by(week)
    ).all()
    result = []
    for row in rows:
        start = row.week if isinstance(row.week, date) else datetime.strptime(str(row.week), "%Y-%m-%d").date()
        result.append((start, {a.value: int(getattr(row, a.value) or 0) for a in Alignment}, int(row.total)))
    return result


def open_report_count(comment_id: int) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(CommentReport)
        .where(CommentReport.comment_id == comment_id, CommentReport.resolved_at.is_(None))
    ) or 0
