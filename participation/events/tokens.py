"""Signed links for a registration: the personal page (ticket, cancel), the guest's
confirmation, and the check-in code the organiser's phone opens.

Each purpose has its own salt, so a link made for one cannot be used for another.
"""

from __future__ import annotations

from participation.accounts.tokens import InvalidToken, make_token, read_token

TICKET = "event-ticket"
GUEST_CONFIRM = "event-guest-confirm"
CHECK_IN = "event-check-in"

# A ticket link stays valid for a year: the cancel link in the confirmation mail must
# keep working until the event, however early someone registered.
TICKET_MAX_AGE = 366 * 24 * 3600
GUEST_CONFIRM_MAX_AGE = 48 * 3600
CHECK_IN_MAX_AGE = 366 * 24 * 3600

__all__ = ["InvalidToken", "make_registration_token", "read_registration_token"]

_MAX_AGES = {TICKET: TICKET_MAX_AGE, GUEST_CONFIRM: GUEST_CONFIRM_MAX_AGE, CHECK_IN: CHECK_IN_MAX_AGE}


def make_registration_token(purpose: str, registration) -> str:
    return make_token(purpose, {"r": registration.id, "e": registration.event_id})


def read_registration_token(purpose: str, token: str) -> tuple[int, int]:
    """(registration id, event id) from a link; InvalidToken when tampered with or expired."""
    payload = read_token(purpose, token, _MAX_AGES[purpose])
    registration_id, event_id = payload.get("r"), payload.get("e")
    if not isinstance(registration_id, int) or not isinstance(event_id, int):
        raise InvalidToken
    return registration_id, event_id
