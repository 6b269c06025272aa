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

Forgetting a person in an append-only log: the entry holds only the decision (who by id,
what, which item by id, a reason *code* from a fixed list, counts and dates). Anything typed
by a person (a moderator's note, a suspension reason, an organiser's message) or naming one
goes to `audit_personal_details`, one row per field, which is NOT append-only: each row names
the account it is about (`person_id`), and erasing that account deletes its rows while the
entry stays. Pass such text as `record(..., personal={"note": text}, about=person)`.
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
    # Inserted with the entry; deleted on their own by erasure (the entry never changes).
    personal_details = db.relationship(
        "AuditPersonalDetail",
        lazy="selectin",
        cascade="save-update, merge",
        passive_deletes="all",
        order_by="AuditPersonalDetail.id",
    )

    @property
    def personal(self) -> dict[str, str]:
        """The personal details still kept for this entry, by field (empty once erased)."""
        return {detail.field: detail.value for detail in self.personal_details}


class AuditPersonalDetail(db.Model):
    """Text of an audit entry that is personal data: kept apart so erasure can remove it.

    `person_id` is the account the text is about (the suspended person, the author of the
    moderated comment), or else its writer; None when it concerns no account.
    """

    __tablename__ = "audit_personal_details"
    __table_args__ = (sa.UniqueConstraint("entry_id", "field", name="uq_audit_personal_details_entry_field"),)

    id: Mapped[IntPK]
    entry_id: Mapped[int] = mapped_column(sa.ForeignKey("audit_entries.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(sa.String(40))
    value: Mapped[str] = mapped_column(sa.Text)


def record(
    actor,
    action: str,
    target_type: str,
    target_id: int,
    *,
    consultation_id: int | None = None,
    reason: str | None = None,
    details: dict | None = None,
    personal: dict[str, str | None] | None = None,
    about=None,
) -> AuditEntry:
    """Append an audit entry in the caller's transaction.

    `reason` is a code from a fixed list and `details` structured facts (ids, counts, field
    names, published content): never a person's name, address or words. Those go in
    `personal` (field -> text; empty values are skipped), kept for the account `about`
    (a user or an id; default: the actor) until that account is erased.
    """
    entry = AuditEntry(
        actor_id=getattr(actor, "id", None),
        action=action,
        target_type=target_type,
        target_id=target_id,
        consultation_id=consultation_id,
        reason=reason,
        details=details,
    )
    person = actor if about is None else about
    person_id = getattr(person, "id", person)
    for field, value in (personal or {}).items():
        if value:
            entry.personal_details.append(AuditPersonalDetail(person_id=person_id, field=field, value=value))
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

_UNCHANGED = " AND ".join(
    f"NEW.{column} IS OLD.{column}"
    for column in ("id", "created_at", "action", "target_type", "target_id", "consultation_id", "reason", "details")
)
SQLITE_NO_UPDATE = f"""
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
FOR EACH ROW WHEN NOT (
    OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL AND {_UNCHANGED}
    AND NOT EXISTS (SELECT 1 FROM users WHERE users.id = OLD.actor_id)
)
BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END
"""  # noqa: S608 - DDL built from the constant column list above
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
sa.event.listen(
    _table, "after_drop", sa.DDL("DROP FUNCTION IF EXISTS audit_entries_append_only()").execute_if(dialect="postgresql")
)
