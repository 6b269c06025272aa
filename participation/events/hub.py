"""The events' part of a consultation's back office (the organisers' overview)."""

from __future__ import annotations

from flask import url_for

from participation.consultations.hub import HubItem, HubPart
from participation.core.i18n import _, ngettext
from participation.core.templating import local_datetime, tr
from participation.events import queries
from participation.extensions import db

LISTED = 20


def _state(event, consultation) -> str:
    if event.is_cancelled:
        return _("Event cancelled")
    if event.has_ended():
        return _("Took place")
    places = _("%(taken)d of %(capacity)d places taken", taken=event.confirmed_places or 0, capacity=event.capacity)
    if not consultation.is_public():
        return _("not public yet: the consultation is not published") + " · " + places
    return places


def events_part(consultation, user) -> HubPart:
    """The consultation's events (at most LISTED, with their counts) in two queries."""
    events = list(db.session.scalars(queries.events_of_consultation(consultation.id, LISTED)))
    total = queries.event_count_of_consultation(consultation.id) if len(events) == LISTED else len(events)
    items = [
        HubItem(
            label=tr(event.title),
            when=local_datetime(event.starts_at, "short"),
            url=url_for("events_manage.attendees", event_id=event.id),
            state=_state(event, consultation),
        )
        for event in events
    ]
    state = ngettext("%(num)d event", "%(num)d events", total) if total else _("No events yet.")
    details = []
    if total > len(events):
        details.append(_("The %(num)d next and latest are listed here.", num=len(events)))
    links = [
        (_("New event for this consultation"), url_for("events_manage.create", consultation=consultation.id)),
        (_("All events you run"), url_for("events_manage.index")),
    ]
    return HubPart(key="events", title=_("Events"), state=state, details=details, items=items, links=links)
