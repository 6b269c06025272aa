"""Numbers out of range in an address (ids, page numbers, dates): a 404 or a field error, never a 500.

PostgreSQL's INTEGER ends at 2**31-1 and SQLite's integers at 2**63-1; before the `id`
converter, /events/2147483648 was a 500 on PostgreSQL and /events/9223372036854775808
one on both. These tests walk the whole url map, so a new route is covered the day it
is added. They run on both databases.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from werkzeug.routing.converters import NumberConverter

from participation.core.input_bounds import MAX_ID, MAX_PAGE, IdConverter
from participation.core.permissions import Role
from participation.core.time import utcnow
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.factories import PASSWORD, make_user
from tests.support import text

HUGE_IDS = [2**31, 2**63, 10**20, -1, 0, MAX_ID, "0" * 30 + "1", "9" * 5000]
ARGUMENT = re.compile(r"<(?:(?P<converter>\w+)(?:\([^)]*\))?:)?(?P<name>\w+)>")


def _id_rules(app, method: str):
    """The routes with a number in them (whatever converter reads it)."""
    rules = [
        rule
        for rule in app.url_map.iter_rules()
        if method in rule.methods and any(isinstance(c, NumberConverter) for c in rule._converters.values())
    ]
    assert len(rules) > (20 if method == "GET" else 30)  # the walk has something to walk
    return rules


def _url(rule, slug: str, huge) -> str:
    def value(match):
        name = match.group("name")
        if match.group("converter") in ("id", "int"):
            return str(huge)
        return {"lang": "en", "slug": slug}.get(name, "x")

    return ARGUMENT.sub(value, rule.rule)


def test_every_number_in_a_route_is_a_bounded_id(app):
    """No route uses werkzeug's unbounded `int` (or `float`) converter: ids use `<id:...>`."""
    offenders = [
        rule.rule
        for rule in app.url_map.iter_rules()
        for converter in rule._converters.values()
        if isinstance(converter, NumberConverter) and not isinstance(converter, IdConverter)
    ]
    assert offenders == []


@pytest.mark.parametrize("role", ["anonymous", "admin"])
def test_huge_negative_or_zero_ids_in_every_page_are_a_404(app, client, role):
    consultation = make_consultation(app)
    if role == "admin":
        client.login(make_user(app, role=Role.ADMIN).email, PASSWORD)
    problems = []
    for rule in _id_rules(app, "GET"):
        for huge in HUGE_IDS:
            url = _url(rule, consultation.slug, huge)
            status = client.get(url).status_code
            if status >= 500 or (role == "admin" and status not in (400, 404)):
                problems.append((url[:120], status))
    assert problems == []


def test_huge_ids_in_every_action_are_refused_not_crashed(app, client):
    """The same for POST: with a real CSRF token, so the request reaches the id."""
    consultation = make_consultation(app)
    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD)
    token = client.token_from("/en/account/")
    problems = []
    for rule in _id_rules(app, "POST"):
        for huge in HUGE_IDS:
            url = _url(rule, consultation.slug, huge)
            status = client.post(url, data={"csrf_token": token, "reason": "spam", "role": "admin"}).status_code
            if status >= 500:
                problems.append((url[:120], status))
    assert problems == []


# ------------------------------------------------------------------ query strings

PAGE_VALUES = {
    "100000000000000000000": 404,
    "9223372036854775808": 404,
    "2147483648": 404,
    str(MAX_PAGE + 1): 404,
    "0": 404,
    "-1": 400,
    "abc": 400,
    "²": 400,
    "1e3": 400,
    "9" * 5000: 404,
}
FUZZ = [f"page={value}" for value in PAGE_VALUES] + [
    "date_from=0001-01-01",
    "date_to=9999-12-31",
    "date_from=10000-01-01",
    "date_to=0001-01-01",
    "date_from=1899-12-31&date_to=2201-01-01",
    "consultation=100000000000000000000",
    "consultation=-5",
    "moderator=100000000000000000000",
    "moderator=-1",
    "status=confirmed&page=10000000000",
    "sort=oldest&page=100000000000000000000",
    "code=" + "9" * 300,
]


def _get_rules(app):
    return [
        rule
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and set(rule.arguments) <= {"lang", "slug"} and not rule.rule.startswith("/static")
    ]


@pytest.mark.slow  # every page, many query strings
@pytest.mark.parametrize("role", ["anonymous", "admin"])
def test_query_string_fuzz_on_every_page_is_never_a_500(app, client, role):
    consultation = make_consultation(app, status="closed")
    make_event(app, consultation=consultation)
    if role == "admin":
        client.login(make_user(app, role=Role.ADMIN).email, PASSWORD)
    problems = []
    for rule in _get_rules(app):
        base = _url(rule, consultation.slug, 1)
        for query in FUZZ:
            status = client.get(f"{base}?{query}").status_code
            if status >= 500:
                problems.append((base, query[:60], status))
    assert problems == []


LISTS = [
    "/en/consultations/",
    "/en/events/",
    "/en/organise/events/",
    "/en/admin/users",
    "/en/admin/outbox",
    "/en/moderate/",
    "/en/moderate/appeals",
    "/en/moderate/suspensions",
    "/en/moderate/log",
]


@pytest.mark.parametrize("value, expected", PAGE_VALUES.items(), ids=lambda v: str(v)[:12])
def test_a_page_number_out_of_range_is_a_404_and_one_that_is_no_number_a_400(app, client, value, expected):
    consultation = make_consultation(app, status="closed")
    client.login(make_user(app, role=Role.ADMIN).email, PASSWORD)
    lists = [
        *LISTS,
        f"/en/consultations/{consultation.slug}/comments",
        f"/en/consultations/{consultation.slug}/results",
    ]
    statuses = {url: client.get(f"{url}?page={value}").status_code for url in lists}
    assert statuses == dict.fromkeys(lists, expected)


def test_pages_inside_the_range_still_work(app, client):
    client.login(make_user(app, role=Role.ADMIN).email, PASSWORD)
    for url in LISTS:
        for page in ("", "?page=", "?page=1", "?page=2", f"?page={MAX_PAGE}"):
            assert client.get(url + page).status_code == 200, url + page


@pytest.mark.parametrize(
    "query",
    [
        "date_from=0001-01-01",
        "date_to=9999-12-31",
        "date_from=1899-12-31",
        "date_to=2201-01-01",
        "date_from=10000-01-01",
        "date_to=2026-02-30",
    ],
)
def test_dates_outside_the_supported_years_in_the_log_filter_are_a_field_error(app, client, query):
    client.login(make_user(app, role=Role.MODERATOR).email, PASSWORD)
    response = client.get(f"/en/moderate/log?{query}")
    assert response.status_code == 400
    field = query.split("=")[0]
    body = text(response)
    assert f'id="{field}-error"' in body and "Not a valid date value." in body


def test_dates_inside_the_supported_years_filter_the_log(app, client):
    client.login(make_user(app, role=Role.MODERATOR).email, PASSWORD)
    today = utcnow().date()
    for query in (
        f"date_from={today}",
        f"date_to={today + timedelta(days=1)}",
        "date_from=1900-01-01&date_to=2200-12-31",
    ):
        assert client.get(f"/en/moderate/log?{query}").status_code == 200, query


def test_an_out_of_range_consultation_in_the_new_event_address_is_ignored(app, client):
    client.login(make_user(app, role=Role.ORGANISER).email, PASSWORD)
    for value in ("100000000000000000000", "2147483648", "-5", "abc"):
        assert client.get(f"/en/organise/events/new?consultation={value}").status_code == 200
