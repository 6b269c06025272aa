"""Registering, confirming, cancelling and promoting: the rules that keep an event's
capacity and waiting list right, however many requests arrive at once.

Every change of places starts by locking the event row (core.locking): PostgreSQL
takes a row lock, SQLite's write transactions are serialised. Under that lock we count
confirmed places, number the registration (`Event.last_sequence`) and write, so two
requests can never take the last place both. Partial unique indexes keep one active
registration per account and per e-mail address even if a code path forgot to check.

Services flush but never commit; the caller commits once, mail included (outbox).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participation.accounts.models import User
from participation.accounts.suspension import suspension_message
from participation.core.audit import record
from participation.core.errors import Conflict, NotAllowed, NotFound, UserError
from participation.core.i18n import _
from participation.core.locking import lock_for_update
from participation.core.time import utcnow
from participation.events import mail
from participation.events.models import ACTIVE_STATUSES, Event, Registration, RegistrationStatus
from participation.events.permissions import can_manage_event
from participation.extensions import db


@dataclass
class Answers:
    """Answers to the event's optional questions."""

    dietary_needs: str | None = None
    accessibility_needs: str | None = None
    free_answer: str | None = None

    def cleaned(self, event: Event) -> dict:
        """Keep only the answers to questions the event asks."""

        def clean(value, asked, limit):
            value = (value or "").strip()
            return value[:limit] or None if asked else None

        return {
            "dietary_needs": clean(self.dietary_needs, event.ask_dietary, 500),
            "accessibility_needs": clean(self.accessibility_needs, event.ask_accessibility, 500),
            "free_answer": clean(self.free_answer, bool(event.free_question), 1000),
        }


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


# ----------------------------------------------------------------------------- reading


def confirmed_count(event_id: int) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Registration)
        .where(Registration.event_id == event_id, Registration.status == RegistrationStatus.CONFIRMED)
    )


def closed_reason(event: Event, now=None) -> str | None:
    """Why nobody can register now (None when registration is open)."""
    now = now or utcnow()
    if event.is_cancelled:
        return _("This event is cancelled.")
    if event.consultation is not None and not event.consultation.is_public():
        # A draft's event is not closed: nobody but its organisers sees it until publication.
        return _("Registration opens once the consultation is published.")
    if event.has_started(now):
        return _("This event has already started; registration is closed.")
    if now < event.registration_opens_at:
        return _("Registration has not opened yet.")
    if now >= event.registration_closes_at:
        return _("Registration is closed.")
    return None


def resident_refusal(user) -> str | None:
    """Why this person may not register as a resident at all (None when they may).

    Only signed-in residents with a confirmed address who are not suspended take part,
    as for comments and votes.
    """
    if not getattr(user, "is_authenticated", False):
        return _("Log in to register.")
    if not user.is_verified:
        return _("Confirm your e-mail address before you register.")
    if user.is_suspended():
        return suspension_message(user)
    return None


def registration_block_reason(user, event: Event) -> str | None:
    """Why this signed-in person cannot register (None when they can)."""
    return resident_refusal(user) or closed_reason(event)


def _locked_event(event_id: int) -> Event:
    event = lock_for_update(Event, event_id)
    if event is None:
        raise NotFound(_("This event does not exist."))
    return event


def _active_registration(event_id: int, *, user_id: int | None = None, email: str | None = None):
    """The person's active registration: the account's own, or one held under the address.

    An address is held by a visitor's registration with that address, or by the account
    that uses the address now (its registration may still carry an older address).
    """
    clauses = []
    if user_id is not None:
        clauses.append(Registration.user_id == user_id)
    if email:
        clauses.append(sa.and_(Registration.user_id.is_(None), Registration.email == email))
        clauses.append(Registration.user_id.in_(sa.select(User.id).where(User.email == email)))
    return db.session.execute(
        sa.select(Registration)
        .where(Registration.event_id == event_id, Registration.status.in_(ACTIVE_STATUSES), sa.or_(*clauses))
        .order_by(Registration.id)
        .limit(1)
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()


def _take_place(event: Event, registration: Registration) -> None:
    """Confirmed while places are left, else at the end of the waiting list. Event is locked."""
    event.last_sequence += 1
    registration.sequence = event.last_sequence
    if confirmed_count(event.id) < event.capacity:
        registration.status = RegistrationStatus.CONFIRMED
    else:
        registration.status = RegistrationStatus.WAITING
    registration.confirmed_at = utcnow()


def _insert(registration: Registration) -> None:
    """Insert inside a savepoint; the unique indexes turn a slipped-through duplicate into a message."""
    try:
        with db.session.begin_nested():
            db.session.add(registration)
            db.session.flush()
    except IntegrityError:
        raise Conflict(_("You are already registered for this event.")) from None


# ------------------------------------------------------------------------- registering


def register_resident(event_id: int, user, answers: Answers) -> Registration:
    """A verified resident who is not suspended takes a place, or joins the waiting list."""
    event = _locked_event(event_id)
    refusal = resident_refusal(user)
    if refusal:
        raise NotAllowed(refusal)
    reason = closed_reason(event)
    if reason:
        raise Conflict(reason)
    email = normalise_email(user.email)
    existing = _active_registration(event.id, user_id=user.id, email=email)
    if existing is not None:
        if existing.status == RegistrationStatus.PENDING and existing.user_id is None:
            # An unconfirmed visitor's request with this (verified) address: the account takes over.
            existing.status = RegistrationStatus.CANCELLED
            existing.cancelled_at = utcnow()
            db.session.flush()
        else:
            raise Conflict(_("You are already registered for this event."))
    registration = Registration(
        event_id=event.id,
        user_id=user.id,
        name=user.display_name,
        email=email,
        language=user.preferred_language or "nl",
        **answers.cleaned(event),
    )
    _take_place(event, registration)
    _insert(registration)
    mail.registration_outcome(registration)
    return registration


def request_guest_registration(event_id: int, name: str, email: str, lang: str, answers: Answers) -> None:
    """A visitor without an account asks for a place: we mail a link; the place is held once it is clicked.

    The answer is the same whatever the address (no one learns who registered); a
    person who already holds a place gets a mail saying so, with their own link.
    """
    event = _locked_event(event_id)
    reason = closed_reason(event)
    if reason:
        raise Conflict(reason)
    name = (name or "").strip()
    email = normalise_email(email)
    if not name:
        raise UserError(_("Enter your name."), field="name")
    existing = _active_registration(event.id, email=email)
    if existing is not None and existing.status != RegistrationStatus.PENDING:
        mail.already_registered(existing)
        return
    if existing is not None:
        # Asked again before clicking: refresh the request, send a new link.
        existing.name = name
        existing.language = lang
        for key, value in answers.cleaned(event).items():
            setattr(existing, key, value)
        mail.guest_confirmation_request(existing)
        return
    registration = Registration(
        event_id=event.id,
        user_id=None,
        name=name[:120],
        email=email,
        language=lang,
        status=RegistrationStatus.PENDING,
        **answers.cleaned(event),
    )
    _insert(registration)
    mail.guest_confirmation_request(registration)


def confirm_guest_registration(registration_id: int, event_id: int) -> Registration:
    """The visitor clicked the link in the mail: the place is taken now, under the same rules."""
    event = _locked_event(event_id)
    registration = lock_for_update(Registration, registration_id)
    if registration is None or registration.event_id != event.id:
        raise NotFound(_("This registration no longer exists."))
    if registration.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
        return registration  # clicked twice: nothing changes
    if registration.status == RegistrationStatus.CANCELLED:
        raise Conflict(_("This registration was cancelled. You can register again on the event page."))
    reason = closed_reason(event)
    if reason:
        raise Conflict(reason)
    _take_place(event, registration)
    db.session.flush()
    mail.registration_outcome(registration)
    return registration


# ---------------------------------------------------------------------- cancelling


def cancel_registration(registration_id: int, event_id: int, actor=None) -> Registration:
    """The person (or an organiser) gives the place back; the first on the waiting list moves up."""
    event = _locked_event(event_id)
    registration = lock_for_update(Registration, registration_id)
    if registration is None or registration.event_id != event.id:
        raise NotFound(_("This registration no longer exists."))
    if actor is not None and actor.id != registration.user_id and not can_manage_event(actor, event):
        raise NotAllowed(_("You do not run this event."))
    if not registration.is_active:
        raise Conflict(_("This registration is already cancelled."))
    if event.is_cancelled:
        raise Conflict(_("This event is cancelled; the registration no longer needs cancelling."))
    if event.has_started():
        raise Conflict(_("This event has already started; the registration can no longer be cancelled."))
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = utcnow()
    db.session.flush()
    if actor is not None and actor.id != registration.user_id:
        record(
            actor,
            "event.registration_cancelled",
            "event",
            event.id,
            consultation_id=event.consultation_id,
            details={"registration": registration.id},
        )
    promote_waiting(event)
    return registration


def promote_waiting(event: Event) -> list[Registration]:
    """Give free places to the waiting list in order; mail each promoted person. Event is locked."""
    if event.is_cancelled or event.has_started():
        return []
    free = event.capacity - confirmed_count(event.id)
    if free <= 0:
        return []
    promoted = list(
        db.session.scalars(
            sa.select(Registration)
            .where(Registration.event_id == event.id, Registration.status == RegistrationStatus.WAITING)
            .order_by(Registration.sequence)
            .limit(free)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    )
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        mail.promoted(registration)
    db.session.flush()
    return promoted


def give_place_by_hand(registration_id: int, event_id: int, actor) -> Registration:
    """An organiser moves someone off the waiting list, ahead of the queue.

    When the event is full the capacity goes up by one: the organiser decides to make
    room, and the page says so before the button is pressed.
    """
    event = _locked_event(event_id)
    registration = lock_for_update(Registration, registration_id)
    if registration is None or registration.event_id != event.id:
        raise NotFound(_("This registration no longer exists."))
    if not can_manage_event(actor, event):
        raise NotAllowed(_("You do not run this event."))
    if registration.status != RegistrationStatus.WAITING:
        raise Conflict(_("This person is not on the waiting list."))
    if event.is_cancelled:
        raise Conflict(_("This event is cancelled."))
    if confirmed_count(event.id) >= event.capacity:
        event.capacity += 1
    registration.status = RegistrationStatus.CONFIRMED
    db.session.flush()
    record(
        actor,
        "event.place_given",
        "event",
        event.id,
        consultation_id=event.consultation_id,
        details={"registration": registration.id, "capacity": event.capacity},
    )
    mail.promoted(registration)
    return registration


def set_check_in(registration_id: int, event_id: int, actor, present: bool) -> Registration:
    """Mark (or unmark) a confirmed person as present."""
    registration = db.session.get(Registration, registration_id)
    if registration is None or registration.event_id != event_id:
        raise NotFound(_("This registration no longer exists."))
    if not can_manage_event(actor, registration.event):
        raise NotAllowed(_("You do not run this event."))
    if registration.status != RegistrationStatus.CONFIRMED:
        raise Conflict(_("Only people with a confirmed place can be checked in."))
    registration.checked_in_at = utcnow() if present else None
    db.session.flush()
    return registration


# ------------------------------------------------------------------- e-mail changes


def _rank(registration: Registration) -> tuple:
    """Which of two registrations of one person is worth more: a place, then the earlier queue number."""
    order = {RegistrationStatus.CONFIRMED: 0, RegistrationStatus.WAITING: 1, RegistrationStatus.PENDING: 2}
    return order[registration.status], registration.sequence or 0


def follow_email_change(user) -> int:
    """After an account's address changed, its active registrations carry the new address.

    One address holds one place per event. When the person already held a place under
    the new address as a visitor, they keep the better of the two (a confirmed place over
    the waiting list, the earlier queue number over a later one); the other is cancelled
    and the waiting list moves up. Only events still to come change. Returns the number
    of registrations given up.
    """
    new_email = normalise_email(user.email)
    mine_ids = db.session.execute(
        sa.select(Registration.id, Registration.event_id)
        .join(Event, Event.id == Registration.event_id)
        .where(
            Registration.user_id == user.id,
            Registration.status.in_(ACTIVE_STATUSES),
            Registration.email != new_email,
            Event.ends_at > utcnow(),
        )
        .order_by(Registration.event_id)
    ).all()
    given_up = 0
    for registration_id, event_id in mine_ids:
        event = _locked_event(event_id)
        mine = lock_for_update(Registration, registration_id)
        if mine is None or not mine.is_active:
            continue
        visitor = db.session.execute(
            sa.select(Registration)
            .where(
                Registration.event_id == event.id,
                Registration.user_id.is_(None),
                Registration.email == new_email,
                Registration.status.in_(ACTIVE_STATUSES),
            )
            .with_for_update()
            .execution_options(populate_existing=True)
        ).scalar_one_or_none()
        if visitor is not None:
            keep, drop = (visitor, mine) if _rank(visitor) < _rank(mine) else (mine, visitor)
            freed = drop.status == RegistrationStatus.CONFIRMED
            drop.status = RegistrationStatus.CANCELLED
            drop.cancelled_at = utcnow()
            db.session.flush()
            if keep is visitor:
                # The visitor's place becomes the account's: the person proved both addresses are theirs.
                visitor.user_id, visitor.name = user.id, user.display_name
            keep.email = new_email
            db.session.flush()
            given_up += 1
            if freed:
                promote_waiting(event)
        else:
            mine.email = new_email
            db.session.flush()
    return given_up
