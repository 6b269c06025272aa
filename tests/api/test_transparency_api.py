"""GET /api/v1/transparency: the site-wide moderation figures as open data, documented, with
known data (tests/moderation/test_suspensions.py builds it), and nothing personal in them."""

from __future__ import annotations

from tests.moderation.test_suspensions import HOUR, _known_figures


def test_site_wide_figures_in_the_api(app, client):
    known = _known_figures(app)
    data = client.get("/api/v1/transparency").get_json()
    assert data["hidden"] == {"spam": 2, "offensive": 1, "off_topic": 1}
    assert data["comment_appeals"] == {"pending": 1, "granted": 1, "rejected": 1}
    assert data["suspensions"] == {"total": 3, "with_end": 2, "until_further_notice": 1}
    assert data["suspension_appeals"] == {"pending": 1, "upheld": 1, "lifted": 1}
    medians = data["median_seconds"]
    assert abs(medians["hidden_comments"] - 2 * HOUR) <= 5
    assert abs(medians["comment_appeals"] - 6 * HOUR) <= 5
    assert abs(medians["suspension_appeals"] - 2 * 24 * HOUR) <= 5
    assert data["url"] == "http://participatie.test/nl/transparency/"
    assert "Geheim" not in str(data)
    # Per consultation: only that consultation's comments, no suspensions.
    first = client.get(f"/api/v1/consultations/{known['first'].slug}/moderation").get_json()
    assert first["hidden"] == {"spam": 1, "offensive": 1}
    assert first["appeals"] == {"pending": 1, "granted": 1, "rejected": 0}
    assert abs(first["median_seconds"]["hidden_comments"] - 1.5 * HOUR) <= 5
    assert abs(first["median_seconds"]["comment_appeals"] - 4 * HOUR) <= 5
    assert "suspensions" not in first


def test_the_api_documents_the_transparency_figures(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/transparency" in spec["paths"]
    assert "Transparency" in spec["components"]["schemas"]
