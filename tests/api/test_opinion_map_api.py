"""The opinion map in the API: the figures of the public map page and its CSV, never a person."""

from __future__ import annotations

import csv
import io

from participation.comments.models import HideReason
from participation.extensions import db
from participation.statements import refresh
from participation.statements.models import Statement, StatementState, StatementVote
from tests.consultations.factories import make_consultation
from tests.factories import make_user
from tests.statements.factories import add_statement, make_map, opinion_map

BASE = "http://participatie.test"  # PUBLIC_URL in tests/conftest.py


def _json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.get_data(as_text=True)[:500])
    assert response.mimetype == "application/json"
    return response.get_json()


def _plant(app, c, statements, groups=((1, 1, 1, -1), (1, -1, -1, 1), (1, 1, -1, 1)), size=8, extra=()):
    """`size` residents per group voting its stance (the first statement is common ground), plus `extra`
    people who all vote -1; then the map is computed as the job does."""
    with app.app_context():
        stances = [stance for stance in groups for _ in range(size)] + [(-1,)] * len(extra)
        for stance in stances:
            user = make_user(app)
            for s, value in zip(statements, stance * (len(statements) // len(stance) + 1), strict=False):
                db.session.add(StatementVote(statement_id=s.id, consultation_id=c.id, user_id=user.id, value=value))
        db.session.commit()
        refresh.recompute(c.id)
        db.session.commit()


def _hide(app, statement_id):
    with app.app_context():
        statement = db.session.get(Statement, statement_id)
        statement.state = StatementState.HIDDEN
        statement.hidden_reason = HideReason.OFFENSIVE
        db.session.commit()


def _csv(client, slug):
    response = client.get(f"/en/consultations/{slug}/statements/map.csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_the_map_has_the_csvs_figures_and_the_pages_groups(app, client):
    c = make_consultation(app, slug="kaart")
    statements = make_map(app, c, texts=[f"Stelling nummer {n}." for n in range(8)])
    _plant(app, c, statements)
    result = opinion_map(app, c.id).result

    data = _json(client, "/api/v1/consultations/kaart/opinion-map?lang=en")
    assert data["consultation"] == f"{BASE}/api/v1/consultations/kaart"
    assert data["statements_open"] is True and data["computed_at"] is not None
    assert data["opens_at"].endswith("+00:00") and data["closes_at"].endswith("+00:00")
    assert data["participants"] == data["placed"] == 24
    assert data["groups"] == [{"id": 1, "size": 8}, {"id": 2, "size": 8}, {"id": 3, "size": 8}]
    assert data["url"] == f"{BASE}/en/consultations/kaart/statements/map"

    # The CSV, row by row: text, language, overall counts, then each group's counts.
    header, *rows = _csv(client, "kaart")
    assert header[5:] == [f"Group {g['id']}: {v}" for g in data["groups"] for v in ("agree", "disagree", "pass")]
    assert len(rows) == len(data["statements"]) == 8
    for row, item in zip(rows, data["statements"], strict=True):
        assert row[0] == item["text"]["text"]["en"] and row[1] == item["language"] == "nl"
        figures = [item["counts"]["agree"], item["counts"]["disagree"], item["counts"]["pass"]]
        for group in item["groups"]:
            figures += [group["agree"], group["disagree"], group["pass"]]
        assert [int(n) for n in row[2:]] == figures
    assert [g["group"] for g in data["statements"][0]["groups"]] == [1, 2, 3]

    # Common ground and what sets a group apart: those of the stored map the page shows.
    first = data["statements"][0]
    assert first["counts"] == {"agree": 24, "disagree": 0, "pass": 0} and first["common_ground"] is True
    common = {str(c["statement_id"]) for c in result["common_ground"]}
    assert {str(item["id"]) for item in data["statements"] if item["common_ground"]} == common
    for group in result["groups"]:
        expected = {d["statement_id"] for d in group["distinctive"]}
        assert expected and {i["id"] for i in data["statements"] if group["number"] in i["distinctive_for"]} == expected


def test_a_group_below_the_minimum_size_is_not_shown(app, client):
    c = make_consultation(app, slug="klein")
    statements = make_map(app, c, texts=[f"Stelling nummer {n}." for n in range(8)])
    app.config["OPINION_MAP_MIN_GROUP"] = 9
    try:
        # Two groups of ten, and six people who vote alike apart from both: too few to be shown.
        _plant(app, c, statements, groups=((1, 1, 1, -1), (1, -1, -1, 1)), size=10, extra=range(6))
    finally:
        app.config["OPINION_MAP_MIN_GROUP"] = 5
    data = _json(client, "/api/v1/consultations/klein/opinion-map")
    assert data["min_group"] == 9 and data["participants"] == 26
    assert data["groups"] == [{"id": 1, "size": 10}, {"id": 2, "size": 10}]
    for item in data["statements"]:
        assert [g["group"] for g in item["groups"]] == [1, 2]
        assert set(item["distinctive_for"]) <= {1, 2}
        # The six count overall (every one of them disagreed with everything).
        assert item["counts"]["disagree"] >= 6
    header = _csv(client, "klein")[0]
    assert "Group 2: agree" in header and not any("Group 3" in h for h in header)


def test_no_hidden_or_pending_statement_and_no_author(app, client):
    c = make_consultation(app, slug="privacy")
    statements = make_map(app, c, texts=[f"Stelling nummer {n}." for n in range(8)])
    author = make_user(app, name="Lotte Geheimnaam")
    own = add_statement(app, c, "Plus de pistes cyclables.", author=author, language="fr")
    pending = add_statement(app, c, "Wacht op een moderator.", author=author, state=StatementState.PENDING)
    _plant(app, c, statements)
    _hide(app, statements[3].id)  # hidden after the map was computed: its counts stay stored, unshown

    response = client.get("/api/v1/consultations/privacy/opinion-map")
    body = response.get_data(as_text=True)
    data = response.get_json()
    ids = [item["id"] for item in data["statements"]]
    assert statements[3].id not in ids and pending.id not in ids and own.id in ids
    assert "Stelling nummer 3." not in body and "Wacht op een moderator." not in body
    assert "Geheimnaam" not in body and "author" not in body and "@" not in body
    # A resident's statement is in one language: said so, the others marked as falling back to it.
    item = data["statements"][ids.index(own.id)]
    assert item["language"] == "fr"
    assert item["text"] == {
        "text": {
            "nl": "Plus de pistes cyclables.",
            "en": "Plus de pistes cyclables.",
            "fr": "Plus de pistes cyclables.",
        },
        "fallback": ["nl", "en"],
    }
    # Published after the computation: no votes counted yet, as in the CSV.
    assert item["counts"] == {"agree": 0, "disagree": 0, "pass": 0} and item["common_ground"] is False
    assert len(_csv(client, "privacy")) - 1 == len(ids) == 8


def test_404_when_not_public_or_no_map_and_the_consultation_links_to_it(app, client):
    draft = make_consultation(app, status="draft", slug="ontwerp")
    make_map(app, draft)
    make_consultation(app, slug="zonder-kaart")
    with_map = make_consultation(app, slug="met-kaart", status="upcoming")
    make_map(app, with_map, state="upcoming")
    for url in (
        "/api/v1/consultations/ontwerp/opinion-map",
        "/api/v1/consultations/zonder-kaart/opinion-map",
        "/api/v1/consultations/bestaat-niet/opinion-map",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.get_json()["status"] == 404 and response.headers["Access-Control-Allow-Origin"] == "*"

    assert _json(client, "/api/v1/consultations/zonder-kaart")["opinion_map_api_url"] is None
    link = _json(client, "/api/v1/consultations/met-kaart")["opinion_map_api_url"]
    assert link == f"{BASE}/api/v1/consultations/met-kaart/opinion-map"
    # Not computed yet (nobody voted): the map exists, closed to votes until it opens, without groups.
    data = _json(client, link.removeprefix(BASE))
    assert data["statements_open"] is False and data["computed_at"] is None
    assert data["groups"] == [] and data["statements"][0]["counts"] == {"agree": 0, "disagree": 0, "pass": 0}


def test_caching_headers_etag_and_cors(app, client):
    c = make_consultation(app, slug="cache")
    make_map(app, c)
    response = client.get("/api/v1/consultations/cache/opinion-map", headers={"Origin": "https://example.org"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "public, max-age=60"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    again = client.get("/api/v1/consultations/cache/opinion-map", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    add_statement(app, c, "Een nieuwe stelling.")
    changed = client.get("/api/v1/consultations/cache/opinion-map", headers={"If-None-Match": response.headers["ETag"]})
    assert changed.status_code == 200 and len(changed.get_json()["statements"]) == 2


def test_the_open_data_page_lists_the_opinion_map(app, client):
    page = client.get("/en/open-data/")
    assert page.status_code == 200
    assert "its opinion map" in page.get_data(as_text=True)
    assert "/api/v1/consultations/SLUG/opinion-map" in page.get_data(as_text=True)
