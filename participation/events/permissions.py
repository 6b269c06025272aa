"""Who may see an event and who runs it (attendee data is personal data)."""

from __future__ import annotations

from participation.consultations.permissions import can_manage_consultation
from participation.core.permissions import Role, has_role


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
