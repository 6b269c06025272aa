"""Append-only record of who did what, to which item, why and when.

Used for the consultation history and the moderation log. The items they name may
be gone, so entries keep no foreign keys to them, only the type and id.

Append-only is a rule of the database, not only of this code: triggers refuse every
UPDATE and DELETE of an audit row, with one exception that account erasure needs:
when the acting account is deleted, the foreign key's ON DELETE SET NULL blanks
`actor_id` (the entry then shows "deleted account"). That update is allowed only
when it changes nothing but `actor_id` to NULL and the account no longer exists.

- PostgreSQL: one PL/pgSQL function behind a row trigger for UPDATE and DELETE;
  migrated databases also refuse TRUNCATE (a statement trigger; see the migration
  20261130_0003_audit_append_only, and below for why the test schema lacks it).
- SQLite: two triggers, and the column list is spelled out: a migration that adds a
  column to audit_entries must recreate `audit_entries_no_update` (and a batch
  migration that copies the table must recreate both triggers).

The migration holds the production rule. `db.create_all()` (the test schema) gets the
same triggers through the DDL events at the bottom.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from participation.core.db import CreatedAt, IntPK
from participation.extensions import db


class AuditEntry(db.Model):
    __tablename__ = "audit_entries"
    __table_args__ = (sa.Index("ix_audit_entries_target", "target_type", "target_id"),)

    id: Mapped[IntPK]
    created_at: Mapped[CreatedAt] = mapped_column(index=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(sa.String(60), index=True)
    target_type: Mapped[str] = mapped_column(sa.String(40))
    target_id: Mapped[int]
    consultation_id: Mapped[int | None] = mapped_column(index=True)
    reason: Mapped[str | None] = mapped_column(sa.Text)
    details: Mapped[dict | None] = mapped_column(sa.JSON)

    actor = db.relationship("User", lazy="joined")


def record(actor, action: str, target_type: str, target_id: int, *, consultation_id: int | None = None,
           reason: str | None = None, details: dict | None = None) -> AuditEntry:
    """Append an audit entry in the caller's transaction."""
    entry = AuditEntry(
        actor_id=getattr(actor, "id", None),
        action=action,
        target_type=target_type,
        target_id=target_id,
        consultation_id=consultation_id,
        reason=reason,
        details=details,
    )
    db.session.add(entry)
    return entry


# --- The database rule -------------------------------------------------------------------------
# Kept here next to the model; the migration carries its own copy of this SQL (a migration must
# not change when this module does).

REFUSAL = "audit_entries is append-only"

POSTGRESQL_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- Only ON DELETE SET NULL of a deleted account: actor_id to NULL, nothing else.
        IF OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL
           AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id')
           AND NOT EXISTS (SELECT 1 FROM users WHERE users.id = OLD.actor_id) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'audit_entries is append-only: ' || TG_OP || ' refused',
                          ERRCODE = 'insufficient_privilege';
END
$$
"""
POSTGRESQL_TRIGGER = """
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
"""

_UNCHANGED = " AND ".join(f"NEW.{column} IS OLD.{column}" for column in (
    "id", "created_at", "action", "target_type", "target_id", "consultation_id", "reason", "details"))
SQLITE_NO_UPDATE = f"""
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
FOR EACH ROW WHEN NOT (
    OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL AND {_UNCHANGED}
    AND NOT EXISTS (SELECT 1 FROM users WHERE users.id = OLD.actor_id)
)
BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END
"""
SQLITE_NO_DELETE = f"""
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
FOR EACH ROW BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END
"""

# The test fixtures empty SQLite tables with DELETE after every test: they drop the DELETE
# trigger around that wipe and create it again (tests/conftest.py). PostgreSQL's wipe uses
# TRUNCATE, which row triggers do not see; the test schema therefore lacks the migration's
# TRUNCATE guard, which would refuse the wipe.
_table = AuditEntry.__table__
sa.event.listen(_table, "after_create", sa.DDL(POSTGRESQL_FUNCTION).execute_if(dialect="postgresql"))
sa.event.listen(_table, "after_create", sa.DDL(POSTGRESQL_TRIGGER).execute_if(dialect="postgresql"))
sa.event.listen(_table, "after_create", sa.DDL(SQLITE_NO_UPDATE).execute_if(dialect="sqlite"))
sa.event.listen(_table, "after_create", sa.DDL(SQLITE_NO_DELETE).execute_if(dialect="sqlite"))
sa.event.listen(_table, "after_drop",
                sa.DDL("DROP FUNCTION IF EXISTS audit_entries_append_only()").execute_if(dialect="postgresql"))
