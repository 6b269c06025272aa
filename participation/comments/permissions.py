"""Who may write, edit, endorse, report and appeal comments; who may moderate and export.

Pure functions of the person and the item; views call them with `require(...)` and
templates get their results as booleans. Services re-check the same rules and say why.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app

from participation.comments.models import MAX_DEPTH, Comment, CommentState
from participation.consultations.permissions import can_manage_consultation, can_view_consultation
from participation.core.permissions import Role, has_role
from participation.core.time import utcnow

DEFAULT_EDIT_MINUTES = 15


def is_participant(user) -> bool:
    """Signed in, e-mail confirmed and not suspended."""
    return bool(getattr(user, "is_authenticated", False)) and user.is_verified and not user.is_suspended()


def comments_open(consultation, now: datetime | None = None) -> bool:
    return consultation.comments_enabled and consultation.is_open(now)


def can_comment(user, consultation, now: datetime | None = None) -> bool:
    return is_participant(user) and comments_open(consultation, now)


def can_see_comment(user, comment: Comment) -> bool:
    """Whether this person may read the comment's text on the public pages.

    Published comments: whoever may see the consultation. Pending and hidden ones: their
    author (who sees "awaiting review" or the public reason) and moderators. Deleted ones:
    nobody, not even the author; the thread shows a placeholder instead. The moderation
    workspace has its own gate and shows everything to moderators.
    """
    if not can_view_consultation(user, comment.consultation):
        return False
    if comment.is_deleted:
        return False
    if comment.state == CommentState.PUBLISHED:
        return True
    return is_author(user, comment) or can_moderate(user)


def is_author(user, comment: Comment) -> bool:
    return getattr(user, "is_authenticated", False) and comment.author_id is not None and comment.author_id == user.id


def can_reply(user, comment: Comment, now: datetime | None = None) -> bool:
    return can_comment(user, comment.consultation, now) and comment.is_visible and comment.depth < MAX_DEPTH


def edit_window() -> timedelta:
    return timedelta(minutes=current_app.config.get("COMMENT_EDIT_MINUTES", DEFAULT_EDIT_MINUTES))


def edit_deadline(comment: Comment) -> datetime:
    """The moment the author's edit window closes (shown on the edit form and next to the edit button)."""
    return comment.created_at + edit_window()


def can_edit_comment(user, comment: Comment, now: datetime | None = None) -> bool:
    now = now or utcnow()
    return (
        is_author(user, comment)
        and is_participant(user)
        and not comment.is_deleted
        and comment.state != CommentState.HIDDEN
        and now - comment.created_at <= edit_window()
        and comments_open(comment.consultation, now)
    )


def can_delete_comment(user, comment: Comment) -> bool:
    return is_author(user, comment) and not comment.is_deleted


def can_endorse(user, comment: Comment, now: datetime | None = None) -> bool:
    return (
        is_participant(user)
        and comment.is_visible
        and not is_author(user, comment)
        and comments_open(comment.consultation, now)
    )


def can_report(user, comment: Comment) -> bool:
    return is_participant(user) and comment.is_visible and not is_author(user, comment)


def can_appeal(user, comment: Comment) -> bool:
    return is_author(user, comment) and comment.is_hidden and not comment.is_deleted


def can_moderate(user) -> bool:
    return has_role(user, Role.MODERATOR)


def can_export_comments(user, consultation) -> bool:
    """Organisers of this consultation and administrators (not moderators, not other organisers)."""
    return can_manage_consultation(user, consultation)
