"""Organisers run their events; attendee data stays with the event's organisers and administrators."""

from __future__ import annotations

import pytest

from participation.core.permissions import Role
from participation.events.models import Event, EventStatus, RegistrationStatus
from tests.consultations.factories import make_consultation
from tests.events.factories import by_status, make_event, registrations_of
from tests.factories import PASSWORD, get, make_user
from tests.support import FormClient, link_in, outbox, text

CONFIRMED, WAITING, CANCELLED = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED


@pytest.fixture
def organiser(app):
    return make_user(app, role=Role.ORGANISER)


@pytest.fixture
def running(app, organiser):
    """An event of a consultation the organiser runs, with two places and three registrations."""
    consultation = make_consultation(app, organisers=[organiser])
    event = make_event(app, consultation=consultation, capacity=2, ask_dietary=True,
                       free_question={"nl": "Wat wil je bespreken?", "en": "What would you like to discuss?"})
    people = []
    for name in ("Émile Dupré", "Fatma Yıldız", "Jan Peeters"):
        user = make_user(app, name=name)
        client = FormClient(app.test_client())
        client.login(user.email, PASSWORD)
        client.submit(f"/nl/events/{event.id}", {"dietary_needs": "=HYPERLINK(\"x\")", "free_answer": "Fietsen"},
                      action=f"/nl/events/{event.id}/register")
        people.append(user)
    return consultation, event, people


def _as(app, user) -> FormClient:
    client = FormClient(app.test_client())
    client.login(user.email, PASSWORD)
    return client


ATTENDEE_PAGES = ["attendees", "attendees.csv", "check-in", "edit", "message", "report", "cancel"]


@pytest.mark.parametrize("page", ATTENDEE_PAGES)
def test_only_the_events_organisers_and_admins_see_attendee_data(app, running, organiser, page):
    _consultation, event, _people = running
    url = f"/en/organise/events/{event.id}/{page}"
    anonymous = app.test_client().get(url)
    assert anonymous.status_code in (302, 303) and "/account/login" in anonymous.headers["Location"]
    assert _as(app, make_user(app)).get(url).status_code == 403
    assert _as(app, make_user(app, role=Role.MODERATOR)).get(url).status_code == 403
    assert _as(app, make_user(app, role=Role.ORGANISER)).get(url).status_code == 403, "another team's event"
    assert _as(app, organiser).get(url).status_code == 200
    assert _as(app, make_user(app, role=Role.ADMIN)).get(url).status_code == 200
    assert _as(app, organiser).get(f"/en/organise/events/999999/{page}").status_code == 404


def test_attendee_list_shows_answers_and_waiting_order(app, running, organiser):
    _consultation, event, people = running
    page = text(_as(app, organiser).get(f"/en/organise/events/{event.id}/attendees"))
    for person in people:
        assert person.display_name in page and person.email in page
    assert "What would you like to discuss?" in page and "Fietsen" in page
    assert "Waiting list (1)" in page and "Give a place (capacity +1)" in page


def test_csv_export_is_utf8_with_bom_and_neutralises_formulas(app, running, organiser):
    _consultation, event, people = running
    response = _as(app, organiser).get(f"/en/organise/events/{event.id}/attendees.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.data.startswith("\ufeff".encode())
    body = response.data.decode("utf-8-sig")
    assert "Émile Dupré" in body and "Fatma Yıldız" in body
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body
    assert body.splitlines()[0].startswith("Status,Waiting list number,Name,E-mail address")
    assert response.headers["Cache-Control"] == "no-store"


def test_organiser_creates_an_event_with_clear_errors_first(app, organiser):
    consultation = make_consultation(app, organisers=[organiser])
    client = _as(app, organiser)
    form = {"consultation_id": str(consultation.id), "title_nl": "", "description_nl": "Tekst",
            "starts_at": "2030-03-10T19:00", "ends_at": "2030-03-10T18:00", "format": "hybrid",
            "venue": "De Krook", "address": "Miriam Makebaplein 1", "online_url": "http://insecure.example",
            "languages": ["nl", "en"], "capacity": "0",
            "registration_opens_at": "2030-02-01T09:00", "registration_closes_at": "2030-03-10T12:00"}
    response = client.submit("/en/organise/events/new", form)
    body = text(response)
    assert response.status_code == 400
    assert 'id="title_nl-error"' in body and "Dutch is required" in body
    assert 'id="capacity-error"' in body and 'value="De Krook"' in body
    form.update(title_nl="Stadsgesprek", capacity="30")
    response = client.submit("/en/organise/events/new", form)
    assert response.status_code == 400 and "The end must come after the start." in text(response)
    form.update(ends_at="2030-03-10T21:00")
    response = client.submit("/en/organise/events/new", form)
    assert response.status_code == 400 and "The online link must start with https://." in text(response)
    form.update(online_url="https://meet.example.org/stad")
    response = client.submit("/en/organise/events/new", form)
    assert response.status_code == 303
    with app.app_context():
        import sqlalchemy as sa

        from participation.extensions import db
        event = db.session.scalar(sa.select(Event).order_by(Event.id.desc()))
        assert event.title == {"nl": "Stadsgesprek"} and event.language_codes == ["nl", "en"]
        assert event.starts_at.hour == 18  # 19:00 in Brussels is 18:00 UTC in March
        assert event.capacity == 30 and event.consultation_id == consultation.id


def test_organiser_cannot_add_events_to_someone_elses_consultation(app, organiser):
    foreign = make_consultation(app)
    client = _as(app, organiser)
    form = {"consultation_id": str(foreign.id), "title_nl": "X", "description_nl": "Y", "format": "online",
            "starts_at": "2030-03-10T19:00", "ends_at": "2030-03-10T21:00", "online_url": "https://x.example",
            "languages": ["nl"], "capacity": "5",
            "registration_opens_at": "2030-02-01T09:00", "registration_closes_at": "2030-03-10T12:00"}
    response = client.submit("/en/organise/events/new", form)
    assert response.status_code == 400  # not one of the choices offered to this organiser
    assert _event_count(app) == 0


def _event_count(app):
    with app.app_context():
        import sqlalchemy as sa

        from participation.extensions import db
        return db.session.scalar(sa.select(sa.func.count()).select_from(Event))


def _edit_form(event, **changes):
    from participation.core.time import to_brussels

    def local(moment):
        return to_brussels(moment).strftime("%Y-%m-%dT%H:%M")

    form = {"consultation_id": str(event.consultation_id or 0), "title_nl": event.title["nl"],
            "description_nl": event.description["nl"], "starts_at": local(event.starts_at),
            "ends_at": local(event.ends_at), "format": event.format.value, "venue": event.venue or "",
            "address": event.address or "", "online_url": event.online_url or "",
            "languages": event.language_codes, "capacity": str(event.capacity),
            "registration_opens_at": local(event.registration_opens_at),
            "registration_closes_at": local(event.registration_closes_at)}
    form.update(changes)
    return form


def test_capacity_below_the_confirmed_places_is_refused_with_an_explanation(app, running, organiser):
    _consultation, event, _people = running
    client = _as(app, organiser)
    response = client.submit(f"/en/organise/events/{event.id}/edit", _edit_form(event, capacity="1"))
    assert response.status_code == 400
    assert "2 people already hold a place, so the capacity cannot be lower than 2." in text(response)
    assert get(app, Event, event.id).capacity == 2


def test_more_places_promote_the_waiting_list(app, running, organiser):
    _consultation, event, people = running
    response = _as(app, organiser).submit(f"/en/organise/events/{event.id}/edit", _edit_form(event, capacity="3"))
    assert response.status_code == 303
    assert len(by_status(app, event.id, CONFIRMED)) == 3
    assert outbox(app, people[2].email, "event_promoted")


def test_cancelling_the_event_mails_everyone_and_closes_registration(app, running, organiser):
    _consultation, event, people = running
    client = _as(app, organiser)
    response = client.submit(f"/en/organise/events/{event.id}/cancel", {"message": ""})
    assert response.status_code == 400 and get(app, Event, event.id).status == EventStatus.SCHEDULED
    response = client.submit(f"/en/organise/events/{event.id}/cancel", {"message": "The venue flooded."})
    assert response.status_code == 303
    assert get(app, Event, event.id).status == EventStatus.CANCELLED
    for person in people:
        [mail] = outbox(app, person.email, "event_cancelled")
        assert "The venue flooded." in mail.body_text
    public = text(app.test_client().get(f"/en/events/{event.id}"))
    assert "This event is cancelled." in public and "The venue flooded." in public
    newcomer = _as(app, make_user(app))
    response = newcomer.post(f"/en/events/{event.id}/register",
                             data={"csrf_token": newcomer.token_from("/en/account/")})
    assert response.status_code == 409


def test_duplicate_makes_a_copy_without_registrations(app, running, organiser):
    _consultation, event, _people = running
    client = _as(app, organiser)
    response = client.submit(f"/en/organise/events/{event.id}/attendees",
                             action=f"/en/organise/events/{event.id}/duplicate")
    assert response.status_code == 303 and "/edit" in response.headers["Location"]
    copy_id = int(response.headers["Location"].split("/events/")[1].split("/")[0])
    copy = get(app, Event, copy_id)
    assert copy.title == event.title and copy.capacity == event.capacity
    assert (copy.starts_at - event.starts_at).days == 7
    assert registrations_of(app, copy_id) == []


def test_message_to_registrants(app, running, organiser):
    _consultation, event, people = running
    client = _as(app, organiser)
    response = client.submit(f"/en/organise/events/{event.id}/message",
                             {"audience": "confirmed", "subject": "", "body": "Bring a pen"})
    assert response.status_code == 400 and 'id="subject-error"' in text(response)
    response = client.submit(f"/en/organise/events/{event.id}/message",
                             {"audience": "confirmed", "subject": "Practical", "body": "Bring a pen"})
    assert response.status_code == 303
    assert [m.recipient for m in outbox(app, template="event_message")] == [people[0].email, people[1].email]
    assert "Bring a pen" in outbox(app, people[0].email, "event_message")[0].body_text


def test_giving_a_place_by_hand_raises_the_capacity_when_full(app, running, organiser):
    _consultation, event, people = running
    waiting = by_status(app, event.id, WAITING)[0]
    client = _as(app, organiser)
    response = client.submit(f"/en/organise/events/{event.id}/attendees",
                             action=f"/en/organise/events/{event.id}/registrations/{waiting.id}/give-place")
    assert response.status_code == 303
    assert get(app, Event, event.id).capacity == 3
    assert len(by_status(app, event.id, CONFIRMED)) == 3
    assert outbox(app, people[2].email, "event_promoted")


def test_check_in_from_the_list_and_from_the_qr_code(app, running, organiser):
    _consultation, event, people = running
    client = _as(app, organiser)
    page = text(client.get(f"/en/organise/events/{event.id}/check-in?q=fatma"))
    assert "Fatma Yıldız" in page and "Émile Dupré" not in page and "0 of 2 people present" in page
    fatma = [r for r in registrations_of(app, event.id) if r.user_id == people[1].id][0]
    response = client.submit(f"/en/organise/events/{event.id}/check-in",
                             {"present": "1", "q": "fatma"},
                             action=f"/en/organise/events/{event.id}/registrations/{fatma.id}/check-in")
    assert response.status_code == 303 and "q=fatma" in response.headers["Location"]
    assert "1 of 2 people present" in text(client.get(f"/en/organise/events/{event.id}/check-in"))
    # The QR code on Émile's registration page opens the organiser's check-in page.
    ticket = link_in(outbox(app, people[0].email, "event_confirmed")[0], "/events/registrations/")
    with app.test_request_context():
        from participation.events.qr import check_in_url

        emile = [r for r in registrations_of(app, event.id) if r.user_id == people[0].id][0]
        url = check_in_url(emile, "en").replace("http://participatie.test", "").replace("http://localhost", "")
    assert "<svg" in text(app.test_client().get(ticket))
    assert "Mark present" in text(client.get(url))
    assert _as(app, people[0]).get(url).status_code == 403, "residents cannot check themselves in"
    assert client.submit(url).status_code == 303
    assert "Present since" in text(client.get(url))
    tampered = url[:-4] + "abcd"
    assert client.get(tampered).status_code == 400
    # People on the waiting list cannot be checked in.
    jan = [r for r in registrations_of(app, event.id) if r.user_id == people[2].id][0]
    response = client.submit(f"/en/organise/events/{event.id}/check-in", {"present": "1"},
                             action=f"/en/organise/events/{event.id}/registrations/{jan.id}/check-in",
                             follow_redirects=True)
    assert "Only people with a confirmed place can be checked in." in text(response)
    numbers = text(client.get(f"/en/organise/events/{event.id}/attendees"))
    assert "Checked in</dt><dd>2 (100%)" in numbers


def test_report_is_published_on_the_event_and_its_consultation(app, organiser):
    consultation = make_consultation(app, organisers=[organiser])
    upcoming = make_event(app, consultation=consultation)
    client = _as(app, organiser)
    response = client.submit(f"/en/organise/events/{upcoming.id}/report", {"summary_nl": "Te vroeg"},
                             action=f"/en/organise/events/{upcoming.id}/report")
    assert response.status_code == 409 and "once the event has taken place" in text(response)
    past = make_event(app, consultation=consultation, when="past")
    response = client.submit(f"/en/organise/events/{past.id}/report",
                             {"summary_nl": "", "summary_en": "Only English", "attendees": "12"})
    assert response.status_code == 400 and 'id="summary_nl-error"' in text(response)
    response = client.submit(f"/en/organise/events/{past.id}/report",
                             {"summary_nl": "- **Fietspaden** kwamen het vaakst terug.", "attendees": "12"})
    assert response.status_code == 303
    event_page = text(app.test_client().get(f"/en/events/{past.id}"))
    assert "12 people took part." in event_page and "<strong>Fietspaden</strong>" in event_page
    assert 'lang="nl"' in event_page, "the Dutch report is marked as Dutch on the English page"
    consultation_page = text(app.test_client().get(f"/en/consultations/{consultation.slug}"))
    assert "Report of the event" in consultation_page and "Fietspaden" in consultation_page


def test_markdown_html_in_descriptions_is_refused(app, organiser):
    consultation = make_consultation(app, organisers=[organiser])
    form = {"consultation_id": str(consultation.id), "title_nl": "X", "description_nl": "<script>x</script>",
            "format": "online", "starts_at": "2030-03-10T19:00", "ends_at": "2030-03-10T21:00",
            "online_url": "https://x.example", "languages": ["nl"], "capacity": "5",
            "registration_opens_at": "2030-02-01T09:00", "registration_closes_at": "2030-03-10T12:00"}
    response = _as(app, organiser).submit("/en/organise/events/new", form)
    assert response.status_code == 400 and "Use Markdown only" in text(response)


def test_organiser_list_shows_only_their_events(app, running, organiser):
    _consultation, event, _people = running
    make_event(app, consultation=make_consultation(app), title={"nl": "Van een ander team"})
    page = text(_as(app, organiser).get("/en/organise/events/"))
    assert "Citizens&#39; panel on climate" in page and "Van een ander team" not in page and "2 / 2" in page
