"""Read side: thread pages, counts and exports, each a fixed number of queries."""

from __future__ import annotations

import statistics
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased, joinedload

from participation.comments.models import (
    MAX_DEPTH,
    Alignment,
    AppealOutcome,
    Comment,
    CommentAppeal,
    CommentEndorsement,
    CommentReport,
    CommentState,
    HideReason,
)
from participation.comments.permissions import can_see_comment
from participation.core.audit import AuditEntry
from participation.extensions import db

SORTS = ("newest", "oldest", "replies")
PER_PAGE = 20
# Replies shown under each thread on a page of the discussion; the rest is one link away.
REPLIES_SHOWN = 5
# Replies per page on the page of one thread.
REPLIES_PER_PAGE = 100


def consultation_ids_for_user(user_id: int) -> sa.Select:
    """Ids of the consultations where this person wrote a comment that still exists."""
    return (
        sa.select(Comment.consultation_id).where(Comment.author_id == user_id, Comment.deleted_at.is_(None)).distinct()
    )


def _shown_to(user_id: int | None, comment=Comment):
    """Shown in this person's view of the thread (the text, or the public reason when hidden):
    not deleted, and a pending comment only for its author."""
    not_pending = comment.state != CommentState.PENDING
    visible = not_pending if user_id is None else sa.or_(not_pending, comment.author_id == user_id)
    return sa.and_(comment.deleted_at.is_(None), visible)


# Aliases are built once: making one per request copies every column of the table each time.
_DESCENDANT_LEVELS = [aliased(Comment, name=f"descendant_{n}") for n in range(1, MAX_DEPTH + 1)]
_CHILD = aliased(Comment, name="child")


def _has_shown_descendant(user_id: int | None):
    """Something shown hangs below this comment (children, grandchildren ... down to MAX_DEPTH)."""
    levels = _DESCENDANT_LEVELS
    below = None
    for depth in reversed(range(MAX_DEPTH)):
        child, parent = levels[depth], (Comment if depth == 0 else levels[depth - 1])
        condition = _shown_to(user_id, child) if below is None else sa.or_(_shown_to(user_id, child), below)
        below = sa.exists().where(child.parent_id == parent.id, condition)
    return below


def _listed(user_id: int | None):
    """Shown, or kept as a placeholder ("Comment deleted", "awaiting review") because replies
    that are shown hang below it; a deleted comment without them disappears."""
    return sa.or_(_shown_to(user_id), _has_shown_descendant(user_id))


def top_level_comments(
    consultation_id: int, *, sort: str = "newest", alignment: str | None = None, user_id: int | None = None
) -> sa.Select:
    """Top-level comments of a consultation in the chosen order (authors eager-loaded)."""
    child = _CHILD
    has_shown_replies = sa.exists().where(child.root_id == Comment.id, _shown_to(user_id, child))
    stmt = (
        sa.select(Comment)
        .options(joinedload(Comment.author))
        .where(
            Comment.consultation_id == consultation_id,
            Comment.parent_id.is_(None),
            sa.or_(_shown_to(user_id), has_shown_replies),
        )
    )
    if alignment:
        stmt = stmt.where(Comment.alignment == Alignment(alignment))
    if sort == "oldest":
        return stmt.order_by(Comment.created_at, Comment.id)
    if sort == "replies":
        replies = (
            sa.select(sa.func.count(child.id)).where(child.root_id == Comment.id).correlate(Comment).scalar_subquery()
        )
        return stmt.order_by(replies.desc(), Comment.created_at.desc(), Comment.id.desc())
    return stmt.order_by(Comment.created_at.desc(), Comment.id.desc())


def replies_for(root_ids: list[int], user_id: int | None = None, limit: int = REPLIES_SHOWN) -> sa.Select:
    """The first `limit` replies of each thread, oldest first, each row with its thread's number
    of replies (one query for a whole page, however long the threads are).

    Oldest first, a reply never comes before its parent, so the first replies form a tree.
    """
    ranked = (
        sa.select(
            Comment.id.label("id"),
            sa.func.row_number()
            .over(partition_by=Comment.root_id, order_by=(Comment.created_at, Comment.id))
            .label("position"),
            sa.func.count().over(partition_by=Comment.root_id).label("total"),
        )
        .where(Comment.root_id.in_(root_ids or [-1]), _listed(user_id))
        .subquery()
    )
    return (
        sa.select(Comment, ranked.c.total)
        .join(ranked, ranked.c.id == Comment.id)
        .options(joinedload(Comment.author))
        .where(ranked.c.position <= limit)
        .order_by(Comment.created_at, Comment.id)
    )


def thread_replies(root_id: int, user_id: int | None = None) -> sa.Select:
    """All replies of one thread, oldest first (paginated by the caller)."""
    return (
        sa.select(Comment)
        .options(joinedload(Comment.author))
        .where(Comment.root_id == root_id, _listed(user_id))
        .order_by(Comment.created_at, Comment.id)
    )


def is_listed(comment_id: int, user_id: int | None = None) -> bool:
    """Whether a comment appears in this person's view of the thread (text or placeholder)."""
    return bool(db.session.scalar(sa.select(Comment.id).where(Comment.id == comment_id, _listed(user_id))))


def endorsement_counts(comment_ids: list[int]) -> dict[int, int]:
    rows = db.session.execute(
        sa.select(CommentEndorsement.comment_id, sa.func.count())
        .where(CommentEndorsement.comment_id.in_(comment_ids or [-1]))
        .group_by(CommentEndorsement.comment_id)
    )
    return dict(rows.all())


def endorsed_by(user_id: int, comment_ids: list[int]) -> set[int]:
    return set(
        db.session.scalars(
            sa.select(CommentEndorsement.comment_id).where(
                CommentEndorsement.user_id == user_id, CommentEndorsement.comment_id.in_(comment_ids or [-1])
            )
        )
    )


def alignment_counts(consultation_id: int) -> dict[str, int]:
    """Published, not deleted comments per alignment (replies included)."""
    rows = db.session.execute(
        sa.select(Comment.alignment, sa.func.count())
        .where(
            Comment.consultation_id == consultation_id,
            Comment.state == CommentState.PUBLISHED,
            Comment.deleted_at.is_(None),
        )
        .group_by(Comment.alignment)
    ).all()
    counts = {a.value: 0 for a in Alignment}
    counts.update({Alignment(a).value: n for a, n in rows})
    return counts


def hide_decision_counts(consultation_id: int | None = None) -> dict[str, int]:
    """How often comments were hidden (in one consultation, or in all when None), per public
    reason, read from the audit log: every moderator's decision counts, also when the comment
    was shown again later, and every automatic hide after reports (under "reported"). Reasons
    in the order of HideReason."""
    stmt = (
        sa.select(AuditEntry.action, AuditEntry.reason, sa.func.count())
        .where(
            AuditEntry.target_type == "comment",
            AuditEntry.action.in_(("comment.hide", "comment.auto_hidden")),
        )
        .group_by(AuditEntry.action, AuditEntry.reason)
    )
    if consultation_id is not None:
        stmt = stmt.where(AuditEntry.consultation_id == consultation_id)
    counts: dict[str, int] = {}
    for action, reason, n in db.session.execute(stmt).all():
        key = HideReason.REPORTED.value if action == "comment.auto_hidden" else HideReason(reason).value
        counts[key] = counts.get(key, 0) + n
    return {reason.value: counts[reason.value] for reason in HideReason if reason.value in counts}


def appeal_outcome_counts(consultation_id: int | None = None) -> dict[str, int]:
    """Appeals against hides per outcome ("pending": not decided yet), in one consultation or all."""
    stmt = sa.select(CommentAppeal.outcome, sa.func.count()).group_by(CommentAppeal.outcome)
    if consultation_id is not None:
        stmt = stmt.join(Comment, Comment.id == CommentAppeal.comment_id).where(
            Comment.consultation_id == consultation_id
        )
    counts = {"pending": 0, **{o.value: 0 for o in AppealOutcome}}
    for outcome, n in db.session.execute(stmt).all():
        counts[AppealOutcome(outcome).value if outcome else "pending"] = n
    return counts


# A moderator's decision about a comment: each one answers (and closes) the reports made before it.
MODERATOR_DECISIONS = ("comment.approve", "comment.hide", "comment.restore", "comment.dismiss_reports")


def hide_decision_delays(consultation_id: int | None = None) -> list[float]:
    """Seconds from report to decision, per moderator's decision to hide a reported comment: from
    the first report made since the previous moderator's decision about that comment to the hide.
    Comments hidden without a report (in pre-moderation, say) have no such time and are left out."""
    decisions = sa.select(AuditEntry.target_id, AuditEntry.action, AuditEntry.created_at).where(
        AuditEntry.target_type == "comment", AuditEntry.action.in_(MODERATOR_DECISIONS)
    )
    if consultation_id is not None:
        decisions = decisions.where(AuditEntry.consultation_id == consultation_id)
    hidden = decisions.with_only_columns(AuditEntry.target_id).where(AuditEntry.action == "comment.hide")
    rows = db.session.execute(
        decisions.where(AuditEntry.target_id.in_(hidden)).order_by(
            AuditEntry.target_id, AuditEntry.created_at, AuditEntry.id
        )
    ).all()
    reports: dict[int, list[datetime]] = {}
    for comment_id, created_at in db.session.execute(
        sa.select(CommentReport.comment_id, CommentReport.created_at)
        .where(CommentReport.comment_id.in_(hidden))
        .order_by(CommentReport.comment_id, CommentReport.created_at)
    ):
        reports.setdefault(comment_id, []).append(created_at)
    delays: list[float] = []
    previous: dict[int, datetime] = {}
    for comment_id, action, at in rows:
        since = previous.get(comment_id)
        if action == "comment.hide":
            answered = [r for r in reports.get(comment_id, ()) if r <= at and (since is None or r > since)]
            if answered:
                delays.append((at - answered[0]).total_seconds())
        previous[comment_id] = at
    return delays


def median_seconds(delays: list[float]) -> int | None:
    """The median of these times in whole seconds; None when there are none."""
    return round(statistics.median(delays)) if delays else None


def appeal_decision_delays(consultation_id: int | None = None) -> list[float]:
    """Seconds from appeal to decision, per decided appeal against a hide."""
    stmt = sa.select(CommentAppeal.created_at, CommentAppeal.decided_at).where(CommentAppeal.decided_at.is_not(None))
    if consultation_id is not None:
        stmt = stmt.join(Comment, Comment.id == CommentAppeal.comment_id).where(
            Comment.consultation_id == consultation_id
        )
    return [(decided - sent).total_seconds() for sent, decided in db.session.execute(stmt)]


def export_comments(consultation_id: int) -> sa.Select:
    """Published comments for the organisers' CSV, oldest first, with endorsement counts."""
    endorsements = (
        sa.select(sa.func.count(CommentEndorsement.id))
        .where(CommentEndorsement.comment_id == Comment.id)
        .correlate(Comment)
        .scalar_subquery()
    )
    return (
        sa.select(Comment, endorsements.label("endorsements"))
        .options(joinedload(Comment.author))
        .where(
            Comment.consultation_id == consultation_id,
            Comment.state == CommentState.PUBLISHED,
            Comment.deleted_at.is_(None),
        )
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
        .where(
            Comment.consultation_id == consultation_id,
            Comment.state == CommentState.PUBLISHED,
            Comment.deleted_at.is_(None),
        )
        .group_by(week)
        .order_by(week)
    ).all()
    result = []
    for row in rows:
        start = row.week if isinstance(row.week, date) else datetime.strptime(str(row.week), "%Y-%m-%d").date()
        result.append((start, {a.value: int(getattr(row, a.value) or 0) for a in Alignment}, int(row.total)))
    return result


def open_report_count(comment_id: int) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(CommentReport)
            .where(CommentReport.comment_id == comment_id, CommentReport.resolved_at.is_(None))
        )
        or 0
    )


def comment_visible_to(user, comment_id: int) -> Comment:
    """The comment whose page this person may open, or 404 (the loader every comment view uses)."""
    from flask import abort

    comment = db.session.get(Comment, comment_id)
    if comment is None or not can_see_comment(user, comment):
        abort(404)
    return comment


def moderation_figures(consultation_id: int | None = None) -> dict:
    """The public figures about comments of one consultation (or all): hide decisions per reason,
    appeals per outcome, and the median times to decision in seconds (None without any)."""
    return {
        "hidden": hide_decision_counts(consultation_id),
        "appeals": appeal_outcome_counts(consultation_id),
        "median_seconds": {
            "hidden_comments": median_seconds(hide_decision_delays(consultation_id)),
            "comment_appeals": median_seconds(appeal_decision_delays(consultation_id)),
        },
    }


def state_counts(consultation_id: int) -> dict[str, int]:
    """Comments (not deleted) per state: published, pending, hidden (the organisers' overview)."""
    rows = db.session.execute(
        sa.select(Comment.state, sa.func.count())
        .where(Comment.consultation_id == consultation_id, Comment.deleted_at.is_(None))
        .group_by(Comment.state)
    ).all()
    counts = {state.value: 0 for state in CommentState}
    counts.update({CommentState(state).value: n for state, n in rows})
    return counts
