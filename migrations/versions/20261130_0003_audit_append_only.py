"""audit log append-only (placeholder: filled in by the moderation work)

Revision ID: 0003_audit_append_only
Revises: 0002_consultation_search
Create Date: 2026-11-30 02:00:01

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003_audit_append_only'
down_revision = '0002_consultation_search'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
