"""Publishing results to a consultation with 50,000 participants: the request, then the mail-out.

For SQLite and a throw-away PostgreSQL database: fill a closed consultation with 50,000
verified participants (one ballot each, bulk inserts), log an organiser in and send the real
"publish results" form through the application (in-process test client, so the time is the
request's own, without a network). The request only writes the fan-out row; the job queue
(`memory://`, so nothing runs inside the request) then holds one job, which this script runs as
a worker would, timing until the last mail is in the outbox. Checks that every participant got
exactly one mail. Prints one line per backend.
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta

import sqlalchemy as sa
from common import ROOT, each_backend

PARTICIPANTS = 50_000
PASSWORD = "a long benchmark passphrase for Ghent"


def bench_publish_app(url: str):
    from participation import create_app
    from participation.extensions import db

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "bench",
            "TESTING": False,
            "PUBLIC_URL": "http://127.0.0.1",
            "EXTRA_TRUSTED_HOSTS": ("localhost",),
            "ALLOW_PER_PROCESS_RATE_LIMITS": True,
            "RATELIMIT_ENABLED": False,
            "TWO_FACTOR_REQUIRED_FOR_STAFF": False,
            "JOB_QUEUE_URL": "memory://",
            "PASSWORD_HASH_TIME_COST": 1,
            "PASSWORD_HASH_MEMORY_COST": 64,
        }
    )
    with app.app_context():
        db.create_all()
    return app


def fill(app) -> tuple[int, str]:
    """A closed consultation with results written and PARTICIPANTS voters; (its id, organiser e-mail)."""
    from participation.accounts.models import User
    from participation.accounts.passwords import hash_password
    from participation.consultations.models import Consultation, ConsultationState
    from participation.core.db import utcnow
    from participation.core.permissions import Role
    from participation.extensions import db
    from participation.votes.models import Ballot, BallotChoice, Option, Question, QuestionKind
    from participation.votes.receipts import fingerprint

    with app.app_context():
        now = utcnow()
        organiser = User(
            email="organiser@bench.example",
            display_name="Organiser",
            role=Role.ORGANISER,
            password_hash=hash_password(PASSWORD),
            email_verified_at=now,
            privacy_consent_at=now,
        )
        db.session.add(organiser)
        c = Consultation(
            slug="bench",
            state=ConsultationState.PUBLISHED,
            opens_at=now - timedelta(days=30),
            closes_at=now + timedelta(days=1),
            title={"nl": "Bench"},
            summary={"nl": "S"},
            body={"nl": "B"},
            results={"nl": "Resultaten"},
            feedback={"nl": "Wat de stad deed"},
        )
        c.organisers = [organiser]
        db.session.add(c)
        db.session.flush()
        question = Question(consultation_id=c.id, position=1, kind=QuestionKind.SINGLE, prompt={"nl": "Vraag"})
        question.options = [Option(position=i, label={"nl": f"Optie {i}"}) for i in range(1, 4)]
        db.session.add(question)
        db.session.flush()
        option_ids = [o.id for o in question.options]
        first_id = organiser.id + 1
        same_hash = hash_password(PASSWORD)
        db.session.execute(
            sa.insert(User),
            [
                {
                    "id": first_id + i,
                    "email": f"p{i}@bench.example",
                    "display_name": f"P {i}",
                    "role": Role.RESIDENT,
                    "password_hash": same_hash,
                    "email_verified_at": now,
                    "privacy_consent_at": now,
                    "preferred_language": ("nl", "en", "fr")[i % 3],
                    "session_token": f"t{i}",
                }
                for i in range(PARTICIPANTS)
            ],
        )
        db.session.execute(
            sa.insert(Ballot),
            [
                {
                    "id": i + 1,
                    "question_id": question.id,
                    "user_id": first_id + i,
                    "receipt_fingerprint": fingerprint(f"bench-{i}"),
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(PARTICIPANTS)
            ],
        )
        db.session.execute(
            sa.insert(BallotChoice),
            [{"ballot_id": i + 1, "option_id": option_ids[i % 3], "rank": None} for i in range(PARTICIPANTS)],
        )
        c.closes_at = now - timedelta(minutes=1)
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            db.session.execute(sa.text("ANALYZE"))
            db.session.commit()
        return c.id, organiser.email


def measure(backend: str, url: str) -> None:
    from participation.core.fan_out import FanOut, run_fan_out
    from participation.core.jobs import huey_of
    from participation.core.mail import OutboxMessage
    from participation.extensions import db
    from tests.support import FormClient

    app = bench_publish_app(url)
    consultation_id, organiser = fill(app)
    client = FormClient(app.test_client())
    client.login(organiser, PASSWORD)
    page = f"/nl/organise/{consultation_id}"
    token = client.token_from(page)
    started = time.perf_counter()
    response = client.client.post(f"{page}/publish-results", data={"csrf_token": token})
    request_seconds = time.perf_counter() - started
    assert response.status_code == 303, response.status_code
    with app.app_context():
        assert huey_of(app).pending_count() == 1, "the request queued one job and ran none"
        fan_out_id = db.session.scalar(sa.select(FanOut.id))
        started = time.perf_counter()
        queued = run_fan_out(fan_out_id)  # what a worker does with the job
        mail_seconds = time.perf_counter() - started
        mails = db.session.scalar(
            sa.select(sa.func.count()).select_from(OutboxMessage).where(OutboxMessage.template == "results_published")
        )
        recipients = db.session.scalar(
            sa.select(sa.func.count(sa.distinct(OutboxMessage.recipient))).where(
                OutboxMessage.template == "results_published"
            )
        )
        db.engine.dispose()
    assert queued == mails == recipients == PARTICIPANTS, (queued, mails, recipients)
    print(
        f"{backend:<11} {PARTICIPANTS:,} participants: publish request {request_seconds * 1000:6.0f} ms; "
        f"last of {mails:,} mails queued after {mail_seconds:5.1f} s "
        f"({mails / mail_seconds:,.0f} mails/s, one worker)"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(each_backend(measure))
