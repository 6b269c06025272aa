"""The mail an event sends, always in the recipient's language, queued in the caller's transaction."""

from __future__ import annotations

from participation.core.mail import queue_mail
from participation.core.translated import translated
from participation.core.urls import public_url_for
from participation.events.ics import event_calendar
from participation.events.models import Registration, RegistrationStatus
from participation.events.queries import waiting_position as position
from participation.events.tokens import GUEST_CONFIRM, TICKET, make_registration_token


def recipient_of(registration: Registration) -> str | None:
    """The account's current address, or the address a visitor gave."""
    if registration.user is not None:
        return registration.user.email
    return registration.email


def _lang(registration: Registration) -> str:
    if registration.user is not None:
        return registration.user.preferred_language or "nl"
    return registration.language or "nl"


def ticket_url(registration: Registration, lang: str) -> str:
    token = make_registration_token(TICKET, registration)
    return public_url_for("events.ticket", token=token, lang=lang)


def _send(registration: Registration, template: str, with_calendar: bool = False, **context):
    """Queue the mail; return its outbox row (None when there is nobody to write to)."""
    recipient = recipient_of(registration)
    if not recipient:
        return None  # an erased account: nobody to write to
    lang = _lang(registration)
    event = registration.event
    attachments = None
    if with_calendar:
        online_url = event.online_url if event.is_online else None
        attachments = [("event.ics", "text/calendar", event_calendar(event, lang, online_url))]
    return queue_mail(
        recipient,
        template,
        lang,
        attachments=attachments,
        account=registration.user_id,
        name=registration.display_name(),
        event=event,
        title=translated(event.title, lang),  # a Translation: a Dutch fallback is marked in the mail
        event_url=public_url_for("events.detail", event_id=event.id, lang=lang),
        ticket_url=ticket_url(registration, lang),
        registration=registration,
        **context,
    )


def registration_outcome(registration: Registration) -> None:
    """Confirmed (with the calendar file) or on the waiting list."""
    if registration.status == RegistrationStatus.CONFIRMED:
        _send(registration, "event_confirmed", with_calendar=True)
    else:
        _send(registration, "event_waitlisted", position=waiting_position(registration))


def waiting_position(registration: Registration) -> int:

    return position(registration)


def promoted(registration: Registration) -> None:
    _send(registration, "event_promoted", with_calendar=True)


def already_registered(registration: Registration) -> None:
    _send(registration, "event_already_registered")


def guest_confirmation_request(registration: Registration) -> None:
    lang = _lang(registration)
    token = make_registration_token(GUEST_CONFIRM, registration)
    _send(
        registration, "event_guest_confirm", confirm_url=public_url_for("events.guest_confirm", token=token, lang=lang)
    )


def event_cancelled(registration: Registration):
    """The organisers' message in the person's language, else in Dutch (the mail says so)."""
    message = translated(registration.event.cancel_reason, _lang(registration))
    return _send(
        registration,
        "event_cancelled",
        message=message.text,
        message_lang=message.lang,
        message_is_fallback=message.is_fallback,
    )


def reminder(registration: Registration) -> None:
    _send(registration, "event_reminder", with_calendar=True)


def organiser_message(registration: Registration, subject: str, body: str):
    return _send(registration, "event_message", message_subject=subject, message=body)
