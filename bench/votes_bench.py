"""Results page of a consultation with 100,000 ballots: requests per second and SQL queries.

For SQLite and a throw-away PostgreSQL database (participation_bench_<random> on
127.0.0.1:5432, dropped afterwards): fill the database with bulk inserts, count the
queries one request runs (in-process, before_cursor_execute), then start gunicorn
(2 sync workers, loopback only) and send a bounded number of requests from 8 threads
for a fixed time. Prints one line per backend.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BALLOTS = 100_000
DURATION = 8.0
MAX_REQUESTS = 5_000
THREADS = 8
PG_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def fill(url: str) -> str:
    from participation import create_app
    from participation.consultations.models import Consultation, ConsultationState
    from participation.core.db import utcnow
    from participation.extensions import db
    from participation.votes.models import Ballot, BallotChoice, Option, Question, QuestionKind
    from participation.votes.receipts import fingerprint

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "TESTING": False})
    with app.app_context():
        db.create_all()
        now = utcnow()
        c = Consultation(slug="bench", state=ConsultationState.PUBLISHED, opens_at=now - timedelta(days=30),
                         closes_at=now - timedelta(days=1), title={"nl": "Bench"}, summary={"nl": "S"},
                         body={"nl": "B"})
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
            ballot_rows.append({"id": i + 1, "question_id": q.id, "user_id": None,
                                "receipt_fingerprint": fingerprint(f"bench-{i}"), "created_at": now, "updated_at": now})
            if q.kind == QuestionKind.RANKING:
                k = i % 4
                choice_rows.extend({"ballot_id": i + 1, "option_id": oid, "rank": r}
                                   for r, oid in enumerate(ids[k:] + ids[:k], start=1))
            else:
                choice_rows.append({"ballot_id": i + 1, "option_id": ids[i % 4], "rank": None})
        db.session.execute(sa.insert(Ballot), ballot_rows)
        db.session.execute(sa.insert(BallotChoice), choice_rows)
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            db.session.execute(sa.text("ANALYZE"))
            db.session.commit()
        statements = []
        sa.event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        client = app.test_client()
        client.get("/nl/consultations/bench/results")
        statements.clear()
        assert client.get("/nl/consultations/bench/results").status_code == 200
        queries = len(statements)
        db.engine.dispose()
    return queries


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load(url: str) -> tuple[float, int]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": secrets.token_hex(16), "APP_ENV": "production",
           "RATELIMIT_ENABLED": "false", "PUBLIC_URL": f"http://127.0.0.1:{port}"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-k", "sync", "-b", f"127.0.0.1:{port}", "--timeout", "60",
         "--log-level", "warning", "wsgi:app"], cwd=ROOT, env=env)
    target = f"http://127.0.0.1:{port}/nl/consultations/bench/results"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(target, timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        done = [0]
        lock = threading.Lock()
        deadline = time.monotonic() + DURATION

        def worker():
            while time.monotonic() < deadline:
                with lock:
                    if done[0] >= MAX_REQUESTS:
                        return
                with urllib.request.urlopen(target, timeout=30) as response:
                    assert response.status == 200
                    response.read()
                with lock:
                    done[0] += 1

        started = time.monotonic()
        threads = [threading.Thread(target=worker) for _ in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        return done[0] / elapsed, done[0]
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        queries = fill(url)
        rps, n = load(url)
        print(f"sqlite      {BALLOTS:,} ballots: {rps:7.1f} requests/s ({n} requests), {queries} SQL queries per page")
    name = f"participation_bench_{secrets.token_hex(5)}"
    server = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # no server: say so, skip
        print(f"postgresql  skipped: {type(exc).__name__}")
        return 0
    url = sa.engine.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    try:
        queries = fill(url)
        rps, n = load(url)
        print(f"postgresql  {BALLOTS:,} ballots: {rps:7.1f} requests/s ({n} requests), {queries} SQL queries per page")
    finally:
        with server.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
