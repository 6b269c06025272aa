"""The embed pages: one consultation, one event, the open consultations, the upcoming events.

Each is a card without forms or scripts whose links open the full page in a new tab. They set
no cookie (a framed page on another site must not track or identify anyone) and are the only
pages other sites may frame (framing.py).
"""

from __future__ import annotations

from flask import Blueprint, current_app, g, render_template

from participation.consultations import queries as consultation_queries
from participation.consultations.labels import STATUS_LABELS
from participation.consultations.permissions import can_view_consultation
from participation.core.caching import depends_on_visitor
from participation.core.time import utcnow
from participation.embeds.framing import embed_policy
from participation.events import queries as event_queries
from participation.events.permissions import can_view_event
from participation.extensions import db, login_manager

bp = Blueprint("embeds", __name__, url_prefix="/<lang>/embed")

LIST_LIMIT = 6
CACHE_CONTROL = "public, max-age=60"


def _visitor():
    """An embed is the same for everyone who sees it: rules are asked as for an anonymous visitor."""
    return login_manager.anonymous_user()


@bp.before_request
def _language_of_the_host_page():
    # The language is the embedding site's choice, not the visitor's: do not remember it in a cookie
    # (core/i18n.py sets the `lang` cookie only for addresses whose language was typed by the visitor).
    g.lang_in_url = False


@bp.after_request
def _framable_by_the_city_sites(response):
    response.headers["Content-Security-Policy"] = embed_policy(current_app.config["EMBED_ORIGINS"])
    if not depends_on_visitor(response):  # framed on another site, a page gets no cookie of ours
        response.headers.setdefault("Cache-Control", CACHE_CONTROL)
    return response


@bp.get("/consultations/")
def consultations():
    items = list(db.session.scalars(consultation_queries.open_now(LIST_LIMIT)))
    return render_template("embeds/consultations.html", consultations=items, now=utcnow(), status_labels=STATUS_LABELS)


@bp.get("/consultations/<slug>")
def consultation(slug: str):
    c = db.session.scalar(consultation_queries.by_slug(slug))
    if c is None or not can_view_consultation(_visitor(), c):
        return render_template("embeds/not_found.html"), 404
    return render_template("embeds/consultation.html", c=c, now=utcnow(), status_labels=STATUS_LABELS)


@bp.get("/events/")
def events():
    items = list(db.session.scalars(event_queries.upcoming(LIST_LIMIT)))
    return render_template("embeds/events.html", events=items)


@bp.get("/events/<id:event_id>")
def event(event_id: int):
    e = event_queries.event_with_counts(event_id)
    if e is None or not can_view_event(_visitor(), e):
        return render_template("embeds/not_found.html"), 404
    return render_template("embeds/event.html", event=e)
