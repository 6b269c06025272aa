"""The discussion runs the same number of SQL queries with 10 or 10,000 comments."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app

from participation.comments.models import Comment
from participation.core.time import utcnow
from participation.extensions import db
from tests.comments.factories import make_comment, make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import count_queries


def _bulk_comments(app, consultation, author, n, start):
    with app.app_context():
        now = utcnow()
        rows = [
            {
                "consultation_id": consultation.id,
                "author_id": author.id,
                "body": f"Reactie {start + i}",
                "alignment": ("for", "against", "neutral")[i % 3],
                "state": "published",
                "depth": 0,
                "created_at": now,
            }
            for i in range(n)
        ]
        db.session.execute(sa.insert(Comment), rows)
        db.session.commit()


def _page_url(app, consultation):
    with app.test_request_context():
        if "consultations.detail" in current_app.view_functions:
            return f"/nl/consultations/{consultation.slug}"
    return f"/nl/consultations/{consultation.slug}/comments"


def test_query_count_does_not_grow_with_the_number_of_comments(app, client):
    author, reader = make_user(app), make_user(app)
    consultation = make_consultation(app)
    first = make_comment(app, consultation, author)
    make_comment(app, consultation, reader, parent=first, body="Antwoord")
    _bulk_comments(app, consultation, author, 10, 0)
    client.login(reader.email, PASSWORD)
    url = _page_url(app, consultation)
    for query in ("", "?sort=replies&alignment=for", "?sort=oldest&page=2"):
        client.get(url + query)  # warm-up (session, caches)
    counts_small = []
    for query in ("", "?sort=replies&alignment=for", "?sort=oldest&page=2"):
        with count_queries(app) as statements:
            assert client.get(url + query).status_code == 200
        counts_small.append(len(statements))
    _bulk_comments(app, consultation, author, 10_000, 10)
    counts_large = []
    for query in ("", "?sort=replies&alignment=for", "?sort=oldest&page=2"):
        with count_queries(app) as statements:
            assert client.get(url + query).status_code == 200
        counts_large.append(len(statements))
    assert counts_small == counts_large, (counts_small, counts_large)
