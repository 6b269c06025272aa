"""No shared cache keeps a personal or private page: `Cache-Control: no-store` (core.caching).

The rule: a response is no-store when the request carried the session (or remember-me)
cookie, when it sets the session cookie (a form's CSRF token does), when someone is logged
in, and on private addresses (account, organise, moderate, admin, token links, exports).
A public page for an anonymous visitor without a session cookie stays cacheable.
"""

from __future__ import annotations

import pytest

from participation.accounts import tokens
from participation.accounts.models import User
from participation.core.permissions import Role
from participation.events.models import Registration, RegistrationStatus
from participation.events.tokens import TICKET, make_registration_token
from participation.extensions import db
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.factories import PASSWORD, make_user


def _no_store(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


def _world(app):
    consultation = make_consultation(app)
    event = make_event(app, consultation=consultation)
    return consultation, event


def _get_urls(app, consultation, event) -> list[str]:
    """Every GET address of the url map, with real ids where the world has them."""
    values = {
        "lang": "en",
        "slug": consultation.slug,
        "event_id": str(event.id),
        "consultation_id": str(consultation.id),
    }
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        url = rule.rule
        for name in rule.arguments:
            url = url.replace(f"<{name}>", values.get(name, "1")).replace(f"<id:{name}>", values.get(name, "1"))
        urls.append(url)
    return urls


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.ADMIN])
def test_every_page_for_someone_logged_in_is_no_store(app, client, role):
    consultation, event = _world(app)
    client.login(make_user(app, role=role).email, PASSWORD, lang="en")
    stored = [
        (url, response.status_code, response.headers.get("Cache-Control"))
        for url in _get_urls(app, consultation, event)
        for response in [client.get(url)]
        if not _no_store(response)
    ]
    assert stored == []


def test_private_addresses_are_no_store_even_for_an_anonymous_visitor_without_cookies(app):
    consultation, event = _world(app)
    for url in [
        "/en/account/login",
        "/en/account/signup",
        "/en/account/reset",
        "/en/account/",
        "/en/organise/",
        "/en/moderate/",
        "/en/admin/users",
        "/en/account/verify/not-a-token",
        f"/en/organise/events/{event.id}/attendees.csv",
        f"/en/consultations/{consultation.slug}/comments.csv",
    ]:
        response = app.test_client().get(url)
        assert _no_store(response), (url, response.status_code, response.headers.get("Cache-Control"))


def test_token_pages_opened_anonymously_are_no_store(app):
    user = make_user(app)
    event = make_event(app)
    with app.app_context():
        registration = Registration(
            event_id=event.id,
            name="Lotte",
            email="lotte@example.org",
            status=RegistrationStatus.CONFIRMED,
            sequence=1,
            language="en",
        )
        db.session.add(registration)
        db.session.commit()
        ticket = make_registration_token(TICKET, registration)
        password_hash = db.session.get(User, user.id).password_hash
        reset = tokens.make_token(tokens.RESET_PASSWORD, {"uid": user.id, "pw": tokens.fingerprint(password_hash)})
    for url, status in [
        (f"/en/events/registrations/{ticket}", 200),
        (f"/en/events/registrations/{ticket}/event.ics", 200),
        (f"/en/account/reset/{reset}", 200),
        # A forged or broken token: a page saying the link is not valid.
        ("/en/events/registrations/forged", 400),
        ("/en/account/reset/forged", 400),
    ]:
        response = app.test_client().get(url)
        assert (response.status_code, _no_store(response)) == (status, True), url


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/en/consultations/",
        "/en/events/",
        "/en/networks/",
        "/en/privacy",
        "/en/consultations/feed.atom",
        "/en/events.ics",
        "/healthz",
    ],
)
def test_a_public_page_for_an_anonymous_visitor_without_a_session_stays_cacheable(app, path):
    _world(app)
    response = app.test_client().get(path)
    assert response.status_code == 200
    assert not _no_store(response)
    assert not any(cookie.startswith("session=") for cookie in response.headers.getlist("Set-Cookie"))


def test_a_public_page_that_hands_out_a_csrf_token_is_no_store(app):
    """The event page holds the visitor's registration form: its token lives in the session."""
    _consultation, event = _world(app)
    response = app.test_client().get(f"/en/events/{event.id}")
    assert any(cookie.startswith("session=") for cookie in response.headers.getlist("Set-Cookie"))
    assert _no_store(response)


def test_an_anonymous_visitor_with_a_session_cookie_gets_no_store_public_pages(app):
    client = app.test_client()
    client.get("/en/account/login")  # the form's CSRF token starts a session
    response = client.get("/en/consultations/")
    assert response.status_code == 200 and _no_store(response)


def test_a_cache_control_set_by_the_view_is_kept(app, client):
    client.login(make_user(app).email, PASSWORD)
    with client.get("/static/css/app.css") as response:
        assert response.status_code == 200
        assert response.headers.get("Cache-Control") and not _no_store(response)
