"""HTTP for the API: JSON through a schema, validators for conditional requests, caching, CORS,
query parameters that are checked (400 with the faults) and pages with `next` links.

Every response is the same for everybody (the API reads as an anonymous visitor), so shared
caches may keep it for a short while: statuses follow the clock (a consultation opens at its
time), so not long.
"""

from __future__ import annotations

import json
from datetime import datetime

from flask import Response, abort, current_app, request
from marshmallow import Schema, ValidationError
from werkzeug.exceptions import BadRequest

from participation.api import present
from participation.core.caching import depends_on_visitor
from participation.core.urls import public_url_for
from participation.extensions import db

CACHE_CONTROL = "public, max-age=60"
# Headers a script on another site may read (the browser hides the others).
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"


def _default(value):
    if isinstance(value, datetime):
        return present.utc(value).isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def json_response(schema: type[Schema], data: dict, last_modified: datetime | None = None) -> Response:
    """Dump through the schema (undeclared keys never leave), with an ETag; 304 when unchanged."""
    body = json.dumps(schema().dump(data), ensure_ascii=False, separators=(",", ":"), default=_default)
    response = Response(body, mimetype="application/json")
    # The answer is the same for everybody, but the site's rule holds here too (core/caching.py): a
    # request with the session cookie or a log-in gets no-store. A script on another site sends none.
    if not depends_on_visitor(response):
        response.headers["Cache-Control"] = CACHE_CONTROL
    response.add_etag()
    response = response.make_conditional(request)
    # Set after the comparison: only the ETag decides a 304. Counts (places, votes) change without
    # any row's updated_at changing, so a date alone could keep a stale answer alive.
    if last_modified is not None:
        response.last_modified = present.utc(last_modified).replace(microsecond=0)
    return response


def parse_query(schema: type[Schema]) -> dict:
    """The query string through its schema: 400 (JSON, with each fault) on a bad value."""
    try:
        return schema().load(request.args)
    except ValidationError as exc:
        raise ApiBadRequest(exc.messages) from None


class ApiBadRequest(BadRequest):
    """A 400 whose message names each faulty parameter."""

    def __init__(self, faults: dict):
        parts = [
            f"{key}: {' '.join(map(str, value)) if isinstance(value, list) else value}" for key, value in faults.items()
        ]
        super().__init__("Invalid query parameters. " + "; ".join(parts))


def languages(args: dict) -> present.Languages:
    """Every offered language, or the one asked for with ?lang= (validated by the schema)."""
    offered = tuple(current_app.config["LANGUAGES"])
    lang = args.get("lang")
    if lang:
        return present.Languages((lang,), lang)
    return present.Languages(offered, offered[0])


def page(select, args: dict, endpoint: str, **values):
    """One page of `select` (two statements: the rows and the count) and its links."""

    pagination = db.paginate(select, page=args["page"], per_page=args["per_page"], error_out=False, count=True)

    def link(number: int) -> str:
        # Only the parameters the schema knows: anything else could reach url_for's own arguments.
        query = {key: value for key, value in request.args.items() if key in args and key != "page"}
        return public_url_for(f"api.{endpoint}", **values, **query, page=number)

    return pagination, {
        "page": pagination.page,
        "per_page": pagination.per_page,
        "total": pagination.total or 0,
        "next": link(pagination.page + 1) if pagination.has_next else None,
        "previous": link(pagination.page - 1) if pagination.page > 1 else None,
    }


def not_found() -> None:
    abort(404)


def add_cors(response: Response) -> Response:
    """Any site may read the API (it is public data): GET from any origin, no credentials."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response
