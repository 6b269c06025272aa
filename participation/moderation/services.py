"""Moderation: approve, hide, restore, dismiss reports, suspend, decide appeals.

Every action is written to the audit log (core.audit) in the same transaction,
and the author gets a statement of reasons by e-mail in their own language.
Nothing here destroys content: hiding keeps the text so it can be restored.

Nobody moderates their own comment, and an appeal is decided by someone who is
neither its author nor anyone who hid the comment (also when a moderator confirmed
an automatic hide after the appeal was sent): the audit log says who hid it.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from participation.accounts.services import end_all_sessions
from participation.comments.labels import HIDE_REASON_LABELS
from participation.comments.models import (
    AppealOutcome,
    Comment,
    CommentAppeal,
    CommentReport,
    CommentState,
    HideReason,
)
from participation.comments.services import notify_reply
from participation.comments.urls import comment_url
from participation.core import audit
from participation.core.audit import AuditEntry
from participation.core.errors import Conflict, NotAllowed
from participation.core.i18n import _
from participation.core.locking import lock_for_update
from participation.core.mail import queue_mail
from participation.core.permissions import Role, has_role
from participation.core.time import utcnow
from participation.core.translated import translated
from participation.core.urls import public_url_for
from participation.extensions import db


def _check_moderator(user) -> None:
    if not has_role(user, Role.MODERATOR):
        raise NotAllowed(_("Only moderators can do this."))
    if user.is_suspended():
        raise NotAllowed(_("Your account is suspended, so you cannot moderate."))


def _check_not_own(moderator, comment: Comment) -> None:
    if comment.author_id is not None and comment.author_id == moderator.id:
        raise NotAllowed(_("You cannot moderate your own comment: another moderator decides."))


def hider_ids(comment: Comment) -> set[int]:
    """Everyone who hid this comment at some point (the log keeps them all), and its current hider."""
    ids = set(
        db.session.scalars(
            sa.select(AuditEntry.actor_id).where(
                AuditEntry.target_type == "comment",
                AuditEntry.target_id == comment.id,
                AuditEntry.action == "comment.hide",
                AuditEntry.actor_id.is_not(None),
            )
        )
    )
    if comment.hidden_by_id is not None:
        ids.add(comment.hidden_by_id)
    return ids


def appeal_refusal(moderator, appeal: CommentAppeal) -> str | None:
    """Why this moderator may not decide this appeal (None when they may)."""
    comment = appeal.comment
    if moderator.id in (appeal.author_id, comment.author_id):
        return _("You cannot decide on an appeal about your own comment.")
    if moderator.id == appeal.hidden_by_id or moderator.id in hider_ids(comment):
        return _("You hid this comment, so another moderator decides on the appeal.")
    return None


def _resolve_reports(comment: Comment) -> int:
    result = db.session.execute(
        sa.update(CommentReport)
        .where(CommentReport.comment_id == comment.id, CommentReport.resolved_at.is_(None))
        .values(resolved_at=utcnow())
    )
    return result.rowcount or 0


def _mail_author(comment: Comment, template: str, **context) -> None:
    author = comment.author
    if author is None or comment.is_deleted:
        return
    lang = author.preferred_language
    queue_mail(
        author.email,
        template,
        lang,
        person=author,
        comment=comment,
        consultation=comment.consultation,
        consultation_title=translated(comment.consultation.title, lang),  # marked when in Dutch instead
        url=comment_url(comment, external=True, lang=lang),
        reason_labels=HIDE_REASON_LABELS,
        appeal_url=public_url_for("comments.appeal", comment_id=comment.id, lang=lang),
        **context,
    )


def approve_comment(moderator, comment: Comment) -> None:
    """A pending comment goes public; open reports on a published one are closed."""
    _check_moderator(moderator)
    comment = lock_for_update(Comment, comment.id)
    _check_not_own(moderator, comment)
    if comment.is_deleted:
        raise Conflict(_("This comment was deleted by its author."))
    if comment.state == CommentState.HIDDEN:
        raise Conflict(_("This comment is hidden: restore it instead."))
    was_pending = comment.state == CommentState.PENDING
    # A comment sent back to review by an edit was published before: its parent's author heard of it then.
    first_publication = was_pending and not _was_resubmitted(comment)
    comment.state = CommentState.PUBLISHED
    closed = _resolve_reports(comment)
    audit.record(
        moderator,
        "comment.approve",
        "comment",
        comment.id,
        consultation_id=comment.consultation_id,
        details={"was_pending": was_pending, "reports_closed": closed},
    )
    db.session.flush()
    if was_pending:
        _mail_author(comment, "moderation_approved")
    if first_publication:
        notify_reply(comment)


def _was_resubmitted(comment: Comment) -> bool:
    return (
        db.session.scalar(
            sa.select(AuditEntry.id)
            .where(
                AuditEntry.target_type == "comment",
                AuditEntry.target_id == comment.id,
                AuditEntry.action == "comment.resubmitted",
            )
            .limit(1)
        )
        is not None
    )


def hide_comment(moderator, comment: Comment, reason: str, note: str | None) -> None:
    """Hide with a reason from the list (shown publicly) and a note for the author."""
    _check_moderator(moderator)
    reason = HideReason(reason)
    if reason == HideReason.REPORTED:
        raise Conflict(_("Choose one of the reasons."))
    comment = lock_for_update(Comment, comment.id)
    _check_not_own(moderator, comment)
    if comment.is_deleted:
        raise Conflict(_("This comment was deleted by its author."))
    if comment.state == CommentState.HIDDEN and comment.hidden_reason != HideReason.REPORTED:
        raise Conflict(_("This comment is already hidden."))
    comment.state = CommentState.HIDDEN
    comment.hidden_reason = reason
    comment.moderator_note = (note or "").strip() or None
    comment.hidden_at = utcnow()
    comment.hidden_by_id = moderator.id
    closed = _resolve_reports(comment)
    audit.record(
        moderator,
        "comment.hide",
        "comment",
        comment.id,
        consultation_id=comment.consultation_id,
        reason=reason.value,
        details={"reports_closed": closed},
        personal={"note": comment.moderator_note},
        about=comment.author_id,
    )
    db.session.flush()
    _mail_author(comment, "moderation_hidden", reason=reason.value, note=comment.moderator_note)


def _restore(comment: Comment) -> None:
    comment.state = CommentState.PUBLISHED
    comment.hidden_reason = None
    comment.hidden_at = None
    comment.hidden_by_id = None


def _open_appeal(comment: Comment) -> CommentAppeal | None:
    return db.session.scalar(
        sa.select(CommentAppeal).where(CommentAppeal.comment_id == comment.id, CommentAppeal.decided_at.is_(None))
    )


def _grant_open_appeal(moderator, comment: Comment, how: str) -> CommentAppeal | None:
    """The comment is shown again: an appeal still waiting is thereby granted (logged, mailed)."""
    appeal = _open_appeal(comment)
    if appeal is None:
        return None
    appeal.outcome = AppealOutcome.GRANTED
    appeal.decided_at = utcnow()
    appeal.decided_by_id = moderator.id
    audit.record(
        moderator,
        "appeal.granted",
        "comment",
        comment.id,
        consultation_id=comment.consultation_id,
        details={"appeal_id": appeal.id, "by": how},
    )
    return appeal


def restore_comment(moderator, comment: Comment) -> None:
    """Undo a hide (by a moderator or by reports); an appeal still waiting counts as granted."""
    _check_moderator(moderator)
    comment = lock_for_update(Comment, comment.id)
    _check_not_own(moderator, comment)
    if comment.state != CommentState.HIDDEN:
        raise Conflict(_("This comment is not hidden."))
    _restore(comment)
    closed = _resolve_reports(comment)
    audit.record(
        moderator,
        "comment.restore",
        "comment",
        comment.id,
        consultation_id=comment.consultation_id,
        details={"reports_closed": closed},
    )
    appeal = _grant_open_appeal(moderator, comment, "restore")
    db.session.flush()
    if appeal is not None:
        _mail_author(comment, "moderation_appeal_decided", outcome=AppealOutcome.GRANTED.value, note=None)
    else:
        _mail_author(comment, "moderation_approved")


def dismiss_reports(moderator, comment: Comment) -> int:
    """The reports were unfounded: close them; a comment hidden only by reports comes back."""
    _check_moderator(moderator)
    comment = lock_for_update(Comment, comment.id)
    _check_not_own(moderator, comment)
    closed = _resolve_reports(comment)
    if not closed:
        raise Conflict(_("There are no open reports on this comment."))
    restored = comment.state == CommentState.HIDDEN and comment.hidden_reason == HideReason.REPORTED
    if restored:
        _restore(comment)
    audit.record(
        moderator,
        "comment.dismiss_reports",
        "comment",
        comment.id,
        consultation_id=comment.consultation_id,
        details={"reports_closed": closed, "restored": restored},
    )
    appeal = _grant_open_appeal(moderator, comment, "dismiss_reports") if restored else None
    db.session.flush()
    if appeal is not None:
        _mail_author(comment, "moderation_appeal_decided", outcome=AppealOutcome.GRANTED.value, note=None)
    return closed


def check_suspension(moderator, user) -> None:
    """The rules of suspending, on their own: the page that asks first checks them before asking."""
    _check_moderator(moderator)
    if user.id == moderator.id:
        raise Conflict(_("You cannot suspend your own account."))
    if user.role != Role.RESIDENT and not has_role(moderator, Role.ADMIN):
        raise NotAllowed(_("Only administrators can suspend staff accounts."))
    if user.role == Role.ADMIN:
        raise NotAllowed(_("Administrator accounts cannot be suspended."))


def suspend_user(moderator, user, until: datetime | None, reason: str) -> None:
    """Suspend for a period (or until further notice when `until` is None); ends their sessions.

    Nobody suspends themselves; only administrators suspend staff.
    """
    check_suspension(moderator, user)
    user.suspended_at = utcnow()
    user.suspended_until = until
    user.suspension_reason = reason.strip()
    end_all_sessions(user)
    audit.record(
        moderator,
        "user.suspend",
        "user",
        user.id,
        details={"until": until.isoformat() if until else None},
        personal={"reason": user.suspension_reason},
        about=user,
    )
    db.session.flush()


def lift_suspension(moderator, user) -> None:
    """End a suspension early. Nobody lifts their own; only administrators lift a staff member's."""
    _check_moderator(moderator)
    if user.id == moderator.id:
        raise NotAllowed(_("You cannot lift your own suspension."))
    if user.role != Role.RESIDENT and not has_role(moderator, Role.ADMIN):
        raise NotAllowed(_("Only administrators can lift the suspension of staff accounts."))
    if not user.is_suspended():
        raise Conflict(_("This account is not suspended."))
    user.suspended_at = None
    user.suspended_until = None
    user.suspension_reason = None
    audit.record(moderator, "user.lift_suspension", "user", user.id)
    db.session.flush()


def decide_appeal(moderator, appeal: CommentAppeal, outcome: str, note: str | None) -> None:
    """Someone who is neither the comment's author nor anyone who hid it decides (see
    `appeal_refusal`); granted restores the comment, rejected keeps it hidden."""
    _check_moderator(moderator)
    appeal = lock_for_update(CommentAppeal, appeal.id)
    if appeal.decided_at is not None:
        raise Conflict(_("This appeal was already decided."))
    refusal = appeal_refusal(moderator, appeal)
    if refusal:
        raise NotAllowed(refusal)
    comment = lock_for_update(Comment, appeal.comment_id)
    if comment.state != CommentState.HIDDEN:
        raise Conflict(_("This comment is not hidden."))
    outcome = AppealOutcome(outcome)
    appeal.outcome = outcome
    appeal.decided_at = utcnow()
    appeal.decided_by_id = moderator.id
    appeal.decision_note = (note or "").strip() or None
    if outcome == AppealOutcome.GRANTED:
        _restore(comment)
        _resolve_reports(comment)
    audit.record(
        moderator,
        f"appeal.{outcome.value}",
        "comment",
        comment.id,
        consultation_id=comment.consultation_id,
        details={"appeal_id": appeal.id},
        personal={"note": appeal.decision_note},
        about=comment.author_id,
    )
    db.session.flush()
    _mail_author(comment, "moderation_appeal_decided", outcome=outcome.value, note=appeal.decision_note)
