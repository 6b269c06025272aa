"""iCalendar files for one event (public, or personal with the online link) and a feed."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar, vText
from icalendar import Event as CalendarEvent

from participation.core.i18n import force_locale
from participation.core.time import to_brussels, utcnow
from participation.core.translated import translated
from participation.core.urls import public_url_for
from participation.events.models import Event

PRODID = "-//Stad Gent//Participatie//NL"
UID_DOMAIN = "participatie.stad.gent"
# SEQUENCE counts seconds from here: it grows with every change of the event and stays
# below 2**31 (what many calendars store it in) until 2088.
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def revision(event: Event) -> int:
    """The event's revision for calendars: later changes always give a higher number.

    Calendars replace their copy only when SEQUENCE grows, so it must never wrap around.
    Without a revision column, the moment of the last change (`updated_at`, to the
    second) is that number.
    """
    return max(0, int((event.updated_at - SEQUENCE_EPOCH).total_seconds()))


def _calendar(name: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Brussels")
    return calendar


def _location(event: Event) -> str | None:
    parts = [part for part in (event.venue, event.address) if part]
    return ", ".join(parts) or None


def _vevent(event: Event, lang: str, online_url: str | None = None, method_cancel: bool = False) -> CalendarEvent:
    page = public_url_for("events.detail", event_id=event.id, lang=lang)
    item = CalendarEvent()
    item.add("uid", f"event-{event.id}@{UID_DOMAIN}")
    item.add("dtstamp", utcnow())
    # Local times with TZID (and a VTIMEZONE, added below) so calendars show Brussels time.
    item.add("dtstart", to_brussels(event.starts_at))
    item.add("dtend", to_brussels(event.ends_at))
    with force_locale(lang):  # a Dutch fallback says so, in the calendar's language
        item.add("summary", translated(event.title, lang).as_plain())
        description = translated(event.description, lang).as_plain()
    if online_url:
        description = f"{online_url}\n\n{description}"
    item.add("description", f"{description}\n\n{page}")
    item.add("url", page)
    location = _location(event) if event.has_place else None
    if online_url and not location:
        location = online_url
    if location:
        item["location"] = vText(location)
    item.add("sequence", revision(event))
    item.add("status", "CANCELLED" if event.is_cancelled or method_cancel else "CONFIRMED")
    return item


def event_calendar(event: Event, lang: str, online_url: str | None = None) -> bytes:
    """One event; the online link only when given (for people who hold a place)."""
    calendar = _calendar()
    calendar.add("method", "PUBLISH")
    calendar.add_component(_vevent(event, lang, online_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def events_feed(events: list[Event], lang: str, name: str) -> bytes:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_vevent(event, lang))
    calendar.add_missing_timezones()
    return calendar.to_ical()
