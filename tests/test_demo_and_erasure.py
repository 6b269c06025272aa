"""Across features: the demo seed is idempotent, and a resident with data everywhere can
download it and delete the account (every feature's eraser runs, nothing is left pointing at them)."""

from __future__ import annotations

import json

import sqlalchemy as sa

from participation.accounts.models import User
from participation.demo.moderation import DEMO_PEOPLE
from participation.demo.seed import DEMO_ACCOUNTS, seed_demo
from participation.demo.statements import synthetic_voter_count
from participation.extensions import db


def row_counts() -> dict[str, int]:
    return {
        table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


def test_seed_demo_twice_creates_nothing_new(app):
    with app.app_context():
        seed_demo()
        first = row_counts()
        seed_demo()
        assert row_counts() == first
        # The opinion map's demo adds residents who exist only to vote (participation/demo/statements.py).
        assert first["users"] == len(DEMO_ACCOUNTS) + len(DEMO_PEOPLE) + synthetic_voter_count()
        assert first["consultations"] >= 8


def test_demo_resident_exports_and_deletes_everything(app, client):
    with app.app_context():
        seed_demo()
    resident = next(a for a in DEMO_ACCOUNTS if a.key == "resident")
    client.login(resident.email, resident.password)
    export = json.loads(client.get("/nl/account/data/export.json").get_data(as_text=True))
    assert export["account"]["email"] == resident.email
    response = client.submit(
        "/nl/account/data", {"password": resident.password, "confirm": "y"}, action="/nl/account/delete"
    )
    assert response.status_code == 303
    with app.app_context():
        assert db.session.scalar(sa.select(User).where(User.email == resident.email)) is None
        # Every column that refers to users no longer holds the deleted person's id.
        gone_id = export["account_id"]
        assert isinstance(gone_id, int)
        checked = 0
        for table in db.metadata.sorted_tables:
            for column in table.columns:
                if any(fk.column.table.name == "users" for fk in column.foreign_keys):
                    count = db.session.scalar(sa.select(sa.func.count()).where(column == gone_id))
                    assert count == 0, f"{table.name}.{column.name} still refers to the deleted account"
                    checked += 1
        assert checked >= 10  # comments, ballots, registrations, sessions, ...: the loop saw them
