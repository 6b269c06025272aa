"""The API's shapes: each response is dumped through one of these schemas, and the OpenAPI
document is generated from the same classes (participation/api/openapi.py).

Dumping through a schema is also the last guard on what leaves: a key that is not declared
here (an e-mail address, an author, an online link) is dropped, never sent.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from marshmallow import EXCLUDE, Schema, fields, validate

from participation.consultations.models import PublicStatus
from participation.consultations.queries import StatusFilter
from participation.events.models import EventFormat, EventStatus
from participation.events.queries import When
from participation.votes.models import QuestionKind

# The largest page a client may ask for; the default is smaller.
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
MAX_PAGE = 1_000_000  # as core/input_bounds.py: far more pages than any list has
SLUG_MAX = 120


class Translated(Schema):
    """A text in every offered language (or the one `?lang=` asked for)."""

    text = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        required=True,
        metadata={"description": "The text per language code; a missing translation holds the Dutch text."},
    )
    fallback = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "The languages whose text is the Dutch one, for want of a translation."},
    )


def _translated(description: str, nullable: bool = False):
    return fields.Nested(Translated, required=True, allow_none=nullable, metadata={"description": description})


def _time(description: str, nullable: bool = False):
    return fields.DateTime(format="iso", required=True, allow_none=nullable, metadata={"description": description})


def _url(description: str):
    return fields.String(required=True, metadata={"format": "uri", "description": description})


# --------------------------------------------------------------------------- reference data


class Theme(Schema):
    id = fields.Integer(required=True)
    slug = fields.String(required=True)
    name = _translated("The theme's name.")
    description = _translated("What the theme covers.", nullable=True)
    url = _url("The public catalogue of consultations on this theme.")
    consultations_api_url = _url("The API's list of consultations on this theme.")


class Network(Schema):
    id = fields.Integer(required=True)
    slug = fields.String(required=True)
    name = fields.String(required=True, metadata={"description": "The network's own name (not translated)."})
    description = _translated("What the network does.")
    website = fields.String(required=True, allow_none=True, metadata={"format": "uri"})
    themes = fields.List(fields.String(), required=True, metadata={"description": "Slugs of the network's themes."})
    url = _url("The network on the public networks page.")
    consultations_api_url = _url("The API's list of consultations linked to this network.")


class ThemeList(Schema):
    items = fields.List(fields.Nested(Theme), required=True)


class NetworkList(Schema):
    items = fields.List(fields.Nested(Network), required=True)


# --------------------------------------------------------------------------- consultations


class ConsultationSummary(Schema):
    id = fields.Integer(required=True)
    slug = fields.String(required=True)
    status = fields.String(
        required=True, validate=validate.OneOf([s.value for s in PublicStatus if s.value != "draft"])
    )
    title = _translated("The consultation's title.")
    summary = _translated("A short summary.")
    opens_at = _time("When residents can start to take part.")
    closes_at = _time("When taking part ends.")
    published_at = _time("When the consultation was published.", nullable=True)
    themes = fields.List(fields.String(), required=True, metadata={"description": "Theme slugs."})
    networks = fields.List(fields.String(), required=True, metadata={"description": "Network slugs."})
    url = _url("The public page.")
    api_url = _url("This consultation in the API.")


class Phase(Schema):
    name = _translated("The step's name.")
    starts_at = _time("When the step starts.")
    ends_at = _time("When the step ends.")


class QuestionLink(Schema):
    id = fields.Integer(required=True)
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in QuestionKind]))
    prompt = _translated("The question.")


class EventLink(Schema):
    id = fields.Integer(required=True)
    title = _translated("The event's title.")
    starts_at = _time("When the event starts.")
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in EventStatus]))
    url = _url("The event's public page.")
    api_url = _url("The event in the API.")


class Consultation(ConsultationSummary):
    body = _translated("The full text, in Markdown.")
    plain_summary = _translated("The text in plain language, in Markdown.", nullable=True)
    phases = fields.List(fields.Nested(Phase), required=True)
    theme_details = fields.List(fields.Nested(Theme), required=True)
    network_details = fields.List(fields.Nested(Network), required=True)
    events = fields.List(fields.Nested(EventLink), required=True)
    questions = fields.List(fields.Nested(QuestionLink), required=True)
    results_public = fields.Boolean(
        required=True, metadata={"description": "Whether the questions' counts are public (see questions_api_url)."}
    )
    results = _translated("What residents said (Markdown), once the results are published.", nullable=True)
    feedback = _translated(
        "What the city did with the input (Markdown), once the results are published.", nullable=True
    )
    results_published_at = _time("When the results were published.", nullable=True)
    questions_api_url = _url("The questions, with their counts when public.")
    moderation_api_url = _url("The discussion's moderation figures.")
    opinion_map_api_url = fields.String(
        required=True,
        allow_none=True,
        metadata={"format": "uri", "description": "The opinion map (statements and groups); null when there is none."},
    )


class Pagination(Schema):
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    total = fields.Integer(required=True)
    next = fields.String(required=True, allow_none=True, metadata={"format": "uri", "description": "The next page."})
    previous = fields.String(required=True, allow_none=True, metadata={"format": "uri"})


class ConsultationList(Pagination):
    items = fields.List(fields.Nested(ConsultationSummary), required=True)


# --------------------------------------------------------------------------- questions and results


class OptionResult(Schema):
    count = fields.Integer(required=True, metadata={"description": "Ballots that chose this option."})
    percent = fields.Float(
        required=True, metadata={"description": "Share of the question's voters (first preferences for a ranking)."}
    )
    first_preferences = fields.Integer(required=True)
    borda = fields.Integer(required=True, metadata={"description": "Borda points (ranking questions)."})


class Option(Schema):
    id = fields.Integer(required=True)
    label = _translated("The option.")
    result = fields.Nested(OptionResult, required=True, allow_none=True, metadata={"description": "Null until public."})


class Question(Schema):
    id = fields.Integer(required=True)
    position = fields.Integer(required=True)
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in QuestionKind]))
    max_choices = fields.Integer(required=True, allow_none=True)
    prompt = _translated("The question.")
    help = _translated("An explanation.", nullable=True)
    voters = fields.Integer(required=True, allow_none=True, metadata={"description": "Null until results are public."})
    options = fields.List(fields.Nested(Option), required=True)


class QuestionList(Schema):
    consultation = _url("The consultation in the API.")
    results_public = fields.Boolean(required=True)
    items = fields.List(fields.Nested(Question), required=True)


# --------------------------------------------------------------------------- moderation figures


def _median(description: str):
    return fields.Integer(
        required=True,
        allow_none=True,
        metadata={"description": description + " Median, in seconds; null while there is no such decision."},
    )


class CommentMedians(Schema):
    hidden_comments = _median("From the first report to a moderator's decision to hide the reported comment.")
    comment_appeals = _median("From an appeal against a hidden comment to its decision.")


class SiteMedians(CommentMedians):
    suspension_appeals = _median("From an appeal against a suspension to its decision.")


def _hidden():
    return fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        required=True,
        metadata={"description": "Decisions to hide a comment, per public reason ('reported': hidden after reports)."},
    )


class Moderation(Schema):
    consultation = _url("The consultation in the API.")
    hidden = _hidden()
    appeals = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        required=True,
        metadata={"description": "Appeals per outcome ('pending', 'granted', 'rejected')."},
    )
    median_seconds = fields.Nested(CommentMedians, required=True)
    url = _url("The public transparency page.")


class SuspensionCounts(Schema):
    total = fields.Integer(required=True, metadata={"description": "Every suspension decided."})
    with_end = fields.Integer(required=True, metadata={"description": "Suspensions with an end date."})
    until_further_notice = fields.Integer(required=True, metadata={"description": "Suspensions without an end date."})


class Transparency(Schema):
    hidden = _hidden()
    comment_appeals = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        required=True,
        metadata={"description": "Appeals against hidden comments per outcome ('pending', 'granted', 'rejected')."},
    )
    suspensions = fields.Nested(SuspensionCounts, required=True)
    suspension_appeals = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        required=True,
        metadata={"description": "Appeals against suspensions per outcome ('pending', 'upheld', 'lifted')."},
    )
    median_seconds = fields.Nested(SiteMedians, required=True)
    url = _url("The public transparency page.")


# --------------------------------------------------------------------------- the opinion map


class StatementCounts(Schema):
    agree = fields.Integer(required=True)
    disagree = fields.Integer(required=True)
    pass_ = fields.Integer(required=True, data_key="pass", metadata={"description": "Seen, but no opinion given."})


class GroupCounts(StatementCounts):
    group = fields.Integer(required=True, metadata={"description": "The group's id (see groups)."})


class OpinionGroup(Schema):
    id = fields.Integer(required=True, metadata={"description": "The group's number on the public map (1 = largest)."})
    size = fields.Integer(required=True, metadata={"description": "How many participants it holds."})


class OpinionStatement(Schema):
    id = fields.Integer(required=True)
    text = _translated("The statement.")
    language = fields.String(
        required=True,
        metadata={
            "description": "The language it was written in. A resident's statement exists in that language only: "
            "the other languages hold the same text and are listed in `fallback`."
        },
    )
    counts = fields.Nested(StatementCounts, required=True, metadata={"description": "Votes of every participant."})
    groups = fields.List(
        fields.Nested(GroupCounts), required=True, metadata={"description": "Votes within each shown group."}
    )
    common_ground = fields.Boolean(
        required=True, metadata={"description": "Whether more than half of every shown group agrees with it."}
    )
    distinctive_for = fields.List(
        fields.Integer(),
        required=True,
        metadata={"description": "The groups it sets apart: they agree (or disagree) far more than everyone else."},
    )


class OpinionMap(Schema):
    consultation = _url("The consultation in the API.")
    statements_open = fields.Boolean(
        required=True, metadata={"description": "Whether residents can vote on (and add) statements now."}
    )
    opens_at = _time("When voting on statements opens.")
    closes_at = _time("When voting on statements closes.")
    computed_at = _time("When the map was last computed from the votes (null: not yet).", nullable=True)
    participants = fields.Integer(required=True, metadata={"description": "People who voted on a statement."})
    placed = fields.Integer(
        required=True, metadata={"description": "People with enough votes to be placed on the map."}
    )
    min_group = fields.Integer(
        required=True, metadata={"description": "Groups smaller than this are not shown (their people count above)."}
    )
    groups = fields.List(fields.Nested(OpinionGroup), required=True, metadata={"description": "The shown groups."})
    statements = fields.List(
        fields.Nested(OpinionStatement), required=True, metadata={"description": "Every published statement."}
    )
    url = _url("The public map page.")
    csv_url = _url("The same counts as a CSV file.")


# --------------------------------------------------------------------------- events


class Accessibility(Schema):
    step_free = fields.Boolean(required=True)
    sign_language = fields.Boolean(required=True)
    induction_loop = fields.Boolean(required=True)
    notes = _translated("More about accessibility.", nullable=True)


class Report(Schema):
    summary = _translated("What happened at the event (Markdown).", nullable=True)
    attendees = fields.Integer(required=True, allow_none=True)
    published_at = _time("When the report was published.")


class ConsultationLink(Schema):
    slug = fields.String(required=True)
    title = _translated("The consultation's title.")
    api_url = _url("The consultation in the API.")


class Event(Schema):
    id = fields.Integer(required=True)
    title = _translated("The event's title.")
    description = _translated("What the event is about (Markdown).")
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in EventStatus]))
    format = fields.String(required=True, validate=validate.OneOf([f.value for f in EventFormat]))
    starts_at = _time("When the event starts.")
    ends_at = _time("When the event ends.")
    venue = fields.String(required=True, allow_none=True)
    address = fields.String(required=True, allow_none=True)
    languages = fields.List(fields.String(), required=True, metadata={"description": "Languages spoken."})
    accessibility = fields.Nested(Accessibility, required=True)
    capacity = fields.Integer(required=True)
    places_left = fields.Integer(required=True)
    waiting_list = fields.Integer(required=True, metadata={"description": "People on the waiting list."})
    registration_open = fields.Boolean(required=True)
    registration_opens_at = _time("When registration opens.")
    registration_closes_at = _time("When registration closes.")
    cancel_reason = _translated("Why the event was cancelled.", nullable=True)
    report = fields.Nested(Report, required=True, allow_none=True)
    consultation = fields.Nested(ConsultationLink, required=True, allow_none=True)
    url = _url("The public page (where people register).")
    api_url = _url("This event in the API.")


class EventList(Pagination):
    items = fields.List(fields.Nested(Event), required=True)


class Error(Schema):
    error = fields.String(required=True)
    status = fields.Integer(required=True)
    message = fields.Raw(metadata={"description": "What was wrong (a text, or the faults per parameter)."})


# --------------------------------------------------------------------------- query parameters


class _Query(Schema):
    class Meta:
        unknown = EXCLUDE  # cache busters and the like are not an error


# NUL cannot be stored or looked up (PostgreSQL): the site answers such an address with a 400 anyway.
_slug = {"validate": [validate.Length(min=1, max=SLUG_MAX), validate.Regexp(r"^[^\x00]+$")]}


@dataclass(frozen=True)
class QuerySchemas:
    single: type[Schema]  # ?lang= only
    consultations: type[Schema]
    events: type[Schema]


@functools.cache
def query_schemas(languages: tuple[str, ...]) -> QuerySchemas:
    """The query parameters, whose language choices are the site's (configuration)."""

    def language_field(description: str):
        return fields.String(validate=validate.OneOf(languages), metadata={"description": description})

    class LangQuery(_Query):
        lang = language_field("Only this language in translated fields.")

    class PageQuery(LangQuery):
        page = fields.Integer(
            load_default=1, validate=validate.Range(min=1, max=MAX_PAGE), metadata={"description": "Page number."}
        )
        per_page = fields.Integer(
            load_default=DEFAULT_PER_PAGE,
            validate=validate.Range(min=1, max=MAX_PER_PAGE),
            metadata={"description": f"Items per page (at most {MAX_PER_PAGE})."},
        )

    class ConsultationQuery(PageQuery):
        status = fields.String(validate=validate.OneOf([s.value for s in StatusFilter]))
        theme = fields.String(metadata={"description": "A theme's slug."}, **_slug)
        network = fields.String(metadata={"description": "A network's slug."}, **_slug)
        language = language_field("Only consultations whose title is translated into this language.")

    class EventQuery(PageQuery):
        when = fields.String(validate=validate.OneOf([w.value for w in When]), load_default=When.UPCOMING.value)
        consultation = fields.String(metadata={"description": "A consultation's slug."}, **_slug)
        theme = fields.String(metadata={"description": "A theme's slug."}, **_slug)
        format = fields.String(validate=validate.OneOf([f.value for f in EventFormat]))
        language = language_field("A language spoken at the event.")

    return QuerySchemas(LangQuery, ConsultationQuery, EventQuery)
