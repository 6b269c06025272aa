"""The human side of the open data: a page that explains the API with curl examples, and the
consultations and events as CSV downloads (the results of each consultation have their own)."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from participation.api import present, queries
from participation.api.schemas import MAX_PER_PAGE
from participation.consultations.labels import status_label
from participation.core.csv_export import csv_response, csv_safe
from participation.core.i18n import _, current_lang
from participation.core.templating import local_datetime
from participation.core.time import utcnow
from participation.core.translated import translated
from participation.core.urls import public_url_for
from participation.events import queries as event_queries
from participation.extensions import db

bp = Blueprint("open_data", __name__, url_prefix="/<lang>/open-data")

# A download holds every public row; far more than the site will ever have, but bounded.
MAX_ROWS = 10_000


@bp.get("/")
def index():
    """What the API offers, how to call it, and the downloads."""
    api = {
        "openapi": public_url_for("api.openapi"),
        "open_consultations": public_url_for("api.consultations", status="open"),
        "events": public_url_for("api.events"),
        "event_example": public_url_for("api.event", event_id=123),
        "consultation_example": public_url_for("api.consultation", slug="SLUG", lang=current_lang()),
    }
    return render_template(
        "api/open_data.html",
        api=api,
        max_per_page=MAX_PER_PAGE,
        rate_limits=current_app.config.get("API_RATE_LIMITS", ""),
    )


@bp.get("/consultations.csv")
def consultations_csv():
    """Every published consultation, in the page's language (Dutch where there is no translation)."""
    lang = current_lang()
    now = utcnow()
    rows = [
        [
            _("Slug"),
            _("Title"),
            _("Status"),
            _("Opens (UTC)"),
            _("Closes (UTC)"),
            _("Themes"),
            _("Networks"),
            _("Address"),
            _("API"),
        ]
    ]
    for c in db.session.scalars(queries.consultations_download(MAX_ROWS)):
        rows.append(
            [
                csv_safe(c.slug),
                csv_safe(translated(c.title, lang).text),
                status_label(c, now),
                present.utc(c.opens_at).isoformat(),
                present.utc(c.closes_at).isoformat(),
                csv_safe(" ".join(t.slug for t in c.themes)),
                csv_safe(" ".join(n.slug for n in c.networks)),
                public_url_for("consultations.detail", slug=c.slug),
                public_url_for("api.consultation", slug=c.slug),
            ]
        )
    return csv_response(rows, "consultations.csv")


@bp.get("/events.csv")
def events_csv():
    """Every public event, upcoming and past, with places left and the waiting list (never attendees)."""
    lang = current_lang()
    rows = [
        [
            _("Id"),
            _("Title"),
            _("Starts (Brussels time)"),
            _("Ends (Brussels time)"),
            _("Starts (UTC)"),
            _("Format"),
            _("Venue"),
            _("Address"),
            _("Languages"),
            _("Cancelled"),
            _("Capacity"),
            _("Places left"),
            _("Waiting list"),
            _("Consultation"),
            _("Address of the page"),
        ]
    ]
    for when in (event_queries.When.UPCOMING, event_queries.When.PAST):
        for e in db.session.scalars(queries.events_download(when, MAX_ROWS)):
            rows.append(
                [
                    e.id,
                    csv_safe(translated(e.title, lang).text),
                    local_datetime(e.starts_at, "short"),
                    local_datetime(e.ends_at, "short"),
                    present.utc(e.starts_at).isoformat(),
                    e.format.value,
                    csv_safe(e.venue or ""),
                    csv_safe(e.address or ""),
                    " ".join(e.language_codes),
                    _("yes") if e.is_cancelled else _("no"),
                    e.capacity,
                    e.places_left,
                    e.waiting_places or 0,
                    csv_safe(e.consultation.slug if e.consultation else ""),
                    public_url_for("events.detail", event_id=e.id),
                ]
            )
    return csv_response(rows, "events.csv")
