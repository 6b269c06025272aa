"""A person downloads their data and deletes their account; retention of unverified accounts."""

from __future__ import annotations

import json
from datetime import timedelta

import sqlalchemy as sa

from participation.accounts.models import User
from participation.core.time import utcnow
from participation.extensions import db
from tests.factories import PASSWORD, get, make_user
from tests.support import text


def test_data_download_holds_the_account_and_is_not_cached(app, client):
    user = make_user(app, email="lotte@example.org", name="Lotte")
    client.login(user.email, PASSWORD)
    response = client.get("/nl/account/data/export.json")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == "lotte@example.org"
    assert data["account"]["display_name"] == "Lotte"
    assert "password" not in json.dumps(data)


def test_data_download_needs_a_login(app, client):
    response = client.get("/nl/account/data/export.json")
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_data_download_from_a_remembered_session_asks_to_log_in_again(app, client, other_client):
    user = make_user(app)
    client.submit("/nl/account/login", {"email": user.email, "password": PASSWORD, "remember": "y"})
    other_client.set_cookie("remember_token", client.get_cookie("remember_token").value)
    assert other_client.get("/nl/account/").status_code == 200  # remembered: logged in
    response = other_client.get("/nl/account/data/export.json")
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_deleting_the_account_removes_it_and_ends_the_session(app, client):
    user = make_user(app, email="lotte@example.org")
    client.login(user.email, PASSWORD)
    response = client.submit("/nl/account/data", {"password": PASSWORD, "confirm": "y"}, action="/nl/account/delete")
    assert response.status_code == 303
    assert get(app, User, user.id) is None
    assert client.get("/nl/account/").status_code == 302
    again = make_user(app, email="lotte@example.org")  # the address can be used again
    assert again.id != user.id


def test_deleting_needs_the_password_and_the_tick(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD)
    wrong = client.submit(
        "/nl/account/data", {"password": "not my password", "confirm": "y"}, action="/nl/account/delete"
    )
    assert wrong.status_code == 422 and "Je huidige wachtwoord klopt niet." in text(wrong)
    unticked = client.submit("/nl/account/data", {"password": PASSWORD}, action="/nl/account/delete")
    assert unticked.status_code == 422
    assert get(app, User, user.id) is not None


def test_purge_deletes_only_old_unverified_accounts(app, runner):
    old = make_user(app, verified=False)
    fresh = make_user(app, verified=False)
    verified_old = make_user(app)
    with app.app_context():
        for user_id in (old.id, verified_old.id):
            db.session.get(User, user_id).created_at = utcnow() - timedelta(days=8)
        db.session.commit()
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0 and "unverified_accounts: 1 (" in result.output
    with app.app_context():
        remaining = set(db.session.scalars(sa.select(User.id)))
    assert remaining == {fresh.id, verified_old.id}
