"""Stored final counts (participation/votes/final_counts.py): stored once, forgotten when the closing moment moves."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from participation.core.time import utcnow
from participation.extensions import db
from tests.consultations.factories import make_consultation
from tests.support import text
from tests.votes.factories import bulk_ballots, make_question


def _counted(client, slug) -> str:
    page = text(client.get(f"/en/consultations/{slug}/results"))
    return page


@pytest.mark.real_commits  # the page stores the counts in a transaction of its own
def test_counts_stored_at_the_first_view_are_forgotten_when_voting_reopens(app, client):
    from participation.votes.models import FinalCount

    c = make_consultation(app, status="closed")
    q = make_question(app, c, "single")
    bulk_ballots(app, q, 3)
    assert "3 ballots are counted" in _counted(client, c.slug)
    with app.app_context():
        assert db.session.scalar(sa.select(FinalCount.ballots).where(FinalCount.consultation_id == c.id)) == 3
    # Reopened and closed again at the very same moment (Core statements, no ORM hook): the
    # database trigger forgets the stored counts, so the two new ballots are counted.
    bulk_ballots(app, q, 2)
    assert "5 ballots are counted" in _counted(client, c.slug)


def test_closing_now_stores_the_counts_in_the_same_transaction(app):
    from participation.consultations.models import Consultation
    from participation.votes.models import FinalCount, FinalCountRow

    c = make_consultation(app, status="open")
    q = make_question(app, c, "ranking")
    bulk_ballots(app, q, 4)
    with app.app_context():
        row = db.session.get(Consultation, c.id)
        row.closes_at = utcnow()
        db.session.commit()
        assert db.session.scalar(sa.select(FinalCount.ballots).where(FinalCount.consultation_id == c.id)) == 4
        borda = db.session.scalars(
            sa.select(FinalCountRow.borda).where(
                FinalCountRow.consultation_id == c.id, FinalCountRow.option_id.is_not(None)
            )
        ).all()
        assert sum(borda) == 4 * (0 + 1 + 2)  # three options ranked on each of 4 ballots


def test_the_scheduler_stores_the_counts_of_a_consultation_that_closed_by_the_clock(app):
    """Nobody visits it: the periodic job counts it, once, and a second run changes nothing."""
    from participation.core.scheduler import periodic_jobs
    from participation.votes.models import FinalCount

    c = make_consultation(app, status="closed")
    q = make_question(app, c, "single")
    bulk_ballots(app, q, 3)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(FinalCount)) == 0
        job = periodic_jobs()["store-final-counts"]
        assert job.run() == 1
        assert job.run() == 0
        assert db.session.scalars(sa.select(FinalCount.ballots).where(FinalCount.consultation_id == c.id)).all() == [3]
