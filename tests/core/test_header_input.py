"""Nothing a user typed goes unbounded into a response header (Location above all).

A 10,000-character search, `next=` or query string must not come back in a header: some
proxies refuse such responses (a 502 for the user), and a header is no place for input.
"""

from __future__ import annotations

import pytest

from participation.core.permissions import Role
from participation.core.security import MAX_LOCATION_LENGTH
from participation.events.models import Registration, RegistrationStatus
from participation.extensions import db
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.factories import PASSWORD, make_user

LONG = "Zq" * 5000  # 10,000 characters
TRACE = "Zq" * 50


def _headers_with_input(response) -> list[str]:
    return [
        f"{name}: {value[:80]}…"
        for name, value in response.headers.items()
        if TRACE in value or len(value) > MAX_LOCATION_LENGTH
    ]


def _confirmed_registration(app, event):
    with app.app_context():
        registration = Registration(
            event_id=event.id,
            name="Lotte",
            email="lotte@example.org",
            status=RegistrationStatus.CONFIRMED,
            sequence=1,
            language="nl",
        )
        db.session.add(registration)
        db.session.commit()
        return registration.id


def test_check_in_search_of_10000_characters_is_not_copied_into_the_location(app, client):
    event = make_event(app, when="tomorrow")
    registration_id = _confirmed_registration(app, event)
    client.login(make_user(app, role=Role.ADMIN).email, PASSWORD)
    page = f"/en/organise/events/{event.id}/check-in"
    response = client.submit(
        page,
        {"present": "1", "q": LONG},
        action=f"/en/organise/events/{event.id}/registrations/{registration_id}/check-in",
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(page)
    assert _headers_with_input(response) == []


def test_a_check_in_search_the_form_accepts_is_kept(app, client):
    event = make_event(app, when="tomorrow")
    registration_id = _confirmed_registration(app, event)
    client.login(make_user(app, role=Role.ADMIN).email, PASSWORD)
    page = f"/en/organise/events/{event.id}/check-in"
    response = client.submit(
        page,
        {"present": "1", "q": "lotte"},
        action=f"/en/organise/events/{event.id}/registrations/{registration_id}/check-in",
    )
    assert response.status_code == 303 and response.headers["Location"].endswith(page + "?q=lotte")


def test_role_change_does_not_copy_a_long_search_into_the_location(app, client):
    """The role form sends the administrator back to their search (here: a refused role)."""
    target = make_user(app)
    client.login(make_user(app, role=Role.ADMIN).email, PASSWORD)
    response = client.submit(
        "/en/admin/users", {"role": "emperor"}, action=f"/en/admin/users/{target.id}/role?q={LONG}"
    )
    assert response.status_code == 303 and response.headers["Location"].endswith("/en/admin/users")
    response = client.submit(
        "/en/admin/users", {"role": "emperor"}, action=f"/en/admin/users/{target.id}/role?q=person"
    )
    assert response.headers["Location"].endswith("/en/admin/users?q=person")


def test_login_with_a_long_next_goes_home_without_copying_it(app, client):
    user = make_user(app)
    response = client.submit("/en/account/login", {"email": user.email, "password": PASSWORD, "next": "/en/" + LONG})
    assert response.status_code == 303
    assert _headers_with_input(response) == []
    short = client.submit("/en/account/login", {"email": user.email, "password": PASSWORD, "next": "/en/events/"})
    assert short.headers["Location"].endswith("/en/events/")


@pytest.mark.parametrize(
    "url",
    [
        "/en/account/?x=" + LONG,
        "/en/organise/?q=" + LONG,
        "/en/organise/events/1/check-in/" + LONG,
        "/en/events?q=" + LONG,
    ],
)
def test_redirects_for_long_addresses_stay_bounded(client, url):
    response = client.get(url)
    assert 300 <= response.status_code < 400
    assert _headers_with_input(response) == []


@pytest.mark.parametrize("role", ["anonymous", "admin"])
def test_no_page_copies_a_long_query_string_into_a_header(app, client, role):
    consultation = make_consultation(app)
    event = make_event(app, consultation=consultation)
    if role == "admin":
        client.login(make_user(app, role=Role.ADMIN).email, PASSWORD)
    values = {
        "lang": "en",
        "slug": consultation.slug,
        "event_id": str(event.id),
        "consultation_id": str(consultation.id),
    }
    problems = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.rule.startswith("/static"):
            continue
        url = rule.rule
        for name in rule.arguments:
            url = url.replace(f"<{name}>", values.get(name, "1"))
            url = url.replace(f"<id:{name}>", values.get(name, "1"))
        response = client.get(f"{url}?q={LONG}&next=/{LONG}&page=1&code={LONG}")
        problems += [(url, header) for header in _headers_with_input(response)]
    assert problems == []
