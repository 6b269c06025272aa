"""Services that act for someone (`actor`) check that person's right themselves.

Views check too, but a command, a job or a later view calls the service directly: each call
below comes from someone without the right, is refused with NotAllowed, and changes nothing.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from participation.accounts.models import User
from participation.consultations import services as consultation_services
from participation.consultations.models import Consultation
from participation.core.audit import AuditEntry
from participation.core.errors import Conflict, NotAllowed
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.events import registration as places
from participation.events.models import Event, Registration, RegistrationStatus
from participation.events.permissions import can_cancel_registration
from participation.extensions import db
from participation.votes import services as vote_services
from participation.votes.models import Question, QuestionKind
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.factories import make_user
from tests.votes.factories import make_question


def _registration(app, event, user=None, status=RegistrationStatus.WAITING, sequence=1) -> int:
    with app.app_context():
        registration = Registration(
            event_id=event.id,
            user_id=user.id if user else None,
            name=None if user else "Bezoeker",
            email=user.email if user else "bezoeker@example.org",
            status=status,
            sequence=sequence,
            confirmed_at=utcnow(),
        )
        db.session.add(registration)
        db.session.commit()
        return registration.id


def _refused(app, call, error=NotAllowed):
    """Run `call(get)` in a request; it must raise `error`; the transaction is then rolled back."""
    with app.test_request_context("/en/"):
        with pytest.raises(error):
            call(lambda model, pk: db.session.get(model, pk))
        db.session.rollback()


def _audit_count(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry))


@pytest.fixture
def world(app):
    organiser = make_user(app, role=Role.ORGANISER)
    consultation = make_consultation(app, organisers=[organiser])
    event = make_event(app, consultation=consultation, capacity=1)
    return {
        "organiser": organiser,
        "other_organiser": make_user(app, role=Role.ORGANISER),
        "moderator": make_user(app, role=Role.MODERATOR),
        "resident": make_user(app),
        "consultation": consultation,
        "event": event,
    }


@pytest.mark.parametrize("who", ["resident", "moderator", "other_organiser"])
def test_registration_services_refuse_someone_who_does_not_run_the_event(app, world, who):
    event = world["event"]
    holder = make_user(app)
    confirmed = _registration(app, event, holder, RegistrationStatus.CONFIRMED, sequence=1)
    waiting = _registration(app, event, None, RegistrationStatus.WAITING, sequence=2)
    actor_id = world[who].id
    before = _audit_count(app)

    _refused(app, lambda get: places.give_place_by_hand(waiting, event.id, get(User, actor_id)))
    _refused(app, lambda get: places.set_check_in(confirmed, event.id, get(User, actor_id), True))
    _refused(app, lambda get: places.cancel_registration(confirmed, event.id, actor=get(User, actor_id)))

    with app.app_context():
        assert db.session.get(Registration, waiting).status == RegistrationStatus.WAITING
        assert db.session.get(Registration, confirmed).status == RegistrationStatus.CONFIRMED
        assert db.session.get(Registration, confirmed).checked_in_at is None
        assert db.session.get(Event, event.id).capacity == 1
    assert _audit_count(app) == before


def test_registration_services_accept_the_organiser_and_the_holder(app, world):
    event = world["event"]
    holder = make_user(app)
    confirmed = _registration(app, event, holder, RegistrationStatus.CONFIRMED, sequence=1)
    waiting = _registration(app, event, None, RegistrationStatus.WAITING, sequence=2)
    with app.test_request_context("/en/"):
        organiser = db.session.get(User, world["organiser"].id)
        places.set_check_in(confirmed, event.id, organiser, True)
        places.give_place_by_hand(waiting, event.id, organiser)
        # The holder gives their own place back with their account.
        places.cancel_registration(confirmed, event.id, actor=db.session.get(User, holder.id))
        db.session.commit()
    with app.app_context():
        assert db.session.get(Registration, waiting).status == RegistrationStatus.CONFIRMED
        assert db.session.get(Registration, confirmed).status == RegistrationStatus.CANCELLED


def test_a_registration_of_a_cancelled_event_cannot_be_cancelled(app, world):
    event = make_event(app, consultation=world["consultation"], cancelled=True)
    holder = make_user(app)
    registration_id = _registration(app, event, holder, RegistrationStatus.CONFIRMED)
    with app.app_context():
        registration = db.session.get(Registration, registration_id)
        # The same rule decides whether the ticket page, "my registrations" and the attendee list show the button.
        assert not can_cancel_registration(registration, registration.event)
        assert not can_cancel_registration(
            registration, registration.event, db.session.get(User, world["organiser"].id)
        )
    _refused(app, lambda get: places.cancel_registration(registration_id, event.id), error=Conflict)
    _refused(
        app,
        lambda get: places.cancel_registration(registration_id, event.id, actor=get(User, world["organiser"].id)),
        error=Conflict,
    )
    with app.app_context():
        assert db.session.get(Registration, registration_id).status == RegistrationStatus.CONFIRMED


def _question_input(prompt="Nieuwe vraag?"):
    return vote_services.QuestionInput(
        kind=QuestionKind.SINGLE,
        max_choices=None,
        prompt={"nl": prompt},
        help=None,
        option_labels=[{"nl": "Ja"}, {"nl": "Nee"}],
    )


@pytest.mark.parametrize("who", ["resident", "moderator", "other_organiser"])
def test_question_services_refuse_someone_who_does_not_run_the_consultation(app, world, who):
    consultation = make_consultation(app, status="upcoming", organisers=[world["organiser"]])
    first = make_question(app, consultation)
    second = make_question(app, consultation)
    actor_id = world[who].id
    before = _audit_count(app)

    _refused(
        app,
        lambda get: vote_services.create_question(
            get(Consultation, consultation.id), get(User, actor_id), _question_input()
        ),
    )
    _refused(
        app,
        lambda get: vote_services.update_question(
            get(Question, first.id), get(User, actor_id), _question_input("Anders?")
        ),
    )
    _refused(app, lambda get: vote_services.move_question(get(Question, second.id), get(User, actor_id), "up"))
    _refused(app, lambda get: vote_services.delete_question(get(Question, first.id), get(User, actor_id)))

    with app.app_context():
        questions = list(
            db.session.scalars(
                sa.select(Question).where(Question.consultation_id == consultation.id).order_by(Question.position)
            )
        )
        assert [q.id for q in questions] == [first.id, second.id]
        assert questions[0].prompt == first.prompt
    assert _audit_count(app) == before


def test_question_services_accept_the_consultations_organiser(app, world):
    consultation = make_consultation(app, status="upcoming", organisers=[world["organiser"]])
    first = make_question(app, consultation)
    with app.test_request_context("/en/"):
        organiser = db.session.get(User, world["organiser"].id)
        created = vote_services.create_question(
            db.session.get(Consultation, consultation.id), organiser, _question_input()
        )
        vote_services.move_question(created, organiser, "up")
        vote_services.delete_question(db.session.get(Question, first.id), organiser)
        db.session.commit()
        assert [
            q.id for q in db.session.scalars(sa.select(Question).where(Question.consultation_id == consultation.id))
        ] == [created.id]


@pytest.mark.parametrize("who", ["resident", "moderator", "other_organiser"])
def test_consultation_services_refuse_someone_who_does_not_run_it(app, world, who):
    consultation = make_consultation(app, status="draft", organisers=[world["organiser"]])
    actor_id = world[who].id
    before = _audit_count(app)
    _refused(app, lambda get: consultation_services.publish(get(User, actor_id), get(Consultation, consultation.id)))
    _refused(
        app,
        lambda get: consultation_services.set_organisers(
            get(User, actor_id), get(Consultation, consultation.id), [actor_id]
        ),
    )
    with app.app_context():
        stored = db.session.get(Consultation, consultation.id)
        assert stored.published_at is None and [o.id for o in stored.organisers] == [world["organiser"].id]
    assert _audit_count(app) == before


@pytest.mark.parametrize("who", ["resident", "moderator", "organiser"])
def test_only_an_administrator_changes_roles(app, world, who):
    from participation.accounts import services as account_services

    target = world["resident"] if who != "resident" else world["moderator"]
    actor_id = world[who].id
    _refused(app, lambda get: account_services.set_role(get(User, actor_id), get(User, target.id), Role.ADMIN))
    with app.app_context():
        assert db.session.get(User, target.id).role != Role.ADMIN


def test_no_page_offers_to_cancel_a_registration_of_a_cancelled_event(app, world):
    """The ticket, "my registrations" and the attendee list follow the one rule (and so the service)."""
    from participation.events.tokens import TICKET, make_registration_token
    from tests.factories import PASSWORD
    from tests.support import FormClient, text

    holder = make_user(app, language="en")
    running = make_event(app, consultation=world["consultation"], title={"nl": "Loopt", "en": "Running"})
    cancelled = make_event(app, consultation=world["consultation"], cancelled=True, title={"nl": "Af", "en": "Off"})
    ids = {event.id: _registration(app, event, holder, RegistrationStatus.CONFIRMED) for event in (running, cancelled)}
    with app.test_request_context("/en/"):
        tickets = {
            event_id: make_registration_token(TICKET, db.session.get(Registration, registration_id))
            for event_id, registration_id in ids.items()
        }
    visitor = FormClient(app.test_client())
    assert "Cancel my registration" in text(visitor.get(f"/en/events/registrations/{tickets[running.id]}"))
    assert "Cancel my registration" not in text(visitor.get(f"/en/events/registrations/{tickets[cancelled.id]}"))

    resident = FormClient(app.test_client())
    resident.login(holder.email, PASSWORD, lang="en")
    mine = text(resident.get("/en/events/mine"))
    assert f'href="/en/events/{running.id}/cancel?next=mine"' in mine
    assert f'href="/en/events/{cancelled.id}/cancel?next=mine"' not in mine

    organiser = FormClient(app.test_client())
    organiser.login(world["organiser"].email, PASSWORD, lang="en")
    cancel_url = "/en/organise/events/{}/registrations/{}/cancel"
    assert cancel_url.format(running.id, ids[running.id]) in text(
        organiser.get(f"/en/organise/events/{running.id}/attendees")
    )
    assert cancel_url.format(cancelled.id, ids[cancelled.id]) not in text(
        organiser.get(f"/en/organise/events/{cancelled.id}/attendees")
    )
