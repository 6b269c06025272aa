"""The read-only public API, /api/v1/: what the public pages show, as JSON.

Each view asks the features' own queries and permission rules, as an anonymous visitor would
(so the answer is the same for everybody and may be cached), and runs a fixed number of
statements whatever the amount of data. `operation()` records what the OpenAPI document says
about the view (participation/api/openapi.py reads it from the views).
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify

from participation.api import present, queries
from participation.api import schemas as s
from participation.api.http import json_response, languages, not_found, page, parse_query
from participation.api.openapi import openapi_document
from participation.comments import queries as comment_queries
from participation.consultations import queries as consultation_queries
from participation.consultations.models import Consultation
from participation.core.caching import depends_on_visitor
from participation.core.time import utcnow
from participation.events import queries as event_queries
from participation.events.models import EventFormat
from participation.events.permissions import can_view_event
from participation.extensions import db, login_manager
from participation.moderation.transparency import site_figures
from participation.statements import map_view
from participation.statements import services as statement_services
from participation.statements.permissions import can_see_map
from participation.votes import queries as vote_queries
from participation.votes.permissions import results_public
from participation.votes.results import question_results

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def operation(summary: str, response: type[s.Schema], *, query: str | None = None, description: str = ""):
    """Describe a view for the OpenAPI document: its summary, query schema (a QuerySchemas field) and answer."""

    def decorate(view):
        view.api_operation = {"summary": summary, "description": description, "query": query, "response": response}
        return view

    return decorate


def _visitor():
    """The API reads as an anonymous visitor: no answer depends on who asks."""
    return login_manager.anonymous_user()


def _queries():
    return s.query_schemas(tuple(current_app.config["LANGUAGES"]))


def _public_consultation(slug: str) -> Consultation:
    return consultation_queries.consultation_visible_to(_visitor(), slug, with_details=True)


def _latest(*moments, now):
    """The most recent of the moments that already passed (a status changes at its dates too)."""
    passed = [present.utc(m) for m in moments if m is not None and present.utc(m) <= now]
    return max(passed, default=None)


# ----------------------------------------------------------------------------- consultations


@bp.get("/consultations")
@operation(
    "Published consultations",
    s.ConsultationList,
    query="consultations",
    description="Open ones first (closing soonest first), then upcoming, then the most recently closed.",
)
def consultations():
    args = parse_query(_queries().consultations)
    langs = languages(args)
    stmt = queries.consultations(
        theme_slug=args.get("theme"),
        status=consultation_queries.StatusFilter(args["status"]) if args.get("status") else None,
        network_slug=args.get("network"),
        language=args.get("language"),
    )
    pagination, links = page(stmt, args, "consultations")
    now = utcnow()
    items = [present.consultation_summary(c, langs, now) for c in pagination.items]
    return json_response(s.ConsultationList, {**links, "items": items})


@bp.get("/consultations/<slug>")
@operation(
    "One consultation",
    s.Consultation,
    query="single",
    description="With its timeline, themes, networks, events and questions; results and the city's feedback "
    "once published.",
)
def consultation(slug: str):
    args = parse_query(_queries().single)
    langs = languages(args)
    c = _public_consultation(slug)
    events = [e for e in db.session.scalars(event_queries.of_consultation(c.id)) if can_view_event(_visitor(), e)]
    questions = list(db.session.scalars(vote_queries.questions_of(c.id)))
    now = utcnow()
    data = present.consultation(
        c,
        langs,
        now,
        events=events,
        questions=questions,
        results_public=results_public(c),
        has_opinion_map=statement_services.opinion_map_of(c.id) is not None,
    )
    last = _latest(
        c.updated_at,
        c.opens_at,
        c.closes_at,
        c.published_at,
        c.results_published_at,
        *(e.updated_at for e in events),
        *(q.updated_at for q in questions),
        now=now,
    )
    return json_response(s.Consultation, data, last_modified=last)


@bp.get("/consultations/<slug>/questions")
@operation(
    "A consultation's questions",
    s.QuestionList,
    query="single",
    description="With the counts only where the public results page shows them: once voting closed, or while "
    "it is open if the organisers made the results public.",
)
def questions(slug: str):
    args = parse_query(_queries().single)
    langs = languages(args)
    c = _public_consultation(slug)
    items = list(db.session.scalars(vote_queries.questions_of(c.id)))
    public = results_public(c)
    results = {}
    if public and items:
        results = {r.question.id: r for r in question_results(items, c, langs.page_lang)}
    data = {
        "consultation": present.api_url("consultation", slug=c.slug),
        "results_public": public,
        "items": [present.question(q, langs, results.get(q.id)) for q in items],
    }
    return json_response(s.QuestionList, data)


@bp.get("/consultations/<slug>/moderation")
@operation(
    "A consultation's moderation figures",
    s.Moderation,
    query="single",
    description="The transparency page as data: how often comments were hidden, per public reason, how "
    "appeals ended, and the median times to those decisions. No comments and no names.",
)
def moderation(slug: str):
    args = parse_query(_queries().single)
    langs = languages(args)
    c = _public_consultation(slug)
    data = {
        "consultation": present.api_url("consultation", slug=c.slug),
        **comment_queries.moderation_figures(c.id),
        "url": present.page_url(langs, "comments.transparency", slug=c.slug),
    }
    return json_response(s.Moderation, data)


@bp.get("/transparency")
@operation(
    "Moderation and suspensions over all consultations",
    s.Transparency,
    query="single",
    description="The site-wide transparency page as data: how often comments were hidden, per public reason; how "
    "appeals against hidden comments ended; how many accounts were suspended (with an end date or until further "
    "notice) and how appeals against suspensions ended; the median times to those decisions. No comments, no "
    "names, no reasons written for one person.",
)
def transparency():
    langs = languages(parse_query(_queries().single))
    data = {**site_figures(), "url": present.page_url(langs, "transparency.page")}
    return json_response(s.Transparency, data)


@bp.get("/consultations/<slug>/opinion-map")
@operation(
    "A consultation's opinion map",
    s.OpinionMap,
    query="single",
    description="The statements residents agree or disagree with, as the public map page shows them: the groups "
    "of participants who vote alike (sizes only; groups too small to show are left out) and per published "
    "statement the votes overall and per group. The same counts as the map's CSV. No authors, no person.",
)
def opinion_map(slug: str):
    args = parse_query(_queries().single)
    langs = languages(args)
    c = _public_consultation(slug)
    found = statement_services.opinion_map_of(c.id)
    if found is None or not can_see_map(_visitor(), c):
        not_found()
    now = utcnow()
    data = present.opinion_map(
        c, found, langs, now, groups=map_view.shown_groups(found), figures=map_view.statement_figures(found)
    )
    last = _latest(found.updated_at, found.opens_at, found.closes_at, found.computed_at, now=now)
    return json_response(s.OpinionMap, data, last_modified=last)


# ----------------------------------------------------------------------------- events


@bp.get("/events")
@operation(
    "Events",
    s.EventList,
    query="events",
    description="Upcoming events soonest first, or past ones (when=past) most recent first; the filters of the "
    "public events page.",
)
def events():
    args = parse_query(_queries().events)
    langs = languages(args)
    stmt = event_queries.catalogue(
        when=event_queries.When(args["when"]),
        consultation_slug=args.get("consultation"),
        theme_slug=args.get("theme"),
        event_format=EventFormat(args["format"]) if args.get("format") else None,
        language=args.get("language"),
    )
    pagination, links = page(stmt, args, "events")
    now = utcnow()
    return json_response(s.EventList, {**links, "items": [present.event(e, langs, now) for e in pagination.items]})


@bp.get("/events/<id:event_id>")
@operation(
    "One event",
    s.Event,
    query="single",
    description="With its places left and the length of its waiting list (never who registered).",
)
def event(event_id: int):
    args = parse_query(_queries().single)
    langs = languages(args)
    e = event_queries.event_with_counts(event_id)
    if e is None or not can_view_event(_visitor(), e):
        not_found()
    now = utcnow()
    last = _latest(e.updated_at, e.registration_opens_at, e.registration_closes_at, e.starts_at, e.ends_at, now=now)
    return json_response(s.Event, present.event(e, langs, now), last_modified=last)


# ----------------------------------------------------------------------------- reference data


@bp.get("/themes")
@operation("Themes", s.ThemeList, query="single")
def themes():
    langs = languages(parse_query(_queries().single))
    items = [present.theme(t, langs) for t in db.session.scalars(consultation_queries.themes())]
    return json_response(s.ThemeList, {"items": items})


@bp.get("/networks")
@operation("Ghent's international networks", s.NetworkList, query="single")
def networks():
    langs = languages(parse_query(_queries().single))
    items = [present.network(n, langs) for n in db.session.scalars(consultation_queries.networks())]
    return json_response(s.NetworkList, {"items": items})


# ----------------------------------------------------------------------------- the description


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of this API, generated from the views and schemas above."""

    response = jsonify(openapi_document(current_app))
    if not depends_on_visitor(response):
        response.headers["Cache-Control"] = "public, max-age=3600"
    return response
