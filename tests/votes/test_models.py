"""The database itself keeps the voting rules: constraints inspected on the live schema, then tried."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participation.core.time import utcnow
from participation.extensions import db
from participation.votes.models import Ballot, BallotChoice
from tests.consultations.factories import make_consultation
from tests.factories import make_user
from tests.votes.factories import make_question, option_ids


def _unique_column_sets(inspector, table: str) -> set[tuple[str, ...]]:
    constraints = {tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)}
    indexes = {tuple(i["column_names"]) for i in inspector.get_indexes(table) if i["unique"]}
    return constraints | indexes


def _foreign_keys(inspector, table: str) -> dict[tuple[str, ...], tuple[str, str | None]]:
    return {
        tuple(fk["constrained_columns"]): (fk["referred_table"], (fk.get("options") or {}).get("ondelete"))
        for fk in inspector.get_foreign_keys(table)
    }


@pytest.mark.real_commits  # reads the schema on a connection of its own
def test_schema_has_one_ballot_per_question_and_person_and_unique_receipts(app):
    with app.app_context():
        inspector = sa.inspect(db.engine)
        uniques = _unique_column_sets(inspector, "ballots")
        assert ("question_id", "user_id") in uniques
        assert ("receipt_fingerprint",) in uniques
        fks = _foreign_keys(inspector, "ballots")
        assert fks[("question_id",)] == ("questions", "CASCADE")
        assert fks[("user_id",)] == ("users", "SET NULL")  # a deleted account leaves an unlinked ballot
        columns = {c["name"]: c for c in inspector.get_columns("ballots")}
        assert columns["receipt_fingerprint"]["nullable"] is False
        assert set(columns) == {"id", "question_id", "user_id", "receipt_fingerprint", "created_at", "updated_at"}


@pytest.mark.real_commits  # reads the schema on a connection of its own
def test_schema_keeps_ballot_choices_distinct_and_ranks_positive(app):
    with app.app_context():
        inspector = sa.inspect(db.engine)
        uniques = _unique_column_sets(inspector, "ballot_choices")
        assert ("ballot_id", "option_id") in uniques  # an option once per ballot
        assert ("ballot_id", "rank") in uniques  # a rank once per ballot
        checks = {c["name"]: c["sqltext"] for c in inspector.get_check_constraints("ballot_choices")}
        [rank_check] = [text for name, text in checks.items() if name and name.endswith("rank_positive")]
        assert "rank" in rank_check and ">= 1" in rank_check
        fks = _foreign_keys(inspector, "ballot_choices")
        assert fks[("ballot_id",)] == ("ballots", "CASCADE")
        assert fks[("option_id",)] == ("question_options", "CASCADE")


def _ballot(question_id, user_id, fp):
    now = utcnow()
    return Ballot(question_id=question_id, user_id=user_id, receipt_fingerprint=fp, created_at=now, updated_at=now)


@pytest.mark.parametrize("case", ["same person twice", "same receipt twice", "option twice", "rank twice", "rank 0"])
def test_the_constraints_refuse_what_the_rules_forbid(app, case):
    user, other = make_user(app), make_user(app)
    question = make_question(app, make_consultation(app), "ranking", options=3)
    a, b, _ = option_ids(question)
    with app.app_context():
        first = _ballot(question.id, user.id, "f" * 64)
        db.session.add(first)
        db.session.flush()
        if case == "same person twice":
            db.session.add(_ballot(question.id, user.id, "e" * 64))
        elif case == "same receipt twice":
            db.session.add(_ballot(question.id, other.id, "f" * 64))
        else:
            rows = {"option twice": [(a, 1), (a, 2)], "rank twice": [(a, 1), (b, 1)], "rank 0": [(a, 0)]}[case]
            db.session.add_all(BallotChoice(ballot_id=first.id, option_id=o, rank=r) for o, r in rows)
        with pytest.raises(IntegrityError):
            db.session.flush()
        db.session.rollback()


def test_unlinked_ballots_of_deleted_accounts_do_not_clash(app):
    """UNIQUE(question_id, user_id) lets any number of ballots have no person (NULL is never equal)."""
    question = make_question(app, make_consultation(app))
    with app.app_context():
        db.session.add_all([_ballot(question.id, None, "a" * 64), _ballot(question.id, None, "b" * 64)])
        db.session.commit()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Ballot)) == 2
