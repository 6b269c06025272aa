"""Residents and visitors register, join the waiting list, cancel; the waiting list moves up."""

from __future__ import annotations

import base64
import re

import icalendar
import pytest

from participation.events.models import RegistrationStatus
from tests.consultations.factories import make_consultation
from tests.events.factories import by_status, make_event, registrations_of
from tests.factories import PASSWORD, make_user, suspend
from tests.support import FormClient, link_in, outbox, text

CONFIRMED, WAITING, PENDING, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.PENDING,
    RegistrationStatus.CANCELLED,
)


def _resident(app, client=None, **kwargs):
    user = make_user(app, **kwargs)
    client = client or FormClient(app.test_client())
    client.login(user.email, PASSWORD)
    return user, client


def _register(client, event, lang="nl", **answers):
    return client.submit(f"/{lang}/events/{event.id}", answers, action=f"/{lang}/events/{event.id}/register")


def test_resident_gets_a_place_and_a_confirmation_with_calendar_file_and_cancel_link(app):
    event = make_event(app, capacity=2, ask_dietary=True)
    user, client = _resident(app, language="en")
    page = text(client.get(f"/en/events/{event.id}"))
    assert "2 places are left. Your place is confirmed at once" in page
    response = _register(client, event, lang="en", dietary_needs="vegetarisch", free_answer="ignored: no such question")
    assert response.status_code == 303
    assert "You are registered." in text(client.get(response.headers["Location"]))
    [registration] = registrations_of(app, event.id)
    assert registration.status == CONFIRMED and registration.user_id == user.id
    assert registration.dietary_needs == "vegetarisch" and registration.free_answer is None
    [mail] = outbox(app, user.email, "event_confirmed")
    assert mail.lang == "en" and "Your place at" in mail.body_text
    [attachment] = mail.attachments
    assert attachment["filename"] == "event.ics" and attachment["content_type"] == "text/calendar"
    calendar = icalendar.Calendar.from_ical(base64.b64decode(attachment["data"]))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Citizens' panel on climate"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert calendar.walk("VTIMEZONE"), "the time zone must be described in the file"
    ticket = link_in(mail, "/events/registrations/")
    assert "De Krook" in text(FormClient(app.test_client()).get(ticket))


def test_detail_page_says_what_will_happen_before_registering(app):
    event = make_event(app, capacity=1)
    _first, first_client = _resident(app)
    page = text(first_client.get(f"/en/events/{event.id}"))
    assert "1 place is left" in page and ">Register<" in page
    _register(first_client, event)
    _second, second_client = _resident(app)
    page = text(second_client.get(f"/en/events/{event.id}"))
    assert "You will be on the waiting list, number 1" in page and "Join the waiting list" in page
    assert "Full" in page


def test_full_event_puts_people_on_the_waiting_list_in_order(app):
    event = make_event(app, capacity=1)
    _register(_resident(app)[1], event)
    second, client2 = _resident(app)
    third, client3 = _resident(app)
    assert _register(client2, event).status_code == 303
    assert _register(client3, event).status_code == 303
    waiting = by_status(app, event.id, WAITING)
    assert [r.user_id for r in waiting] == [second.id, third.id]
    [mail] = outbox(app, third.email, "event_waitlisted")
    assert mail.lang == "nl" and "2" in re.findall(r"\d+", mail.subject + mail.body_text)
    page = text(client3.get(f"/en/events/{event.id}"))
    assert "You are on the waiting list, number 2" in page


def test_registering_twice_is_refused_and_changes_nothing(app):
    event = make_event(app, capacity=5)
    _user, client = _resident(app)
    _register(client, event)
    # A second POST, as from an old tab that still shows the form.
    response = client.post(f"/en/events/{event.id}/register", data={"csrf_token": client.token_from("/en/account/")})
    assert response.status_code == 409
    assert "You are already registered for this event." in text(response)
    assert len(registrations_of(app, event.id)) == 1


@pytest.mark.parametrize(
    "kind, message",
    [
        ("closed", "Registration is closed."),
        ("not_yet", "Registration has not opened yet."),
        ("cancelled", "This event is cancelled."),
    ],
)
def test_closed_not_yet_open_or_cancelled_events_refuse_registration(app, kind, message):
    event = make_event(
        app,
        registration="closed" if kind == "closed" else "not_yet" if kind == "not_yet" else "open",
        cancelled=kind == "cancelled",
    )
    _user, client = _resident(app)
    page = text(client.get(f"/en/events/{event.id}"))
    assert message in page and ">Register<" not in page
    response = client.post(f"/en/events/{event.id}/register", data={"csrf_token": client.token_from("/en/account/")})
    assert response.status_code == 409 and message in text(response)
    assert registrations_of(app, event.id) == []


def test_unverified_account_cannot_register(app):
    event = make_event(app)
    _user, client = _resident(app, verified=False)
    page = text(client.get(f"/en/events/{event.id}"))
    assert "Confirm your e-mail address before you register." in page
    response = client.post(f"/en/events/{event.id}/register", data={"csrf_token": client.token_from("/en/account/")})
    assert response.status_code == 403
    assert "Confirm your e-mail address before you register." in text(response)
    assert registrations_of(app, event.id) == []


def test_anonymous_register_post_asks_to_log_in(app, client):
    event = make_event(app)
    response = client.post(
        f"/en/events/{event.id}/register", data={"csrf_token": client.token_from(f"/en/events/{event.id}")}
    )
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]
    assert registrations_of(app, event.id) == []


def test_cancelling_promotes_the_first_on_the_waiting_list_and_mails_them(app):
    event = make_event(app, capacity=1)
    first, client1 = _resident(app)
    second, client2 = _resident(app, language="fr")
    third, client3 = _resident(app)
    for c in (client1, client2, client3):
        _register(c, event)
    response = client1.submit(f"/en/events/{event.id}/cancel?next=mine", {"confirmed": "1"})
    assert response.status_code == 303
    statuses = {r.user_id: r.status for r in registrations_of(app, event.id)}
    assert statuses == {first.id: CANCELLED, second.id: CONFIRMED, third.id: WAITING}
    [promotion] = outbox(app, second.email, "event_promoted")
    assert promotion.lang == "fr" and promotion.attachments[0]["filename"] == "event.ics"
    assert outbox(app, third.email, "event_promoted") == []
    assert "You are on the waiting list, number 1" in text(client3.get(f"/en/events/{event.id}"))
    # The place can be taken again later: the cancelled row does not block.
    assert _register(client1, event).status_code == 303
    assert by_status(app, event.id, WAITING)[-1].user_id == first.id


def test_cancel_link_in_the_mail_works_without_logging_in(app):
    event = make_event(app, capacity=1)
    user, client = _resident(app)
    other, other_client = _resident(app)
    _register(client, event)
    _register(other_client, event)
    ticket = link_in(outbox(app, user.email, "event_confirmed")[0], "/events/registrations/")
    ticket = ticket.replace("/nl/", "/en/", 1)
    stranger = FormClient(app.test_client())
    page = text(stranger.get(ticket))
    assert "Your place is confirmed." in page
    assert "<svg" in page, "a confirmed registration shows its check-in code"
    response = stranger.submit(ticket + "/cancel", {"confirmed": "1"})
    assert response.status_code == 303
    assert [r.status for r in registrations_of(app, event.id)] == [CANCELLED, CONFIRMED]
    assert outbox(app, other.email, "event_promoted")
    # Cancelling again says so and changes nothing.
    again = stranger.post(
        ticket + "/cancel",
        data={"csrf_token": stranger.token_from(f"/en/events/{event.id}"), "confirmed": "1"},
        follow_redirects=True,
    )
    assert "This registration is already cancelled." in text(again)


def test_tampered_or_foreign_tokens_get_a_clear_page_and_change_nothing(app, client):
    event = make_event(app)
    user, resident = _resident(app)
    _register(resident, event)
    ticket = link_in(outbox(app, user.email, "event_confirmed")[0], "/events/registrations/")
    token = ticket.rsplit("/", 1)[1]
    tampered = ticket[:-3] + ("aaa" if not ticket.endswith("aaa") else "bbb")
    response = client.get(tampered.replace("/nl/", "/en/"))
    assert response.status_code == 400 and "This link is not valid." in text(response)
    token_field = client.token_from(f"/en/events/{event.id}")
    response = client.post(tampered + "/cancel", data={"csrf_token": token_field, "confirmed": "1"})
    assert response.status_code == 400
    # A ticket token is no guest-confirmation token.
    assert client.get(f"/en/events/confirm/{token}").status_code == 400
    assert [r.status for r in registrations_of(app, event.id)] == [CONFIRMED]


def test_cancel_without_csrf_token_is_refused(app, client):
    event = make_event(app)
    user, resident = _resident(app)
    _register(resident, event)
    ticket = link_in(outbox(app, user.email, "event_confirmed")[0], "/events/registrations/")
    assert client.post(ticket + "/cancel", data={"confirmed": "1"}).status_code == 400
    assert [r.status for r in registrations_of(app, event.id)] == [CONFIRMED]


def _guest(client, event, name="Noor Claes", email="noor@example.org", lang="en", **extra):
    data = {"name": name, "email": email, "privacy_consent": "y", **extra}
    return client.submit(f"/{lang}/events/{event.id}", data, action=f"/{lang}/events/{event.id}/guest")


def test_visitor_without_account_holds_a_place_only_after_clicking_the_link(app, client):
    event = make_event(app, capacity=1)
    response = _guest(client, event, email="Noor@Example.org")
    assert response.status_code == 200 and "Check your mailbox" in text(response)
    [pending] = registrations_of(app, event.id)
    assert pending.status == PENDING and pending.email == "noor@example.org" and pending.sequence is None
    [mail] = outbox(app, "noor@example.org", "event_guest_confirm")
    assert mail.lang == "en"
    confirm = link_in(mail, "/events/confirm/")
    # Opening the link changes nothing (mail scanners open links); the button does.
    page = client.get(confirm)
    assert page.status_code == 200 and "Confirm my registration" in text(page)
    assert registrations_of(app, event.id)[0].status == PENDING
    response = client.submit(confirm)
    assert response.status_code == 303 and "/events/registrations/" in response.headers["Location"]
    assert registrations_of(app, event.id)[0].status == CONFIRMED
    assert outbox(app, "noor@example.org", "event_confirmed")
    # Clicking again is harmless.
    assert client.get(confirm).status_code == 303
    assert len(registrations_of(app, event.id)) == 1


def test_the_same_email_cannot_hold_two_places_and_nobody_learns_who_registered(app, client, other_client):
    event = make_event(app, capacity=5)
    _guest(client, event)
    client.submit(link_in(outbox(app, "noor@example.org", "event_guest_confirm")[0], "/events/confirm/"))
    response = _guest(other_client, event, name="Someone else")
    assert response.status_code == 200 and "Check your mailbox" in text(response)
    assert len(registrations_of(app, event.id)) == 1
    assert outbox(app, "noor@example.org", "event_already_registered")
    # A resident whose account uses that address is refused too.
    make_user(app, email="noor@example.org")
    resident = FormClient(app.test_client())
    resident.login("noor@example.org", PASSWORD)
    response = resident.post(
        f"/en/events/{event.id}/register", data={"csrf_token": resident.token_from("/en/account/")}
    )
    assert response.status_code == 409 and "You are already registered for this event." in text(response)


def test_visitor_confirming_when_full_joins_the_waiting_list(app, client):
    event = make_event(app, capacity=1)
    _guest(client, event)
    _register(_resident(app)[1], event)  # takes the last place before the visitor clicks
    client.submit(link_in(outbox(app, "noor@example.org", "event_guest_confirm")[0], "/events/confirm/"))
    guest = [r for r in registrations_of(app, event.id) if r.user_id is None][0]
    assert guest.status == WAITING
    assert outbox(app, "noor@example.org", "event_waitlisted")


def test_visitor_form_errors_are_shown_on_their_fields_and_keep_the_input(app, client):
    event = make_event(app)
    response = _guest(client, event, name="", email="not-an-address", privacy_consent="")
    body = text(response)
    assert response.status_code == 422
    assert 'id="name-error"' in body and 'id="email-error"' in body and 'id="privacy_consent-error"' in body
    assert 'value="not-an-address"' in body
    assert registrations_of(app, event.id) == []


def test_honeypot_stops_bots(app, client):
    event = make_event(app)
    response = _guest(client, event, website="http://spam.example")
    assert response.status_code == 422 and registrations_of(app, event.id) == []
    assert outbox(app, "noor@example.org") == []


def test_my_registrations_lists_status_and_waiting_position(app):
    consultation = make_consultation(app)
    free = make_event(app, consultation=consultation, title={"nl": "Vrije plaatsen"})
    full = make_event(app, capacity=1, title={"nl": "Volzet"})
    _register(_resident(app)[1], full)
    _user, client = _resident(app)
    _register(client, free)
    _register(client, full)
    page = text(client.get("/en/events/mine"))
    assert "Vrije plaatsen" in page and "Place confirmed" in page
    assert "Volzet" in page and "Waiting list, number 1" in page
    assert re.search(r"/events/registrations/[\w.\-]+", page)


def test_online_link_is_shown_only_to_people_with_a_place(app, client):
    event = make_event(app, event_format="online")
    assert "meet.example.org" not in text(client.get(f"/en/events/{event.id}"))
    assert b"meet.example.org" not in client.get(f"/en/events/{event.id}.ics").data
    _user, resident = _resident(app)
    _register(resident, event)
    assert "https://meet.example.org/klimaat" in text(resident.get(f"/en/events/{event.id}"))


def test_visitor_registrations_are_rate_limited_with_a_translated_page(app, client, rate_limits):
    event = make_event(app, capacity=50)
    responses = [_guest(client, event, email=f"guest{n}@example.org") for n in range(6)]
    assert [r.status_code for r in responses] == [200] * 5 + [429]
    assert "Too many attempts" in text(responses[5]) and responses[5].headers["Retry-After"]
    assert len(registrations_of(app, event.id)) == 5


def test_resident_registrations_are_rate_limited(app, rate_limits):
    _user, client = _resident(app)
    events = [make_event(app) for _ in range(11)]
    statuses = [_register(client, event).status_code for event in events]
    assert statuses[:10] == [303] * 10 and statuses[10] == 429


# ------------------------------------------------------------------ suspended residents


def test_suspended_resident_cannot_register_service(app):
    from participation.accounts.models import User
    from participation.core.errors import NotAllowed
    from participation.events.registration import Answers, register_resident
    from participation.extensions import db

    event = make_event(app)
    user = make_user(app)
    suspend(app, user, days=3, reason="Scheldwoorden")
    with app.test_request_context("/nl/"):
        with pytest.raises(NotAllowed) as refused:
            register_resident(event.id, db.session.get(User, user.id), Answers())
        assert refused.value.status_code == 403
        assert "Je account is geschorst tot" in refused.value.message and "Scheldwoorden" in refused.value.message
        db.session.rollback()
    assert registrations_of(app, event.id) == []


def test_suspended_resident_sees_why_instead_of_the_register_button_and_is_refused(app):
    event = make_event(app)
    user, client = _resident(app)
    suspend(app, user, days=None)
    page = text(client.get(f"/nl/events/{event.id}"))
    assert "Je account is geschorst tot nader bericht. Reden: Herhaalde beledigingen" in page
    assert f'action="/nl/events/{event.id}/register"' not in page and ">Inschrijven<" not in page
    # A form kept open in another tab, posted anyway.
    response = client.post(f"/nl/events/{event.id}/register", data={"csrf_token": client.token_from("/nl/account/")})
    assert response.status_code == 403
    assert "Je account is geschorst tot nader bericht. Reden: Herhaalde beledigingen" in text(response)
    assert f'action="/nl/events/{event.id}/register"' not in text(response)
    assert registrations_of(app, event.id) == [] and outbox(app, user.email) == []


def test_suspension_that_ended_no_longer_blocks(app):
    from datetime import timedelta

    from participation.accounts.models import User
    from participation.core.time import utcnow
    from participation.extensions import db

    event = make_event(app)
    user, client = _resident(app)
    with app.app_context():
        person = db.session.get(User, user.id)
        person.suspended_at = utcnow() - timedelta(days=10)
        person.suspended_until = utcnow() - timedelta(days=1)
        db.session.commit()
    assert _register(client, event).status_code == 303
    assert [r.status for r in registrations_of(app, event.id)] == [CONFIRMED]


# --------------------------------------------------------------------- bad input, in nl


def test_visitor_registering_after_closing_is_refused_in_dutch(app, client):
    """The form was open when the page was loaded; registration closed before it was sent."""
    from datetime import timedelta

    from participation.core.time import utcnow
    from participation.events.models import Event
    from participation.extensions import db

    event = make_event(app)
    token = client.token_from(f"/nl/events/{event.id}")
    with app.app_context():
        stored = db.session.get(Event, event.id)
        stored.registration_opens_at = utcnow() - timedelta(days=3)
        stored.registration_closes_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    response = client.post(
        f"/nl/events/{event.id}/guest",
        data={"csrf_token": token, "name": "Noor Claes", "email": "noor@example.org", "privacy_consent": "y"},
    )
    assert response.status_code == 409
    body = text(response)
    assert "De inschrijving is afgesloten." in body and "Check your mailbox" not in body
    assert registrations_of(app, event.id) == [] and outbox(app, "noor@example.org") == []


def test_visitor_registering_for_a_cancelled_event_is_refused_in_dutch(app, client):
    from participation.events.models import Event, EventStatus
    from participation.extensions import db

    event = make_event(app)
    token = client.token_from(f"/nl/events/{event.id}")
    with app.app_context():
        db.session.get(Event, event.id).status = EventStatus.CANCELLED
        db.session.commit()
    response = client.post(
        f"/nl/events/{event.id}/guest",
        data={"csrf_token": token, "name": "Noor Claes", "email": "noor@example.org", "privacy_consent": "y"},
    )
    assert response.status_code == 409 and "Deze activiteit is geannuleerd." in text(response)
    assert registrations_of(app, event.id) == [] and outbox(app, "noor@example.org") == []


def test_visitor_confirming_after_the_event_was_cancelled_is_told_so_in_dutch(app, client):
    event = make_event(app, capacity=5)
    _guest(client, event, lang="nl")
    confirm = link_in(outbox(app, "noor@example.org", "event_guest_confirm")[0], "/events/confirm/")
    assert confirm.startswith("/nl/")

    def main(response):
        return text(response).split("<main", 1)[1].split("</main>", 1)[0]

    assert "<button" in main(client.get(confirm)), "while the event stands, a button confirms"
    form_token = client.token_from(f"/nl/events/{event.id}")
    with app.app_context():
        from participation.events.models import Event, EventStatus
        from participation.extensions import db

        db.session.get(Event, event.id).status = EventStatus.CANCELLED
        db.session.commit()
    page = client.get(confirm)
    assert page.status_code == 200 and "Deze activiteit is geannuleerd." in text(page)
    assert "<button" not in main(page), "no button to press"
    # The button from a page loaded before the cancellation.
    response = client.post(confirm, data={"csrf_token": form_token})
    assert response.status_code == 409 and "Deze activiteit is geannuleerd." in text(response)
    assert [r.status for r in registrations_of(app, event.id)] == [PENDING]
    assert outbox(app, "noor@example.org", "event_confirmed") == []
    assert outbox(app, "noor@example.org", "event_waitlisted") == []


def _forms_on(html: str) -> list[dict]:
    """The forms of a page as a browser sees them: action and the values of hidden inputs."""
    from html.parser import HTMLParser

    class Forms(HTMLParser):
        def __init__(self):
            super().__init__()
            self.forms = []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "form":
                self.forms.append({"action": attrs.get("action"), "method": attrs.get("method"), "fields": {}})
            elif tag == "input" and self.forms and attrs.get("type") == "hidden":
                self.forms[-1]["fields"][attrs.get("name")] = attrs.get("value") or ""

    parser = Forms()
    parser.feed(html)
    return parser.forms


def test_cancelling_from_my_registrations_uses_that_pages_form_and_returns_there(app):
    kept = make_event(app, title={"nl": "Blijft staan"})
    leaving = make_event(app, capacity=1, title={"nl": "Ik kan niet komen"})
    _user, client = _resident(app)
    waiting, waiting_client = _resident(app)
    _register(client, kept)
    _register(client, leaving)
    _register(waiting_client, leaving)
    page = text(client.get("/nl/events/mine"))
    # The list links to the page that asks first; its form carries where to go back to.
    link = f"/nl/events/{leaving.id}/cancel?next=mine"
    assert f'href="{link}"' in page
    [form] = [f for f in _forms_on(text(client.get(link))) if f["action"] == f"/nl/events/{leaving.id}/cancel"]
    assert form["method"] == "post" and form["fields"]["next"] == "mine" and form["fields"]["csrf_token"]
    assert form["fields"]["confirmed"] == "1"
    response = client.post(form["action"], data=form["fields"])
    assert response.status_code == 303 and response.headers["Location"].endswith("/nl/events/mine")
    after = text(client.get(response.headers["Location"]))
    assert "Je inschrijving is geannuleerd. Bedankt om het ons te laten weten." in after
    assert f'href="/nl/events/{leaving.id}/cancel?next=mine"' not in after
    assert f'href="/nl/events/{kept.id}/cancel?next=mine"' in after
    statuses = {r.user_id: r.status for r in registrations_of(app, leaving.id)}
    assert statuses == {_user.id: CANCELLED, waiting.id: CONFIRMED}
    # The same form sent again (a second tab): told so, in Dutch, back on the same page.
    again = client.post(form["action"], data=form["fields"])
    assert again.status_code == 303 and again.headers["Location"].endswith("/nl/events/mine")
    assert "Je bent niet ingeschreven voor deze activiteit." in text(client.get(again.headers["Location"]))
    assert [r.status for r in registrations_of(app, kept.id)] == [CONFIRMED]
