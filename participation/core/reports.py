"""What reported and hidden content shares, whatever it is (a comment, a statement).

- One report (or one appeal) per person: the database's UNIQUE rule, tried in a savepoint, so
  that a second one, also a concurrent one, is refused with a message instead of an error.
- Open reports: counted (to hide automatically at a threshold) and closed when a moderator acts.
- Who hid an item: the audit log keeps every hide, so an appeal is never decided by a hider.

The features keep their own rules and messages; these are only the mechanics.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participation.core.audit import AuditEntry
from participation.core.errors import Conflict
from participation.core.time import utcnow
from participation.extensions import db


def insert_once(row, conflict_message: str):
    """Add `row`; when a UNIQUE constraint refuses it, raise Conflict(conflict_message)."""
    try:
        with db.session.begin_nested():
            db.session.add(row)
            db.session.flush()
    except IntegrityError:
        raise Conflict(conflict_message) from None
    return row


def count_open_reports(item_column, item_id: int) -> int:
    """Open reports on an item; `item_column` is the report model's foreign key (CommentReport.comment_id)."""
    report = item_column.class_
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(report).where(item_column == item_id, report.resolved_at.is_(None))
    )


def resolve_open_reports(item_column, item_id: int) -> int:
    """Close the open reports on an item (a moderator acted on it); returns how many."""
    report = item_column.class_
    result = db.session.execute(
        sa.update(report).where(item_column == item_id, report.resolved_at.is_(None)).values(resolved_at=utcnow())
    )
    return result.rowcount or 0


def mark_hidden(item, hidden_state, reason, moderator=None, note: str | None = None) -> None:
    """Hide an item (state, reason, the moderator's note, when and by whom; no moderator: by reports)."""
    item.state = hidden_state
    item.hidden_reason = reason
    item.moderator_note = note
    item.hidden_at = utcnow()
    item.hidden_by_id = getattr(moderator, "id", None)


def hider_ids(target_type: str, hide_action: str, item) -> set[int]:
    """Everyone who hid this item at some point (the audit log keeps them all), and its current hider."""
    ids = set(
        db.session.scalars(
            sa.select(AuditEntry.actor_id).where(
                AuditEntry.target_type == target_type,
                AuditEntry.target_id == item.id,
                AuditEntry.action == hide_action,
                AuditEntry.actor_id.is_not(None),
            )
        )
    )
    if item.hidden_by_id is not None:
        ids.add(item.hidden_by_id)
    return ids


def record_decision(appeal, moderator, outcome, note: str | None = None) -> None:
    """Write a decision on an appeal (a comment's, a statement's): outcome, when, by whom, the note."""
    appeal.outcome = outcome
    appeal.decided_at = utcnow()
    appeal.decided_by_id = moderator.id
    appeal.decision_note = (note or "").strip() or None
