"""The audit log is append-only in the database itself, on SQLite and PostgreSQL, in the schema the
tests use and in the one the migrations build; no route changes or removes its rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from participation import create_app
from participation.accounts.models import User
from participation.core import audit
from participation.core.audit import AuditEntry
from participation.core.permissions import Role
from participation.extensions import db
from tests.comments.factories import make_comment, make_consultation
from tests.conftest import TEST_CONFIG, create_postgres_database
from tests.factories import PASSWORD, make_user
from tests.support import text

ROOT = Path(__file__).resolve().parents[2]


def _snapshot(app) -> dict[int, tuple]:
    with app.app_context():
        return {
            e.id: (
                e.created_at,
                e.actor_id,
                e.action,
                e.target_type,
                e.target_id,
                e.consultation_id,
                e.reason,
                e.details,
            )
            for e in db.session.scalars(sa.select(AuditEntry))
        }


def _refused(statement) -> bool:
    """Run a write in its own transaction; True when the database refuses it."""
    try:
        with db.session.begin_nested():
            db.session.execute(statement)
    except sa.exc.DBAPIError as exc:
        assert "append-only" in str(exc)
        return True
    return False


def test_database_refuses_to_change_or_remove_audit_rows(app):
    actor = make_user(app, role=Role.MODERATOR)
    # inside a request, as every route runs
    with app.test_request_context("/nl/moderate/", method="POST"):
        entry = audit.record(
            db.session.get(User, actor.id),
            "comment.hide",
            "comment",
            1,
            consultation_id=2,
            reason="spam",
            details={"note": "x"},
        )
        db.session.commit()
        entry_id = entry.id
        where = AuditEntry.id == entry_id
        assert _refused(sa.update(AuditEntry).where(where).values(reason="offensive"))
        assert _refused(sa.update(AuditEntry).where(where).values(details={"note": "anders"}))
        assert _refused(sa.update(AuditEntry).where(where).values(actor_id=None))  # the account still exists
        assert _refused(sa.update(AuditEntry).where(where).values(actor_id=None, reason="spam2"))
        assert _refused(sa.delete(AuditEntry).where(where))
        assert _refused(sa.delete(AuditEntry))
        assert _refused(sa.text("DELETE FROM audit_entries"))
        db.session.rollback()
        # through the ORM too
        stored = db.session.get(AuditEntry, entry_id)
        stored.reason = "verzonnen"
        with pytest.raises(sa.exc.DBAPIError):
            db.session.commit()
        db.session.rollback()
    assert _snapshot(app)[entry_id][1:] == (actor.id, "comment.hide", "comment", 1, 2, "spam", {"note": "x"})


def test_deleting_an_account_blanks_only_the_actor_of_its_entries(app, client):
    moderator = make_user(app, role=Role.MODERATOR, name="Vertrekkende Moderator")
    comment = make_comment(app, make_consultation(app), make_user(app), body="Te verbergen")
    client.login(moderator.email, PASSWORD, lang="en")
    url = f"/en/moderate/comments/{comment.id}"
    assert client.submit(url, {"reason": "spam", "note": "nota"}, action=url + "/hide").status_code == 303
    before = _snapshot(app)
    assert [row[1] for row in before.values()] == [moderator.id]
    from participation.accounts import services as accounts

    with app.test_request_context("/en/account/delete", method="POST"):
        accounts.delete_account(db.session.get(User, moderator.id), PASSWORD)
        db.session.commit()
    after = _snapshot(app)
    assert after.keys() == before.keys()
    for entry_id, row in after.items():
        assert row[1] is None
        assert row[:1] + row[2:] == before[entry_id][:1] + before[entry_id][2:]
    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD, lang="en")
    log = text(client.get("/en/moderate/log"))
    assert "Deleted account" in log and "Vertrekkende Moderator" not in log


def test_no_route_can_change_the_log():
    """Static half: the log is read-only in the url map, and no code outside core/audit.py writes
    UPDATE or DELETE against it (the triggers are the other half)."""
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    for rule in app.url_map.iter_rules():
        if "log" in rule.rule.split("/") or "audit" in rule.rule or rule.endpoint in ("moderation.log",):
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule
    pattern = re.compile(
        r"(?:update|delete)\(\s*(?:audit\.)?AuditEntry\b|(?:UPDATE|DELETE\s+FROM|TRUNCATE)\s+"
        r"audit_entries",
        re.I,
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "participation").rglob("*.py")
        if path.name != "audit.py" and pattern.search(path.read_text())
    ]
    assert offenders == []


def test_moderation_routes_only_append_to_the_log(app, client, other_client):
    author = make_user(app)
    moderator, second = make_user(app, role=Role.MODERATOR), make_user(app, role=Role.MODERATOR)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author)
    client.login(moderator.email, PASSWORD, lang="en")
    other_client.login(author.email, PASSWORD, lang="en")
    base = f"/en/moderate/comments/{comment.id}"
    people = f"/en/moderate/people/{author.id}"
    steps = [
        (client, base, {"reason": "spam"}, base + "/hide"),
        (client, base, {}, base + "/restore"),
        (client, base, {"reason": "offensive"}, base + "/hide"),
        (other_client, f"/en/comments/{comment.id}/appeal", {"text": "Ik ben het hier niet mee eens."}, None),
        (client, people, {"duration": "1", "reason": "Afkoelen", "confirmed": "1"}, people + "/suspend"),
        (client, people, {}, people + "/lift"),
    ]
    seen = {}
    for who, page, data, action in steps:
        response = who.submit(page, data, action=action)
        assert response.status_code == 303, (page, action)
        now = _snapshot(app)
        assert {k: now[k] for k in seen} == seen  # earlier rows untouched
        assert len(now) == len(seen) + 1  # one new row per action
        seen = now
    client.logout()
    client.login(second.email, PASSWORD, lang="en")
    with app.app_context():
        from participation.comments.models import CommentAppeal

        appeal_id = db.session.scalar(sa.select(CommentAppeal.id))
    assert client.submit(f"/en/moderate/appeals/{appeal_id}", {"outcome": "granted"}).status_code == 303
    now = _snapshot(app)
    assert {k: now[k] for k in seen} == seen and len(now) == len(seen) + 1


# --- the migrations' rule ---------------------------------------------------------------------


@pytest.fixture
def migrated(backend, tmp_path):
    """An app on a database built by the migrations (the production rule)."""
    if backend == "sqlite":
        url, drop = f"sqlite:///{tmp_path}/migrated.db", None
    else:
        url, drop = create_postgres_database()
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if drop:
        drop()


def test_migrated_database_refuses_changes(migrated, backend):
    app = migrated
    with app.app_context():
        user = User(
            email="mod@example.org", display_name="Mod", password_hash="x", preferred_language="nl", role=Role.MODERATOR
        )
        keeper = User(
            email="keeper@example.org",
            display_name="Keeper",
            password_hash="x",
            preferred_language="nl",
            role=Role.MODERATOR,
        )
        db.session.add_all([user, keeper])
        db.session.flush()
        audit.record(user, "user.suspend", "user", 5, reason="Spam")
        audit.record(keeper, "user.suspend", "user", 6, reason="Spam")
        db.session.commit()
        assert _refused(sa.update(AuditEntry).values(reason="x"))
        assert _refused(sa.delete(AuditEntry))
        assert _refused(sa.update(AuditEntry).where(AuditEntry.actor_id == keeper.id).values(actor_id=None))
        if backend == "postgresql":
            # CASCADE: audit_personal_details refers to the entries; the guard still refuses.
            assert _refused(sa.text("TRUNCATE audit_entries CASCADE"))
        db.session.rollback()
        db.session.delete(db.session.get(User, user.id))
        db.session.commit()
        rows = db.session.execute(
            sa.select(AuditEntry.actor_id, AuditEntry.target_id, AuditEntry.reason).order_by(AuditEntry.id)
        ).all()
        assert [tuple(r) for r in rows] == [(None, 5, "Spam"), (keeper.id, 6, "Spam")]
        db.session.remove()
        downgrade(revision="0002_consultation_search")  # the rule goes with its migration
        # On the engine, not the session: the session's commit hooks expect the current schema.
        with db.engine.begin() as conn:
            conn.execute(sa.delete(AuditEntry))
        upgrade()
