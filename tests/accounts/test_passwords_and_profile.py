"""Password reset, password and e-mail changes, profile, and the sessions they end."""

from __future__ import annotations

from participation.accounts.models import User
from tests.factories import PASSWORD, get, make_user
from tests.support import link_in, outbox, page_without_csrf, text

NEW_PASSWORD = "a brand new passphrase for Ghent trams"


def test_reset_request_answers_the_same_for_unknown_addresses(app, client):
    make_user(app, email="known@example.org")
    known = client.submit("/nl/account/reset", {"email": "known@example.org"}, follow_redirects=True)
    unknown = client.submit("/nl/account/reset", {"email": "nobody@example.org"}, follow_redirects=True)
    assert known.status_code == unknown.status_code == 200
    assert page_without_csrf(known) == page_without_csrf(unknown)
    assert len(outbox(app, "known@example.org")) == 1
    assert outbox(app, "nobody@example.org") == []


def test_reset_link_sets_a_new_password_once(app, client, other_client):
    user = make_user(app)
    other_client.login(user.email, PASSWORD)
    client.submit("/nl/account/reset", {"email": user.email})
    link = link_in(outbox(app, user.email, "reset_password")[0], "/account/reset/")
    response = client.submit(link, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert response.status_code == 303
    assert other_client.get("/nl/account/").status_code == 302  # other sessions ended
    assert client.login(user.email, NEW_PASSWORD).status_code == 303
    again = client.get(link)
    assert again.status_code == 400
    assert outbox(app, user.email, "password_changed")


def test_reset_with_mismatched_passwords_keeps_the_old_one(app, client):
    user = make_user(app)
    client.submit("/nl/account/reset", {"email": user.email})
    link = link_in(outbox(app, user.email)[0], "/account/reset/")
    response = client.submit(link, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD + "x"})
    assert response.status_code == 422
    assert "De twee wachtwoorden zijn niet gelijk." in text(response)
    assert client.login(user.email, PASSWORD).status_code == 303


def test_password_change_needs_the_current_password(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD)
    response = client.submit(
        "/nl/account/",
        {"current_password": "wrong one entirely", "new_password": NEW_PASSWORD},
        action="/nl/account/password",
    )
    assert response.status_code == 422
    assert "Je huidige wachtwoord klopt niet." in text(response)
    assert get(app, User, user.id).password_hash == user.password_hash


def test_password_change_ends_other_sessions_but_keeps_this_one(app, client, other_client):
    user = make_user(app)
    client.login(user.email, PASSWORD)
    other_client.login(user.email, PASSWORD)
    response = client.submit(
        "/nl/account/", {"current_password": PASSWORD, "new_password": NEW_PASSWORD}, action="/nl/account/password"
    )
    assert response.status_code == 303
    assert client.get("/nl/account/").status_code == 200
    assert other_client.get("/nl/account/").status_code == 302


def test_profile_change_of_language_moves_to_that_language(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD)
    response = client.submit("/nl/account/", {"display_name": "Lotte V.", "preferred_language": "fr"})
    assert response.status_code == 303 and response.headers["Location"] == "/fr/account/"
    saved = get(app, User, user.id)
    assert saved.display_name == "Lotte V." and saved.preferred_language == "fr"
    assert saved.notify_on_reply is False  # unticked box means no


def test_profile_ignores_fields_it_does_not_offer(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD)
    client.submit(
        "/nl/account/",
        {"display_name": "Lotte", "preferred_language": "nl", "role": "admin", "email": "other@example.org"},
    )
    saved = get(app, User, user.id)
    assert saved.role == user.role and saved.email == user.email


def test_profile_refuses_an_unoffered_language(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD)
    response = client.submit("/nl/account/", {"display_name": "Lotte", "preferred_language": "xx"})
    assert response.status_code == 422
    assert get(app, User, user.id).preferred_language == "nl"


def test_email_change_is_confirmed_from_the_new_address_and_the_old_one_is_told(app, client):
    user = make_user(app, email="old@example.org")
    client.login(user.email, PASSWORD)
    response = client.submit(
        "/nl/account/", {"new_email": "new@example.org", "password": PASSWORD}, action="/nl/account/email"
    )
    assert response.status_code == 303
    assert get(app, User, user.id).email == "old@example.org"
    assert outbox(app, "old@example.org", "email_change_requested")
    link = link_in(outbox(app, "new@example.org")[0], "/account/email/confirm/")
    assert client.submit(link).status_code == 303
    assert get(app, User, user.id).email == "new@example.org"
    assert client.login("new@example.org", PASSWORD).status_code == 303


def test_email_change_needs_the_password(app, client):
    user = make_user(app, email="old@example.org")
    client.login(user.email, PASSWORD)
    response = client.submit(
        "/nl/account/", {"new_email": "new@example.org", "password": "not it at all"}, action="/nl/account/email"
    )
    assert response.status_code == 422
    assert outbox(app, "new@example.org") == []


def test_unverified_person_sees_a_warning_and_can_ask_for_a_new_link(app, client):
    user = make_user(app, verified=False)
    client.login(user.email, PASSWORD)
    page = client.get("/nl/account/")
    assert "nog niet bevestigd" in text(page)
    response = client.submit("/nl/account/", action="/nl/account/verify/resend")
    assert response.status_code == 303
    assert outbox(app, user.email, "verify_email")
