"""One active registration per person and event, made true by the database itself, and kept
true when a resident changes their e-mail address (both databases)."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participation.events import registration as places
from participation.events.models import Registration, RegistrationStatus
from participation.extensions import db
from tests.events.factories import make_event, registrations_of
from tests.factories import PASSWORD, get, make_user
from tests.support import FormClient, link_in, outbox, text

CONFIRMED, WAITING, PENDING, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.PENDING,
    RegistrationStatus.CANCELLED,
)
ALREADY_NL = "Je bent al ingeschreven voor deze activiteit."


def _resident(app, **kwargs):
    user = make_user(app, **kwargs)
    client = FormClient(app.test_client())
    client.login(user.email, PASSWORD)
    return user, client


def _register(client, event, lang="nl"):
    return client.submit(f"/{lang}/events/{event.id}", action=f"/{lang}/events/{event.id}/register")


def _guest(client, event, email, lang="nl", name="Noor Claes"):
    return client.submit(
        f"/{lang}/events/{event.id}",
        {"name": name, "email": email, "privacy_consent": "y"},
        action=f"/{lang}/events/{event.id}/guest",
    )


# ------------------------------------------------------------------------ the schema


def _where_statuses(index: dict, dialect: str) -> set[str]:
    where = index["dialect_options"][f"{dialect}_where"]
    return set(re.findall(r"'(\w+)'", str(where)))


@pytest.mark.parametrize(
    "name, columns",
    [
        ("uq_event_registrations_active_user", ["event_id", "user_id"]),
        ("uq_event_registrations_active_email", ["event_id", "email"]),
    ],
)
@pytest.mark.real_commits  # reads the schema on a connection of its own
def test_partial_unique_indexes_cover_exactly_the_active_statuses(app, name, columns):
    with app.app_context():
        dialect = db.engine.dialect.name
        indexes = {ix["name"]: ix for ix in sa.inspect(db.engine).get_indexes("event_registrations")}
    index = indexes[name]
    assert index["unique"] and index["column_names"] == columns
    assert _where_statuses(index, dialect) == {"pending", "confirmed", "waiting"}, (
        "a cancelled registration must not block a new one; every other status must"
    )


def _row(event_id, **values):
    return Registration(event_id=event_id, name="X", language="nl", **values)


@pytest.mark.parametrize("status", [PENDING, CONFIRMED, WAITING])
def test_database_refuses_a_second_active_registration_of_one_account_or_address(app, status):
    event = make_event(app)
    user = make_user(app)
    with app.app_context():
        db.session.add(_row(event.id, user_id=user.id, email=user.email, status=CONFIRMED, sequence=1))
        db.session.commit()
        for second in (
            _row(event.id, user_id=user.id, email="other@example.org", status=status),
            _row(event.id, user_id=None, email=user.email, status=status),
        ):
            db.session.add(second)
            with pytest.raises(IntegrityError):
                db.session.flush()
            db.session.rollback()
        # A cancelled row blocks nothing.
        db.session.add(_row(event.id, user_id=user.id, email=user.email, status=CANCELLED))
        db.session.commit()
    assert len(registrations_of(app, event.id)) == 2


# ------------------------------------------------- the pre-check gone: the index answers


@pytest.fixture
def no_precheck(monkeypatch):
    """As if two requests passed the check at the same moment: the check finds nothing."""
    monkeypatch.setattr(places, "_active_registration", lambda *args, **kwargs: None)


def test_resident_registering_twice_past_the_precheck_gets_a_translated_409(app, no_precheck):
    event = make_event(app, capacity=5)
    user, client = _resident(app)
    assert _register(client, event).status_code == 303
    response = client.post(f"/nl/events/{event.id}/register", data={"csrf_token": client.token_from("/nl/account/")})
    assert response.status_code == 409 and ALREADY_NL in text(response)
    assert [(r.user_id, r.status) for r in registrations_of(app, event.id)] == [(user.id, CONFIRMED)]
    assert len(outbox(app, user.email, "event_confirmed")) == 1


def test_visitor_address_twice_past_the_precheck_gets_a_translated_409(app, client, no_precheck):
    event = make_event(app, capacity=5)
    assert _guest(client, event, "noor@example.org").status_code == 200
    response = _guest(FormClient(app.test_client()), event, "noor@example.org")
    assert response.status_code == 409 and ALREADY_NL in text(response)
    assert [(r.email, r.status) for r in registrations_of(app, event.id)] == [("noor@example.org", PENDING)]
    assert len(outbox(app, "noor@example.org", "event_guest_confirm")) == 1


def test_resident_with_the_address_of_a_visitors_place_past_the_precheck_gets_a_409(app, client, no_precheck):
    event = make_event(app, capacity=5)
    _guest(client, event, "noor@example.org")
    client.submit(link_in(outbox(app, "noor@example.org", "event_guest_confirm")[0], "/events/confirm/"))
    _user, resident = _resident(app, email="noor@example.org")
    response = _register(resident, event)
    assert response.status_code == 409 and ALREADY_NL in text(response)
    assert [(r.user_id, r.status) for r in registrations_of(app, event.id)] == [(None, CONFIRMED)]


# ----------------------------------------------------------- a resident's new address


def _change_email(app, client, new_email):
    """The accounts feature's own flow: request, then confirm from the link sent to the new address."""
    response = client.submit("/nl/account/", {"new_email": new_email, "password": PASSWORD}, action="/nl/account/email")
    assert response.status_code == 303
    assert (
        client.submit(link_in(outbox(app, new_email, "confirm_new_email")[-1], "/account/email/confirm/")).status_code
        == 303
    )


def test_resident_who_changed_address_cannot_take_a_second_place_as_visitor(app):
    """The address check also looks at the address the accounts use now, not only at the
    address stored with each registration (which is the one used when registering)."""
    event = make_event(app, capacity=5)
    user, client = _resident(app, email="old@example.org")
    _register(client, event)
    _change_email(app, client, "new@example.org")
    visitor = FormClient(app.test_client())
    response = _guest(visitor, event, "new@example.org", name="Same person")
    assert response.status_code == 200, "the same answer as for anyone: nobody learns who registered"
    assert [(r.user_id, r.status) for r in registrations_of(app, event.id)] == [(user.id, CONFIRMED)]
    assert outbox(app, "new@example.org", "event_guest_confirm") == []
    [notice] = outbox(app, "new@example.org", "event_already_registered")
    assert "/events/registrations/" in notice.body_text


def _follow(app, user_id):
    """What the accounts feature calls once an address change is confirmed (see the lead's note)."""
    from participation.accounts.models import User

    with app.test_request_context("/nl/"):
        given_up = places.follow_email_change(db.session.get(User, user_id))
        db.session.commit()
        return given_up


def test_registrations_follow_an_address_change(app):
    event = make_event(app, capacity=5)
    past = make_event(app, when="past")
    user, client = _resident(app, email="old@example.org")
    _register(client, event)
    with app.app_context():
        db.session.add(_row(past.id, user_id=user.id, email="old@example.org", status=CONFIRMED, sequence=1))
        db.session.commit()
    _change_email(app, client, "new@example.org")
    assert _follow(app, user.id) == 0
    [mine] = registrations_of(app, event.id)
    assert (mine.email, mine.status) == ("new@example.org", CONFIRMED)
    assert registrations_of(app, past.id)[0].email == "old@example.org", "events that took place stay as they were"
    # The old address is free again for whoever uses it now.
    someone = FormClient(app.test_client())
    assert _guest(someone, event, "old@example.org", name="Iemand anders").status_code == 200
    assert outbox(app, "old@example.org", "event_guest_confirm")


@pytest.mark.parametrize(
    "visitor_status, account_status, kept",
    [
        (CONFIRMED, WAITING, "visitor"),  # a place beats a queue number
        (WAITING, CONFIRMED, "account"),
        (PENDING, WAITING, "account"),  # an unconfirmed request holds nothing
    ],
)
def test_one_place_remains_when_the_new_address_already_held_one(app, visitor_status, account_status, kept):
    event = make_event(app, capacity=1)
    other = make_user(app)
    user = make_user(app, email="old@example.org")
    with app.app_context():
        # Arrival order: whoever holds the place came first.
        first, second = ("visitor", "account") if visitor_status == CONFIRMED else ("account", "visitor")
        rows = {
            "visitor": _row(event.id, user_id=None, email="new@example.org", status=visitor_status),
            "account": _row(event.id, user_id=user.id, email="old@example.org", status=account_status),
        }
        sequence = 0
        for key in (first, second):
            if rows[key].status != PENDING:
                sequence += 1
                rows[key].sequence = sequence
            db.session.add(rows[key])
        if CONFIRMED not in (visitor_status, account_status):
            sequence += 1
            db.session.add(_row(event.id, user_id=other.id, email=other.email, status=CONFIRMED, sequence=sequence))
        from participation.accounts.models import User
        from participation.events.models import Event

        db.session.get(Event, event.id).last_sequence = sequence
        db.session.get(User, user.id).email = "new@example.org"
        db.session.commit()
        ids = {key: row.id for key, row in rows.items()}
    assert _follow(app, user.id) == 1
    rows = {r.id: r for r in registrations_of(app, event.id)}
    active = [
        r
        for r in rows.values()
        if r.status in (CONFIRMED, WAITING, PENDING) and (r.user_id == user.id or r.email == "new@example.org")
    ]
    assert len(active) == 1, "one person, one registration"
    [remaining] = active
    assert remaining.id == ids[kept] and remaining.user_id == user.id and remaining.email == "new@example.org"
    dropped = rows[ids["account" if kept == "visitor" else "visitor"]]
    assert dropped.status == CANCELLED
    assert remaining.status == (CONFIRMED if CONFIRMED in (visitor_status, account_status) else WAITING)
    # The person sees it among their registrations.
    client = FormClient(app.test_client())
    client.login("new@example.org", PASSWORD)
    assert f'/nl/events/{event.id}"' in text(client.get("/nl/events/mine"))


def test_giving_up_a_duplicate_place_moves_the_waiting_list_up(app):
    event = make_event(app, capacity=2)
    user = make_user(app, email="old@example.org")
    queued = make_user(app)
    with app.app_context():
        from participation.accounts.models import User
        from participation.events.models import Event

        db.session.add_all(
            [
                _row(event.id, user_id=None, email="new@example.org", status=CONFIRMED, sequence=1),
                _row(event.id, user_id=user.id, email="old@example.org", status=CONFIRMED, sequence=2),
                _row(event.id, user_id=queued.id, email=queued.email, status=WAITING, sequence=3),
            ]
        )
        db.session.get(Event, event.id).last_sequence = 3
        db.session.get(User, user.id).email = "new@example.org"
        db.session.commit()
    assert _follow(app, user.id) == 1
    statuses = {(r.user_id, r.sequence): r.status for r in registrations_of(app, event.id)}
    assert statuses == {(user.id, 1): CONFIRMED, (user.id, 2): CANCELLED, (queued.id, 3): CONFIRMED}
    assert outbox(app, queued.email, "event_promoted")
    assert get(app, type(user), user.id).email == "new@example.org"


def test_confirming_a_new_address_in_the_account_keeps_one_place_per_person(app):
    event = make_event(app, capacity=1)
    visitor = FormClient(app.test_client())
    _guest(visitor, event, "new@example.org")
    visitor.submit(link_in(outbox(app, "new@example.org", "event_guest_confirm")[0], "/events/confirm/"))
    user, client = _resident(app, email="old@example.org")
    _register(client, event)  # full: on the waiting list
    _change_email(app, client, "new@example.org")
    active = [r for r in registrations_of(app, event.id) if r.status in (CONFIRMED, WAITING, PENDING)]
    assert [(r.user_id, r.email, r.status) for r in active] == [(user.id, "new@example.org", CONFIRMED)]
