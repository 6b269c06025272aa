"""Who may see an event and who runs it (attendee data is personal data)."""

from __future__ import annotations

from participation.consultations.permissions import can_manage_consultation
from participation.core.permissions import Role, has_role
from participation.events.models import RegistrationStatus


def can_manage_event(user, event) -> bool:
    """Administrators; the organisers of the event's consultation; for a stand-alone event, its creator."""
    if has_role(user, Role.ADMIN):
        return True
    if not has_role(user, Role.ORGANISER):
        return False
    if event.consultation is not None:
        return can_manage_consultation(user, event.consultation)
    return event.created_by_id == user.id


def can_view_event(user, event) -> bool:
    """Events of a draft consultation stay hidden from the public until it is published."""
    if event.consultation is None or event.consultation.is_public():
        return True
    return can_manage_event(user, event)


def can_create_event_for(user, consultation) -> bool:
    if consultation is None:
        return has_role(user, Role.ORGANISER)
    return can_manage_consultation(user, consultation)


# The rules below decide which buttons a page shows and what the services accept: one function
# per rule, so the ticket page, "my registrations" and the attendee list cannot disagree.


def can_cancel_registration(registration, event, user=None) -> bool:
    """An active registration can be given back until the event starts, unless the event is cancelled.

    With `user`: someone other than the holder needs to run the event (the holder cancels with
    their own account, or without one through the secret link of their registration).
    """
    if user is not None and user.id != registration.user_id and not can_manage_event(user, event):
        return False
    return registration.is_active and not event.is_cancelled and not event.has_started()


def can_give_place(user, registration, event) -> bool:
    """An organiser moves someone from the waiting list to a place, while the event is not cancelled."""
    return (
        can_manage_event(user, event) and registration.status == RegistrationStatus.WAITING and not event.is_cancelled
    )


def can_check_in(user, registration, event) -> bool:
    """Only people with a confirmed place are marked present, by the people who run the event."""
    return can_manage_event(user, event) and registration.status == RegistrationStatus.CONFIRMED


def can_cancel_event(user, event) -> bool:
    """The people who run an event cancel it, until it has ended (once only)."""
    return can_manage_event(user, event) and not event.is_cancelled and not event.has_ended()


def can_publish_report(user, event) -> bool:
    """The report of an event is written once it has started, by the people who run it."""
    return can_manage_event(user, event) and event.has_started()
