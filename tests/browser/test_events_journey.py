"""In a real browser: a resident registers and gets the mail with a working calendar file and
cancel link; the next person on the waiting list is promoted when she cancels; an organiser gives
a place by hand and checks people in (search list and the QR code's link); a visitor without an
account registers through the double opt-in. The event pages, also those reached only through
a mailed link (guest confirmation, check your mailbox, the QR code's check-in page, an invalid
link), are axe-clean in nl, en and fr."""

from __future__ import annotations

import base64
import re
import uuid
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from time import time as seconds_now

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from participation.core.time import utcnow
from participation.extensions import db
from tests.browser.conftest import axe_violations
from tests.support import link_in, outbox

pytestmark = pytest.mark.browser

RESIDENT_A = ("inwoner@demo.example", "demo-inwoner-2026")  # Lotte Van Damme, mails in Dutch
RESIDENT_B = ("resident2@demo.example", "demo-resident2-2026")  # Priya Raman, mails in English
ORGANISER = ("organisator@demo.example", "demo-organisator-2026")


def _create_events(live_server) -> dict:
    """A published consultation run by the demo organiser: an event with one place, a roomy one."""
    from participation.accounts.models import User
    from participation.consultations.models import Consultation, ConsultationState
    from participation.core.time import BRUSSELS
    from participation.events.models import Event, EventFormat

    tag = uuid.uuid4().hex[:8]
    with live_server.app.app_context():
        now = utcnow()
        organiser = db.session.scalars(sa.select(User).where(User.email == ORGANISER[0])).one()
        consultation = Consultation(
            slug=f"events-{tag}",
            state=ConsultationState.PUBLISHED,
            published_at=now,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=20),
            title={"nl": "Buurtplan Muide", "en": "Muide neighbourhood plan", "fr": "Plan de quartier Muide"},
            summary={"nl": "Samenvatting"},
            body={"nl": "Tekst"},
        )
        consultation.organisers = [organiser]
        db.session.add(consultation)
        db.session.flush()
        day = (now.astimezone(BRUSSELS) + timedelta(days=3)).date()
        starts = datetime.combine(day, time(19, 0), BRUSSELS)
        ids, titles = {}, {}
        for key, capacity in (("small", 1), ("roomy", 20)):
            title = {
                "nl": f"Buurtgesprek {key} {tag}",
                "en": f"Neighbourhood talk {key} {tag}",
                "fr": f"Rencontre de quartier {key} {tag}",
            }
            event = Event(
                consultation_id=consultation.id,
                created_by_id=organiser.id,
                title=title,
                description={
                    "nl": "We praten over de buurt.",
                    "en": "We talk about the neighbourhood.",
                    "fr": "Nous parlons du quartier.",
                },
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                format=EventFormat.IN_PERSON,
                venue="Buurtcentrum Muide",
                address="Meulestedekaai 81, 9000 Gent",
                languages=",nl,en,",
                step_free=True,
                capacity=capacity,
                registration_opens_at=now - timedelta(hours=1),
                registration_closes_at=starts - timedelta(hours=2),
            )
            db.session.add(event)
            db.session.flush()
            ids[key], titles[key] = event.id, title
        db.session.commit()
    return {"ids": ids, "titles": titles, "starts": starts}


@contextmanager
def _context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        yield page
    finally:
        context.close()


def _login(page, account):
    page.context.clear_cookies()
    page.goto("/en/account/login")
    page.get_by_label("E-mail address", exact=True).fill(account[0])
    page.get_by_label("Password", exact=True).fill(account[1])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    assert "/account/login" not in page.url, f"login failed for {account[0]}"


def _axe_clean(page, axe_source, where: str):
    violations = axe_violations(page, axe_source)
    assert violations == [], f"axe on {where} ({page.url}): {violations}"


def _expect_status(page, text: str) -> None:
    """One status message (role=status, as flashed messages are) says this; waits for the page."""

    expect(page.get_by_role("status").filter(has_text=text)).to_have_count(1)


def _only_mail(live_server, recipient, template, title: dict):
    """The one mail of this kind to this person about this event (the live server is shared)."""
    messages = [
        m
        for m in outbox(live_server.app, recipient=recipient, template=template)
        if any(text in m.body_text for text in title.values())
    ]
    assert len(messages) == 1, f"expected one {template} mail to {recipient}, got {len(messages)}"
    return messages[0]


def _english(path: str) -> str:
    """A mailed link in the recipient's language, opened on the English page instead."""
    return _in_language("en", path)


def _in_language(lang: str, url: str) -> str:
    """The same page (path or full URL) in another interface language."""
    return re.sub(r"^((?:https?://[^/]+)?)/[a-z]{2}/", rf"\1/{lang}/", url, count=1)


LANGUAGES = ("nl", "en", "fr")


def _registration_id(live_server, event_id, email) -> int:
    from participation.events.models import Registration

    with live_server.app.app_context():
        return db.session.scalars(
            sa.select(Registration.id)
            .where(Registration.event_id == event_id, Registration.email == email)
            .order_by(Registration.id.desc())
        ).first()


def _qr_path(url: str) -> str:
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
    return re.search(r'\sd="([^"]+)"', svg).group(1)


def _check_in_url_in_qr(live_server, qr_d: str, registration_id: int, event_id: int, around: float) -> str:
    """The organiser's check-in URL that the ticket's QR code encodes.

    The check-in token is signed with a timestamp (seconds), so rebuild it for the seconds
    around the page load and keep the URL whose QR code has exactly the same modules.
    """
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    secret = live_server.app.config["SECRET_KEY"]
    for stamp in range(int(around) - 3, int(around) + 4):

        class FixedSigner(TimestampSigner):
            def get_timestamp(self, _stamp=stamp):
                return _stamp

        serializer = URLSafeTimedSerializer(secret, salt="participation:event-check-in", signer=FixedSigner)
        token = serializer.dumps({"r": registration_id, "e": event_id})
        url = f"{live_server.url}/en/organise/events/{event_id}/check-in/{token}"
        if _qr_path(url) == qr_d:
            return url
    raise AssertionError("the QR code on the ticket does not encode the organiser's check-in URL")


def test_register_waitlist_cancel_promote_and_check_in(browser, live_server, axe_source):
    from icalendar import Calendar

    data = _create_events(live_server)
    event_id, title = data["ids"]["small"], data["titles"]["small"]
    event_path = f"/en/events/{event_id}"

    with (
        _context(browser, live_server) as anon,
        _context(browser, live_server) as a,
        _context(browser, live_server) as b,
        _context(browser, live_server) as org,
    ):
        # Anonymous: the event page offers both ways to register and is axe-clean.
        anon.goto(event_path)
        expect(anon.get_by_role("heading", level=1)).to_have_text(title["en"], use_inner_text=True)
        expect(anon.get_by_role("link", name="Log in to register")).to_have_count(1)
        _axe_clean(anon, axe_source, "event page, anonymous")

        # Resident A takes the only place.
        _login(a, RESIDENT_A)
        a.goto(event_path)
        expect(a.get_by_text("1 place is left.", exact=False)).to_have_count(1)
        _axe_clean(a, axe_source, "event page, logged in")
        a.get_by_role("button", name="Register", exact=True).click()
        registered = "You are registered. We sent you a confirmation with a calendar file."
        _expect_status(a, registered)
        expect(a.get_by_text("You are registered: your place is confirmed.")).to_have_count(1)
        _axe_clean(a, axe_source, "event page, registered")

        confirmed = _only_mail(live_server, RESIDENT_A[0], "event_confirmed", title)
        assert [att["filename"] for att in confirmed.attachments] == ["event.ics"]
        assert confirmed.attachments[0]["content_type"] == "text/calendar"
        calendar = Calendar.from_ical(base64.b64decode(confirmed.attachments[0]["data"]))
        [vevent] = calendar.walk("VEVENT")
        assert str(vevent["SUMMARY"]) == title["nl"]  # A reads mail in Dutch
        assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
        assert vevent["DTSTART"].dt == data["starts"]
        assert "Buurtcentrum Muide" in str(vevent["LOCATION"])
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
        ticket_a = link_in(confirmed, "/events/registrations/")

        # Resident B finds the event full and joins the waiting list.
        _login(b, RESIDENT_B)
        b.goto(event_path)
        full = "The event is full. You will be on the waiting list, number 1;"
        expect(b.get_by_text(full)).to_have_count(1)
        b.get_by_role("button", name="Join the waiting list").click()
        _expect_status(b, "The event is full: you are on the waiting list.")
        expect(b.get_by_text("You are on the waiting list, number 1.", exact=False)).to_have_count(1)
        waitlisted = _only_mail(live_server, RESIDENT_B[0], "event_waitlisted", title)
        assert "number 1" in waitlisted.body_text

        # A opens the link from her mail without being logged in, and cancels.
        anon.context.clear_cookies()
        anon.goto(_english(ticket_a))
        expect(anon.get_by_role("heading", name="Your registration")).to_have_count(1)
        expect(anon.get_by_role("heading", name="Check-in code")).to_have_count(1)
        expect(anon.locator(".check-in-code svg")).to_have_count(1)
        expect(anon.get_by_text("Your place is confirmed.")).to_have_count(1)
        _axe_clean(anon, axe_source, "ticket page")
        # The calendar link on the ticket serves the same kind of file.
        ics_link = anon.get_by_role("link", name="Add to my calendar (.ics)")
        ics = anon.request.get(ics_link.get_attribute("href"))
        assert ics.ok and ics.headers["content-type"].startswith("text/calendar")
        [ticket_vevent] = Calendar.from_ical(ics.body()).walk("VEVENT")
        assert ticket_vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
        # Cancelling asks first, on a page of its own (issue 12 §4).
        anon.get_by_role("link", name="Cancel my registration").click()
        expect(anon.get_by_role("heading", level=1, name="Cancel your registration?")).to_have_count(1)
        anon.get_by_role("button", name="Cancel my registration").click()
        _expect_status(anon, "Your registration is cancelled. Thank you for letting us know.")
        expect(anon.get_by_text("This registration is cancelled.")).to_have_count(1)
        expect(anon.get_by_role("link", name="Cancel my registration")).to_have_count(0)

        # B moved up: mail, and her list says so.
        promoted = _only_mail(live_server, RESIDENT_B[0], "event_promoted", title)
        assert [att["filename"] for att in promoted.attachments] == ["event.ics"]
        b.goto("/en/events/mine")
        row = b.get_by_role("row").filter(has=b.get_by_role("link", name=title["en"], exact=True))
        expect(row.get_by_role("cell", name="Place confirmed", exact=True)).to_have_count(1)
        _axe_clean(b, axe_source, "my registrations")

        # B's ticket from the promotion mail: its QR code encodes the organiser's check-in link.
        before = seconds_now()
        b.goto(_english(link_in(promoted, "/events/registrations/")))
        after = seconds_now()
        expect(b.get_by_text("Your place is confirmed.")).to_have_count(1)
        qr_d = b.locator(".check-in-code svg path").first.get_attribute("d")
        registration_b = _registration_id(live_server, event_id, RESIDENT_B[0])
        check_in_b = _check_in_url_in_qr(live_server, qr_d, registration_b, event_id, (before + after) / 2)

        # A wants to come after all: the waiting list again; the organiser gives her a place (+1).
        a.goto(event_path)
        a.get_by_role("button", name="Join the waiting list").click()
        expect(a.get_by_text("You are on the waiting list, number 1.", exact=False)).to_have_count(1)

        _login(org, ORGANISER)
        org.goto(f"/en/organise/events/{event_id}/attendees")
        expect(org.get_by_role("heading", name="Attendees", level=1)).to_have_count(1)
        _axe_clean(org, axe_source, "attendees page")
        org.get_by_role("button", name="Give a place (capacity +1) Lotte Van Damme").click()
        _expect_status(org, "The person has a place now and was told by e-mail.")
        _only_mail(live_server, RESIDENT_A[0], "event_promoted", title)

        # Check-in list: typing filters at once.
        org.goto(f"/en/organise/events/{event_id}/check-in")
        items = org.locator("[data-check-in-list] > li")
        expect(items).to_have_count(2)
        _axe_clean(org, axe_source, "check-in page")
        lotte = items.filter(has_text="Lotte Van Damme")
        priya = items.filter(has_text="Priya Raman")
        expect(lotte).to_have_count(1)
        expect(priya).to_have_count(1)
        org.get_by_role("searchbox", name="Search by name or e-mail").press_sequentially("priy")
        lotte.wait_for(state="hidden")
        assert priya.is_visible()
        # The count is announced after a pause (not on every key stroke).
        expect(org.locator("#check-in-results")).to_have_text("1 person shown")
        _axe_clean(org, axe_source, "check-in page, filtered")
        priya.get_by_role("button", name="Mark present").click()
        _expect_status(org, "Marked as present.")
        expect(priya.get_by_text("Present since", exact=False)).to_have_count(1)
        expect(lotte.get_by_role("button", name="Mark present")).to_have_count(1)
        expect(org.get_by_text("1 of 2 people present")).to_have_count(1)

        # The QR code's link, opened by the organiser: B is already present.
        org.goto(check_in_b)
        expect(org.get_by_role("heading", name="Check-in", level=1)).to_have_count(1)
        expect(org.get_by_text("Priya Raman")).to_have_count(1)
        expect(org.get_by_text("Present since", exact=False)).to_have_count(1)
        expect(org.get_by_role("button", name="Mark present")).to_have_count(0)

        # A's check-in link: one button marks her present.
        registration_a = _registration_id(live_server, event_id, RESIDENT_A[0])
        app = live_server.app
        with app.app_context(), app.test_request_context(base_url=live_server.url):
            from participation.events.models import Registration
            from participation.events.qr import check_in_url

            check_in_a = check_in_url(db.session.get(Registration, registration_a), lang="en")
        # The page the QR code opens, in every language, before and after marking present.
        for lang in ("nl", "fr", "en"):
            org.goto(_in_language(lang, check_in_a))
            assert org.locator("html").get_attribute("lang") == lang
            expect(org.get_by_text("Lotte Van Damme")).to_have_count(1)
            _axe_clean(org, axe_source, f"check-in code page ({lang})")
        org.get_by_role("button", name="Mark present").click()
        _expect_status(org, "Lotte Van Damme is checked in.")
        expect(org.get_by_text("Present since", exact=False)).to_have_count(1)
        for lang in LANGUAGES:
            org.goto(_in_language(lang, check_in_a))
            _axe_clean(org, axe_source, f"check-in code page, present ({lang})")
        # A damaged check-in code: a clear page, in every language.
        for lang in LANGUAGES:
            org.goto(_in_language(lang, check_in_a) + "x")
            expect(org.get_by_role("heading", level=1)).to_have_count(1)
            _axe_clean(org, axe_source, f"invalid check-in code ({lang})")
        org.goto(f"/en/organise/events/{event_id}/attendees")
        expect(org.locator(".attendance-numbers").get_by_text("2 (100%)")).to_have_count(1)

        # B sees the attendance in her list.
        b.goto("/en/events/mine")
        row = b.get_by_role("row").filter(has=b.get_by_role("link", name=title["en"], exact=True))
        expect(row.get_by_role("cell", name="Attended", exact=True)).to_have_count(1)

        # The public pages in the other languages are axe-clean too (texts may be untranslated yet).
        for lang in ("nl", "fr"):
            anon.goto(f"/{lang}/events/{event_id}")
            _axe_clean(anon, axe_source, f"event page ({lang})")
            anon.goto(f"/{lang}/events/")
            _axe_clean(anon, axe_source, f"events list ({lang})")
        anon.goto("/en/events/")
        expect(anon.get_by_role("link", name=title["en"])).to_have_count(1)
        _axe_clean(anon, axe_source, "events list (en)")


def test_visitor_registers_without_an_account(browser, live_server, axe_source):

    data = _create_events(live_server)
    event_id, title = data["ids"]["roomy"], data["titles"]["roomy"]
    email = f"guest-{uuid.uuid4().hex[:8]}@example.org"
    assert live_server.app.config["ANTISPAM_MIN_SECONDS"] == 0  # no minimum fill time to wait for

    with _context(browser, live_server) as page:
        page.goto(f"/en/events/{event_id}")
        expect(page.get_by_text("20 places are left.", exact=False)).to_have_count(1)
        page.get_by_label("Your name", exact=True).fill("Noor Testgast")
        page.get_by_label("E-mail address", exact=True).fill(email)
        page.get_by_label("I agree that the city uses my name and e-mail address").check()
        page.get_by_role("button", name="Send me the link").click()
        expect(page.get_by_role("heading", name="Check your mailbox")).to_have_count(1)
        expect(page.get_by_text(email, exact=False)).to_have_count(1)
        _axe_clean(page, axe_source, "check your mailbox")

        message = _only_mail(live_server, email, "event_guest_confirm", title)
        assert message.lang == "en"
        page.context.clear_cookies()
        confirm = link_in(message, "/events/confirm/")
        # Pages reached only through a mailed link are axe-clean in every language too.
        for lang in ("nl", "fr", "en"):
            page.goto(_in_language(lang, confirm))
            assert page.locator("html").get_attribute("lang") == lang
            expect(page.get_by_text("Noor Testgast")).to_have_count(1)
            _axe_clean(page, axe_source, f"guest confirmation page ({lang})")
        expect(page.get_by_role("heading", name="Confirm your registration")).to_have_count(1)
        page.get_by_role("button", name="Confirm my registration").click()
        page.wait_for_url("**/en/events/registrations/**")
        expect(page.get_by_text("Your place is confirmed.")).to_have_count(1)
        expect(page.get_by_role("heading", name="Check-in code")).to_have_count(1)
        _axe_clean(page, axe_source, "guest ticket page")

        # Clicking the link again changes nothing: straight to the same registration.
        page.goto(link_in(message, "/events/confirm/"))
        assert "/en/events/registrations/" in page.url
        confirmed = _only_mail(live_server, email, "event_confirmed", title)
        assert [att["filename"] for att in confirmed.attachments] == ["event.ics"]

        # "Check your mailbox" in the other languages (the same address again: nothing changes).
        for lang in ("nl", "fr"):
            page.goto(f"/{lang}/events/{event_id}")
            page.locator("#name").fill("Noor Testgast")
            page.locator("#email").fill(email)
            page.locator("#privacy_consent").check()
            page.locator(f'form[action="/{lang}/events/{event_id}/guest"] button[type=submit]').click()
            page.wait_for_load_state()
            assert page.locator("html").get_attribute("lang") == lang
            expect(page.get_by_text(email, exact=False)).to_have_count(1)
            _axe_clean(page, axe_source, f"check your mailbox ({lang})")
        _only_mail(live_server, email, "event_guest_confirm", title)  # still the one link

        # Invalid, tampered and used-up links: a clear page in every language.
        ticket = link_in(confirmed, "/events/registrations/")
        for lang in LANGUAGES:
            for broken in (f"/{lang}/events/confirm/not-a-valid-link", _in_language(lang, ticket) + "x"):
                response = page.goto(broken)
                assert response.status == 400
                assert page.locator("html").get_attribute("lang") == lang
                expect(page.get_by_role("heading", level=1)).to_have_count(1)
                _axe_clean(page, axe_source, f"invalid link page ({lang}, {broken})")
