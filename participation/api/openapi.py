"""The OpenAPI 3.1 description, generated with apispec from the API's routes, the `operation()`
notes on its views and the marshmallow schemas the views dump through: nothing written twice.
"""

from __future__ import annotations

import re

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Flask

from participation.api import schemas as s
from participation.core.input_bounds import MAX_ID

TITLE = "Participation Ghent: open data API"
VERSION = "1.0.0"
_ARGUMENT = re.compile(r"<(?:(\w+):)?(\w+)>")
_CACHE_KEY = "participation.api.openapi"


def _path_and_parameters(rule) -> tuple[str, list[dict]]:
    parameters = []

    def replace(match):
        converter, name = match.group(1), match.group(2)
        if converter == "id":
            schema = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
        else:
            schema = {"type": "string", "minLength": 1, "maxLength": s.SLUG_MAX, "pattern": r"^[^/\x00]+$"}
        parameters.append({"name": name, "in": "path", "required": True, "schema": schema})
        return "{" + name + "}"

    return _ARGUMENT.sub(replace, rule.rule), parameters


def _error(description: str, extra_headers: dict | None = None) -> dict:
    response = {"description": description, "content": {"application/json": {"schema": "Error"}}}
    if extra_headers:
        response["headers"] = extra_headers
    return response


def _responses(response_schema, has_path_parameters: bool) -> dict:
    responses = {
        "200": {
            "description": "OK",
            "headers": {
                "ETag": {"schema": {"type": "string"}, "description": "Send it back in If-None-Match."},
                "Cache-Control": {"schema": {"type": "string"}},
            },
            "content": {"application/json": {"schema": response_schema}},
        },
        "304": {"description": "Not modified since the ETag sent in If-None-Match."},
        "400": _error("A query parameter is not valid."),
        "429": _error(
            "Too many requests from this address.",
            {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}},
        ),
    }
    if has_path_parameters:
        responses["404"] = _error("No such (public) resource.")
    return responses


def build_spec(app: Flask) -> APISpec:
    spec = APISpec(
        title=TITLE,
        version=VERSION,
        openapi_version="3.1.0",
        plugins=[MarshmallowPlugin()],
        info={
            "description": "Read-only, public data of the City of Ghent's participation platform: consultations, "
            "events, questions with their results once public, opinion maps, themes, networks and moderation "
            "figures. No personal data. Translated texts come in every offered language (`fallback` lists those "
            "shown in Dutch for want of a translation); `lang` narrows them to one. Times are UTC.",
        },
        servers=[{"url": app.config["PUBLIC_URL"]}],
    )
    spec.components.schema("Error", schema=s.Error)
    queries = s.query_schemas(tuple(app.config["LANGUAGES"]))
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        view = app.view_functions.get(rule.endpoint)
        note = getattr(view, "api_operation", None)
        if note is None:
            continue
        path, parameters = _path_and_parameters(rule)
        if note["query"]:
            parameters.append({"in": "query", "schema": getattr(queries, note["query"])})
        get = {
            "operationId": rule.endpoint.removeprefix("api."),
            "summary": note["summary"],
            "parameters": parameters,
            "responses": _responses(note["response"], bool(rule.arguments)),
        }
        if note["description"]:
            get["description"] = note["description"]
        spec.path(path=path, operations={"get": get})
    return spec


def openapi_document(app: Flask) -> dict:
    """The document as a dict, built once per application (routes do not change at run time)."""
    if _CACHE_KEY not in app.extensions:
        app.extensions[_CACHE_KEY] = build_spec(app).to_dict()
    return app.extensions[_CACHE_KEY]
