"""The demo's opinion maps, for the axe plan (tests/browser/test_axe_every_page.py)."""

from __future__ import annotations

import sqlalchemy as sa

from participation.consultations.models import Consultation
from participation.demo.loader import load_statements
from participation.extensions import db
from participation.statements.models import Statement


def statement_facts() -> dict:
    """Slugs of the demo maps (closed with groups; open without votes) and the open map's statement ids."""
    data = load_statements()
    open_id = db.session.scalar(sa.select(Consultation.id).where(Consultation.slug == data.open_consultation))
    ids = list(
        db.session.scalars(
            sa.select(Statement.id)
            .where(Statement.consultation_id == open_id, Statement.is_seed.is_(True))
            .order_by(Statement.id)
        )
    )
    return {"map": data.consultation, "open": data.open_consultation, "open_ids": ids}
