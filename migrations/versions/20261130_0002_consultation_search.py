"""consultation search (placeholder: filled in by the search work)

Revision ID: 0002_consultation_search
Revises: 25efe10804c1
Create Date: 2026-11-30 02:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002_consultation_search'
down_revision = '25efe10804c1'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
