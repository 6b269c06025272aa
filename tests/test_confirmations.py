"""Actions that cannot be undone ask first, on a page of their own (issue 12 §4).

For each: the button is a link to the page that asks; a POST without `confirmed=1` changes
nothing and goes to that page; the page says what will happen and links back; the confirmed
POST does it.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from participation.accounts.models import User
from participation.comments.models import Comment
from participation.consultations.models import Consultation
from participation.core.permissions import Role
from participation.events.models import RegistrationStatus
from tests.comments.factories import make_comment
from tests.comments.factories import make_consultation as make_open_consultation
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event, registrations_of
from tests.factories import PASSWORD, get, make_user
from tests.support import FormClient, link_in, outbox, text

CONFIRMED, CANCELLED = RegistrationStatus.CONFIRMED, RegistrationStatus.CANCELLED


def _client(app, user, lang="en") -> FormClient:
    client = FormClient(app.test_client())
    client.login(user.email, PASSWORD, lang=lang)
    return client


def _unconfirmed_post(client, url, page, **data):
    """The old way: POST straight to the action with a valid CSRF token but without confirming."""
    return client.post(url, data={**data, "csrf_token": client.token_from(page)})


def _asks(page: str, heading: str, button: str, back: str) -> None:
    """The page's h1 says the action, the form confirms it, the button names it, a link goes back."""
    assert re.search(r"<h1>\s*" + re.escape(heading) + r"\s*</h1>", unescape(page)), page[:3000]
    assert '<input type="hidden" name="confirmed" value="1">' in page
    assert re.search(r"<button[^>]*>" + re.escape(button) + "</button>", page)
    assert f'<a href="{back}">No, go back</a>' in page


def _register(client, event):
    return client.submit(f"/en/events/{event.id}", action=f"/en/events/{event.id}/register")


# ------------------------------------------------------------------------------- comments


def test_deleting_a_comment_asks_first(app):
    author = make_user(app)
    consultation = make_open_consultation(app)
    comment = make_comment(app, consultation, author, body="Mijn reactie")
    client = _client(app, author)
    thread = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    url = f"/en/comments/{comment.id}/delete"
    assert f'href="{url}"' in thread, "the Delete button is a link to the question"

    refused = _unconfirmed_post(client, url, url)
    assert refused.status_code == 303 and refused.headers["Location"].endswith(url)
    assert get(app, Comment, comment.id).deleted_at is None

    page = client.get(url)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    _asks(
        text(page),
        "Delete your comment?",
        "Delete this comment",
        f"/en/consultations/{consultation.slug}#comment-{comment.id}",
    )
    assert "This cannot be undone." in text(page)

    done = client.submit(url, {"confirmed": "1"})
    assert done.status_code == 303
    assert get(app, Comment, comment.id).deleted_at is not None
    # Nothing left to delete, and nobody else is asked about someone's comment.
    assert client.get(url).status_code == 404


def test_nobody_else_is_asked_to_delete_a_comment(app):
    comment = make_comment(app, make_open_consultation(app), make_user(app))
    other = _client(app, make_user(app))
    url = f"/en/comments/{comment.id}/delete"
    assert other.get(url).status_code == 404
    assert _unconfirmed_post(other, url, "/en/account/").status_code == 404
    assert get(app, Comment, comment.id).deleted_at is None


# ------------------------------------------------------------------------------- events


def test_cancelling_from_the_link_in_the_mail_asks_first(app):
    event = make_event(app, capacity=1)
    user = make_user(app)
    assert _register(_client(app, user), event).status_code == 303
    ticket = link_in(outbox(app, user.email, "event_confirmed")[0], "/events/registrations/").replace("/nl/", "/en/", 1)
    visitor = FormClient(app.test_client())  # the link works without logging in
    assert f'href="{ticket}/cancel"' in text(visitor.get(ticket))

    refused = _unconfirmed_post(visitor, ticket + "/cancel", f"/en/events/{event.id}")
    assert refused.status_code == 303 and refused.headers["Location"].endswith(ticket + "/cancel")
    assert [r.status for r in registrations_of(app, event.id)] == [CONFIRMED]

    page = visitor.get(ticket + "/cancel")
    assert page.headers["Cache-Control"] == "no-store" and page.headers["Referrer-Policy"] == "no-referrer"
    _asks(text(page), "Cancel your registration?", "Cancel my registration", ticket)
    assert "Your place goes to the first person on the waiting list." in text(page)

    assert visitor.submit(ticket + "/cancel", {"confirmed": "1"}).status_code == 303
    assert [r.status for r in registrations_of(app, event.id)] == [CANCELLED]
    # Nothing left to cancel: the link goes back to the registration instead of asking.
    again = visitor.get(ticket + "/cancel")
    assert again.status_code == 303 and again.headers["Location"].endswith(ticket)


def test_cancelling_from_the_event_page_asks_first_and_goes_back_there(app):
    event = make_event(app)
    user = make_user(app)
    client = _client(app, user)
    _register(client, event)
    url = f"/en/events/{event.id}/cancel"
    assert f'href="{url}"' in text(client.get(f"/en/events/{event.id}"))

    assert _unconfirmed_post(client, url, url).headers["Location"].endswith(url)
    assert [r.status for r in registrations_of(app, event.id)] == [CONFIRMED]
    _asks(text(client.get(url)), "Cancel your registration?", "Cancel my registration", f"/en/events/{event.id}")

    done = client.submit(url, {"confirmed": "1"})
    assert done.status_code == 303 and done.headers["Location"].endswith(f"/en/events/{event.id}")
    assert [r.status for r in registrations_of(app, event.id)] == [CANCELLED]


@pytest.fixture
def organiser(app):
    return make_user(app, role=Role.ORGANISER)


def test_an_organiser_cancelling_a_registration_is_asked_first(app, organiser):
    event = make_event(app, consultation=make_consultation(app, organisers=[organiser]))
    person = make_user(app, name="Fatma Yıldız")
    _register(_client(app, person), event)
    [registration] = registrations_of(app, event.id)
    client = _client(app, organiser)
    attendees = f"/en/organise/events/{event.id}/attendees"
    url = f"/en/organise/events/{event.id}/registrations/{registration.id}/cancel"
    assert f'href="{url}"' in text(client.get(attendees))

    assert _unconfirmed_post(client, url, attendees).headers["Location"].endswith(url)
    assert [r.status for r in registrations_of(app, event.id)] == [CONFIRMED]

    page = text(client.get(url))
    _asks(page, "Cancel the registration of Fatma Yıldız?", "Cancel this registration", attendees)
    assert "get no e-mail about it: tell them yourself" in page

    done = client.submit(url, {"confirmed": "1"})
    assert done.status_code == 303 and done.headers["Location"].endswith(attendees)
    assert [r.status for r in registrations_of(app, event.id)] == [CANCELLED]
    assert outbox(app, person.email, "event_promoted") == []


def test_another_organiser_is_not_asked(app, organiser):
    event = make_event(app, consultation=make_consultation(app, organisers=[organiser]))
    _register(_client(app, make_user(app)), event)
    [registration] = registrations_of(app, event.id)
    stranger = _client(app, make_user(app, role=Role.ORGANISER))
    url = f"/en/organise/events/{event.id}/registrations/{registration.id}/cancel"
    assert stranger.get(url).status_code in (403, 404)
    assert "Yıldız" not in text(stranger.get(url))


def test_the_event_cancel_page_says_it_cannot_be_undone_and_links_back(app, organiser):
    event = make_event(app, consultation=make_consultation(app, organisers=[organiser]))
    page = text(_client(app, organiser).get(f"/en/organise/events/{event.id}/cancel"))
    assert "This cannot be undone: a cancelled event cannot be opened again." in page
    assert f'<a href="/en/organise/events/{event.id}/attendees">No, go back</a>' in page


# ------------------------------------------------------------------------------- consultations


def test_closing_a_consultation_asks_first(app, organiser):
    consultation = make_consultation(app, status="open", organisers=[organiser])
    client = _client(app, organiser)
    edit = f"/en/organise/{consultation.id}"
    url = f"{edit}/close"
    assert f'href="{url}"' in text(client.get(edit))

    assert _unconfirmed_post(client, url, edit).headers["Location"].endswith(url)
    assert not get(app, Consultation, consultation.id).has_closed()

    page = text(client.get(url))
    _asks(page, "Close this consultation now?", "Close this consultation", edit)
    assert "a closed consultation cannot be opened again" in page

    assert client.submit(url, {"confirmed": "1"}).status_code == 303
    assert get(app, Consultation, consultation.id).has_closed()
    # Closed: there is nothing to ask any more.
    assert client.get(url).headers["Location"].endswith(edit)


# ------------------------------------------------------------------------------- moderation


def test_suspending_asks_first_with_the_choices_carried_along(app):
    moderator = make_user(app, role=Role.MODERATOR)
    resident = make_user(app, name="Jan Peeters")
    client = _client(app, moderator)
    person = f"/en/moderate/people/{resident.id}"
    choices = {"duration": "7", "reason": 'Spam "bot" <b>'}

    asked = client.submit(person, choices, action=person + "/suspend")
    assert asked.status_code == 200
    assert get(app, User, resident.id).suspended_at is None
    page = text(asked)
    _asks(page, "Suspend Jan Peeters?", "Suspend this account", person)
    assert "Duration: 7 days." in page and "They are logged out at once on every device." in page
    assert '<input type="hidden" name="duration" value="7">' in page
    assert '<input type="hidden" name="reason" value="Spam &#34;bot&#34; &lt;b&gt;">' in page

    done = client.submit(person, {**choices, "confirmed": "1"}, action=person + "/suspend")
    assert done.status_code == 303
    suspended = get(app, User, resident.id)
    assert suspended.is_suspended() and suspended.suspension_reason == 'Spam "bot" <b>'


def test_suspending_tells_what_is_not_allowed_before_asking(app):
    moderator = make_user(app, role=Role.MODERATOR)
    client = _client(app, moderator)
    person = f"/en/moderate/people/{moderator.id}"
    refused = client.submit(person, {"duration": "1", "reason": "x"}, action=person + "/suspend")
    assert refused.status_code == 409 and "You cannot suspend your own account." in text(refused)
    assert 'name="confirmed"' not in text(refused)
    assert get(app, User, moderator.id).suspended_at is None
