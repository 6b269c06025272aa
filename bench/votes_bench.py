"""Results page of a consultation with 100,000 ballots: requests per second and SQL queries.

For SQLite and a throw-away PostgreSQL database (participation_bench_<random> on
127.0.0.1:5432, dropped afterwards): fill the database with bulk inserts, count the
queries one request runs (in-process, before_cursor_execute), then start gunicorn
(2 sync workers, loopback only) and send a bounded number of requests from 8 threads
for a fixed time. Prints one line per backend.
"""

from __future__ import annotations

import sys
from datetime import timedelta

import sqlalchemy as sa
from common import bench_app, count_page_queries, each_backend, get_load, gunicorn

BALLOTS = 100_000
PAGE = "/nl/consultations/bench/results"


def fill(url: str) -> int:
    from participation.consultations.models import Consultation, ConsultationState
    from participation.core.db import utcnow
    from participation.extensions import db
    from participation.votes.models import Ballot, BallotChoice, Option, Question, QuestionKind
    from participation.votes.receipts import fingerprint

    app = bench_app(url)
    with app.app_context():
        now = utcnow()
        # Open while the ballots go in (the database refuses ballots after closing), closed after.
        c = Consultation(
            slug="bench",
            state=ConsultationState.PUBLISHED,
            opens_at=now - timedelta(days=30),
            closes_at=now + timedelta(days=1),
            title={"nl": "Bench"},
            summary={"nl": "S"},
            body={"nl": "B"},
        )
        db.session.add(c)
        db.session.flush()
        questions = []
        for position, kind in enumerate((QuestionKind.SINGLE, QuestionKind.RANKING), start=1):
            q = Question(consultation_id=c.id, position=position, kind=kind, prompt={"nl": f"Vraag {position}"})
            q.options = [Option(position=i, label={"nl": f"Optie {i}"}) for i in range(1, 5)]
            db.session.add(q)
            questions.append(q)
        db.session.flush()
        ballot_rows, choice_rows = [], []
        for i in range(BALLOTS):
            q = questions[i % 2]
            ids = [o.id for o in q.options]
            ballot_rows.append(
                {
                    "id": i + 1,
                    "question_id": q.id,
                    "user_id": None,
                    "receipt_fingerprint": fingerprint(f"bench-{i}"),
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if q.kind == QuestionKind.RANKING:
                k = i % 4
                choice_rows.extend(
                    {"ballot_id": i + 1, "option_id": oid, "rank": r}
                    for r, oid in enumerate(ids[k:] + ids[:k], start=1)
                )
            else:
                choice_rows.append({"ballot_id": i + 1, "option_id": ids[i % 4], "rank": None})
        db.session.execute(sa.insert(Ballot), ballot_rows)
        db.session.execute(sa.insert(BallotChoice), choice_rows)
        c.closes_at = now - timedelta(days=1)  # counted and stored at this commit (votes/final_counts.py)
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            db.session.execute(sa.text("ANALYZE"))
            db.session.commit()
    return count_page_queries(app, PAGE)


def measure(backend: str, url: str) -> None:
    queries = fill(url)
    with gunicorn(url, PAGE) as base:
        rps, n = get_load(base + PAGE)
    print(f"{backend:<11} {BALLOTS:,} ballots: {rps:7.1f} requests/s ({n} requests), {queries} SQL queries per page")


if __name__ == "__main__":
    sys.exit(each_backend(measure))
