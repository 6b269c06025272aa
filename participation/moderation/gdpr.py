"""Moderation decisions about a person: in their data download, and forgotten with their account.

The decisions themselves stay in the append-only audit log (what was done, to which comment
or account, when, with which reason code), because moderation must remain accountable. What
is personal about them (a moderator's note to the author, a suspension's reason, any text a
person wrote) lives in `audit_personal_details` and is deleted on erasure; so is the text
the person wrote themselves (an organiser's message, for instance).
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.comments.models import Comment
from participation.core.audit import AuditEntry, AuditPersonalDetail
from participation.extensions import db
from participation.moderation.models import Suspension, SuspensionAppeal

SUSPENSION_ACTIONS = (
    "user.suspend",
    "user.lift_suspension",
    "suspension_appeal.submitted",
    "suspension_appeal.upheld",
    "suspension_appeal.lifted",
)


def _about_them(user) -> sa.ColumnElement[bool]:
    their_comments = sa.select(Comment.id).where(Comment.author_id == user.id)
    return sa.or_(
        sa.and_(AuditEntry.target_type == "user", AuditEntry.target_id == user.id),
        sa.and_(AuditEntry.target_type == "comment", AuditEntry.target_id.in_(their_comments)),
    )


def _row(entry: AuditEntry) -> dict:
    personal = entry.personal  # a fresh dict: "reason" (the moderator's words) and/or "note"
    return {
        "action": entry.action,
        "at": entry.created_at.isoformat(),
        "comment_id": entry.target_id if entry.target_type == "comment" else None,
        "reason": personal.pop("reason", None) or entry.reason,
        "details": entry.details or {},
        **personal,
    }


def export_moderation_data(user) -> dict:
    """Decisions about the person's comments and account, with their reasons (not who took them)."""
    entries = list(
        db.session.scalars(
            sa.select(AuditEntry).where(_about_them(user)).order_by(AuditEntry.created_at, AuditEntry.id)
        )
    )
    about_account = [e for e in entries if e.target_type == "user"]
    suspensions = [e for e in about_account if e.action in SUSPENSION_ACTIONS]
    return {
        "decisions": [_row(e) for e in entries if e.target_type == "comment"],
        "suspensions": [_account_row(e) for e in suspensions],
        # Other logged changes to the account (two-factor log-in reset, for instance).
        "account_changes": [_account_row(e) for e in about_account if e not in suspensions],
        "suspension_appeals": [_appeal_row(a) for a in _their_appeals(user)],
    }


def _their_appeals(user) -> list[SuspensionAppeal]:
    return list(
        db.session.scalars(
            sa.select(SuspensionAppeal)
            .join(Suspension, Suspension.id == SuspensionAppeal.suspension_id)
            .where(Suspension.user_id == user.id)
            .order_by(SuspensionAppeal.created_at, SuspensionAppeal.id)
        )
    )


def _appeal_row(appeal: SuspensionAppeal) -> dict:
    return {
        "at": appeal.created_at.isoformat(),
        "text": appeal.text,
        "outcome": appeal.outcome.value if appeal.outcome else None,
        "decided_at": appeal.decided_at.isoformat() if appeal.decided_at else None,
        "note": appeal.decision_note,
    }


def _account_row(entry: AuditEntry) -> dict:
    return {k: v for k, v in _row(entry).items() if k != "comment_id"}


def erase_moderation_data(user, options=None) -> None:
    """Forget the person in the log: delete the personal details about them or written by them."""
    about_account = sa.select(AuditEntry.id).where(AuditEntry.target_type == "user", AuditEntry.target_id == user.id)
    db.session.execute(
        sa.delete(AuditPersonalDetail).where(
            sa.or_(AuditPersonalDetail.person_id == user.id, AuditPersonalDetail.entry_id.in_(about_account))
        )
    )
    # The suspension records stay for the public counts, without the words.
    theirs = sa.select(Suspension.id).where(Suspension.user_id == user.id)
    db.session.execute(
        sa.update(SuspensionAppeal)
        .where(SuspensionAppeal.suspension_id.in_(theirs))
        .values(text=None, decision_note=None)
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        sa.update(Suspension)
        .where(Suspension.user_id == user.id)
        .values(reason=None)
        .execution_options(synchronize_session=False)
    )
    db.session.flush()
