"""Organisers run their events; attendee data stays with the event's organisers and administrators."""

from __future__ import annotations

import csv
import io

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
    event = make_event(
        app,
        consultation=consultation,
        capacity=2,
        ask_dietary=True,
        free_question={"nl": "Wat wil je bespreken?", "en": "What would you like to discuss?"},
    )
    people = []
    for name in ("Émile Dupré", "Fatma Yıldız", "Jan Peeters"):
        user = make_user(app, name=name)
        client = FormClient(app.test_client())
        client.login(user.email, PASSWORD)
        client.submit(
            f"/nl/events/{event.id}",
            {"dietary_needs": '=HYPERLINK("x")', "free_answer": "Fietsen"},
            action=f"/nl/events/{event.id}/register",
        )
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
    assert anonymous.status_code == 302 and "/account/login" in anonymous.headers["Location"]
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


@pytest.mark.parametrize("lang, delimiter", [("nl", ";"), ("fr", ";"), ("en", ",")])
def test_csv_columns_split_the_way_spreadsheets_of_that_language_expect(app, running, organiser, lang, delimiter):
    """Excel in Belgium (Dutch or French) splits on semicolons; in English on commas."""
    _consultation, event, people = running
    body = _as(app, organiser).get(f"/{lang}/organise/events/{event.id}/attendees.csv").data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=delimiter))
    assert len(rows) == len(people) + 1
    assert {len(row) for row in rows} == {len(rows[0])} and len(rows[0]) > 4
    assert any("Émile Dupré" in row for row in rows)


def test_organiser_creates_an_event_with_clear_errors_first(app, organiser):
    consultation = make_consultation(app, organisers=[organiser])
    client = _as(app, organiser)
    form = {
        "consultation_id": str(consultation.id),
        "title_nl": "",
        "description_nl": "Tekst",
        "starts_at": "2030-03-10T19:00",
        "ends_at": "2030-03-10T18:00",
        "format": "hybrid",
        "venue": "De Krook",
        "address": "Miriam Makebaplein 1",
        "online_url": "http://insecure.example",
        "languages": ["nl", "en"],
        "capacity": "0",
        "registration_opens_at": "2030-02-01T09:00",
        "registration_closes_at": "2030-03-10T12:00",
    }
    response = client.submit("/en/organise/events/new", form)
    body = text(response)
    assert response.status_code == 422
    assert 'id="title_nl-error"' in body and "Dutch is required" in body
    assert 'id="capacity-error"' in body and 'value="De Krook"' in body
    form.update(title_nl="Stadsgesprek", capacity="30")
    response = client.submit("/en/organise/events/new", form)
    assert response.status_code == 422 and "The end must come after the start." in text(response)
    form.update(ends_at="2030-03-10T21:00")
    response = client.submit("/en/organise/events/new", form)
    assert response.status_code == 422 and "The online link must start with https://." in text(response)
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
    form = {
        "consultation_id": str(foreign.id),
        "title_nl": "X",
        "description_nl": "Y",
        "format": "online",
        "starts_at": "2030-03-10T19:00",
        "ends_at": "2030-03-10T21:00",
        "online_url": "https://x.example",
        "languages": ["nl"],
        "capacity": "5",
        "registration_opens_at": "2030-02-01T09:00",
        "registration_closes_at": "2030-03-10T12:00",
    }
    response = client.submit("/en/organise/events/new", form)
    assert response.status_code == 422  # not one of the choices offered to this organiser
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

    form = {
        "consultation_id": str(event.consultation_id or 0),
        "title_nl": event.title["nl"],
        "description_nl": event.description["nl"],
        "starts_at": local(event.starts_at),
        "ends_at": local(event.ends_at),
        "format": event.format.value,
        "venue": event.venue or "",
        "address": event.address or "",
        "online_url": event.online_url or "",
        "languages": event.language_codes,
        "capacity": str(event.capacity),
        "registration_opens_at": local(event.registration_opens_at),
        "registration_closes_at": local(event.registration_closes_at),
    }
    form.update(changes)
    return form


def test_capacity_below_the_confirmed_places_is_refused_with_an_explanation(app, running, organiser):
    _consultation, event, _people = running
    client = _as(app, organiser)
    response = client.submit(f"/en/organise/events/{event.id}/edit", _edit_form(event, capacity="1"))
    assert response.status_code == 422
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
    response = client.submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": ""})
    assert response.status_code == 422 and 'id="message_nl-error"' in text(response)
    assert get(app, Event, event.id).status == EventStatus.SCHEDULED
    response = client.submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": "De zaal is overstroomd."})
    assert response.status_code == 303
    assert "The event is cancelled; 3 people were told by e-mail." in text(client.get(response.headers["Location"]))
    assert get(app, Event, event.id).status == EventStatus.CANCELLED
    for person in people:
        [mail] = outbox(app, person.email, "event_cancelled")
        assert "De zaal is overstroomd." in mail.body_text
    public = text(app.test_client().get(f"/en/events/{event.id}"))
    assert "This event is cancelled." in public and "De zaal is overstroomd." in public
    newcomer = _as(app, make_user(app))
    response = newcomer.post(
        f"/en/events/{event.id}/register", data={"csrf_token": newcomer.token_from("/en/account/")}
    )
    assert response.status_code == 409


def test_cancellation_message_is_written_per_language_and_each_person_reads_their_own(app, organiser):
    """The message is filed under the language it was written in, not the organiser's interface language:
    a French registrant reads the French text, an English one (no English written) the Dutch one, marked so."""
    consultation = make_consultation(app, organisers=[organiser])
    event = make_event(app, consultation=consultation, capacity=5)
    readers = {}
    for lang in ("nl", "fr", "en"):
        user = make_user(app, language=lang)
        _as(app, user).submit(f"/nl/events/{event.id}", action=f"/nl/events/{event.id}/register")
        readers[lang] = user
    client = _as(app, organiser)
    page = text(client.get(f"/en/organise/events/{event.id}/cancel"))
    assert "Nederlands – incomplete (required)" in page and "Français – incomplete" in page
    # French only: Dutch is required, nothing is sent, and the French text is kept on the form.
    response = client.submit(f"/en/organise/events/{event.id}/cancel", {"message_fr": "La salle est inondée."})
    body = text(response)
    assert response.status_code == 422 and 'id="message_nl-error"' in body
    assert "Fill in the Dutch text: Dutch is required." in body and "La salle est inondée." in body
    assert "Français – complete" in body and "Nederlands – incomplete (required)" in body
    assert get(app, Event, event.id).status == EventStatus.SCHEDULED and outbox(app, template="event_cancelled") == []
    response = client.submit(
        f"/en/organise/events/{event.id}/cancel",
        {"message_nl": "De zaal is overstroomd.", "message_fr": "La salle est inondée."},
    )
    assert response.status_code == 303
    assert get(app, Event, event.id).cancel_reason == {"nl": "De zaal is overstroomd.", "fr": "La salle est inondée."}
    [dutch] = outbox(app, readers["nl"].email, "event_cancelled")
    [french] = outbox(app, readers["fr"].email, "event_cancelled")
    [english] = outbox(app, readers["en"].email, "event_cancelled")
    assert "De zaal is overstroomd." in dutch.body_text and "inondée" not in dutch.body_text
    assert "La salle est inondée." in french.body_text and "overstroomd" not in french.body_text
    assert '<blockquote lang="fr">La salle est inondée.</blockquote>' in french.body_html
    assert "De zaal is overstroomd." in english.body_text and "(only available in Dutch)" in english.body_text
    assert '<blockquote lang="nl">De zaal is overstroomd.</blockquote>' in english.body_html
    # The public page shows each language its own text, and the Dutch one marked as Dutch elsewhere.
    assert "La salle est inondée." in text(app.test_client().get(f"/fr/events/{event.id}"))
    assert '<span lang="nl">De zaal is overstroomd.</span>' in text(app.test_client().get(f"/en/events/{event.id}"))


def test_duplicate_makes_a_copy_without_registrations(app, running, organiser):
    _consultation, event, _people = running
    client = _as(app, organiser)
    response = client.submit(
        f"/en/organise/events/{event.id}/attendees", action=f"/en/organise/events/{event.id}/duplicate"
    )
    assert response.status_code == 303 and "/edit" in response.headers["Location"]
    copy_id = int(response.headers["Location"].split("/events/")[1].split("/")[0])
    copy = get(app, Event, copy_id)
    assert copy.title == event.title and copy.capacity == event.capacity
    assert (copy.starts_at - event.starts_at).days == 7
    assert registrations_of(app, copy_id) == []


def test_message_to_registrants(app, running, organiser):
    _consultation, event, people = running
    client = _as(app, organiser)
    response = client.submit(
        f"/en/organise/events/{event.id}/message", {"audience": "confirmed", "subject": "", "body": "Bring a pen"}
    )
    assert response.status_code == 422 and 'id="subject-error"' in text(response)
    response = client.submit(
        f"/en/organise/events/{event.id}/message",
        {"audience": "confirmed", "subject": "Practical", "body": "Bring a pen"},
    )
    assert response.status_code == 303
    assert [m.recipient for m in outbox(app, template="event_message")] == [people[0].email, people[1].email]
    assert "Bring a pen" in outbox(app, people[0].email, "event_message")[0].body_text


def test_giving_a_place_by_hand_raises_the_capacity_when_full(app, running, organiser):
    _consultation, event, people = running
    waiting = by_status(app, event.id, WAITING)[0]
    client = _as(app, organiser)
    response = client.submit(
        f"/en/organise/events/{event.id}/attendees",
        action=f"/en/organise/events/{event.id}/registrations/{waiting.id}/give-place",
    )
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
    response = client.submit(
        f"/en/organise/events/{event.id}/check-in",
        {"present": "1", "q": "fatma"},
        action=f"/en/organise/events/{event.id}/registrations/{fatma.id}/check-in",
    )
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
    response = client.submit(
        f"/en/organise/events/{event.id}/check-in",
        {"present": "1"},
        action=f"/en/organise/events/{event.id}/registrations/{jan.id}/check-in",
        follow_redirects=True,
    )
    assert "Only people with a confirmed place can be checked in." in text(response)
    numbers = text(client.get(f"/en/organise/events/{event.id}/attendees"))
    assert "Checked in</dt><dd>2 (100%)" in numbers


def test_report_is_published_on_the_event_and_its_consultation(app, organiser):
    consultation = make_consultation(app, organisers=[organiser])
    upcoming = make_event(app, consultation=consultation)
    client = _as(app, organiser)
    response = client.submit(
        f"/en/organise/events/{upcoming.id}/report",
        {"summary_nl": "Te vroeg"},
        action=f"/en/organise/events/{upcoming.id}/report",
    )
    assert response.status_code == 409 and "once the event has taken place" in text(response)
    past = make_event(app, consultation=consultation, when="past")
    response = client.submit(
        f"/en/organise/events/{past.id}/report", {"summary_nl": "", "summary_en": "Only English", "attendees": "12"}
    )
    assert response.status_code == 422 and 'id="summary_nl-error"' in text(response)
    response = client.submit(
        f"/en/organise/events/{past.id}/report",
        {"summary_nl": "- **Fietspaden** kwamen het vaakst terug.", "attendees": "12"},
    )
    assert response.status_code == 303
    event_page = text(app.test_client().get(f"/en/events/{past.id}"))
    assert "12 people took part." in event_page and "<strong>Fietspaden</strong>" in event_page
    assert 'lang="nl"' in event_page, "the Dutch report is marked as Dutch on the English page"
    consultation_page = text(app.test_client().get(f"/en/consultations/{consultation.slug}"))
    assert "Report of the event" in consultation_page and "Fietspaden" in consultation_page


def test_markdown_the_page_would_not_show_as_written_is_refused_with_the_reason(app, organiser):
    consultation = make_consultation(app, organisers=[organiser])
    form = {
        "consultation_id": str(consultation.id),
        "title_nl": "X",
        "description_nl": "<script>x</script>",
        "format": "online",
        "starts_at": "2030-03-10T19:00",
        "ends_at": "2030-03-10T21:00",
        "online_url": "https://x.example",
        "languages": ["nl"],
        "capacity": "5",
        "registration_opens_at": "2030-02-01T09:00",
        "registration_closes_at": "2030-03-10T12:00",
    }
    response = _as(app, organiser).submit("/en/organise/events/new", form)
    assert response.status_code == 422 and "Use Markdown only" in text(response)
    response = _as(app, organiser).submit("/en/organise/events/new", {**form, "description_nl": "# Titel"})
    assert response.status_code == 422
    assert "Start headings at level 2 (##): the page title is the only level-1 heading." in text(response)


def test_organiser_list_shows_only_their_events(app, running, organiser):
    _consultation, event, _people = running
    make_event(app, consultation=make_consultation(app), title={"nl": "Van een ander team"})
    page = text(_as(app, organiser).get("/en/organise/events/"))
    assert "Citizens&#39; panel on climate" in page and "Van een ander team" not in page and "2 / 2" in page


def test_edit_form_marks_each_language_complete_or_incomplete(app, organiser):
    consultation = make_consultation(app, organisers=[organiser])
    event = make_event(
        app,
        consultation=consultation,
        title={"nl": "Stadsgesprek", "en": "City talk", "fr": "Débat"},
        description={"nl": "Tekst", "en": "Text", "fr": "Texte"},
        free_question={"nl": "Wat wil je bespreken?", "en": "What would you like to discuss?"},
    )
    client = _as(app, organiser)
    page = text(client.get(f"/en/organise/events/{event.id}/edit"))
    assert "Nederlands – complete (required)" in page and "English – complete" in page
    # French lacks the question that the other languages ask.
    assert "Français – incomplete" in page
    new = text(client.get("/en/organise/events/new"))
    assert "Nederlands – incomplete (required)" in new and "English – incomplete" in new
    # After a refused save the markers follow what was typed, not what is stored.
    response = client.submit(
        f"/en/organise/events/{event.id}/edit",
        _edit_form(
            event,
            title_en="City talk",
            description_en="Text",
            free_question_nl="Vraag",
            free_question_en="Question",
            free_question_fr="Question ?",
            title_fr="Débat",
            description_fr="Texte",
            capacity="0",
        ),
    )
    body = text(response)
    assert response.status_code == 422 and "Français – complete" in body
    # In the page's language, and with the marker in that language's words.
    dutch = text(client.get(f"/nl/organise/events/{event.id}/edit"))
    assert "Français – onvolledig" in dutch and "Nederlands – volledig (verplicht)" in dutch


def test_report_form_marks_languages_and_has_its_own_title(app, organiser):
    consultation = make_consultation(app, organisers=[organiser])
    past = make_event(app, consultation=consultation, when="past", report_summary={"nl": "Samenvatting"})
    page = text(_as(app, organiser).get(f"/en/organise/events/{past.id}/report"))
    assert "<h1>Event report</h1>" in page and "<title>Event report" in page
    assert "Nederlands – complete (required)" in page and "English – incomplete" in page
    # The tab is the event report, not the verb used to report a comment.
    assert ">Event report</a>" in page and ">Report</a>" not in page


def test_counts_in_organiser_messages_use_singular_and_plural(app, organiser):
    consultation = make_consultation(app, organisers=[organiser])
    event = make_event(app, consultation=consultation, capacity=1)
    people = [make_user(app) for _ in range(2)]
    for person in people:
        _as(app, person).submit(f"/nl/events/{event.id}", action=f"/nl/events/{event.id}/register")
    client = _as(app, organiser)
    response = client.submit(
        f"/en/organise/events/{event.id}/edit", _edit_form(get(app, Event, event.id), capacity="2")
    )
    assert "1 person moved from the waiting list to a place and was told by e-mail." in text(
        client.get(response.headers["Location"])
    )
    page = text(client.get(f"/en/organise/events/{event.id}/check-in"))
    assert "0 of 2 people present" in page
    response = client.submit(
        f"/en/organise/events/{event.id}/message",
        {"audience": "all", "subject": "Praktisch", "body": "Neem een pen mee"},
    )
    assert "Your message is on its way to 2 people." in text(client.get(response.headers["Location"]))
    lone = make_event(app, consultation=consultation)
    _as(app, people[0]).submit(f"/nl/events/{lone.id}", action=f"/nl/events/{lone.id}/register")
    assert "0 of 1 person present" in text(client.get(f"/en/organise/events/{lone.id}/check-in"))
    response = client.submit(
        f"/en/organise/events/{lone.id}/message",
        {"audience": "all", "subject": "Praktisch", "body": "Neem een pen mee"},
    )
    assert "Your message is on its way to 1 person." in text(client.get(response.headers["Location"]))
    response = client.submit(f"/en/organise/events/{lone.id}/cancel", {"message_nl": "Afgelast."})
    assert "The event is cancelled; 1 person was told by e-mail." in text(client.get(response.headers["Location"]))


def test_check_in_filter_gets_its_count_words_from_the_server(app, running, organiser):
    """The live filter's announcement uses the language's own plural forms for every count it can show."""
    import json
    import re
    from html import unescape

    _consultation, event, _people = running
    for lang, expected in (
        ("en", ["0 people shown", "1 person shown", "2 people shown"]),
        ("nl", ["0 personen getoond", "1 persoon getoond", "2 personen getoond"]),
    ):
        page = text(_as(app, organiser).get(f"/{lang}/organise/events/{event.id}/check-in"))
        forms = json.loads(unescape(re.search(r'data-shown-texts="([^"]*)"', page).group(1)))
        assert len(forms) == 3, "one text for every count from 0 to the number of people listed"
        if lang == "en":
            assert forms == expected
        assert re.search(r'id="check-in-results"[^>]*>' + re.escape(forms[2]) + "<", page)


def test_status_words_are_distinct_for_events_and_registrations(app, running, organiser):
    """French needs "annulé" for an event and "annulée" for a registration: separate texts."""
    _consultation, event, people = running
    client = _as(app, organiser)
    registration = by_status(app, event.id, CONFIRMED)[0]
    client.submit(f"/en/organise/events/{event.id}/registrations/{registration.id}/cancel", {"confirmed": "1"})
    attendees = text(client.get(f"/en/organise/events/{event.id}/attendees?status=cancelled"))
    assert "Registration cancelled" in attendees and "Cancelled registrations" in attendees
    listing = text(client.get("/en/organise/events/"))
    assert "Event scheduled" in listing
    client.submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": "Afgelast."})
    assert "Event cancelled" in text(client.get("/en/organise/events/"))
    assert "Event cancelled" in text(app.test_client().get("/en/events/"))
    csv = client.get(f"/en/organise/events/{event.id}/attendees.csv").data.decode("utf-8-sig")
    # The event's own question heads its column, in the download's language.
    assert "What would you like to discuss?" in csv.splitlines()[0] and "Registration cancelled" in csv
