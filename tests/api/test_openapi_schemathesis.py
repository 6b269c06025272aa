"""Property-based tests from the OpenAPI description: every path and parameter, generated inputs,
on SQLite and PostgreSQL. Answers must conform to the document (status, headers, body) and no
input may cause a 500."""

from __future__ import annotations

import jsonschema_rs
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

from participation.extensions import db
from participation.statements import refresh
from participation.statements.models import OpinionMap, StatementVote
from tests.consultations.factories import make_consultation, make_theme
from tests.events.factories import make_event
from tests.factories import make_user
from tests.statements.factories import add_statement, make_map
from tests.votes.factories import bulk_ballots, make_question


@pytest.fixture
def api_schema(app):
    """The document as the app serves it, over content for the generated requests to find."""
    theme = make_theme(app, "climate")
    open_one = make_consultation(app, slug="open", themes=[theme], results_visible_while_open=True)
    closed = make_consultation(app, status="results", slug="done", results={"nl": "R"}, feedback={"nl": "F"})
    make_consultation(app, status="draft", slug="draft")
    for consultation in (open_one, closed):
        make_event(app, consultation=consultation)
        bulk_ballots(app, make_question(app, consultation), 3)
    make_event(app, when="past", event_format="online")
    # A computed opinion map (two groups of six) with a resident's statement in one language.
    statements = make_map(app, open_one, texts=[f"Stelling {n}." for n in range(4)])
    with app.app_context():
        for n in range(12):
            user = make_user(app)
            for s, value in zip(statements, (1, 1, -1, -1) if n < 6 else (1, -1, 1, 1), strict=True):
                db.session.add(
                    StatementVote(statement_id=s.id, consultation_id=open_one.id, user_id=user.id, value=value)
                )
        refresh.recompute(open_one.id)
        db.session.commit()
        assert len(db.session.get(OpinionMap, open_one.id).result["groups"]) == 2
    add_statement(app, open_one, "Plus de verdure.", language="fr")  # added since: no counts yet
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def test_every_operation_conforms_and_never_fails(api_schema):
    """Each operation with generated path and query parameters (valid and also invalid ones)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.call_and_validate()

        check()


def test_the_document_is_openapi_3_1_and_describes_every_route(app, client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.headers["Access-Control-Allow-Origin"] == "*"
    document = response.get_json()
    assert document["openapi"] == "3.1.0"
    # Valid against the OpenAPI 3.1 meta-schema, and every schema in it valid JSON Schema 2020-12.
    OPENAPI_31_VALIDATOR.validate(document)
    for name, component in document["components"]["schemas"].items():
        assert jsonschema_rs.meta.is_valid({"$schema": "https://json-schema.org/draft/2020-12/schema", **component}), (
            name
        )
    api_rules = {
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.") and rule.endpoint != "api.openapi"
    }
    documented = {path.replace("{", "<").replace("}", ">") for path in document["paths"]}
    expected = {rule.replace("<id:", "<") for rule in api_rules}
    assert documented == expected
    list_parameters = {p["name"] for p in document["paths"]["/api/v1/consultations"]["get"]["parameters"]}
    assert {"status", "theme", "network", "language", "lang", "page", "per_page"} <= list_parameters
