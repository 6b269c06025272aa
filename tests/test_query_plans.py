"""Every query of the consultation, results and event pages is bounded to what the page shows.

Other consultations and events hold many rows (comments, ballots and their choices,
registrations), statistics are gathered (ANALYZE), and each statement a page runs is explained:
on PostgreSQL no Seq Scan, on SQLite no SCAN (a full table or index scan), of a table that grows
with participation. The planner is not steered (no `SET enable_seqscan`): where it would rather
read the whole table, an index is missing or a query is not bounded.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from participation.core.time import utcnow
from participation.extensions import db
from tests.comments.factories import make_comment
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.factories import PASSWORD, make_user
from tests.support import count_queries
from tests.votes.factories import bulk_ballots, make_question

# The bulk data goes in through connections of their own (db.engine.begin()): real commits.
pytestmark = [pytest.mark.real_commits, pytest.mark.slow]

# Tables that grow with participation (final_count_rows grows with closed questions' options only).
GROWING = ("ballots", "ballot_choices", "comments", "comment_endorsements", "event_registrations")
OTHER_COMMENTS, OTHER_BALLOTS, OTHER_REGISTRATIONS = 20_000, 60_000, 8_000


def _numbers(dialect: str, n: int) -> str:
    if dialect == "postgresql":
        return f"generate_series(1, {n}) AS g(x)"
    return f"(WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {n}) SELECT x FROM g) AS g"


def _clone(
    conn, table: str, source_id: int, n: int, overrides: dict[str, str], join: str = "", where: str = ""
) -> None:
    """n copies of one row (times the rows of `join`), some columns computed from x = 1..n."""
    columns = [c.name for c in db.metadata.tables[table].columns if c.name != "id"]
    values = [overrides.get(c, f"src.{c}") for c in columns]
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} "
        f"FROM {table} AS src, {_numbers(conn.dialect.name, n)}{join} WHERE src.id = {source_id}{where}"
    )


@pytest.fixture
def pages(app):
    """A small open consultation (the pages explained) among big other ones; statistics gathered."""
    from participation.events.models import Registration, RegistrationStatus

    resident = make_user(app, email="plans@example.org")
    live = make_consultation(app, results_visible_while_open=True)
    questions = [make_question(app, live, "single"), make_question(app, live, "ranking")]
    for q in questions:
        bulk_ballots(app, q, 5)
    first = make_comment(app, live, resident)
    make_comment(app, live, resident, parent=first, body="Een antwoord.")
    event = make_event(app, consultation=live, capacity=5)

    other = make_consultation(app)
    other_comment = make_comment(app, other, resident)
    big = make_consultation(app, status="closed")
    big_questions = [make_question(app, big, "single", options=4), make_question(app, big, "ranking", options=3)]
    bulk_ballots(app, big_questions[0], OTHER_BALLOTS)
    bulk_ballots(app, big_questions[1], OTHER_BALLOTS // 10)
    other_event = make_event(app, capacity=10)
    with app.app_context():
        now = utcnow()
        registration = Registration(
            event_id=other_event.id,
            user_id=None,
            name="Een",
            email="een@example.org",
            status=RegistrationStatus.WAITING,
            sequence=1,
            created_at=now,
        )
        db.session.add(registration)
        db.session.flush()
        registration_id = registration.id
        db.session.commit()
        db.session.remove()
        with db.engine.begin() as conn:
            _clone(conn, "comments", other_comment.id, OTHER_COMMENTS, {"body": "src.body || ' ' || x"})
            # Spread over 20 events, as registrations are (one event holding them all would make
            # the planner expect every row for any event).
            _clone(conn, "events", other_event.id, 19, {})
            _clone(
                conn,
                "event_registrations",
                registration_id,
                OTHER_REGISTRATIONS // 20,
                {
                    "event_id": "e.id",
                    "email": "'r' || x || '@example.org'",
                    "sequence": "1 + x",
                    "name": "'Naam ' || x",
                },
                join=", events AS e",
                where=f" AND e.id <> {event.id}",
            )
            conn.exec_driver_sql(
                "INSERT INTO comment_endorsements (comment_id, user_id, created_at) "
                f"SELECT id, {resident.id}, created_at FROM comments WHERE consultation_id = {other.id}"
            )
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    return {"resident": resident, "live": live, "big": big, "event": event, "thread": first}


def _full_scans(app, executed) -> list[str]:
    """Each captured statement that reads a growing table whole, with its plan."""
    found = []
    with app.app_context(), db.engine.connect() as conn:
        postgresql = conn.dialect.name == "postgresql"
        for statement, parameters in executed:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            explain = "EXPLAIN " if postgresql else "EXPLAIN QUERY PLAN "
            rows = conn.exec_driver_sql(explain + statement, parameters or ()).all()
            plan = "\n".join(str(row[0] if postgresql else row[-1]) for row in rows)
            for table in GROWING:
                pattern = rf"Seq Scan on {table}\b" if postgresql else rf"\bSCAN {table}\b"
                if re.search(pattern, plan):
                    found.append(f"{table} read whole by:\n{statement}\n{plan}")
    return found


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_page_queries_read_only_their_own_rows(app, client, pages, signed_in):
    if signed_in:
        client.login(pages["resident"].email, PASSWORD)
    live, big = pages["live"].slug, pages["big"].slug
    urls = [
        f"/en/consultations/{live}",
        f"/en/consultations/{live}?sort=replies",
        f"/en/consultations/{live}/results",
        f"/en/consultations/{big}/results",
        f"/en/consultations/{big}",
        f"/en/events/{pages['event'].id}",
        f"/en/comments/{pages['thread'].id}",
    ]
    for url in urls:
        client.get(url)  # warm-up: the closed consultation's counts are stored at the first visit
    problems = []
    for url in urls:
        with count_queries(app) as statements:
            response = client.get(url)
            response.get_data()
        if response.status_code == 404 and "/comments/" in url:
            continue  # no thread page at this address
        assert response.status_code == 200, url
        problems += [f"{url}: {p}" for p in _full_scans(app, statements.executed)]
    assert not problems, "\n\n".join(problems)


def test_closed_results_read_stored_counts_not_ballots(app, client, pages):
    """The results of a closed consultation with many ballots read the stored counts: no statement
    touches the ballots except one page of fingerprints."""
    url = f"/en/consultations/{pages['big'].slug}/results"
    client.get(url)
    with count_queries(app) as statements:
        body = client.get(url).get_data(as_text=True)
    total = OTHER_BALLOTS + OTHER_BALLOTS // 10
    assert f"{total:,} ballots are counted" in body  # English grouping: "1,100 ballots"
    aggregates = [s for s in statements if "count(" in s.lower() and "ballot" in s.lower()]
    assert aggregates == []


def test_a_ballot_after_closing_is_refused_by_the_database(app, pages):
    """Not only the service: an INSERT straight into ballots or ballot_choices fails once voting closed."""
    from participation.votes.models import Ballot, BallotChoice, Option, Question

    with app.app_context():
        question_id = db.session.scalar(sa.select(Question.id).where(Question.consultation_id == pages["big"].id))
        option_id = db.session.scalar(sa.select(Option.id).where(Option.question_id == question_id))
        ballot_id = db.session.scalar(sa.select(Ballot.id).where(Ballot.question_id == question_id))
        live_question_id = db.session.scalar(sa.select(Question.id).where(Question.consultation_id == pages["live"].id))
        db.session.remove()  # SQLite: no transaction of ours left holding the write lock
        with pytest.raises(sa.exc.IntegrityError):
            with db.engine.begin() as conn:
                conn.execute(
                    sa.insert(Ballot).values(
                        question_id=question_id,
                        user_id=None,
                        receipt_fingerprint="f" * 64,
                        created_at=utcnow(),
                        updated_at=utcnow(),
                    )
                )
        with pytest.raises(sa.exc.IntegrityError):
            with db.engine.begin() as conn:
                conn.execute(sa.update(Ballot).where(Ballot.id == ballot_id).values(updated_at=utcnow()))
        with pytest.raises(sa.exc.IntegrityError):
            with db.engine.begin() as conn:
                conn.execute(sa.delete(BallotChoice).where(BallotChoice.ballot_id == ballot_id))
                conn.execute(sa.insert(BallotChoice).values(ballot_id=ballot_id, option_id=option_id, rank=None))
        # Unlinking a deleted account's ballot stays possible, and so do ballots while open.
        with db.engine.begin() as conn:
            conn.execute(sa.update(Ballot).where(Ballot.id == ballot_id).values(user_id=None))
        with db.engine.begin() as conn:
            conn.execute(
                sa.insert(Ballot).values(
                    question_id=live_question_id,
                    user_id=None,
                    receipt_fingerprint="e" * 64,
                    created_at=utcnow(),
                    updated_at=utcnow() + timedelta(seconds=1),
                )
            )
