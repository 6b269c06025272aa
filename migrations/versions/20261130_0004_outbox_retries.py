"""outbox delivery retries (placeholder: filled in by the mail work)

Revision ID: 0004_outbox_retries
Revises: 0003_audit_append_only
Create Date: 2026-11-30 02:00:02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004_outbox_retries'
down_revision = '0003_audit_append_only'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
