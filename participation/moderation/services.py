"""Moderation: approve, hide, restore, dismiss reports, suspend, decide appeals.

Every action is written to the audit log (core.audit) in the same transaction,
and the author gets a statement of reasons by e-mail in their own language.
Nothing here destroys content: hiding keeps the text so it can be restored.

Nobody moderates their own comment, and an appeal is decided by someone who is
neither its author nor anyone who hid the comment (also when a moderator confirmed
an automatic hide after the appeal was sent): the audit log says who hid it.

A suspension is a decision too: it gets its record (moderation.models.Suspension), the
person is mailed the reason, the end and the way to appeal, can appeal once, and someone
other than the suspending moderator decides (see `suspension_appeal_refusal`).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

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
from participation.core import audit, reports
from participation.core.audit import AuditEntry
from participation.core.errors import Conflict, NotAllowed, NotFound
from participation.core.i18n import _
from participation.core.locking import lock_for_update
from participation.core.mail import queue_mail
from participation.core.permissions import Role, has_role
from participation.core.time import utcnow
from participation.core.translated import translated
from participation.core.urls import public_url_for
from participation.extensions import db
from participation.moderation.labels import SUSPENSION_APPEAL_OUTCOME_LABELS
from participation.moderation.models import Suspension, SuspensionAppeal, SuspensionAppealOutcome


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
    return reports.hider_ids("comment", "comment.hide", comment)


def appeal_refusal(moderator, appeal: CommentAppeal) -> str | None:
    """Why this moderator may not decide this appeal (None when they may)."""
    comment = appeal.comment
    if moderator.id in (appeal.author_id, comment.author_id):
        return _("You cannot decide on an appeal about your own comment.")
    if moderator.id == appeal.hidden_by_id or moderator.id in hider_ids(comment):
        return _("You hid this comment, so another moderator decides on the appeal.")
    return None


def _resolve_reports(comment: Comment) -> int:
    return reports.resolve_open_reports(CommentReport.comment_id, comment.id)


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
    reports.mark_hidden(comment, CommentState.HIDDEN, reason, moderator, (note or "").strip() or None)
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
    reports.record_decision(appeal, moderator, AppealOutcome.GRANTED)
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


def _current_suspension(user) -> Suspension | None:
    """The record of the suspension the account is under now (None for one set without a record)."""
    return db.session.scalar(
        sa.select(Suspension)
        .where(Suspension.user_id == user.id, Suspension.lifted_at.is_(None))
        .order_by(Suspension.starts_at.desc(), Suspension.id.desc())
        .limit(1)
    )


def _mail_suspended(user, template: str, **context) -> None:
    """A mail to the suspended person in their language, with the way to the appeal page."""
    lang = user.preferred_language
    queue_mail(
        user.email,
        template,
        lang,
        person=user,
        appeal_url=public_url_for("suspension.appeal", lang=lang),
        outcome_labels=SUSPENSION_APPEAL_OUTCOME_LABELS,
        **context,
    )


def suspend_user(moderator, user, until: datetime | None, reason: str) -> Suspension:
    """Suspend for a period (or until further notice when `until` is None); ends their sessions.

    Nobody suspends themselves; only administrators suspend staff. Every suspension gets its
    record; a suspension still in force is replaced (ended now) by the new one. The person is
    mailed the reason, the end and how to appeal.
    """
    check_suspension(moderator, user)
    now = utcnow()
    previous = _current_suspension(user)
    if previous is not None:
        previous.lifted_at = max(now, previous.starts_at)
        previous.lifted_by_id = moderator.id
    user.suspended_at = now
    user.suspended_until = until
    user.suspension_reason = reason.strip()
    suspension = Suspension(
        user_id=user.id,
        suspended_by_id=moderator.id,
        reason=user.suspension_reason,
        starts_at=now,
        ends_at=until,
    )
    db.session.add(suspension)
    end_all_sessions(user)
    db.session.flush()
    audit.record(
        moderator,
        "user.suspend",
        "user",
        user.id,
        details={
            "until": until.isoformat() if until else None,
            "suspension_id": suspension.id,
            "replaces": previous.id if previous is not None else None,
        },
        personal={"reason": user.suspension_reason},
        about=user,
    )
    db.session.flush()
    _mail_suspended(user, "suspension_started", suspension=suspension)
    return suspension


def _end_suspension(moderator, user, suspension: Suspension | None) -> None:
    now = utcnow()
    user.suspended_at = None
    user.suspended_until = None
    user.suspension_reason = None
    if suspension is not None:
        suspension.lifted_at = max(now, suspension.starts_at)
        suspension.lifted_by_id = moderator.id


def lift_suspension(moderator, user) -> None:
    """End a suspension early. Nobody lifts their own; only administrators lift a staff member's.

    An appeal still waiting is thereby decided: lifted. The person is told."""
    _check_moderator(moderator)
    if user.id == moderator.id:
        raise NotAllowed(_("You cannot lift your own suspension."))
    if user.role != Role.RESIDENT and not has_role(moderator, Role.ADMIN):
        raise NotAllowed(_("Only administrators can lift the suspension of staff accounts."))
    if not user.is_suspended():
        raise Conflict(_("This account is not suspended."))
    suspension = _current_suspension(user)
    _end_suspension(moderator, user, suspension)
    details = {"suspension_id": suspension.id} if suspension is not None else None
    audit.record(moderator, "user.lift_suspension", "user", user.id, details=details)
    appeal = suspension.appeal if suspension is not None else None
    if appeal is not None and appeal.decided_at is None:
        appeal.outcome = SuspensionAppealOutcome.LIFTED
        appeal.decided_at = utcnow()
        appeal.decided_by_id = moderator.id
        audit.record(
            moderator,
            "suspension_appeal.lifted",
            "user",
            user.id,
            details={"suspension_id": suspension.id, "appeal_id": appeal.id, "by": "lift"},
        )
    db.session.flush()
    _mail_suspended(user, "suspension_lifted", note=None)


# ------------------------------------------------------------------ appeals against a suspension


def appealable_suspension(user) -> Suspension | None:
    """The suspension this person could appeal against now: the one in force (None when not suspended)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_suspended():
        return None
    return _current_suspension(user)


def check_can_appeal_suspension(user, suspension: Suspension | None) -> Suspension:
    """Only the suspended person, only against a suspension in force, only once."""
    if suspension is None or suspension.user_id != getattr(user, "id", None):
        raise NotFound(_("Your account is not suspended."))
    if not suspension.in_force():
        raise Conflict(_("This suspension has ended: there is nothing to appeal against."))
    if db.session.scalar(sa.select(SuspensionAppeal.id).where(SuspensionAppeal.suspension_id == suspension.id)):
        raise Conflict(_("You already appealed against this suspension."))
    return suspension


def appeal_suspension(user, suspension: Suspension | None, text: str) -> SuspensionAppeal:
    """The suspended person appeals once; a moderator other than the one who suspended them decides."""
    check_can_appeal_suspension(user, suspension)
    appeal = SuspensionAppeal(suspension_id=suspension.id, text=(text or "").strip())
    try:
        with db.session.begin_nested():
            db.session.add(appeal)
            db.session.flush()
    except IntegrityError:
        raise Conflict(_("You already appealed against this suspension.")) from None
    audit.record(
        user,
        "suspension_appeal.submitted",
        "user",
        user.id,
        details={"suspension_id": suspension.id, "appeal_id": appeal.id},
    )
    return appeal


def suspension_appeal_refusal(moderator, appeal: SuspensionAppeal) -> str | None:
    """Why this moderator may not decide this appeal (None when they may).

    Not the suspended person, not whoever suspended them (also not an administrator who did);
    a suspended staff member's appeal is decided by an administrator."""
    suspension = appeal.suspension
    if moderator.id == suspension.user_id:
        return _("You cannot decide on an appeal against your own suspension.")
    if moderator.id == suspension.suspended_by_id:
        return _("You decided this suspension, so another moderator or an administrator decides on the appeal.")
    person = suspension.user
    if person is not None and person.role != Role.RESIDENT and not has_role(moderator, Role.ADMIN):
        return _("Only administrators decide on appeals by staff members.")
    return None


def decide_suspension_appeal(moderator, appeal: SuspensionAppeal, outcome: str, note: str | None) -> None:
    """Uphold (the suspension stays) or lift (it ends now); the person is mailed the decision."""
    _check_moderator(moderator)
    appeal = lock_for_update(SuspensionAppeal, appeal.id)
    if appeal.decided_at is not None:
        raise Conflict(_("This appeal was already decided."))
    refusal = suspension_appeal_refusal(moderator, appeal)
    if refusal:
        raise NotAllowed(refusal)
    outcome = SuspensionAppealOutcome(outcome)
    suspension = appeal.suspension
    person = suspension.user
    appeal.outcome = outcome
    appeal.decided_at = utcnow()
    appeal.decided_by_id = moderator.id
    appeal.decision_note = (note or "").strip() or None
    if outcome == SuspensionAppealOutcome.LIFTED and suspension.in_force():
        current = person is not None and _current_suspension(person) is suspension
        if current:
            _end_suspension(moderator, person, suspension)
        else:
            suspension.lifted_at = max(utcnow(), suspension.starts_at)
            suspension.lifted_by_id = moderator.id
    audit.record(
        moderator,
        f"suspension_appeal.{outcome.value}",
        "user",
        suspension.user_id or 0,
        details={"suspension_id": suspension.id, "appeal_id": appeal.id},
        personal={"note": appeal.decision_note},
        about=person,
    )
    db.session.flush()
    if person is not None:
        _mail_suspended(
            person, "suspension_appeal_decided", suspension=suspension, outcome=outcome.value, note=appeal.decision_note
        )


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
    reports.record_decision(appeal, moderator, outcome, note)
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
