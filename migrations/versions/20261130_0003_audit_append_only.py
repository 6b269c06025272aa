"""audit log append-only: the database refuses UPDATE and DELETE of audit rows

Revision ID: 0003_audit_append_only
Revises: 0002_consultation_search
Create Date: 2026-11-30 02:00:01

The one change allowed is the foreign key's ON DELETE SET NULL when the acting account
is deleted (account erasure): actor_id becomes NULL, nothing else changes, and the
account is gone. PostgreSQL also refuses TRUNCATE. The SQL is a copy of the rule in
participation/core/audit.py at this revision (migrations do not import the app).
SQLite: a later migration that adds a column to audit_entries must recreate
audit_entries_no_update with the new column in its list; a batch migration that
copies the table must recreate both triggers.
"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0003_audit_append_only"
down_revision = "0002_consultation_search"
branch_labels = None
depends_on = None

POSTGRESQL_UPGRADE = [
    """
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
    """,
    """
    CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
    """,
    """
    CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()
    """,
]
POSTGRESQL_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries",
    "DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries",
    "DROP FUNCTION IF EXISTS audit_entries_append_only()",
]

SQLITE_UPGRADE = [
    """
    CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
    FOR EACH ROW WHEN NOT (
        OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL
        AND NEW.id IS OLD.id AND NEW.created_at IS OLD.created_at AND NEW.action IS OLD.action
        AND NEW.target_type IS OLD.target_type AND NEW.target_id IS OLD.target_id
        AND NEW.consultation_id IS OLD.consultation_id AND NEW.reason IS OLD.reason
        AND NEW.details IS OLD.details
        AND NOT EXISTS (SELECT 1 FROM users WHERE users.id = OLD.actor_id)
    )
    BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END
    """,
    """
    CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
    FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END
    """,
]
SQLITE_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS audit_entries_no_delete",
    "DROP TRIGGER IF EXISTS audit_entries_no_update",
]


def _statements(postgresql, sqlite):
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql
    if dialect == "sqlite":
        return sqlite
    raise NotImplementedError(f"no append-only rule for {dialect}")


def upgrade():
    for statement in _statements(POSTGRESQL_UPGRADE, SQLITE_UPGRADE):
        op.execute(statement)


def downgrade():
    for statement in _statements(POSTGRESQL_DOWNGRADE, SQLITE_DOWNGRADE):
        op.execute(statement)
