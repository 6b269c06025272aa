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


def suspended_users() -> sa.Select:
    return sa.select(User).where(User.suspended_at.is_not(None)).order_by(User.suspended_at.desc(), User.id)


def moderators() -> sa.Select:
    return sa.select(User).where(User.role.in_([Role.MODERATOR, Role.ADMIN])).order_by(User.display_name, User.id)


MODERATION_ACTION_PREFIXES = ("comment.", "user.suspend", "user.lift_suspension", "appeal.")


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
