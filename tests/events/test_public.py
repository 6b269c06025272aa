"""The public event pages, calendar files, reminders, personal data and the pages events appear on."""

from __future__ import annotations

import json

import icalendar
import sqlalchemy as sa

from participation.core.time import utcnow
from participation.events.models import Event, RegistrationStatus
from participation.extensions import db
from tests.consultations.factories import make_consultation, make_theme
from tests.events.factories import by_status, make_event, registrations_of
from tests.factories import PASSWORD, get, make_user
from tests.support import FormClient, count_queries, outbox, text


def _resident_registered(app, event, **kwargs):
    user = make_user(app, **kwargs)
    client = FormClient(app.test_client())
    client.login(user.email, PASSWORD)
    client.submit(f"/nl/events/{event.id}", action=f"/nl/events/{event.id}/register")
    return user, client


def test_list_shows_upcoming_soonest_first_and_keeps_past_events(app, client):
    make_event(app, title={"nl": "Later overleg"})
    make_event(app, when="tomorrow", title={"nl": "Morgen overleg"})
    make_event(app, when="past", title={"nl": "Voorbij overleg"})
    page = text(client.get("/nl/events/"))
    assert page.index("Morgen overleg") < page.index("Later overleg")
    assert "Voorbij overleg" not in page
    past_page = text(client.get("/nl/events/?when=past"))
    assert "Voorbij overleg" in past_page and "Later overleg" not in past_page


def test_filters_by_consultation_theme_format_and_language(app, client):
    theme = make_theme(app, slug="klimaat")
    with_theme = make_consultation(app, themes=[theme], slug="klimaatplan")
    make_event(app, consultation=with_theme, title={"nl": "Klimaatavond"}, languages=("nl",))
    make_event(app, event_format="online", title={"nl": "Webinar voor expats"}, languages=("en", "fr"))
    assert "Webinar voor expats" not in text(client.get("/nl/events/?consultation=klimaatplan"))
    assert "Klimaatavond" in text(client.get("/nl/events/?theme=klimaat"))
    assert "Webinar voor expats" not in text(client.get("/nl/events/?theme=klimaat"))
    online = text(client.get("/nl/events/?format=online"))
    assert "Webinar voor expats" in online and "Klimaatavond" not in online
    french = text(client.get("/nl/events/?language=fr"))
    assert "Webinar voor expats" in french and "Klimaatavond" not in french
    # A tampered filter is ignored, not an error.
    assert client.get("/nl/events/?format=%27%3B--&language=xx&when=later").status_code == 200


def test_events_of_draft_consultations_are_hidden(app, client):
    draft = make_consultation(app, status="draft")
    event = make_event(app, consultation=draft, title={"nl": "Nog geheim"})
    assert client.get(f"/nl/events/{event.id}").status_code == 404
    assert client.get(f"/nl/events/{event.id}.ics").status_code == 404
    assert "Nog geheim" not in text(client.get("/nl/events/"))
    assert b"Nog geheim" not in client.get("/nl/events.ics").data


def test_detail_shows_facts_places_and_dutch_fallback(app, client):
    event = make_event(
        app, capacity=3, languages=("nl", "en"), step_free=True, induction_loop=True, title={"nl": "Enkel Nederlands"}
    )
    _resident_registered(app, event)
    page = text(client.get(f"/fr/events/{event.id}"))
    assert '<span lang="nl">Enkel Nederlands</span>' in page
    assert "De Krook" in page and "Miriam Makebaplein 1" in page
    en = text(client.get(f"/en/events/{event.id}"))
    assert "2 places left" in en and "Step-free access" in en and "Induction loop" in en
    assert "No sign language interpreting" in en and "(Brussels time)" in en


def test_event_calendar_file_and_feed_are_valid_icalendar(app, client):
    event = make_event(app, title={"nl": "Stadsgesprek", "en": "City talk"})
    make_event(app, when="past", title={"nl": "Oud"})
    response = client.get(f"/en/events/{event.id}.ics")
    assert response.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(response.data)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "City talk" and vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert vevent.decoded("DTSTART").astimezone(event.starts_at.tzinfo) == event.starts_at.replace(microsecond=0)
    assert str(vevent["UID"]) == f"event-{event.id}@participatie.stad.gent"
    assert "De Krook" in str(vevent["LOCATION"])
    feed = icalendar.Calendar.from_ical(client.get("/nl/events.ics").data)
    summaries = [str(v["SUMMARY"]) for v in feed.walk("VEVENT")]
    assert summaries == ["Stadsgesprek"]
    assert feed.walk("VTIMEZONE")[0]["TZID"] == "Europe/Brussels"
    # Exactly the one time zone used, described before the events that refer to it, and no
    # VTIMEZONE for UTC (DTSTAMP is written with "Z"): icalendar >= 7.0.3 does all three.
    for body in (response.data, client.get("/nl/events.ics").data):
        parsed = icalendar.Calendar.from_ical(body)
        assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Brussels"]
        names = [component.name for component in parsed.subcomponents]
        assert names.index("VTIMEZONE") < names.index("VEVENT")


def test_pages_use_a_fixed_number_of_queries(app, client):
    def queries_for(url):
        with count_queries(app) as statements:
            assert client.get(url).status_code == 200
        return len(statements)

    first = make_event(app, capacity=3)
    for _ in range(2):
        _resident_registered(app, first)
    list_small, detail_small = queries_for("/nl/events/"), queries_for(f"/nl/events/{first.id}")
    for _ in range(8):
        event = make_event(app, capacity=2)
        for _ in range(3):
            _resident_registered(app, event)
    assert queries_for("/nl/events/") == list_small
    assert queries_for(f"/nl/events/{event.id}") == detail_small
    assert detail_small <= 8 and list_small <= 8


def test_reminders_go_once_to_people_with_a_place_at_tomorrows_events(app, runner):
    tomorrow = make_event(app, when="tomorrow", capacity=1)
    later = make_event(app, capacity=5)
    placed, _ = _resident_registered(app, tomorrow, language="fr")
    waiting, _ = _resident_registered(app, tomorrow)
    _resident_registered(app, later)
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0 and "Queued 1 reminder(s)." in result.output
    [mail] = outbox(app, template="event_reminder")
    assert mail.recipient == placed.email and mail.lang == "fr" and mail.attachments
    assert outbox(app, waiting.email, "event_reminder") == []
    assert "Queued 0 reminder(s)." in runner.invoke(args=["send-reminders"]).output


def test_my_data_contains_registrations_and_deleting_the_account_frees_the_place(app):
    event = make_event(app, capacity=1)
    past = make_event(app, when="past")
    user, client = _resident_registered(app, event)
    with app.app_context():
        from participation.events.models import Registration

        db.session.add(
            Registration(
                event_id=past.id,
                user_id=user.id,
                name=user.display_name,
                email=user.email,
                status=RegistrationStatus.CONFIRMED,
                sequence=1,
                checked_in_at=utcnow(),
            )
        )
        db.session.commit()
    waiting, _ = _resident_registered(app, event)
    export = json.loads(client.get("/nl/account/data/export.json").data)
    assert len(export["events"]["registrations"]) == 2
    response = client.submit("/nl/account/data", {"password": PASSWORD, "confirm": "y"}, action="/nl/account/delete")
    assert response.status_code == 303
    assert [r.user_id for r in by_status(app, event.id, RegistrationStatus.CONFIRMED)] == [waiting.id]
    assert outbox(app, waiting.email, "event_promoted")
    [kept] = registrations_of(app, past.id)
    assert kept.user_id is None and kept.email is None and kept.name is None and kept.checked_in_at


def test_consultation_page_home_page_and_my_participation_show_events(app, client):
    consultation = make_consultation(app, title={"nl": "Groene Deal", "en": "Green Deal"})
    event = make_event(app, consultation=consultation, when="tomorrow", title={"nl": "Buurtatelier"})
    assert "Buurtatelier" in text(client.get(f"/nl/consultations/{consultation.slug}"))
    assert "Buurtatelier" in text(client.get("/nl/"))
    _user, resident = _resident_registered(app, event)
    assert "Green Deal" in text(resident.get("/en/account/participation"))


def test_cancelled_event_stays_listed_as_cancelled(app, client):
    event = make_event(
        app, cancelled=True, title={"nl": "Afgelast overleg"}, cancel_reason={"nl": "De zaal is niet vrij."}
    )
    page = text(client.get("/en/events/"))
    assert "Afgelast overleg" in page and "Event cancelled" in page
    detail = text(client.get(f"/en/events/{event.id}"))
    assert '<span lang="nl">De zaal is niet vrij.</span>' in detail
    calendar = icalendar.Calendar.from_ical(client.get(f"/en/events/{event.id}.ics").data)
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    assert get(app, Event, event.id).registration_is_open() is False


def test_purge_drops_unconfirmed_visitors_and_anonymises_old_attendee_lists(app, client, runner):
    from datetime import timedelta

    from participation.events.models import Registration

    event = make_event(app)
    for email in ("old@example.org", "new@example.org"):
        client.submit(
            f"/en/events/{event.id}",
            {"name": "N", "email": email, "privacy_consent": "y"},
            action=f"/en/events/{event.id}/guest",
        )
    long_ago = make_event(app, when="past")
    recent = make_event(app, when="past")
    with app.app_context():
        old = db.session.scalar(sa.select(Registration).where(Registration.email == "old@example.org"))
        old.created_at = utcnow() - timedelta(days=8)
        ancient = db.session.get(Event, long_ago.id)
        ancient.starts_at, ancient.ends_at = utcnow() - timedelta(days=400), utcnow() - timedelta(days=399)
        ancient.registration_opens_at = utcnow() - timedelta(days=420)
        ancient.registration_closes_at = utcnow() - timedelta(days=401)
        for number, event_id in enumerate((long_ago.id, recent.id), start=1):
            db.session.add(
                Registration(
                    event_id=event_id,
                    name="Ann",
                    email=f"ann{number}@example.org",
                    dietary_needs="vegan",
                    status=RegistrationStatus.CONFIRMED,
                    sequence=1,
                    checked_in_at=utcnow(),
                )
            )
        db.session.commit()
    result = runner.invoke(args=["purge"])
    assert "unconfirmed_registrations: 1 (" in result.output and "attendee_data: 1 (" in result.output
    assert [r.email for r in registrations_of(app, event.id)] == ["new@example.org"]
    [anonymous] = registrations_of(app, long_ago.id)
    assert (anonymous.name, anonymous.email, anonymous.dietary_needs) == (None, None, None)
    assert anonymous.checked_in_at is not None, "attendance numbers stay"
    assert registrations_of(app, recent.id)[0].email == "ann2@example.org"


def _sequence(client, url) -> int:
    [vevent] = icalendar.Calendar.from_ical(client.get(url).data).walk("VEVENT")
    return int(vevent["SEQUENCE"])


def test_calendar_sequence_grows_with_every_change_and_never_wraps(app, client):
    """Calendars replace their copy only when SEQUENCE grows. The last change before a
    change now is put just before a multiple of 100,000 minutes, where a value taken
    modulo 100,000 would fall back to almost nothing."""
    from datetime import UTC, datetime, timedelta

    from participation.events.ics import revision

    event = make_event(app)
    now_minutes = int(utcnow().timestamp()) // 60
    boundary = now_minutes - now_minutes % 100000
    earlier = datetime.fromtimestamp((boundary - 1) * 60, UTC)
    with app.app_context():
        db.session.execute(sa.update(Event).where(Event.id == event.id).values(updated_at=earlier))
        db.session.commit()
    url = f"/nl/events/{event.id}.ics"
    before = _sequence(client, url)
    # The organisers change the event (here: it is cancelled), which stamps updated_at now.
    organiser = make_user(app, role="admin")
    admin = FormClient(app.test_client())
    admin.login(organiser.email, PASSWORD)
    assert admin.submit(f"/nl/organise/events/{event.id}/cancel", {"message_nl": "Afgelast."}).status_code == 303
    after = _sequence(client, url)
    assert after > before
    assert str(icalendar.Calendar.from_ical(client.get(url).data).walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    # Across years of changes, second by second: always higher, always a 32-bit number.
    moments = [datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=m) for m in (0, 1, 99999, 100000, 100001)]
    moments += [datetime(2087, 12, 31, tzinfo=UTC)]
    values = [revision(Event(updated_at=moment)) for moment in moments]
    assert values == sorted(set(values)) and values[-1] < 2**31
    assert revision(Event(updated_at=moments[0] + timedelta(seconds=1))) > values[0]


def test_pages_use_a_fixed_number_of_queries_for_a_signed_in_resident(app):
    def queries_for(client, url):
        with count_queries(app) as statements:
            assert client.get(url).status_code == 200
        return len(statements)

    first = make_event(app, capacity=3)
    _user, resident = _resident_registered(app, first)
    list_small, detail_small = queries_for(resident, "/nl/events/"), queries_for(resident, f"/nl/events/{first.id}")
    for _ in range(6):
        event = make_event(app, capacity=2)
        for _ in range(3):
            _resident_registered(app, event)
        resident.submit(f"/nl/events/{event.id}", action=f"/nl/events/{event.id}/register")
    assert queries_for(resident, "/nl/events/") == list_small
    assert queries_for(resident, f"/nl/events/{event.id}") == detail_small, "on the waiting list: same number"
    assert queries_for(resident, f"/nl/events/{first.id}") == detail_small
