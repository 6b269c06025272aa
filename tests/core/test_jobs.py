"""The job queue and fan-out mail: the request only records the fan-out, workers mail everyone in
committed batches, and nobody gets a mail twice when a worker dies mid-batch or a job is retried."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from huey import MemoryHuey, RedisHuey, SqliteHuey

from participation.accounts.models import User
from participation.consultations.models import Consultation
from participation.consultations.services import publish_results
from participation.core.fan_out import KINDS_KEY, FanOut, FanOutDelivery, FanOutKind
from participation.core.jobs import huey_of, make_huey, run_now
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.events.models import Registration, RegistrationStatus
from participation.extensions import db
from tests.comments.factories import make_comment
from tests.conftest import IN_CI
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, outbox, worker_redis_url

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL") or worker_redis_url()


def run_worker(app) -> int:
    """Do what `flask worker` does, in this process: run every queued job; return how many ran."""
    huey, ran = huey_of(app), 0
    while (task := huey.dequeue()) is not None:
        huey.execute(task)
        ran += 1
    return ran


def _registrants(app, event, count: int) -> list[str]:
    """`count` visitors with a confirmed place (rows written directly: the test is about mail)."""
    emails = [f"gast{n}-{uuid.uuid4().hex[:6]}@example.org" for n in range(count)]
    with app.app_context():
        for n, email in enumerate(emails, start=1):
            db.session.add(
                Registration(
                    event_id=event.id,
                    name=f"Gast {n}",
                    email=email,
                    language="nl",
                    status=RegistrationStatus.CONFIRMED,
                    sequence=n,
                    confirmed_at=utcnow(),
                )
            )
        db.session.commit()
    return emails


def _organiser_client(app):
    admin = make_user(app, role=Role.ADMIN)
    client = FormClient(app.test_client())
    client.login(admin.email, PASSWORD)
    return client


def _fan_outs(app) -> list[FanOut]:
    with app.app_context():
        rows = list(db.session.scalars(sa.select(FanOut).order_by(FanOut.id)))
        for row in rows:
            db.session.expunge(row)
        return rows


def test_queue_url_chooses_the_storage():
    assert make_huey(None).immediate and make_huey("immediate").immediate
    assert isinstance(make_huey("memory://"), MemoryHuey) and not make_huey("memory://").immediate
    assert isinstance(make_huey("redis://127.0.0.1:6379/1"), RedisHuey)
    with pytest.raises(ValueError, match="JOB_QUEUE_URL"):
        make_huey("amqp://rabbit")


def test_sqlite_queue_needs_no_server(tmp_path):
    huey = make_huey(f"sqlite:///{tmp_path}/queue/jobs.db")
    assert isinstance(huey, SqliteHuey) and huey.pending_count() == 0


def test_cancelling_an_event_answers_before_any_mail_and_a_worker_mails_everyone(app, queued_app):
    event = make_event(queued_app)
    emails = _registrants(queued_app, event, 30)
    client = _organiser_client(queued_app)
    response = client.submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": "De zaal is overstroomd."})
    assert response.status_code == 303
    assert outbox(queued_app, template="event_cancelled") == []  # the request rendered no mail
    [fan_out] = _fan_outs(queued_app)
    assert fan_out.kind == "event_cancelled" and fan_out.finished_at is None
    assert huey_of(queued_app).pending_count() == 1
    assert run_worker(queued_app) == 1
    mails = outbox(queued_app, template="event_cancelled")
    assert sorted(m.recipient for m in mails) == sorted(emails)
    assert all("De zaal is overstroomd." in m.body_text for m in mails)
    [fan_out] = _fan_outs(queued_app)
    assert fan_out.finished_at is not None and fan_out.sent_count == 30


def test_a_message_to_registrants_is_a_fan_out_too(app, queued_app):
    event = make_event(queued_app)
    emails = _registrants(queued_app, event, 3)
    client = _organiser_client(queued_app)
    response = client.submit(
        f"/en/organise/events/{event.id}/message",
        {"audience": "confirmed", "subject": "Praktisch", "body": "Breng een pen mee"},
    )
    assert response.status_code == 303 and outbox(queued_app, template="event_message") == []
    run_worker(queued_app)
    mails = outbox(queued_app, template="event_message")
    assert sorted(m.recipient for m in mails) == sorted(emails)
    assert all("Breng een pen mee" in m.body_text for m in mails)


def test_publishing_results_queues_a_fan_out_in_its_own_transaction(app, queued_app):
    organiser = make_user(queued_app, role=Role.ORGANISER)
    c = make_consultation(queued_app, organisers=[organiser], results={"nl": "R"}, feedback={"nl": "F"})
    people = [make_user(queued_app) for _ in range(4)]
    for person in people:
        make_comment(queued_app, c, person)
    with queued_app.test_request_context("/nl/"):
        consultation = db.session.get(Consultation, c.id)
        consultation.opens_at, consultation.closes_at = utcnow() - timedelta(days=9), utcnow() - timedelta(days=1)
        publish_results(db.session.get(User, organiser.id), consultation)
        db.session.rollback()  # the publication rolls back: no fan-out, no job
    assert _fan_outs(queued_app) == [] and huey_of(queued_app).pending_count() == 0
    with queued_app.test_request_context("/nl/"):
        consultation = db.session.get(Consultation, c.id)
        consultation.opens_at, consultation.closes_at = utcnow() - timedelta(days=9), utcnow() - timedelta(days=1)
        publish_results(db.session.get(User, organiser.id), consultation)
        db.session.commit()
    assert outbox(queued_app, template="results_published") == []
    run_worker(queued_app)
    mails = outbox(queued_app, template="results_published")
    assert sorted(m.recipient for m in mails) == sorted(p.email for p in people)


def test_a_worker_dying_mid_batch_or_a_retried_job_mails_nobody_twice(app, queued_app, monkeypatch):
    """Batches of 5; the worker dies at the 13th recipient: two batches are kept, the third is
    undone, and the next run (then a retry of a finished job) completes without duplicates."""
    monkeypatch.setitem(queued_app.config, "FAN_OUT_BATCH_SIZE", 5)
    event = make_event(queued_app)
    emails = _registrants(queued_app, event, 23)
    kinds = queued_app.extensions[KINDS_KEY]
    real = kinds["event_cancelled"]
    calls = Counter()

    def dies_at_the_13th(fan_out, registration):
        calls["sent"] += 1
        if calls["sent"] == 13:
            raise SystemExit("worker killed")  # not an Exception: nothing may catch it on the way
        return real.send(fan_out, registration)

    monkeypatch.setitem(kinds, "event_cancelled", FanOutKind(real.recipients, dies_at_the_13th))
    client = _organiser_client(queued_app)
    assert client.submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": "Afgelast."}).status_code == 303
    [fan_out] = _fan_outs(queued_app)
    with queued_app.app_context(), pytest.raises(SystemExit):
        run_now("fan-out", fan_out.id)
    assert len(outbox(queued_app, template="event_cancelled")) == 10
    with queued_app.app_context():
        db.session.remove()
        run_now("fan-out", fan_out.id)  # the retry
        run_now("fan-out", fan_out.id)  # and a duplicate delivery of the job: nothing left to do
        deliveries = db.session.scalar(sa.select(sa.func.count()).select_from(FanOutDelivery))
    received = Counter(m.recipient for m in outbox(queued_app, template="event_cancelled"))
    assert received == Counter(emails) and set(received.values()) == {1}
    assert deliveries == 23 and _fan_outs(queued_app)[0].sent_count == 23


def test_two_workers_on_one_fan_out_never_mail_a_recipient_twice(app, queued_app, monkeypatch):
    """The (fan-out, recipient) key refuses a second delivery even if a worker read a stale cursor."""
    monkeypatch.setitem(queued_app.config, "FAN_OUT_BATCH_SIZE", 4)
    event = make_event(queued_app)
    _registrants(queued_app, event, 6)
    client = _organiser_client(queued_app)
    client.submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": "Afgelast."})
    [fan_out] = _fan_outs(queued_app)
    with queued_app.app_context():
        run_now("fan-out", fan_out.id)
        # A second worker that still believed nobody had been mailed:
        db.session.execute(sa.update(FanOut).values(cursor=0, finished_at=None))
        db.session.commit()
        with pytest.raises(sa.exc.IntegrityError):
            run_now("fan-out", fan_out.id)
    assert len(outbox(queued_app, template="event_cancelled")) == 6


def test_a_fan_out_whose_job_was_lost_is_queued_again_by_the_scheduler(app, queued_app):
    event = make_event(queued_app)
    _registrants(queued_app, event, 2)
    _organiser_client(queued_app).submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": "Afgelast."})
    huey = huey_of(queued_app)
    huey.flush()  # Redis lost the job (or the process died between the commit and the queue)
    from participation.core.fan_out import resume_stalled

    with queued_app.app_context():
        assert resume_stalled() == 0  # not stalled yet: a worker may be on it
        assert resume_stalled(now=utcnow() + timedelta(minutes=11)) == 1
    run_worker(queued_app)
    assert len(outbox(queued_app, template="event_cancelled")) == 2


def test_immediate_mode_runs_the_same_job_after_the_commit(app, client):
    """`make run` needs no worker: the job runs in the process, once the change has committed."""
    event = make_event(app)
    emails = _registrants(app, event, 3)
    client = _organiser_client(app)
    client.submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": "Afgelast."})
    assert sorted(m.recipient for m in outbox(app, template="event_cancelled")) == sorted(emails)
    assert _fan_outs(app)[0].finished_at is not None


# ------------------------------------------------------------------ a real worker on Redis


def redis_unavailable_reason() -> str | None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as exc:  # any failure to connect means: no server for us
        return f"Redis at {REDIS_URL} does not answer ({type(exc).__name__})"
    return None


@pytest.fixture
def redis_queue():
    reason = redis_unavailable_reason()
    if reason:
        if IN_CI:
            pytest.fail(f"{reason}; the Redis worker test is required under CI=true")
        pytest.skip(reason)
    name = f"test-{uuid.uuid4().hex[:10]}"
    yield name
    make_huey(REDIS_URL, name).flush()


@pytest.mark.real_commits  # a `flask worker` process reads the rows
def test_a_flask_worker_process_on_redis_mails_a_fan_out(app, database_url, extra_app, redis_queue):
    web = extra_app(JOB_QUEUE_URL=REDIS_URL, JOB_QUEUE_NAME=redis_queue)
    event = make_event(web)
    emails = _registrants(web, event, 12)
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": database_url,
        "JOB_QUEUE_URL": REDIS_URL,
        "JOB_QUEUE_NAME": redis_queue,
        "PUBLIC_URL": web.config["PUBLIC_URL"],
        "FAN_OUT_BATCH_SIZE": "5",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--threads", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        client = _organiser_client(web)
        assert client.submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": "Afgelast."}).status_code == 303
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not all(f.finished_at for f in _fan_outs(web)):
            assert worker.poll() is None, worker.stdout.read().decode()[-3000:]
            time.sleep(0.2)
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[0].decode()
    assert all(f.finished_at for f in _fan_outs(web)), output[-3000:]
    assert sorted(m.recipient for m in outbox(web, template="event_cancelled")) == sorted(emails)


def _start_worker(web, database_url, queue_name, batch_size="5"):
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": database_url,
        "JOB_QUEUE_URL": REDIS_URL,
        "JOB_QUEUE_NAME": queue_name,
        "PUBLIC_URL": web.config["PUBLIC_URL"],
        "FAN_OUT_BATCH_SIZE": batch_size,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--threads", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_until_blocked(web, backend: str) -> None:
    """Until the worker waits on the test's lock (PostgreSQL tells; SQLite cannot, so wait a little)."""
    if backend != "postgresql":
        time.sleep(3)
        return
    deadline = time.monotonic() + 30
    with web.app_context():
        while time.monotonic() < deadline:
            with db.engine.connect() as probe:
                if probe.exec_driver_sql("SELECT count(*) FROM pg_locks WHERE NOT granted").scalar():
                    return
            time.sleep(0.1)
    raise AssertionError("the worker never reached the locked table")


@pytest.mark.real_commits  # `flask worker` processes read the rows
@pytest.mark.slow  # starts and kills worker processes
def test_a_killed_worker_loses_no_mail_and_sends_none_twice(app, backend, database_url, extra_app, redis_queue):
    """Two batches are done; a worker is SIGKILLed inside the third (PostgreSQL: its mail for the
    11th person is written, the delivery row waits on a lock; SQLite: it waits to begin). The
    scheduler queues the fan-out again and a new worker finishes it: exactly one mail each."""
    web = extra_app(JOB_QUEUE_URL=REDIS_URL, JOB_QUEUE_NAME=redis_queue, FAN_OUT_BATCH_SIZE=5)
    event = make_event(web)
    emails = _registrants(web, event, 23)
    client = _organiser_client(web)
    assert client.submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": "Afgelast."}).status_code == 303
    [fan_out] = _fan_outs(web)
    from participation.core.fan_out import resume_stalled, run_fan_out

    with web.app_context():
        run_fan_out(fan_out.id, max_batches=2)  # an earlier worker did two batches
        blocker = db.engine.connect()
    transaction = blocker.begin()  # SQLite: BEGIN IMMEDIATE, the write lock
    if backend == "postgresql":
        blocker.exec_driver_sql("LOCK TABLE fan_out_deliveries IN SHARE MODE")
    worker = _start_worker(web, database_url, redis_queue)
    try:
        _wait_until_blocked(web, backend)
    finally:
        worker.kill()
        worker.wait(timeout=30)
        transaction.rollback()
        blocker.close()
    assert len(outbox(web, template="event_cancelled")) == 10 and _fan_outs(web)[0].cursor > 0
    with web.app_context():  # what the scheduler's `resume-fan-outs` does ten minutes later
        assert resume_stalled(now=utcnow() + timedelta(minutes=11)) == 1
    second = _start_worker(web, database_url, redis_queue)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not _fan_outs(web)[0].finished_at:
            time.sleep(0.2)
    finally:
        second.terminate()
        second.wait(timeout=30)
    received = Counter(m.recipient for m in outbox(web, template="event_cancelled"))
    assert received == Counter(emails) and set(received.values()) == {1}


def test_a_job_queued_inside_a_savepoint_waits_for_the_outer_commit(app):
    """Registration and voting use savepoints: releasing one must not run its jobs yet (they would
    read rows not yet committed), and a rolled-back savepoint forgets its jobs."""
    from participation.core.jobs import JOBS_KEY, enqueue_after_commit

    ran = []
    app.extensions[JOBS_KEY]["test-note"] = lambda label: ran.append(label)
    try:
        with app.app_context():
            db.session.execute(sa.select(1))  # the outer transaction begins
            with db.session.begin_nested():
                enqueue_after_commit("test-note", "kept")
            with pytest.raises(RuntimeError), db.session.begin_nested():
                enqueue_after_commit("test-note", "rolled back")
                raise RuntimeError("refused")
            assert ran == []  # savepoints released or rolled back: nothing ran yet
            db.session.commit()
            assert ran == ["kept"]
            enqueue_after_commit("test-note", "forgotten")
            db.session.rollback()
            assert ran == ["kept"]
    finally:
        del app.extensions[JOBS_KEY]["test-note"]
