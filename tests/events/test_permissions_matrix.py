"""Every events route (public and organiser, GET and POST) × every role → the expected status.

Attendee data (names, e-mail addresses, answers) appears only to the event's organisers and
administrators; a refused request changes nothing. A route added to either events blueprint
without a row here fails `test_every_events_route_has_a_row`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
import sqlalchemy as sa

from participation.core.permissions import Role
from participation.core.time import to_brussels, utcnow
from participation.events.models import Event, EventFormat, Registration, RegistrationStatus
from participation.extensions import db
from tests.factories import PASSWORD
from tests.support import FormClient, text

ROLES = ["anonymous", "unverified", "resident", "moderator", "organiser", "other_organiser", "admin"]
LOGIN = "login"  # a redirect to the log-in page

# Attendee data of the running event: none of it may reach a role without access.
SECRETS = [
    "Zeynep Geheimnaam",
    "zeynep.secret@example.org",
    "GeheimDieet",
    "GeheimAntwoord",
    "Wout Verborgen",
    "wout.hidden@example.org",
    "VerborgenAntwoord",
]


@dataclass
class World:
    event_id: int
    past_id: int
    consultation_id: int
    confirmed_id: int  # Zeynep, an account, with a place
    waiting_id: int  # Wout, a visitor, on the waiting list
    holder_id: int  # a visitor who has not clicked the link yet: the token routes use their links
    users: dict = field(default_factory=dict)


def _user(role: Role, n: str, verified: bool = True):
    from participation.accounts.models import User
    from participation.accounts.passwords import hash_password

    return User(
        email=f"{n}@example.org",
        display_name=n.replace("-", " ").title(),
        password_hash=hash_password(PASSWORD),
        preferred_language="nl",
        role=role,
        email_verified_at=utcnow() if verified else None,
        privacy_consent_at=utcnow(),
    )


def _build(app) -> World:
    from participation.consultations.models import Consultation, ConsultationState

    now = utcnow()
    with app.app_context():
        users = {
            "unverified": _user(Role.RESIDENT, "unverified-person", verified=False),
            "resident": _user(Role.RESIDENT, "resident-person"),
            "moderator": _user(Role.MODERATOR, "moderator-person"),
            "organiser": _user(Role.ORGANISER, "organiser-person"),
            "other_organiser": _user(Role.ORGANISER, "other-organiser"),
            "admin": _user(Role.ADMIN, "admin-person"),
        }
        zeynep = _user(Role.RESIDENT, "zeynep-account")
        zeynep.email, zeynep.display_name = "zeynep.secret@example.org", "Zeynep Geheimnaam"
        db.session.add_all([*users.values(), zeynep])
        consultation = Consultation(
            slug="matrix",
            state=ConsultationState.PUBLISHED,
            published_at=now - timedelta(days=5),
            opens_at=now - timedelta(days=5),
            closes_at=now + timedelta(days=20),
            title={"nl": "Bevraging"},
            summary={"nl": "Kort"},
            body={"nl": "Tekst"},
        )
        consultation.organisers = [users["organiser"]]
        db.session.add(consultation)
        db.session.flush()
        common = dict(
            consultation_id=consultation.id,
            description={"nl": "Uitleg"},
            format=EventFormat.IN_PERSON,
            venue="De Krook",
            address="Miriam Makebaplein 1, 9000 Gent",
            languages=",nl,",
            ask_dietary=True,
            free_question={"nl": "Wat wil je bespreken?"},
        )
        starts = now + timedelta(days=10)
        event = Event(
            title={"nl": "Lopende activiteit"},
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            capacity=1,
            registration_opens_at=now - timedelta(days=5),
            registration_closes_at=starts - timedelta(hours=1),
            last_sequence=2,
            **common,
        )
        past_start = now - timedelta(days=3)
        past = Event(
            title={"nl": "Voorbije activiteit"},
            starts_at=past_start,
            ends_at=past_start + timedelta(hours=2),
            capacity=5,
            registration_opens_at=past_start - timedelta(days=20),
            registration_closes_at=past_start - timedelta(hours=1),
            **common,
        )
        db.session.add_all([event, past])
        db.session.flush()
        confirmed = Registration(
            event_id=event.id,
            user_id=zeynep.id,
            name=zeynep.display_name,
            email=zeynep.email,
            status=RegistrationStatus.CONFIRMED,
            sequence=1,
            confirmed_at=now,
            dietary_needs="GeheimDieet",
            free_answer="GeheimAntwoord",
        )
        waiting = Registration(
            event_id=event.id,
            name="Wout Verborgen",
            email="wout.hidden@example.org",
            status=RegistrationStatus.WAITING,
            sequence=2,
            confirmed_at=now,
            free_answer="VerborgenAntwoord",
        )
        holder = Registration(
            event_id=event.id, name="Houder Link", email="holder@example.org", status=RegistrationStatus.PENDING
        )
        db.session.add_all([confirmed, waiting, holder])
        db.session.commit()
        return World(
            event.id,
            past.id,
            consultation.id,
            confirmed.id,
            waiting.id,
            holder.id,
            {role: user.email for role, user in users.items()},
        )


def _token(app, purpose: str, registration_id: int) -> str:
    from participation.events.tokens import make_registration_token

    with app.app_context():
        return make_registration_token(purpose, db.session.get(Registration, registration_id))


def _event_form(app, world: World, **changes) -> dict:
    with app.app_context():
        event = db.session.get(Event, world.event_id)

        def local(moment):
            return to_brussels(moment).strftime("%Y-%m-%dT%H:%M")

        form = {
            "consultation_id": str(world.consultation_id),
            "title_nl": "Lopende activiteit",
            "description_nl": "Uitleg",
            "starts_at": local(event.starts_at),
            "ends_at": local(event.ends_at),
            "format": "in_person",
            "venue": "De Krook",
            "address": "Miriam Makebaplein 1, 9000 Gent",
            "languages": ["nl"],
            "capacity": "3",
            "registration_opens_at": local(event.registration_opens_at),
            "registration_closes_at": local(event.registration_closes_at),
            "ask_dietary": "y",
        }
    form.update(changes)
    return form


def _snapshot(app) -> tuple:
    """Everything a refused request must leave as it was."""
    from participation.core.mail import OutboxMessage

    with app.app_context():
        registrations = db.session.execute(
            sa.select(
                Registration.id,
                Registration.user_id,
                Registration.status,
                Registration.checked_in_at,
                Registration.email,
            ).order_by(Registration.id)
        ).all()
        events = db.session.execute(
            sa.select(
                Event.id, Event.status, Event.capacity, Event.title, Event.cancel_reason, Event.report_published_at
            ).order_by(Event.id)
        ).all()
        mails = db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage))
        return [tuple(r) for r in registrations], [tuple(e) for e in events], mails


# ------------------------------------------------------------------------- the table

PUBLIC = dict.fromkeys(ROLES, 200)
SIGNED_IN = {**dict.fromkeys(ROLES, 200), "anonymous": LOGIN}
STAFF = {
    "anonymous": LOGIN,
    "unverified": 403,
    "resident": 403,
    "moderator": 403,
    "other_organiser": 403,
    "organiser": 200,
    "admin": 200,
}
STAFF_POST = {**STAFF, "organiser": 303, "admin": 303}
ANY_ORGANISER = {**STAFF, "other_organiser": 200}
RUNS_EVENT = ("organiser", "admin")


@dataclass(frozen=True)
class Row:
    endpoint: str
    method: str
    path: str  # formatted with the world's ids and tokens
    expected: dict
    data: object = None  # dict, or a function (app, world) -> dict
    shows_attendees: bool = False  # the roles that run the event see attendee data here
    note: str = ""

    @property
    def id(self) -> str:
        return f"{self.endpoint}-{self.method}{'-' + self.note if self.note else ''}"


ROWS = [
    # ---------------------------------------------------------------- public
    Row("events.index", "GET", "/nl/events/", PUBLIC),
    Row("events.detail", "GET", "/nl/events/{event}", PUBLIC),
    Row(
        "events.register",
        "POST",
        "/nl/events/{event}/register",
        {**dict.fromkeys(ROLES, 303), "anonymous": LOGIN, "unverified": 403},
    ),
    Row(
        "events.guest_register",
        "POST",
        "/nl/events/{event}/guest",
        PUBLIC,
        data={"name": "Bezoeker", "email": "visitor@example.org", "privacy_consent": "y"},
    ),
    # GET asks first (issue 12 §4); without a registration of one's own it goes back to the event.
    Row("events.cancel", "GET", "/nl/events/{event}/cancel", {**dict.fromkeys(ROLES, 303), "anonymous": LOGIN}),
    Row(
        "events.cancel",
        "POST",
        "/nl/events/{event}/cancel",
        {**dict.fromkeys(ROLES, 303), "anonymous": LOGIN},
        data={"confirmed": "1"},
    ),
    Row("events.mine", "GET", "/nl/events/mine", SIGNED_IN),
    Row("events.event_ics", "GET", "/nl/events/{event}.ics", PUBLIC),
    Row("events.feed", "GET", "/nl/events.ics", PUBLIC),
    # Links sent by mail: the signed token is the key, whoever opens it.
    Row("events.guest_confirm", "GET", "/nl/events/confirm/{confirm_token}", PUBLIC),
    Row("events.guest_confirm", "POST", "/nl/events/confirm/{confirm_token}", dict.fromkeys(ROLES, 303)),
    Row(
        "events.guest_confirm",
        "GET",
        "/nl/events/confirm/{ticket_token}",
        dict.fromkeys(ROLES, 400),
        note="token-of-another-purpose",
    ),
    Row("events.ticket", "GET", "/nl/events/registrations/{ticket_token}", PUBLIC),
    Row("events.ticket", "GET", "/nl/events/registrations/{ticket_token}x", dict.fromkeys(ROLES, 400), note="tampered"),
    Row("events.ticket_ics", "GET", "/nl/events/registrations/{ticket_token}/event.ics", PUBLIC),
    Row("events.ticket_cancel", "GET", "/nl/events/registrations/{ticket_token}/cancel", PUBLIC),
    Row(
        "events.ticket_cancel",
        "POST",
        "/nl/events/registrations/{ticket_token}/cancel",
        dict.fromkeys(ROLES, 303),
        data={"confirmed": "1"},
    ),
    Row(
        "events.ticket_cancel",
        "POST",
        "/nl/events/registrations/{confirm_token}/cancel",
        dict.fromkeys(ROLES, 400),
        note="wrong-token",
    ),
    # -------------------------------------------------------------- organisers
    Row("events_manage.index", "GET", "/nl/organise/events/", ANY_ORGANISER),
    Row("events_manage.create", "GET", "/nl/organise/events/new", ANY_ORGANISER),
    Row(
        "events_manage.create",
        "POST",
        "/nl/organise/events/new",
        {**ANY_ORGANISER, **dict.fromkeys(("organiser", "other_organiser", "admin"), 303)},
        data=lambda app, world: _event_form(app, world, consultation_id="0", title_nl="Los"),
    ),
    Row(
        "events_manage.create",
        "POST",
        "/nl/organise/events/new",
        {**STAFF, "organiser": 303, "admin": 303, "other_organiser": 422},
        data=lambda app, world: _event_form(app, world, title_nl="In andermans bevraging"),
        note="in-the-consultation",
    ),
    Row("events_manage.edit", "GET", "/nl/organise/events/{event}/edit", STAFF),
    Row(
        "events_manage.edit",
        "POST",
        "/nl/organise/events/{event}/edit",
        STAFF_POST,
        data=lambda app, world: _event_form(app, world, title_nl="Gewijzigd"),
    ),
    Row("events_manage.duplicate", "POST", "/nl/organise/events/{event}/duplicate", STAFF_POST),
    Row("events_manage.cancel", "GET", "/nl/organise/events/{event}/cancel", STAFF),
    Row(
        "events_manage.cancel",
        "POST",
        "/nl/organise/events/{event}/cancel",
        STAFF_POST,
        data={"message_nl": "Afgelast wegens storm."},
    ),
    Row("events_manage.attendees", "GET", "/nl/organise/events/{event}/attendees", STAFF, shows_attendees=True),
    Row("events_manage.attendees_csv", "GET", "/nl/organise/events/{event}/attendees.csv", STAFF, shows_attendees=True),
    Row(
        "events_manage.give_place", "POST", "/nl/organise/events/{event}/registrations/{waiting}/give-place", STAFF_POST
    ),
    Row(
        "events_manage.cancel_registration",
        "GET",
        "/nl/organise/events/{event}/registrations/{confirmed}/cancel",
        STAFF,
        shows_attendees=True,
    ),
    Row(
        "events_manage.cancel_registration",
        "POST",
        "/nl/organise/events/{event}/registrations/{confirmed}/cancel",
        STAFF_POST,
        data={"confirmed": "1"},
    ),
    Row("events_manage.message", "GET", "/nl/organise/events/{event}/message", STAFF),
    Row(
        "events_manage.send_message",
        "POST",
        "/nl/organise/events/{event}/message",
        STAFF_POST,
        data={"audience": "all", "subject": "Praktisch", "body": "Neem een pen mee."},
    ),
    Row("events_manage.check_in", "GET", "/nl/organise/events/{event}/check-in", STAFF, shows_attendees=True),
    Row(
        "events_manage.mark_present",
        "POST",
        "/nl/organise/events/{event}/registrations/{confirmed}/check-in",
        STAFF_POST,
        data={"present": "1"},
    ),
    Row(
        "events_manage.check_in_code",
        "GET",
        "/nl/organise/events/{event}/check-in/{check_in_token}",
        STAFF,
        shows_attendees=True,
    ),
    Row("events_manage.check_in_code", "POST", "/nl/organise/events/{event}/check-in/{check_in_token}", STAFF_POST),
    Row(
        "events_manage.check_in_code",
        "GET",
        "/nl/organise/events/{event}/check-in/{check_in_token}x",
        {**STAFF, "organiser": 400, "admin": 400},
        note="tampered",
    ),
    Row("events_manage.report", "GET", "/nl/organise/events/{past}/report", STAFF),
    Row(
        "events_manage.report",
        "POST",
        "/nl/organise/events/{past}/report",
        STAFF_POST,
        data={"summary_nl": "Fietspaden kwamen vaak terug.", "attendees": "12"},
    ),
]

CASES = [pytest.param(row, role, id=f"{row.id}-{role}") for row in ROWS for role in ROLES]


def test_every_events_route_has_a_row(app):
    rows = {(row.endpoint, row.method) for row in ROWS}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] in ("events", "events_manage"):
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                assert (rule.endpoint, method) in rows, f"no permission row for {method} {rule.rule}"


@pytest.mark.parametrize("row, role", CASES)
def test_route_answers_each_role_as_expected(app, row, role):
    from participation.events.tokens import CHECK_IN, GUEST_CONFIRM, TICKET

    world = _build(app)
    client = FormClient(app.test_client())
    if role != "anonymous":
        client.login(world.users[role], PASSWORD)
    path = row.path.format(
        event=world.event_id,
        past=world.past_id,
        confirmed=world.confirmed_id,
        waiting=world.waiting_id,
        confirm_token=_token(app, GUEST_CONFIRM, world.holder_id),
        ticket_token=_token(app, TICKET, world.holder_id),
        check_in_token=_token(app, CHECK_IN, world.confirmed_id),
    )
    expected = row.expected[role]
    before = _snapshot(app)
    if row.method == "GET":
        response = client.get(path)
    else:
        data = row.data(app, world) if callable(row.data) else dict(row.data or {})
        # A real form's CSRF token (the page header's log-out form, or the visitor's form).
        data["csrf_token"] = client.token_from(f"/nl/events/{world.event_id}")
        response = client.post(path, data=data)

    if expected == LOGIN:
        assert response.status_code == 302 and "/account/login" in response.headers["Location"], (
            f"{role}: {response.status_code}"
        )
    else:
        assert response.status_code == expected, f"{role} {row.method} {path}: {response.status_code}"
    body = response.get_data(as_text=True) + response.headers.get("Location", "")
    if row.shows_attendees and role in RUNS_EVENT:
        assert any(secret in body for secret in SECRETS), "the check below must be able to fail"
    else:
        leaked = [secret for secret in SECRETS if secret in body]
        assert leaked == [], f"{role} sees attendee data on {row.method} {path}"
    if expected in (LOGIN, 400, 403, 404):
        assert _snapshot(app) == before, f"a refused {row.method} {path} by {role} changed something"


def test_another_organisers_list_does_not_show_the_event(app):
    world = _build(app)
    client = FormClient(app.test_client())
    client.login(world.users["other_organiser"], PASSWORD)
    assert "Lopende activiteit" not in text(client.get("/nl/organise/events/"))
    client.login(world.users["organiser"], PASSWORD)
    assert "Lopende activiteit" in text(client.get("/nl/organise/events/"))
