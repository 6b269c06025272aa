"""Read side of the moderation workspace."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from participation.accounts.models import User
from participation.comments.models import Comment, CommentAppeal, CommentReport, CommentState
from participation.core.audit import AuditEntry
from participation.core.permissions import Role
from participation.core.time import BRUSSELS
from participation.extensions import db
from participation.moderation.models import Suspension, SuspensionAppeal, SuspensionAppealOutcome
from participation.statements.labels import STATEMENT_ACTION_LABELS


def review_queue() -> sa.Select:
    """Pending comments and comments with open reports, oldest first, with reports and context."""
    has_open_reports = sa.exists().where(CommentReport.comment_id == Comment.id, CommentReport.resolved_at.is_(None))
    return (
        sa.select(Comment)
        .options(
            joinedload(Comment.author),
            joinedload(Comment.consultation),
            joinedload(Comment.parent),
            selectinload(Comment.reports.and_(CommentReport.resolved_at.is_(None))),
        )
        .where(Comment.deleted_at.is_(None), sa.or_(Comment.state == CommentState.PENDING, has_open_reports))
        .order_by(Comment.created_at, Comment.id)
    )


def thread_context(comment: Comment) -> list[Comment]:
    """The chain of parents of a comment, top-level first (at most MAX_DEPTH rows)."""
    chain = []
    current = comment.parent
    while current is not None:
        chain.append(current)
        current = current.parent
    return list(reversed(chain))


def open_appeals() -> sa.Select:
    return (
        sa.select(CommentAppeal)
        .options(joinedload(CommentAppeal.comment).joinedload(Comment.consultation), joinedload(CommentAppeal.author))
        .where(CommentAppeal.decided_at.is_(None))
        .order_by(CommentAppeal.created_at, CommentAppeal.id)
    )


def open_suspension_appeals() -> sa.Select:
    """Appeals against a suspension waiting for a decision, oldest first."""
    return (
        sa.select(SuspensionAppeal)
        .options(joinedload(SuspensionAppeal.suspension).joinedload(Suspension.user))
        .where(SuspensionAppeal.decided_at.is_(None))
        .order_by(SuspensionAppeal.created_at, SuspensionAppeal.id)
    )


def open_suspension_appeal_count() -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(SuspensionAppeal).where(SuspensionAppeal.decided_at.is_(None))
    )


def waiting_suspension_appeals_of(user_ids: list[int]) -> dict[int, SuspensionAppeal]:
    """The appeal waiting for a decision of each of these people, by person (one query)."""
    if not user_ids:
        return {}
    rows = db.session.execute(
        sa.select(Suspension.user_id, SuspensionAppeal)
        .join(SuspensionAppeal, SuspensionAppeal.suspension_id == Suspension.id)
        .where(Suspension.user_id.in_(user_ids), SuspensionAppeal.decided_at.is_(None))
    ).all()
    return {user_id: appeal for user_id, appeal in rows}


def suspensions_of(user_id: int) -> sa.Select:
    """A person's suspensions, newest first, with their appeals."""
    return (
        sa.select(Suspension)
        .options(joinedload(Suspension.appeal))
        .where(Suspension.user_id == user_id)
        .order_by(Suspension.starts_at.desc(), Suspension.id.desc())
    )


def suspension_counts() -> dict[str, int]:
    """Every suspension ever decided: in all, with an end date, until further notice."""
    total, open_ended = db.session.execute(
        sa.select(sa.func.count(), sa.func.count(sa.case((Suspension.ends_at.is_(None), 1))))
    ).one()
    return {"total": total, "with_end": total - open_ended, "until_further_notice": open_ended}


def suspension_appeal_counts() -> dict[str, int]:
    """Appeals against suspensions per outcome ("pending": not decided yet)."""
    counts = {"pending": 0, **{o.value: 0 for o in SuspensionAppealOutcome}}
    rows = db.session.execute(
        sa.select(SuspensionAppeal.outcome, sa.func.count()).group_by(SuspensionAppeal.outcome)
    ).all()
    for outcome, n in rows:
        counts[SuspensionAppealOutcome(outcome).value if outcome else "pending"] = n
    return counts


def suspension_appeal_delays() -> list[float]:
    """Seconds from appeal to decision, per decided appeal against a suspension."""
    stmt = sa.select(SuspensionAppeal.created_at, SuspensionAppeal.decided_at).where(
        SuspensionAppeal.decided_at.is_not(None)
    )
    return [(decided - sent).total_seconds() for sent, decided in db.session.execute(stmt)]


def suspended_users() -> sa.Select:
    return sa.select(User).where(User.suspended_at.is_not(None)).order_by(User.suspended_at.desc(), User.id)


def moderators() -> sa.Select:
    return sa.select(User).where(User.role.in_([Role.MODERATOR, Role.ADMIN])).order_by(User.display_name, User.id)


MODERATION_ACTION_PREFIXES = (
    "comment.",
    "user.suspend",
    "user.lift_suspension",
    "appeal.",
    "suspension_appeal.",
    # The statements' moderation actions (their organisers' actions, also "statement.*", are not).
    *STATEMENT_ACTION_LABELS,
)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=BRUSSELS).astimezone(UTC)


def audit_log(
    action: str | None = None, actor_id: int | None = None, date_from: date | None = None, date_to: date | None = None
) -> sa.Select:
    """Moderation entries of the audit log, newest first, filtered."""
    stmt = (
        sa.select(AuditEntry)
        .where(sa.or_(*[AuditEntry.action.startswith(prefix) for prefix in MODERATION_ACTION_PREFIXES]))
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    )
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    if actor_id:
        stmt = stmt.where(AuditEntry.actor_id == actor_id)
    if date_from:
        stmt = stmt.where(AuditEntry.created_at >= _day_start(date_from))
    if date_to:
        stmt = stmt.where(AuditEntry.created_at < _day_start(date_to + timedelta(days=1)))
    return stmt


def recent_comments_of(user_id: int, limit: int = 20) -> sa.Select:
    """A person's latest comments, for the moderator deciding about their account."""
    return sa.select(Comment).where(Comment.author_id == user_id).order_by(Comment.created_at.desc()).limit(limit)


def open_appeal_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(open_appeals().subquery()))
