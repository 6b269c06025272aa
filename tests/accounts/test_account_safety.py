"""Rate limits on reset and e-mail change, the log-out button of an old page, the notice of a
confirmed e-mail change, and suspended people logging in."""

from __future__ import annotations

import time

from itsdangerous.timed import TimestampSigner

from participation.accounts.models import User
from tests.factories import PASSWORD, get, make_user, suspend
from tests.support import link_in, outbox, text


def assert_translated_429(response, title):
    assert response.status_code == 429
    assert title in text(response)
    assert int(response.headers["Retry-After"]) > 0


def test_reset_requests_are_limited_per_address_across_networks(app, client, rate_limits):
    user = make_user(app)
    for n in range(3):
        client.client.environ_base["REMOTE_ADDR"] = f"10.0.0.{n}"
        assert client.submit("/nl/account/reset", {"email": user.email}).status_code == 303
    client.client.environ_base["REMOTE_ADDR"] = "10.0.1.1"
    assert_translated_429(client.submit("/nl/account/reset", {"email": user.email.upper()}), "Te veel pogingen")
    assert len(outbox(app, user.email, "reset_password")) == 3


def test_reset_requests_are_limited_per_network(app, client, rate_limits):
    for n in range(5):
        assert client.submit("/fr/account/reset", {"email": f"someone{n}@example.org"}).status_code == 303
    user = make_user(app)
    assert_translated_429(client.submit("/fr/account/reset", {"email": user.email}), "Trop de tentatives")
    assert outbox(app, user.email) == []


def test_email_change_requests_are_limited_per_account(app, client, rate_limits):
    """Each request mails a link to an address the requester picks: five an hour at most."""
    user = make_user(app)
    client.login(user.email, PASSWORD)
    for n in range(5):
        client.client.environ_base["REMOTE_ADDR"] = f"10.0.0.{n}"
        response = client.submit(
            "/nl/account/", {"new_email": f"new{n}@example.org", "password": PASSWORD}, action="/nl/account/email"
        )
        assert response.status_code == 303
    client.client.environ_base["REMOTE_ADDR"] = "10.0.1.1"
    blocked = client.submit(
        "/en/account/", {"new_email": "new5@example.org", "password": PASSWORD}, action="/en/account/email"
    )
    assert_translated_429(blocked, "Too many attempts")
    assert outbox(app, "new5@example.org") == []
    other = make_user(app)
    other_client = client.__class__(app.test_client())
    other_client.login(other.email, PASSWORD)
    fine = other_client.submit(
        "/nl/account/", {"new_email": "mine@example.org", "password": PASSWORD}, action="/nl/account/email"
    )
    assert fine.status_code == 303


def test_logout_with_an_expired_form_offers_a_fresh_button_and_keeps_nothing_half_done(app, client, monkeypatch):
    user = make_user(app)
    client.login(user.email, PASSWORD)
    token = client.token_from("/en/privacy")
    # Five hours later (the CSRF token lives four) the person presses "Log out" on that old page.
    later = int(time.time()) + 5 * 3600
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: later)
    response = client.post("/en/account/logout", data={"csrf_token": token})
    assert response.status_code == 400
    body = text(response)
    assert "Press the button to log out." in body
    assert 'action="/en/account/logout"' in body
    assert client.get("/en/account/").status_code == 200  # not logged out by the stale form
    fresh = client.post("/en/account/logout", data={"csrf_token": client.token_from("/en/privacy")})
    assert fresh.status_code == 303
    assert client.get("/en/account/").status_code == 302


def test_logout_without_a_session_token_from_a_remembered_login_offers_a_fresh_button(app, client):
    """The session cookie expired, the remember-me cookie did not: the token is missing."""
    user = make_user(app)
    client.submit("/en/account/login", {"email": user.email, "password": PASSWORD, "remember": "y"})
    client.delete_cookie("session")
    response = client.post("/en/account/logout", data={"csrf_token": "stale"})
    assert response.status_code == 400
    assert "Press the button to log out." in text(response)
    assert client.get("/en/account/").status_code == 200
    assert client.submit("/en/privacy", action="/en/account/logout").status_code == 303
    assert client.get("/en/account/").status_code == 302


def test_logout_with_a_bad_token_when_not_logged_in_just_says_so(client):
    response = client.post("/en/account/logout", data={"csrf_token": "stale"})
    assert response.status_code == 303 and response.headers["Location"] == "/en/"
    assert client.get("/nl/account/logout").status_code == 405


def test_other_forms_with_a_bad_token_still_get_the_400_page(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD)
    response = client.post(
        "/en/account/", data={"display_name": "X Y", "preferred_language": "en", "csrf_token": "stale"}
    )
    assert response.status_code == 400
    assert "The request could not be understood" in text(response)
    assert get(app, User, user.id).display_name == user.display_name


def test_confirmed_email_change_is_told_to_the_old_address_in_the_account_language(app, client):
    user = make_user(app, email="old@example.org", language="en")
    client.login(user.email, PASSWORD, lang="en")
    client.submit("/en/account/", {"new_email": "new@example.org", "password": PASSWORD}, action="/en/account/email")
    assert outbox(app, "old@example.org", "email_changed") == []  # not before it happened
    client.submit(link_in(outbox(app, "new@example.org")[0], "/account/email/confirm/"))
    [notice] = outbox(app, "old@example.org", "email_changed")
    assert notice.lang == "en"
    assert notice.subject == "The e-mail address of your account was changed"
    assert "new@example.org" in notice.body_text and "new@example.org" in notice.body_html
    assert outbox(app, "new@example.org", "email_changed") == []


def test_suspended_person_can_log_in_and_sees_the_suspension(app, client):
    user = make_user(app)
    suspend(app, user, days=None, reason="Herhaaldelijk beledigend")
    client.login(user.email, PASSWORD)
    page = client.get("/nl/account/")
    assert page.status_code == 200
    assert "geschorst" in text(page)
