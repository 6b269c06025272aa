"""Security events of an account are in the audit log, without the person's details (ASVS 7.1)."""

from __future__ import annotations

import json

import sqlalchemy as sa

from participation.core.audit import AuditEntry
from participation.core.permissions import Role
from participation.extensions import db
from tests.factories import PASSWORD, make_user
from tests.support import link_in, outbox

NEW_PASSWORD = "a brand new passphrase for Ghent trams"


def entries_about(app, user_id: int) -> list[tuple[str, int | None, dict | None]]:
    with app.app_context():
        rows = db.session.scalars(
            sa.select(AuditEntry)
            .where(AuditEntry.target_type == "user", AuditEntry.target_id == user_id)
            .order_by(AuditEntry.id)
        ).all()
        return [(row.action, row.actor_id, row.details) for row in rows]


def test_password_change_reset_and_e_mail_change_are_logged_without_addresses(app, client):
    user = make_user(app, email="lotte@example.org")
    client.login(user.email, PASSWORD)
    assert (
        client.submit(
            "/nl/account/", {"current_password": PASSWORD, "new_password": NEW_PASSWORD}, action="/nl/account/password"
        ).status_code
        == 303
    )
    assert (
        client.submit(
            "/nl/account/", {"new_email": "lotte.new@example.org", "password": NEW_PASSWORD}, action="/nl/account/email"
        ).status_code
        == 303
    )
    confirm = link_in(outbox(app, "lotte.new@example.org", "confirm_new_email")[0], "/account/email/confirm/")
    assert client.submit(confirm).status_code == 303
    client.submit("/nl/account/reset", {"email": "lotte.new@example.org"})
    reset = link_in(outbox(app, "lotte.new@example.org", "reset_password")[0], "/account/reset/")
    assert client.submit(reset, {"password": PASSWORD, "password_again": PASSWORD}).status_code == 303

    logged = entries_about(app, user.id)
    assert [action for action, _actor, _details in logged] == [
        "user.password_changed",
        "user.email_changed",
        "user.password_reset",
    ]
    assert all(actor == user.id for _action, actor, _details in logged)
    assert "lotte" not in json.dumps(logged)


def test_role_change_is_logged_with_who_did_it_and_from_what_to_what(app, client):
    admin = make_user(app, role=Role.ADMIN)
    resident = make_user(app)
    client.login(admin.email, PASSWORD)
    response = client.submit(
        "/nl/admin/users", {"role": "moderator", "confirmation": PASSWORD}, action=f"/nl/admin/users/{resident.id}/role"
    )
    assert response.status_code == 303
    assert entries_about(app, resident.id) == [("user.role_changed", admin.id, {"from": "resident", "to": "moderator"})]


def test_the_data_download_lists_the_security_events(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD)
    client.submit(
        "/nl/account/", {"current_password": PASSWORD, "new_password": NEW_PASSWORD}, action="/nl/account/password"
    )
    data = json.loads(client.get("/nl/account/data/export.json").get_data(as_text=True))
    assert "user.password_changed" in json.dumps(data)
