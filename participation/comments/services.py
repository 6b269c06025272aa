"""The rules of taking part in a discussion. Services flush, never commit."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from participation.accounts.suspension import suspension_message
from participation.comments.models import (
    MAX_DEPTH,
    Alignment,
    Comment,
    CommentAppeal,
    CommentEndorsement,
    CommentReport,
    CommentState,
    HideReason,
    ReportReason,
)
from participation.comments.permissions import edit_window, is_author
from participation.comments.urls import comment_url
from participation.consultations.models import ModerationMode
from participation.core import audit
from participation.core.errors import Conflict, NotAllowed, NotFound, UserError
from participation.core.i18n import _
from participation.core.locking import lock_for_update
from participation.core.mail import queue_mail
from participation.core.reports import count_open_reports, insert_once, mark_hidden
from participation.core.time import utcnow
from participation.core.translated import translated
from participation.extensions import db

DEFAULT_AUTO_HIDE_REPORTS = 3


def check_participant(user) -> None:
    """Only signed-in residents with a confirmed address who are not suspended take part."""
    if not getattr(user, "is_authenticated", False):
        raise NotAllowed(_("Log in to take part in the discussion."))
    if not user.is_verified:
        raise NotAllowed(_("Confirm your e-mail address before you take part in the discussion."))
    if user.is_suspended():
        raise NotAllowed(suspension_message(user))


def _check_open(consultation) -> None:
    if not consultation.comments_enabled:
        raise Conflict(_("This consultation does not take comments."))
    if not consultation.is_open():
        raise Conflict(_("You can only comment while the consultation is open."))


def _clean_body(body: str) -> str:
    return (body or "").replace("\r\n", "\n").strip()


def _check_reply_target(consultation, parent: Comment) -> None:
    if parent.consultation_id != consultation.id:
        raise UserError(_("You can only reply to a comment on the same consultation."))
    if not parent.is_visible:
        raise Conflict(_("You cannot reply to this comment."))
    if parent.depth >= MAX_DEPTH:
        raise Conflict(_("This discussion is nested too deep: reply to an earlier comment instead."))


def check_can_post(user, consultation, parent: Comment | None = None) -> None:
    """Who may write here at all: checked before a comment or reply form is read.

    A participant, an open consultation that takes comments; a reply goes to a
    visible comment of the same consultation, at most MAX_DEPTH deep.
    """
    check_participant(user)
    _check_open(consultation)
    if parent is not None:
        _check_reply_target(consultation, parent)


def post_comment(author, consultation, body: str, alignment: str, parent: Comment | None = None) -> Comment:
    """Write a comment or a reply (rules: `check_can_post`). Under pre-moderation the
    comment waits for a moderator."""
    check_can_post(author, consultation, parent)
    alignment = Alignment(alignment)
    pre = consultation.moderation_mode == ModerationMode.PRE
    comment = Comment(
        consultation_id=consultation.id,
        parent_id=parent.id if parent else None,
        root_id=(parent.root_id or parent.id) if parent else None,
        depth=parent.depth + 1 if parent else 0,
        author_id=author.id,
        alignment=alignment,
        body=_clean_body(body),
        state=CommentState.PENDING if pre else CommentState.PUBLISHED,
    )
    db.session.add(comment)
    db.session.flush()
    if comment.state == CommentState.PUBLISHED:
        notify_reply(comment)
    return comment


def notify_reply(comment: Comment) -> None:
    """Mail the parent's author about a published reply, unless they switched it off."""
    if comment.parent_id is None:
        return
    parent = db.session.get(Comment, comment.parent_id)
    recipient = parent.author if parent else None
    if (
        recipient is None
        or recipient.id == comment.author_id
        or not recipient.notify_on_reply
        or not recipient.is_verified
        or parent.is_deleted
    ):
        return

    lang = recipient.preferred_language
    # The reply's author is named and quoted: erasing their account finds this mail too.
    queue_mail(
        recipient.email,
        "comment_reply",
        lang,
        mentions=[comment.author_id],
        person=recipient,
        reply=comment,
        consultation=comment.consultation,
        consultation_title=translated(comment.consultation.title, lang),  # marked when in Dutch instead
        url=comment_url(comment, external=True, lang=lang),
    )


def check_can_edit(user, comment: Comment) -> None:
    """The author edits within the edit window (COMMENT_EDIT_MINUTES), while discussion is open,
    as long as the comment is neither deleted nor hidden and they may take part."""
    check_participant(user)
    if not is_author(user, comment):
        raise NotAllowed(_("You can only edit your own comments."))
    if comment.is_deleted or comment.is_hidden:
        raise Conflict(_("This comment can no longer be edited."))
    if utcnow() - comment.created_at > edit_window():
        raise Conflict(
            _(
                "You can edit a comment only in the first %(minutes)d minutes after posting it.",
                minutes=int(edit_window().total_seconds() // 60),
            )
        )
    _check_open(comment.consultation)


def edit_comment(user, comment: Comment, body: str, alignment: str) -> Comment:
    """Change text and position (rules: `check_can_edit`); the comment shows as edited.

    Under pre-moderation a changed text goes back to review: the comment is pending
    (only its author sees it, marked "awaiting review") until a moderator approves it
    again, so an approved comment cannot be rewritten unseen. Under post-moderation the
    comment stays published and open reports stay open: moderators see the new text.
    """
    check_can_edit(user, comment)
    body = _clean_body(body)
    alignment = Alignment(alignment)
    if body == comment.body and alignment == comment.alignment:
        return comment
    text_changed = body != comment.body
    comment.body = body
    comment.alignment = alignment
    comment.edited_at = utcnow()
    if (
        text_changed
        and comment.state == CommentState.PUBLISHED
        and comment.consultation.moderation_mode == ModerationMode.PRE
    ):
        comment.state = CommentState.PENDING
        audit.record(user, "comment.resubmitted", "comment", comment.id, consultation_id=comment.consultation_id)
    db.session.flush()
    return comment


def delete_comment(user, comment: Comment) -> None:
    """The author deletes their comment; the thread keeps a placeholder where replies exist."""
    if not is_author(user, comment):
        raise NotAllowed(_("You can only delete your own comments."))
    if comment.is_deleted:
        raise Conflict(_("This comment was already deleted."))
    comment.deleted_at = utcnow()
    db.session.flush()


def endorse(user, comment: Comment) -> CommentEndorsement:
    """One endorsement per person per comment; not on one's own comment."""
    check_participant(user)
    if not comment.is_visible:
        raise Conflict(_("You cannot endorse this comment."))
    if is_author(user, comment):
        raise Conflict(_("You cannot endorse your own comment."))
    _check_open(comment.consultation)
    endorsement = CommentEndorsement(comment_id=comment.id, user_id=user.id)
    try:
        with db.session.begin_nested():
            db.session.add(endorsement)
            db.session.flush()
    except IntegrityError:
        raise Conflict(_("You already endorsed this comment.")) from None
    return endorsement


def withdraw_endorsement(user, comment: Comment) -> None:
    check_participant(user)
    result = db.session.execute(
        sa.delete(CommentEndorsement).where(
            CommentEndorsement.comment_id == comment.id, CommentEndorsement.user_id == user.id
        )
    )
    if not result.rowcount:
        raise Conflict(_("You had not endorsed this comment."))


def auto_hide_threshold() -> int:
    return int(current_app.config.get("COMMENT_AUTO_HIDE_REPORTS", DEFAULT_AUTO_HIDE_REPORTS))


def report_comment(user, comment: Comment, reason: str, text: str | None) -> CommentReport:
    """One report per person per comment. At COMMENT_AUTO_HIDE_REPORTS open reports the
    comment is hidden until a moderator reviews it."""
    check_participant(user)
    reason = ReportReason(reason)
    text = (text or "").strip() or None
    if reason == ReportReason.OTHER and not text:
        raise UserError(_("Tell us what is wrong with this comment."), field="text")
    comment = lock_for_update(Comment, comment.id)
    if not comment.is_visible:
        raise Conflict(_("This comment cannot be reported."))
    if is_author(user, comment):
        raise Conflict(_("You cannot report your own comment."))
    report = insert_once(
        CommentReport(comment_id=comment.id, reporter_id=user.id, reason=reason, text=text),
        _("You already reported this comment. A moderator will look at it."),
    )
    open_reports = count_open_reports(CommentReport.comment_id, comment.id)
    if open_reports >= auto_hide_threshold() and comment.state == CommentState.PUBLISHED:
        mark_hidden(comment, CommentState.HIDDEN, HideReason.REPORTED)
        audit.record(
            None,
            "comment.auto_hidden",
            "comment",
            comment.id,
            consultation_id=comment.consultation_id,
            details={"open_reports": open_reports},
        )
        db.session.flush()
    return report


def check_can_appeal(user, comment: Comment) -> None:
    """Only the author, only against a hide, only once."""
    if not is_author(user, comment):
        raise NotFound(_("This comment does not exist."))
    if not comment.is_hidden or comment.is_deleted:
        raise Conflict(_("Only a hidden comment can be appealed."))
    if db.session.scalar(sa.select(CommentAppeal.id).where(CommentAppeal.comment_id == comment.id)):
        raise Conflict(_("You already appealed against hiding this comment."))


def appeal_hide(user, comment: Comment, text: str) -> CommentAppeal:
    """The author may appeal a hide once; another moderator decides (see moderation.services)."""
    check_can_appeal(user, comment)
    appeal = insert_once(
        CommentAppeal(
            comment_id=comment.id, author_id=user.id, text=(text or "").strip(), hidden_by_id=comment.hidden_by_id
        ),
        _("You already appealed against hiding this comment."),
    )
    audit.record(user, "appeal.submitted", "comment", comment.id, consultation_id=comment.consultation_id)
    return appeal
