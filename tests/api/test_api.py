"""The public API as a program sees it: data, filters, links, privacy, and HTTP behaviour."""

from __future__ import annotations

from datetime import timedelta

import pytest

from participation.core.time import utcnow
from participation.events.models import Registration, RegistrationStatus
from participation.extensions import db
from tests.consultations.factories import make_consultation, make_theme
from tests.events.factories import make_event
from tests.support import count_queries
from tests.votes.factories import bulk_ballots, make_question

BASE = "http://participatie.test"  # PUBLIC_URL in tests/conftest.py


def _json(client, url, status=200, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == status, (url, response.status_code, response.get_data(as_text=True)[:500])
    assert response.mimetype == "application/json"
    return response.get_json()


def _register(app, event, n, status, start=1):
    """n registrations with names and e-mail addresses (which the API must never show)."""
    with app.app_context():
        for i in range(start, start + n):
            db.session.add(
                Registration(
                    event_id=event.id,
                    name=f"Deelnemer Geheim {i}",
                    email=f"deelnemer{i}@private.example",
                    status=status,
                    sequence=i,
                    confirmed_at=utcnow(),
                )
            )
        db.session.commit()


# ------------------------------------------------------------------------------ consultations


def test_consultation_list_filters_and_pages(app, client):
    climate = make_theme(app, "climate")
    make_theme(app, "culture")
    open_one = make_consultation(app, status="open", themes=[climate], slug="open-climate")
    make_consultation(app, status="upcoming", slug="upcoming-one")
    make_consultation(app, status="closed", slug="closed-one", title={"nl": "Gesloten"})
    make_consultation(app, status="draft", slug="draft-one", title={"nl": "Geheim ontwerp"})

    data = _json(client, "/api/v1/consultations")
    slugs = [item["slug"] for item in data["items"]]
    assert slugs[0] == "open-climate"
    assert set(slugs) == {"open-climate", "upcoming-one", "closed-one"}
    assert data["total"] == 3 and data["next"] is None

    assert [i["slug"] for i in _json(client, "/api/v1/consultations?status=open")["items"]] == ["open-climate"]
    assert [i["slug"] for i in _json(client, "/api/v1/consultations?theme=climate")["items"]] == ["open-climate"]
    assert _json(client, "/api/v1/consultations?theme=culture")["items"] == []
    # Only the closed one has no English title.
    english = [i["slug"] for i in _json(client, "/api/v1/consultations?language=en")["items"]]
    assert set(english) == {"open-climate", "upcoming-one"}

    first = _json(client, "/api/v1/consultations?per_page=2")
    assert len(first["items"]) == 2 and first["previous"] is None
    assert first["next"].startswith(BASE + "/api/v1/consultations?")
    second = _json(client, first["next"].removeprefix(BASE))
    assert len(second["items"]) == 1 and second["next"] is None
    assert {i["slug"] for i in first["items"] + second["items"]} == set(slugs)

    item = next(i for i in data["items"] if i["slug"] == "open-climate")
    assert item["id"] == open_one.id and item["status"] == "open" and item["themes"] == ["climate"]
    assert item["url"] == f"{BASE}/nl/consultations/open-climate"
    assert item["api_url"] == f"{BASE}/api/v1/consultations/open-climate"
    assert item["opens_at"].endswith("+00:00")
    assert item["title"] == {
        "text": {"nl": open_one.title["nl"], "en": open_one.title["en"], "fr": open_one.title["fr"]},
        "fallback": [],
    }
    closed = next(i for i in data["items"] if i["slug"] == "closed-one")
    assert closed["title"] == {"text": {"nl": "Gesloten", "en": "Gesloten", "fr": "Gesloten"}, "fallback": ["en", "fr"]}


@pytest.mark.parametrize(
    "query",
    ["status=nonsense", "per_page=0", "per_page=101", "page=0", "page=abc", "lang=xx", "language=zz"],
)
def test_a_bad_filter_is_a_json_400(app, client, query):
    response = client.get(f"/api/v1/consultations?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert body["status"] == 400 and body["message"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_lang_narrows_translated_fields_to_one_language(app, client):
    make_consultation(app, slug="tweetalig", title={"nl": "Titel", "en": "Title"})
    item = _json(client, "/api/v1/consultations/tweetalig?lang=fr")
    assert item["title"] == {"text": {"fr": "Titel"}, "fallback": ["fr"]}
    assert item["url"] == f"{BASE}/fr/consultations/tweetalig"
    assert _json(client, "/api/v1/consultations/tweetalig?lang=en")["title"] == {
        "text": {"en": "Title"},
        "fallback": [],
    }


def test_one_consultation_with_its_parts_and_no_results_before_they_are_published(app, client):
    theme = make_theme(app, "climate")
    now = utcnow()
    c = make_consultation(
        app,
        status="closed",
        slug="met-alles",
        themes=[theme],
        phases=[({"nl": "Infoavond"}, now - timedelta(days=30), now - timedelta(days=30))],
        results={"nl": "Nog niet gepubliceerd"},
        feedback={"nl": "Nog niet gepubliceerd"},
    )
    event = make_event(app, consultation=c, when="past")
    question = make_question(app, c)
    data = _json(client, "/api/v1/consultations/met-alles")
    assert data["status"] == "closed"
    assert [p["name"]["text"]["nl"] for p in data["phases"]] == ["Infoavond"]
    assert data["theme_details"][0]["slug"] == "climate"
    assert [e["id"] for e in data["events"]] == [event.id]
    assert data["events"][0]["api_url"] == f"{BASE}/api/v1/events/{event.id}"
    assert [q["id"] for q in data["questions"]] == [question.id]
    assert data["results"] is None and data["feedback"] is None
    assert data["results_public"] is True  # voting closed: the counts are public
    assert "Last-Modified" in client.get("/api/v1/consultations/met-alles").headers


def test_results_and_feedback_once_published(app, client):
    make_consultation(app, status="results", slug="klaar", results={"nl": "Wat u zei"}, feedback={"nl": "Wat we deden"})
    data = _json(client, "/api/v1/consultations/klaar?lang=nl")
    assert data["status"] == "results"
    assert data["results"]["text"] == {"nl": "Wat u zei"}
    assert data["feedback"]["text"] == {"nl": "Wat we deden"}


def test_a_draft_or_unknown_consultation_is_a_json_404(app, client):
    make_consultation(app, status="draft", slug="ontwerp")
    for url in (
        "/api/v1/consultations/ontwerp",
        "/api/v1/consultations/ontwerp/questions",
        "/api/v1/consultations/ontwerp/moderation",
        "/api/v1/consultations/bestaat-niet",
        "/api/v1/nothing-here",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.get_json()["status"] == 404
        assert response.headers["Access-Control-Allow-Origin"] == "*"


# ------------------------------------------------------------------------------ questions


def test_counts_are_hidden_while_voting_is_open(app, client):
    c = make_consultation(app, status="open", slug="stemming")
    question = make_question(app, c)
    bulk_ballots(app, question, 5)
    data = _json(client, "/api/v1/consultations/stemming/questions")
    assert data["results_public"] is False
    assert data["items"][0]["voters"] is None
    assert all(option["result"] is None for option in data["items"][0]["options"])


def test_counts_while_open_when_the_organisers_made_them_public(app, client):
    c = make_consultation(app, status="open", slug="live", results_visible_while_open=True)
    question = make_question(app, c)
    bulk_ballots(app, question, 5)
    data = _json(client, "/api/v1/consultations/live/questions")
    assert data["results_public"] is True
    item = data["items"][0]
    assert item["voters"] == 5
    assert sum(option["result"]["count"] for option in item["options"]) == 5


def test_counts_once_voting_closed(app, client):
    c = make_consultation(app, status="closed", slug="gesloten")
    question = make_question(app, c)
    bulk_ballots(app, question, 4)
    item = _json(client, "/api/v1/consultations/gesloten/questions")["items"][0]
    assert item["voters"] == 4
    assert sum(option["result"]["count"] for option in item["options"]) == 4


# ------------------------------------------------------------------------------ events


def test_an_event_has_places_left_and_waiting_list_but_no_attendees(app, client):
    event = make_event(app, capacity=2)
    _register(app, event, 2, RegistrationStatus.CONFIRMED)
    _register(app, event, 3, RegistrationStatus.WAITING, start=3)
    response = client.get(f"/api/v1/events/{event.id}")
    data = response.get_json()
    assert data["places_left"] == 0 and data["waiting_list"] == 3 and data["capacity"] == 2
    assert data["url"] == f"{BASE}/nl/events/{event.id}"
    text = response.get_data(as_text=True)
    assert "private.example" not in text and "Geheim" not in text
    assert "meet.example.org" not in text  # the online link is for people who hold a place


def test_event_list_filters(app, client):
    online = make_event(app, event_format="online", languages=("en",))
    in_person = make_event(app, when="tomorrow")
    past = make_event(app, when="past")
    draft = make_consultation(app, status="draft")
    make_event(app, consultation=draft)
    assert [e["id"] for e in _json(client, "/api/v1/events")["items"]] == [in_person.id, online.id]
    assert [e["id"] for e in _json(client, "/api/v1/events?when=past")["items"]] == [past.id]
    assert [e["id"] for e in _json(client, "/api/v1/events?format=online")["items"]] == [online.id]
    assert [e["id"] for e in _json(client, "/api/v1/events?language=en")["items"]] == [online.id]
    assert _json(client, "/api/v1/events?format=teleport", 400)["status"] == 400


def test_event_of_a_draft_consultation_is_a_404(app, client):
    draft = make_consultation(app, status="draft")
    event = make_event(app, consultation=draft)
    assert client.get(f"/api/v1/events/{event.id}").status_code == 404
    assert client.get("/api/v1/events/99999").status_code == 404


# ------------------------------------------------------------------------------ reference data, moderation


def test_themes_networks_and_moderation_figures(app, client):
    make_theme(app, "climate")
    c = make_consultation(app, slug="besproken")
    themes = _json(client, "/api/v1/themes")["items"]
    assert [t["slug"] for t in themes] == ["climate"]
    assert themes[0]["consultations_api_url"] == f"{BASE}/api/v1/consultations?theme=climate"
    assert _json(client, "/api/v1/networks")["items"] == []
    figures = _json(client, "/api/v1/consultations/besproken/moderation")
    assert figures["hidden"] == {}
    assert figures["appeals"]["pending"] == 0
    assert figures["url"] == f"{BASE}/nl/consultations/{c.slug}/moderation"


# ------------------------------------------------------------------------------ HTTP


def test_etag_gives_304_and_caches_may_keep_it(app, client):
    make_consultation(app, slug="cache")
    first = client.get("/api/v1/consultations/cache")
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=60"
    assert first.headers["Access-Control-Allow-Origin"] == "*"
    etag = first.headers["ETag"]
    again = client.get("/api/v1/consultations/cache", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    assert client.get("/api/v1/consultations/cache?lang=en", headers={"If-None-Match": etag}).status_code == 200


def test_an_answer_changes_its_etag_when_the_data_changes(app, client):
    event = make_event(app, capacity=5)
    etag = client.get(f"/api/v1/events/{event.id}").headers["ETag"]
    _register(app, event, 1, RegistrationStatus.CONFIRMED)
    response = client.get(f"/api/v1/events/{event.id}", headers={"If-None-Match": etag})
    assert response.status_code == 200 and response.get_json()["places_left"] == 4


def test_too_many_requests_is_a_json_429_with_retry_after(app, client, rate_limits):
    app.config["API_RATE_LIMITS"] = "3 per minute"
    try:
        for _ in range(3):
            assert client.get("/api/v1/themes").status_code == 200
        response = client.get("/api/v1/themes")
        assert response.status_code == 429
        assert response.get_json()["status"] == 429
        assert int(response.headers["Retry-After"]) > 0
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        # Another address still gets answers.
        assert client.get("/api/v1/themes", environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 200
    finally:
        app.config["API_RATE_LIMITS"] = "120 per minute;2000 per hour"


def test_a_preflight_is_allowed_from_any_origin(app, client):
    response = client.options(
        "/api/v1/events", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]


def test_the_number_of_queries_does_not_grow_with_the_data(app, client):
    theme = make_theme(app, "climate")

    def counts():
        result = []
        for url in ("/api/v1/consultations", "/api/v1/events", "/api/v1/consultations/vast"):
            client.get(url)  # warm-up
            with count_queries(app) as statements:
                assert client.get(url).status_code == 200
            result.append(len(statements))
        return result

    c = make_consultation(app, slug="vast", themes=[theme])
    make_event(app, consultation=c)
    make_question(app, c)
    small = counts()
    for _ in range(5):
        other = make_consultation(app, themes=[theme])
        make_event(app, consultation=other)
        make_event(app, consultation=c)
        make_question(app, c)
    assert counts() == small


# ------------------------------------------------------------------------------ CSV and the page


def test_csv_downloads_of_consultations_and_events(app, client):
    make_consultation(app, slug="in-csv", title={"nl": "=SOM(A1)"})
    make_consultation(app, status="draft", slug="niet-in-csv")
    event = make_event(app, capacity=3)
    _register(app, event, 1, RegistrationStatus.CONFIRMED)
    consultations = client.get("/nl/open-data/consultations.csv")
    assert consultations.status_code == 200 and consultations.mimetype == "text/csv"
    text = consultations.get_data(as_text=True)
    assert "in-csv" in text and "niet-in-csv" not in text
    assert "'=SOM(A1)" in text  # no formula injection
    events = client.get("/en/open-data/events.csv").get_data(as_text=True)
    assert f"{BASE}/nl/events/{event.id}" in events or f"{BASE}/en/events/{event.id}" in events
    assert "private.example" not in events and "Geheim" not in events


def test_the_open_data_page_is_in_the_footer_and_shows_curl_examples(app, client):
    home = client.get("/en/").get_data(as_text=True)
    assert 'href="/en/open-data/"' in home
    page = client.get("/en/open-data/")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert f"curl &#34;{BASE}/api/v1/consultations?status=open&#34;" in text or (
        f"{BASE}/api/v1/consultations?status=open" in text and "curl" in text
    )
    assert f"{BASE}/api/v1/openapi.json" in text
    assert "/en/open-data/consultations.csv" in text and "/en/open-data/events.csv" in text
    assert "<script" not in text


def test_a_signed_in_request_is_not_stored_by_shared_caches(app, client):
    """The site's rule (core/caching.py) holds for the API too: a request with a log-in gets no-store."""
    from tests.factories import PASSWORD, make_user

    make_consultation(app, slug="ingelogd")
    client.login(make_user(app).email, PASSWORD)
    response = client.get("/api/v1/consultations/ingelogd")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.get_json()["slug"] == "ingelogd"
