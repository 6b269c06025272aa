"""Operability: JSON logs with a request id that reaches the jobs a request queues, Prometheus
metrics for allowed clients only, and the administrators' page on the background work."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from participation.core.jobs import enqueue, enqueue_after_commit, huey_of, register_job
from participation.core.mail import OutboxMessage
from participation.core.permissions import Role
from participation.core.request_log import JsonFormatter, log_format
from participation.core.scheduler import ScheduledJob
from participation.core.time import utcnow
from participation.extensions import db
from tests.core.test_cli_and_mail import queue_test_mail
from tests.core.test_jobs import redis_queue  # noqa: F401 (fixture: a fresh queue name on Redis)
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_log(caplog):
    """The process's log lines as the JSON formatter writes them (parsed)."""
    caplog.set_level(logging.INFO)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logging.getLogger().addHandler(handler)

    def lines():
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield lines
    logging.getLogger().removeHandler(handler)


def _app_with_a_logging_job(extra_app, **config):
    app = extra_app(JOB_QUEUE_URL="memory://", **config)
    register_job(app, "test-log", lambda: logging.getLogger("tests.job").info("the job ran"))

    def queue_it():
        enqueue_after_commit("test-log")
        db.session.commit()
        return "queued"

    app.add_url_rule("/test-queue-a-job", "test_queue_a_job", queue_it)
    return app


def _run_queued(app) -> None:
    huey = huey_of(app)
    while (task := huey.dequeue()) is not None:
        huey.execute(task)


def test_request_and_the_job_it_queues_log_the_same_request_id(app, extra_app, json_log):
    queuing = _app_with_a_logging_job(extra_app)
    response = queuing.test_client().get("/test-queue-a-job")
    request_id = response.headers["X-Request-ID"]
    assert len(request_id) == 32
    _run_queued(queuing)  # what `flask worker` does, later, in another process
    lines = json_log()
    [request_line] = [
        line for line in lines if line["logger"] == "participation.request" and line.get("path") == "/test-queue-a-job"
    ]
    [job_line] = [line for line in lines if line["logger"] == "tests.job"]
    assert request_line["request_id"] == job_line["request_id"] == request_id
    assert request_line["method"] == "GET" and request_line["status"] == 200
    assert isinstance(request_line["duration_ms"], float)
    assert {"time", "level", "logger", "message", "request_id"} <= set(job_line)
    assert job_line["message"] == "the job ran" and job_line["level"] == "INFO"


def test_job_queued_outside_a_request_logs_under_an_id_of_its_own(app, extra_app, json_log):
    queuing = _app_with_a_logging_job(extra_app)
    with queuing.app_context():
        enqueue("test-log")
    _run_queued(queuing)
    [job_line] = [line for line in json_log() if line["logger"] == "tests.job"]
    assert len(job_line["request_id"]) == 32


def test_request_id_from_the_proxy_is_used_only_behind_a_trusted_proxy_and_when_sane(app, client, extra_app):
    sent = {"X-Request-ID": "proxy-id-0123456789"}
    assert client.get("/healthz/live", headers=sent).headers["X-Request-ID"] != "proxy-id-0123456789"
    proxied = extra_app(TRUSTED_PROXY_HOPS=1).test_client()
    assert proxied.get("/healthz/live", headers=sent).headers["X-Request-ID"] == "proxy-id-0123456789"
    for insane in ("short", "with space 0123456789", "x" * 200, "0123456789\u00e9abc", "{json:1}0123456789"):
        answered = proxied.get("/healthz/live", headers={"X-Request-ID": insane}).headers["X-Request-ID"]
        assert answered != insane and len(answered) == 32


def test_request_line_masks_mailed_tokens_and_leaves_out_the_query(app, client, json_log):
    client.get("/nl/account/reset/SECRET-TOKEN-abcdef.xyz?next=/private")
    [line] = [line for line in json_log() if line["logger"] == "participation.request"]
    assert "SECRET-TOKEN" not in json.dumps(line) and "private" not in json.dumps(line)
    assert line["path"] == "/nl/account/reset/<token>"


def test_log_format_is_json_in_production_and_text_elsewhere_unless_chosen():
    assert log_format({"APP_ENV": "production"}) == "json"
    assert log_format({"APP_ENV": "development"}) == "text"
    assert log_format({"APP_ENV": "production", "TESTING": True}) == "text"
    assert log_format({"APP_ENV": "development", "LOG_FORMAT": "json"}) == "json"
    with pytest.raises(Exception, match="LOG_FORMAT"):
        log_format({"LOG_FORMAT": "xml"})


def test_json_lines_carry_the_exception():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed %s", ("here",), sys.exc_info())
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "failed here" and "ValueError: boom" in line["exception"]


# ------------------------------------------------------------------------------------- metrics


def _metric(body: str, name: str, **labels) -> float | None:
    """The value of one sample in Prometheus' text format (None when absent)."""
    for line in body.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        sample, _, value = line.rpartition(" ")
        if sample == name or (
            sample.startswith(name + "{") and all(f'{key}="{val}"' in sample for key, val in labels.items())
        ):
            return float(value)
    return None


def test_metrics_answer_local_clients_and_the_token_and_nobody_else(app, client, monkeypatch):
    assert client.get("/metrics").status_code == 200  # the test client is 127.0.0.1
    elsewhere = {"REMOTE_ADDR": "203.0.113.9"}
    assert client.get("/metrics", environ_base=elsewhere).status_code == 404
    monkeypatch.setitem(app.config, "METRICS_TOKEN", "a-long-random-scrape-token")
    with_token = client.get(
        "/metrics", environ_base=elsewhere, headers={"Authorization": "Bearer a-long-random-scrape-token"}
    )
    assert with_token.status_code == 200 and with_token.headers["Cache-Control"] == "no-store"
    wrong = client.get("/metrics", environ_base=elsewhere, headers={"Authorization": "Bearer wrong"})
    assert wrong.status_code == 404


def test_metrics_allow_configured_networks(app, extra_app):
    networked = extra_app(METRICS_ALLOWED_IPS=("10.0.0.0/8",)).test_client()
    assert networked.get("/metrics", environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 200
    assert networked.get("/metrics").status_code == 404  # 127.0.0.1 is no longer listed


def test_metrics_count_requests_by_endpoint_and_status_with_latency(app, client):
    before = (
        _metric(text(client.get("/metrics")), "participation_http_requests_total", endpoint="health.live", status="200")
        or 0
    )
    client.get("/healthz/live")
    client.get("/nl/no-such-page")
    body = text(client.get("/metrics"))
    assert _metric(body, "participation_http_requests_total", endpoint="health.live", status="200") == before + 1
    assert _metric(body, "participation_http_requests_total", endpoint="unmatched", status="404") >= 1
    assert _metric(body, "participation_http_request_duration_seconds_count", endpoint="health.live") >= 1


def test_metrics_show_the_outbox_fan_outs_and_periodic_jobs(app, client):
    queue_test_mail(app, "a@example.org", "b@example.org", "c@example.org")
    with app.app_context():
        first = db.session.query(OutboxMessage).order_by(OutboxMessage.id).first()
        first.failed_at = utcnow()
        first.created_at = utcnow() - timedelta(hours=2)
        db.session.add(
            ScheduledJob(
                name="purge", last_finished_at=utcnow() - timedelta(minutes=3), last_error="OperationalError: gone"
            )
        )
        db.session.commit()
    body = text(client.get("/metrics"))
    assert _metric(body, "participation_outbox_waiting") == 2
    assert _metric(body, "participation_outbox_failed") == 1
    assert 0 <= _metric(body, "participation_outbox_oldest_waiting_age_seconds") < 600
    assert _metric(body, "participation_fan_outs_unfinished") == 0
    assert _metric(body, "participation_scheduled_job_failing", job="purge") == 1
    assert _metric(body, "participation_scheduled_job_failing", job="deliver-outbox") == 0
    assert 170 < _metric(body, "participation_scheduled_job_last_success_age_seconds", job="purge") < 600


def test_metrics_show_queue_depth_age_and_failed_jobs(app, extra_app):
    queued = extra_app(JOB_QUEUE_URL="memory://")

    def fails():
        raise RuntimeError("broken job")

    register_job(queued, "test-fails", fails)
    register_job(queued, "test-waits", lambda: None)
    with queued.app_context():
        enqueue("test-fails")
    _run_queued(queued)  # fails once; huey schedules a retry for later
    with queued.app_context():
        enqueue("test-waits")
        enqueue("test-waits")
    body = text(queued.test_client().get("/metrics"))
    assert _metric(body, "participation_job_queue_up") == 1
    assert _metric(body, "participation_job_queue_pending") == 2
    assert _metric(body, "participation_job_queue_scheduled") == 1
    assert 0 <= _metric(body, "participation_job_queue_oldest_age_seconds") < 60
    assert _metric(body, "participation_jobs_failed_total", job="test-fails") >= 1


def test_metrics_add_up_every_gunicorn_worker_in_multiprocess_mode(tmp_path):
    """With PROMETHEUS_MULTIPROC_DIR, each process writes its counts there and a scrape sums them."""
    script = """
import sys
from participation import create_app
app = create_app({"TESTING": True, "SECRET_KEY": "k", "PUBLIC_URL": "http://localhost",
                  "SQLALCHEMY_DATABASE_URI": "sqlite:///" + sys.argv[1]})
from participation.extensions import db
with app.app_context():
    db.create_all()
client = app.test_client()
client.get("/healthz/live")
if sys.argv[2] == "scrape":
    sys.stdout.write(client.get("/metrics").get_data(as_text=True))
"""
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics")}
    (tmp_path / "metrics").mkdir()
    database = str(tmp_path / "multi.db")
    subprocess.run(
        [sys.executable, "-c", script, database, "count"],
        cwd=ROOT,
        env=env,
        check=True,  # noqa: S603
        capture_output=True,
    )
    scraped = subprocess.run(
        [sys.executable, "-c", script, database, "scrape"],
        cwd=ROOT,
        env=env,  # noqa: S603
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert _metric(scraped, "participation_http_requests_total", endpoint="health.live", status="200") == 2


# ---------------------------------------------------------------------- the administrators' page


def test_background_work_page_shows_queue_scheduler_and_outbox(app, client, extra_app):
    queue_test_mail(app, "a@example.org", "b@example.org")
    with app.app_context():
        db.session.add(
            ScheduledJob(
                name="purge",
                last_started_at=utcnow(),
                last_finished_at=utcnow(),
                last_error="OperationalError: the database went away",
            )
        )
        db.session.commit()
    queued = extra_app(JOB_QUEUE_URL="memory://")
    register_job(queued, "test-waits", lambda: None)
    with queued.app_context():
        enqueue("test-waits")
    admin = make_user(app, role=Role.ADMIN)
    browser = FormClient(queued.test_client())
    browser.login(admin.email, PASSWORD, lang="en")
    page = browser.get("/en/admin/background")
    body = text(page)
    assert page.status_code == 200
    assert 'href="/en/admin/background" aria-current="page">Background work</a>' in body
    assert "<dt>Jobs waiting for a worker</dt>\n  <dd>1</dd>" in body
    assert "<dt>Mail waiting to be sent</dt>\n  <dd>2</dd>" in body
    assert "OperationalError: the database went away" in body
    for job in ("deliver-outbox", "resume-fan-outs", "send-reminders", "search-index"):
        assert f"<code>{job}</code>" in body
    assert '<a href="/en/admin/background">Background work</a>' in text(browser.get("/en/admin/users"))


def test_background_work_page_says_when_jobs_run_in_process(app, client):
    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD, lang="en")
    assert "No job queue is configured" in text(client.get("/en/admin/background"))


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.ORGANISER, Role.MODERATOR])
def test_background_work_page_is_for_administrators_only(app, client, role):
    person = make_user(app, role=role)
    client.login(person.email, PASSWORD)
    assert client.get("/nl/admin/background").status_code == 403


def test_background_work_page_sends_visitors_to_log_in(app, client):
    response = client.get("/nl/admin/background")
    assert response.status_code == 302 and "/nl/account/login" in response.headers["Location"]


@pytest.mark.real_commits  # a `flask worker` process reads the rows
def test_a_worker_process_on_redis_logs_the_job_under_the_request_id_of_the_request(
    app,
    database_url,
    extra_app,
    redis_queue,  # noqa: F811 (the fixture imported above)
):
    """A request cancels an event; a `flask worker` on Redis mails everyone. Its JSON log line for
    the fan-out job carries the id the web request answered with."""
    from tests.core.test_jobs import REDIS_URL, _fan_outs, _organiser_client, _registrants
    from tests.events.factories import make_event

    web = extra_app(JOB_QUEUE_URL=REDIS_URL, JOB_QUEUE_NAME=redis_queue)
    event = make_event(web)
    _registrants(web, event, 3)
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": database_url,
        "JOB_QUEUE_URL": REDIS_URL,
        "JOB_QUEUE_NAME": redis_queue,
        "PUBLIC_URL": web.config["PUBLIC_URL"],
        "LOG_FORMAT": "json",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--threads", "1"],  # noqa: S603
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        client = _organiser_client(web)
        response = client.submit(f"/en/organise/events/{event.id}/cancel", {"message_nl": "Afgelast."})
        assert response.status_code == 303
        request_id = response.headers["X-Request-ID"]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not all(f.finished_at for f in _fan_outs(web)):
            assert worker.poll() is None
            time.sleep(0.2)
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[1].decode()
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    done = [
        line
        for line in lines
        if line["logger"] == "participation.core.jobs" and line["message"].startswith("job fan-out done")
    ]
    assert done and {line["request_id"] for line in done} == {request_id}, output[-3000:]


def test_failed_runs_are_counted_in_redis_for_every_process(redis_queue):  # noqa: F811
    from participation.core.job_stats import count_failure, failure_counts
    from participation.core.jobs import make_huey
    from tests.core.test_jobs import REDIS_URL

    one_worker, another_worker = make_huey(REDIS_URL, redis_queue), make_huey(REDIS_URL, redis_queue)
    count_failure(one_worker, "fan-out")
    count_failure(another_worker, "fan-out")
    count_failure(another_worker, "periodic:purge")
    assert failure_counts(make_huey(REDIS_URL, redis_queue)) == {"fan-out": 2, "periodic:purge": 1}
    one_worker.storage.conn.delete(f"participation.jobs.failed.{redis_queue}")


def test_a_queue_that_does_not_answer_is_shown_not_fatal(app, extra_app):
    down = extra_app(JOB_QUEUE_URL="redis://127.0.0.1:9/0")  # nothing listens on port 9
    body = text(down.test_client().get("/metrics"))
    assert _metric(body, "participation_job_queue_up") == 0
    assert _metric(body, "participation_outbox_waiting") == 0  # the rest is still there
    admin = make_user(app, role=Role.ADMIN)
    browser = FormClient(down.test_client())
    browser.login(admin.email, PASSWORD, lang="en")
    page = browser.get("/en/admin/background")
    assert page.status_code == 200 and "The job queue does not answer" in text(page)
