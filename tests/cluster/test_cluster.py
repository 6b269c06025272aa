"""The cluster test (issue 13, item 5): two application servers and two workers on one PostgreSQL
database and one Redis, as README "Running on several machines" describes, driven through both
servers at once.

What runs: a throw-away PostgreSQL database migrated with `flask db upgrade`; Redis database 13 for
rate limits and 14 for the queue (flushed before and after); two gunicorn servers (2 sync workers
each, APP_ENV=production, the same SECRET_KEY and PUBLIC_URL); two `flask worker` processes; no
scheduler and no mail server, so every mail stays in the outbox where it can be counted.

What it drives, through both servers at once: residents log in on one server and register for an
event with too few places and vote on the other (some register or vote through both servers at the
same moment, some change their vote), one resident votes until the vote limit refuses, wrong
passwords for one account go through server A then server B, a session made on A is used and ended
on B. Then the organiser closes the consultation and publishes the results: the fan-out mails every
participant in batches of 5, and the worker doing it is SIGKILLed in the middle of its third batch
(it is caught there by a row lock the test holds on the 13th participant, so the kill always lands
at the same point); what the scheduler's `resume-fan-outs` does ten minutes later is done at once,
and the other worker finishes.

What it checks: nothing overbooked and the waiting list numbered in arrival order; one ballot per
person; the vote limit and the log-in throttle counted across both servers; a session made on one
server valid (and ended) on the other; exactly one mail per person per kind, also for the results
mail whose worker was killed; no 5xx answer and no traceback in the servers' logs.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from tests.conftest import IN_CI, create_postgres_database, postgres_unavailable_reason
from tests.support import REDIS_TEST_SERVER, worker_redis_url

pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = REDIS_TEST_SERVER
LIMITS_REDIS = worker_redis_url("cluster rate limits")
QUEUE_REDIS = worker_redis_url("cluster job queue")
PUBLIC_URL = "https://participatie.cluster.test"
PASSWORD = "correct horse battery staple"  # tests.factories.make_user's
ORGANISER_PASSWORD = "Klimaatplan-Gent-2026-veilig!"

CAPACITY = 10  # places at the event
REGISTRANTS = 30  # residents who register for it: 10 places, 20 on the waiting list
RESIDENTS = 36  # residents who log in and vote (the first REGISTRANTS also register)
PASSIVE = 20  # participants seeded with a ballot who do nothing else (the fan-out's first ones)
BATCH = 5  # FAN_OUT_BATCH_SIZE
HELD = 13  # the fan-out's worker is caught at this participant: batch 3, two mails into it
VOTE_LIMIT = 20  # votes.views.VOTE_LIMITS: 20 per minute per person
FREE_FAILURES = 5  # wrong passwords checked at once for an account (LOGIN_FREE_FAILURES)

PROCESS_START_SECONDS = 60
WAIT_SECONDS = 60
REQUEST_TIMEOUT = 30


# ----------------------------------------------------------------------------- HTTP like a browser

TOKEN_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class _SecureCookiesOverHttp(http.cookiejar.DefaultCookiePolicy):
    """Production marks cookies Secure; the load balancer's TLS is left out here, so send them anyway."""

    def return_ok_secure(self, cookie, request):
        return True


class _EveryResponse(urllib.request.HTTPErrorProcessor):
    """Hand back every response as it came: no exception for 4xx/5xx, no redirect followed."""

    def http_response(self, request, response):
        return response

    https_response = http_response


@dataclass(frozen=True)
class Server:
    name: str
    base: str


@dataclass
class Reply:
    status: int
    headers: object
    text: str


class Traffic:
    """Every answer from either server, to show that none was a 5xx."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.answers: list[tuple[str, str, str, int]] = []

    def add(self, server: str, method: str, path: str, status: int) -> None:
        with self._lock:
            self.answers.append((server, method, path, status))

    def server_errors(self) -> list[tuple[str, str, str, int]]:
        with self._lock:
            return [answer for answer in self.answers if answer[3] >= 500]

    def count(self) -> Counter:
        with self._lock:
            return Counter(server for server, *_ in self.answers)


class Browser:
    """One person's browser: one cookie jar, whichever server the load balancer picks."""

    def __init__(self, traffic: Traffic, jar: http.cookiejar.CookieJar | None = None):
        self.traffic = traffic
        self.jar = jar or http.cookiejar.CookieJar(_SecureCookiesOverHttp())
        self._opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(self.jar), _EveryResponse()
        )

    def copy(self) -> Browser:
        """Another browser holding copies of this one's cookies (a stolen cookie)."""
        jar = http.cookiejar.CookieJar(_SecureCookiesOverHttp())
        for cookie in self.jar:
            jar.set_cookie(cookie)
        return Browser(self.traffic, jar)

    def request(self, server: Server, method: str, path: str, data: dict | None = None) -> Reply:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(server.base + path, data=body, method=method)
        with self._opener.open(request, timeout=REQUEST_TIMEOUT) as response:
            reply = Reply(response.status, response.headers, response.read().decode("utf-8", "replace"))
        self.traffic.add(server.name, method, path, reply.status)
        return reply

    def get(self, server: Server, path: str) -> Reply:
        return self.request(server, "GET", path)

    def token(self, server: Server, path: str) -> str:
        reply = self.get(server, path)
        match = TOKEN_RE.search(reply.text)
        assert match, f"no CSRF token on {server.name} {path} (status {reply.status})"
        return unescape(match.group(1))

    def post(self, server: Server, path: str, data: dict, token: str) -> Reply:
        return self.request(server, "POST", path, {**data, "csrf_token": token})

    def login(self, server: Server, email: str, password: str) -> Reply:
        token = self.token(server, "/nl/account/login")
        return self.post(server, "/nl/account/login", {"email": email, "password": password}, token)


def _expect(reply: Reply, status: int, what: str) -> Reply:
    assert reply.status == status, f"{what}: {reply.status}, expected {status}: {reply.text[:500]}"
    return reply


def _at_once(*calls) -> list:
    """Run the calls in threads released together; return their results (re-raise their errors)."""
    barrier = threading.Barrier(len(calls), timeout=REQUEST_TIMEOUT)
    results: list = [None] * len(calls)
    errors: list = []

    def run(n, call):
        try:
            barrier.wait()
            results[n] = call()
        except BaseException as exc:  # handed to the caller below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT * 2)
    assert not any(thread.is_alive() for thread in threads), "a request sent at once never ended"
    if errors:
        raise errors[0]
    return results


# ----------------------------------------------------------------------------- the processes


def _redis_unavailable_reason() -> str | None:
    import redis

    try:
        redis.Redis.from_url(LIMITS_REDIS, socket_connect_timeout=1).ping()
    except Exception as exc:  # any failure to connect means: no server for us
        return f"Redis at {REDIS_SERVER} does not answer ({type(exc).__name__})"
    return None


def _flush_redis() -> None:
    import redis

    for url in (LIMITS_REDIS, QUEUE_REDIS):
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        try:
            client.flushdb()
        finally:
            client.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _labelled(database_url: str, name: str) -> str:
    """The database URL with an application_name, so pg_stat_activity tells the processes apart."""
    url = sa.engine.make_url(database_url).update_query_dict({"application_name": name})
    return url.render_as_string(hide_password=False)


def _environment(database_url: str, queue_name: str, secret_key: str) -> dict:
    """What every process of the cluster shares (README: Running on several machines)."""
    env = dict(os.environ)
    for inherited in (
        "ALLOW_PER_PROCESS_RATE_LIMITS",
        "RATELIMIT_ENABLED",
        "TRUSTED_PROXY_HOPS",
        "PROXY_FIX",
        "LOGIN_ADDRESS_FAILURE_LIMITS",
        "SHOW_OUTBOX_PAGE",
        "LANGUAGES",
        "PORT",
        "FLASK_APP",
        "PROMETHEUS_MULTIPROC_DIR",
        "METRICS_ALLOWED_IPS",
        "METRICS_TOKEN",
    ):
        env.pop(inherited, None)
    env.update(
        {
            "APP_ENV": "production",
            "SECRET_KEY": secret_key,
            "DATABASE_URL": database_url,
            "PUBLIC_URL": PUBLIC_URL,
            "TRUSTED_HOSTS": "127.0.0.1",
            "RATELIMIT_STORAGE_URI": LIMITS_REDIS,
            "JOB_QUEUE_URL": QUEUE_REDIS,
            "JOB_QUEUE_NAME": queue_name,
            "FAN_OUT_BATCH_SIZE": str(BATCH),
            # Staff log in with a password alone (two-factor log-in has its own tests).
            "TWO_FACTOR_REQUIRED_FOR_STAFF": "false",
            # Cheap password hashes, as in the other tests and the benchmarks (never in production).
            "PASSWORD_HASH_TIME_COST": "1",
            "PASSWORD_HASH_MEMORY_COST": "64",
            # Nothing listens there; no process here sends mail anyway (no scheduler runs).
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": "9",
        }
    )
    return env


@dataclass
class Cluster:
    database_url: str
    env: dict
    logs: Path
    servers: list[Server] = field(default_factory=list)
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)
    processes: list[tuple[str, subprocess.Popen]] = field(default_factory=list)
    control: object = None  # an app in this process, for seeding and for what the scheduler does
    engine: sa.Engine | None = None  # plain SQL for the checks and the locks

    def start(self, name: str, argv: list[str], label: str, **extra_env: str) -> subprocess.Popen:
        env = {**self.env, "DATABASE_URL": _labelled(self.database_url, label), **extra_env}
        with open(self.logs / f"{name}.log", "wb") as log:
            process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append((name, process))
        return process

    def log_of(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def tails(self) -> str:
        return "\n".join(f"--- {name} (exit {p.poll()}):\n{self.log_of(name)[-2000:]}" for name, p in self.processes)

    def stop(self) -> None:
        for _, process in self.processes:
            if process.poll() is None:
                process.terminate()
        for _, process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)


def _flask(*args: str) -> list[str]:
    return [sys.executable, "-m", "flask", "--app", "wsgi", *args]


def _run_command(cluster: Cluster, *args: str) -> str:
    done = subprocess.run(
        _flask(*args), cwd=ROOT, env=cluster.env, capture_output=True, text=True, timeout=PROCESS_START_SECONDS
    )
    assert done.returncode == 0, f"flask {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _wait_until_ready(cluster: Cluster, server: Server, process: subprocess.Popen) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _EveryResponse())
    deadline = time.monotonic() + PROCESS_START_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{server.name} exited at start-up:\n{cluster.tails()}"
        try:
            with opener.open(server.base + "/healthz/ready", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{server.name} never answered /healthz/ready:\n{cluster.tails()}")


def _control_app(database_url: str, queue_name: str, secret_key: str):
    from participation import create_app

    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": secret_key,
            "PUBLIC_URL": PUBLIC_URL,
            "EXTRA_TRUSTED_HOSTS": (),
            "SQLALCHEMY_DATABASE_URI": _labelled(database_url, "cluster-test"),
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            "RATELIMIT_STORAGE_URI": "memory://",
            "JOB_QUEUE_URL": QUEUE_REDIS,
            "JOB_QUEUE_NAME": queue_name,
            "FAN_OUT_BATCH_SIZE": BATCH,
            "PASSWORD_HASH_TIME_COST": 1,
            "PASSWORD_HASH_MEMORY_COST": 64,
        }
    )


@pytest.fixture
def cluster(tmp_path):
    reasons = [r for r in (postgres_unavailable_reason(), _redis_unavailable_reason()) if r]
    if reasons:
        if IN_CI:
            pytest.fail("; ".join(reasons) + "; the cluster test is required under CI=true")
        print(f"\nSkipping the cluster test: {'; '.join(reasons)}")
        pytest.skip("; ".join(reasons))
    secret_key = secrets.token_urlsafe(48)
    queue_name = f"cluster-{uuid.uuid4().hex[:10]}"
    _flush_redis()
    with ExitStack() as cleanup:
        cleanup.callback(_flush_redis)
        database_url, drop = create_postgres_database()
        cleanup.callback(drop)
        cluster = Cluster(database_url, _environment(database_url, queue_name, secret_key), tmp_path)
        cleanup.callback(cluster.stop)  # runs before the database is dropped
        _run_command(cluster, "db", "upgrade")
        _run_command(
            cluster,
            "create-user",
            "organisator@cluster.example",
            "--role",
            "organiser",
            "--password",
            ORGANISER_PASSWORD,
            "--name",
            "Organisator",
        )
        for name in ("a", "b"):
            port = _free_port()
            cluster.servers.append(Server(name.upper(), f"http://127.0.0.1:{port}"))
            gunicorn = [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                "2",
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                "wsgi:app",
            ]
            metrics = tmp_path / f"metrics-{name}"  # each host its own, empty (README: Metrics)
            metrics.mkdir()
            cluster.start(f"web-{name}", gunicorn, f"cluster-web-{name}", PROMETHEUS_MULTIPROC_DIR=str(metrics))
        for name in ("a", "b"):
            cluster.workers[f"cluster-worker-{name}"] = cluster.start(
                f"worker-{name}", _flask("worker", "--threads", "2"), f"cluster-worker-{name}"
            )
        cluster.control = _control_app(database_url, queue_name, secret_key)
        cluster.engine = sa.create_engine(_labelled(database_url, "cluster-checks"))
        cleanup.callback(cluster.engine.dispose)
        cleanup.callback(_dispose_control, cluster.control)
        for server, (_, process) in zip(cluster.servers, cluster.processes[:2], strict=True):
            _wait_until_ready(cluster, server, process)
        yield cluster


def _dispose_control(app) -> None:
    from participation.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


# ----------------------------------------------------------------------------- the data


@dataclass
class Seed:
    consultation_id: int
    slug: str
    question_id: int
    option_ids: list[int]
    event_id: int
    passive: list[str]
    residents: list[str]
    hammer: str
    session_user: str
    throttle_targets: list[str]
    organiser: str = "organisator@cluster.example"


def _seed(app) -> Seed:
    """People, a consultation with a question, and an event of it, through the tests' factories."""
    from participation.accounts.models import User
    from participation.core.time import utcnow
    from participation.extensions import db
    from participation.votes.models import Ballot, BallotChoice
    from participation.votes.receipts import fingerprint, new_receipt_code
    from tests.consultations.factories import make_consultation
    from tests.events.factories import make_event
    from tests.factories import make_user
    from tests.votes.factories import make_question, option_ids

    languages = ("nl", "en", "fr")
    # Created first, so they are the fan-out's first recipients (it goes by account id).
    passive = [
        make_user(app, email=f"passief{n}@cluster.example", language=languages[n % 3]).id for n in range(PASSIVE)
    ]
    residents = [
        make_user(app, email=f"inwoner{n}@cluster.example", language=languages[n % 3]).email for n in range(RESIDENTS)
    ]
    hammer = make_user(app, email="stemmer@cluster.example").email
    session_user = make_user(app, email="sessie@cluster.example").email
    targets = [make_user(app, email=f"doelwit{n}@cluster.example").email for n in range(3)]
    with app.app_context():
        organiser_id = db.session.scalar(sa.select(User.id).where(User.email == Seed.organiser))
    consultation = make_consultation(
        app,
        slug="klimaatplan-cluster",
        organisers=[SimpleNamespace(id=organiser_id)],
        results={"nl": "De meeste inwoners kozen voor klimaat."},
        feedback={"nl": "De stad neemt het klimaatplan op in haar internationale agenda."},
    )
    question = make_question(app, consultation, "single", options=3)
    options = option_ids(question)
    event = make_event(app, consultation=consultation, capacity=CAPACITY)
    with app.app_context():
        now = utcnow()
        for n, user_id in enumerate(passive):
            ballot = Ballot(
                question_id=question.id,
                user_id=user_id,
                created_at=now,
                updated_at=now,
                receipt_fingerprint=fingerprint(new_receipt_code()),
            )
            ballot.choices.append(BallotChoice(option_id=options[n % len(options)]))
            db.session.add(ballot)
        db.session.commit()
        passive_emails = list(db.session.scalars(sa.select(User.email).where(User.id.in_(passive)).order_by(User.id)))
    return Seed(
        consultation.id,
        consultation.slug,
        question.id,
        options,
        event.id,
        passive_emails,
        residents,
        hammer,
        session_user,
        targets,
    )


# ----------------------------------------------------------------------------- what people do


@dataclass
class Outcome:
    """What the traffic expects to find in the database afterwards."""

    final_choice: dict[str, int | set[int]] = field(default_factory=dict)  # email -> option (or either of)
    registrants: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _resident(n: int, email: str, cluster: Cluster, seed: Seed, traffic: Traffic, outcome: Outcome) -> None:
    """Log in on one server, register and vote on the other; some do it on both at once."""
    one, other = cluster.servers if n % 2 == 0 else cluster.servers[::-1]
    browser = Browser(traffic)
    _expect(browser.login(one, email, PASSWORD), 303, f"{email} logs in on {one.name}")
    register = f"/nl/events/{seed.event_id}/register"
    if n < REGISTRANTS:
        token = browser.token(other, f"/nl/events/{seed.event_id}")  # the session from `one` holds on `other`
        if n % 10 == 4:  # the same person through both servers at the same moment: one place at most
            replies = _at_once(
                lambda: browser.post(one, register, {}, token), lambda: browser.post(other, register, {}, token)
            )
            assert sorted(r.status for r in replies) == [303, 409], [r.status for r in replies]
        else:
            _expect(browser.post(other, register, {}, token), 303, f"{email} registers on {other.name}")
        with outcome.lock:
            outcome.registrants.append(email)
    question = f"/nl/consultations/{seed.slug}/questions/{seed.question_id}"
    token = browser.token(one, question)
    first, second = seed.option_ids[n % 3], seed.option_ids[(n + 1) % 3]
    if n % 6 == 1:  # two different votes through both servers at the same moment: one ballot, either choice
        replies = _at_once(
            lambda: browser.post(one, question, {"option": str(first)}, token),
            lambda: browser.post(other, question, {"option": str(second)}, token),
        )
        statuses = [r.status for r in replies]
        assert set(statuses) <= {303, 409} and 303 in statuses, statuses
        final = {first, second}
    else:
        _expect(browser.post(other, question, {"option": str(first)}, token), 303, f"{email} votes")
        final = first
        if n % 6 == 3:  # changes their mind, through the other server
            _expect(browser.post(one, question, {"option": str(second)}, token), 303, f"{email} votes again")
            final = second
    with outcome.lock:
        outcome.final_choice[email] = final


def _hammer(cluster: Cluster, seed: Seed, traffic: Traffic, outcome: Outcome) -> None:
    """Votes alternate between the servers: the limit (20 a minute per person) counts them together."""
    a, b = cluster.servers
    browser = Browser(traffic)
    _expect(browser.login(a, seed.hammer, PASSWORD), 303, "the eager voter logs in")
    question = f"/nl/consultations/{seed.slug}/questions/{seed.question_id}"
    token = browser.token(b, question)
    for n in range(VOTE_LIMIT):
        option = seed.option_ids[n % 3]
        _expect(browser.post((a, b)[n % 2], question, {"option": str(option)}, token), 303, f"vote {n + 1}")
    refused = browser.post(b, question, {"option": str(seed.option_ids[0])}, token)
    _expect(refused, 429, f"vote {VOTE_LIMIT + 1}, after {VOTE_LIMIT // 2} through each server")
    with outcome.lock:
        outcome.final_choice[seed.hammer] = seed.option_ids[(VOTE_LIMIT - 1) % 3]


def _guesser(cluster: Cluster, seed: Seed, traffic: Traffic, outcome: Outcome) -> None:
    """Five wrong passwords through A, the sixth through B at once: B refuses it (429).

    The account's first wait is 2 s; if the sixth cannot be sent within it (a very loaded machine),
    the sequence is repeated on the next account, at most three times.
    """
    a, b = cluster.servers
    for target in seed.throttle_targets:
        through_a, through_b = Browser(traffic), Browser(traffic)  # two browsers, no device cookie
        token_b = through_b.token(b, "/nl/account/login")
        for n in range(FREE_FAILURES):
            reply = through_a.login(a, target, f"wrong password {n}")
            assert 400 <= reply.status < 500 and reply.status != 429, (n, reply.status)
        after_fifth = time.monotonic()
        sixth = through_b.post(b, "/nl/account/login", {"email": target, "password": "wrong password 5"}, token_b)
        took = time.monotonic() - after_fifth
        if sixth.status == 429:
            assert int(sixth.headers["Retry-After"]) >= 1
            # A refusal is not counted and does not lengthen the wait: A refuses too, for the same reason.
            seventh = through_a.login(a, target, "wrong password 6")
            assert seventh.status == 429 or time.monotonic() - after_fifth > 1.5, seventh.status
            return
        assert took > 1.5, (
            f"the 6th wrong password for {target} through B was checked ({sixth.status}) "
            f"{took:.2f}s after the 5th through A: the servers count apart"
        )
        with outcome.lock:
            outcome.notes.append(f"throttle check for {target} repeated: the 6th attempt took {took:.1f}s")
    raise AssertionError(f"three times the 6th wrong password came too late to test the throttle: {outcome.notes}")


def _session_across_servers(cluster: Cluster, seed: Seed, traffic: Traffic, outcome: Outcome) -> None:
    """Logged in on A, known on B; logged out on B, a copy of the old cookie no longer works on A."""
    a, b = cluster.servers
    browser = Browser(traffic)
    _expect(browser.login(a, seed.session_user, PASSWORD), 303, "log in on A")
    page = _expect(browser.get(b, "/nl/account/"), 200, "the account page on B")
    assert seed.session_user in page.text
    stolen = browser.copy()
    token = browser.token(b, "/nl/account/")
    _expect(browser.post(b, "/nl/account/logout", {}, token), 303, "log out on B")
    reply = stolen.get(a, "/nl/account/")
    assert reply.status in (302, 303) and "/account/login" in reply.headers["Location"], reply.status


# ----------------------------------------------------------------------------- reading the database


def _rows(cluster: Cluster, sql: str, **params) -> list:
    with cluster.engine.connect() as conn:
        return list(conn.execute(sa.text(sql), params))


def _scalar(cluster: Cluster, sql: str, **params):
    with cluster.engine.connect() as conn:
        return conn.execute(sa.text(sql), params).scalar()


def _results_mails(cluster: Cluster) -> int:
    return _scalar(cluster, "SELECT count(*) FROM outbox_messages WHERE template = 'results_published'")


def _blocked_by(cluster: Cluster, holder_pid: int) -> str | None:
    """The application_name of a connection waiting for a lock the holder has."""
    rows = _rows(
        cluster, "SELECT application_name FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))", pid=holder_pid
    )
    return rows[0][0] if rows else None


def _wait_for(what: str, check, cluster: Cluster, seconds: float = WAIT_SECONDS, interval: float = 0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"waited {seconds:.0f}s for {what}:\n{cluster.tails()}")


# ----------------------------------------------------------------------------- the test


def test_two_servers_and_two_workers_share_every_rule_and_send_every_mail_once(cluster):
    started = time.monotonic()
    seed = _seed(cluster.control)
    traffic, outcome = Traffic(), Outcome()
    organiser = Browser(traffic)

    _everyone_at_once(cluster, seed, traffic, outcome, organiser)
    assert not traffic.server_errors(), traffic.server_errors()
    _check_places(cluster, seed, outcome)
    _check_ballots(cluster, seed, outcome)

    participants = [
        email
        for (email,) in _rows(
            cluster,
            "SELECT email FROM users WHERE id IN "
            "(SELECT user_id FROM ballots UNION SELECT user_id FROM event_registrations) ORDER BY id",
        )
    ]
    assert participants[:PASSIVE] == seed.passive and len(participants) == PASSIVE + RESIDENTS + 1
    victim, publish_seconds = _publish_and_kill_the_worker(cluster, seed, traffic, organiser, participants)
    _check_results_mail(cluster, participants, survivor=next(w for w in cluster.workers if w != victim))

    for server in cluster.servers:  # the monitoring answers on both hosts (127.0.0.1 is allowed)
        _expect(Browser(traffic).get(server, "/metrics"), 200, f"/metrics on {server.name}")
    assert not traffic.server_errors(), traffic.server_errors()
    per_server = traffic.count()
    assert per_server["A"] > 100 and per_server["B"] > 100, per_server
    killed_log = f"worker-{victim[-1]}"  # cluster-worker-a writes worker-a.log
    for name in ("web-a", "web-b", "worker-a", "worker-b"):
        if name != killed_log:
            assert "Traceback" not in cluster.log_of(name), cluster.log_of(name)[-3000:]
    print(
        f"\ncluster: {sum(per_server.values())} requests ({dict(per_server)}), publication answered in "
        f"{publish_seconds * 1000:.0f} ms, {len(participants)} results mails, killed {victim}, "
        f"{time.monotonic() - started:.1f}s after start-up; {'; '.join(outcome.notes) or 'no repeats'}"
    )


def _everyone_at_once(cluster: Cluster, seed: Seed, traffic: Traffic, outcome: Outcome, organiser: Browser):
    """Residents, the eager voter, the guesser, the session check and the organiser, all at once."""
    b = cluster.servers[1]
    with ThreadPoolExecutor(max_workers=10) as pool:
        futures = [
            pool.submit(_guesser, cluster, seed, traffic, outcome),
            pool.submit(_hammer, cluster, seed, traffic, outcome),
            pool.submit(_session_across_servers, cluster, seed, traffic, outcome),
            pool.submit(
                lambda: _expect(
                    organiser.login(b, seed.organiser, ORGANISER_PASSWORD), 303, "the organiser logs in on B"
                )
            ),
        ]
        futures += [
            pool.submit(_resident, n, email, cluster, seed, traffic, outcome) for n, email in enumerate(seed.residents)
        ]
        _, not_done = wait(futures, timeout=120)
        assert not not_done, f"{len(not_done)} people never finished:\n{cluster.tails()}"
        for future in futures:
            future.result()


def _check_places(cluster: Cluster, seed: Seed, outcome: Outcome) -> None:
    """Nothing overbooked; the waiting list numbered in arrival order; each registrant once, mailed once."""
    rows = _rows(
        cluster,
        "SELECT u.email, r.status, r.sequence FROM event_registrations r "
        "JOIN users u ON u.id = r.user_id WHERE r.event_id = :event ORDER BY r.sequence",
        event=seed.event_id,
    )
    assert sorted(email for email, *_ in rows) == sorted(outcome.registrants) and len(rows) == REGISTRANTS
    assert [sequence for *_, sequence in rows] == list(range(1, REGISTRANTS + 1))
    statuses = [status for _, status, _ in rows]
    assert statuses == ["confirmed"] * CAPACITY + ["waiting"] * (REGISTRANTS - CAPACITY), statuses
    last = _scalar(cluster, "SELECT last_sequence FROM events WHERE id = :event", event=seed.event_id)
    assert last == REGISTRANTS
    confirmed = {email for email, status, _ in rows if status == "confirmed"}
    # A vote receipt goes out for each ballot cast, and these residents change their vote: not once each.
    mails = Counter(
        tuple(row)
        for row in _rows(cluster, "SELECT recipient, template FROM outbox_messages WHERE template != 'vote_receipt'")
    )
    assert set(mails.values()) == {1}, [pair for pair, n in mails.items() if n > 1]
    assert {r for r, t in mails if t == "event_confirmed"} == confirmed
    assert {r for r, t in mails if t == "event_waitlisted"} == set(outcome.registrants) - confirmed


def _check_ballots(cluster: Cluster, seed: Seed, outcome: Outcome) -> None:
    """One ballot per person, with one choice: the last one they made (either, when both were at once)."""
    ballots = _rows(
        cluster,
        "SELECT u.email, count(DISTINCT b.id), count(c.id), min(c.option_id) "
        "FROM ballots b LEFT JOIN users u ON u.id = b.user_id "
        "LEFT JOIN ballot_choices c ON c.ballot_id = b.id "
        "WHERE b.question_id = :question GROUP BY u.email",
        question=seed.question_id,
    )
    assert all(email is not None and n == 1 and choices == 1 for email, n, choices, _ in ballots), ballots
    voters = {email: option for email, _, _, option in ballots}
    assert set(voters) == set(seed.passive) | set(outcome.final_choice)
    for email, expected in outcome.final_choice.items():
        allowed = expected if isinstance(expected, set) else {expected}
        assert voters[email] in allowed, (email, voters[email], allowed)


def _publish_and_kill_the_worker(cluster, seed, traffic, organiser, participants) -> tuple[str, float]:
    """Close through B, publish through A; SIGKILL the worker in the fan-out's 3rd batch.

    The test holds a row lock on the 13th participant: mailing them inserts a row referring to their
    account, so the worker doing the fan-out stops there, with two batches committed and two mails of
    the third written but not committed. That worker is killed; the lock is let go.
    """
    a, b = cluster.servers
    held = participants[HELD - 1]
    holder = cluster.engine.connect()
    try:
        holder.begin()
        holder_pid = holder.execute(sa.text("SELECT pg_backend_pid()")).scalar()
        holder.execute(sa.text("SELECT id FROM users WHERE email = :email FOR UPDATE"), {"email": held})
        manage = f"/nl/organise/{seed.consultation_id}"
        token = organiser.token(a, manage)
        _expect(organiser.post(b, f"{manage}/close", {"confirmed": "1"}, token), 303, "close through B")
        publishing = time.monotonic()
        _expect(organiser.post(a, f"{manage}/publish-results", {}, token), 303, "publish through A")
        publish_seconds = time.monotonic() - publishing
        victim = _wait_for("a worker to reach the held participant", lambda: _blocked_by(cluster, holder_pid), cluster)
        assert victim in cluster.workers, victim
        assert _results_mails(cluster) == 2 * BATCH
        # Meanwhile both servers answer, and refuse a vote after closing.
        late = Browser(traffic)
        _expect(late.login(b, seed.residents[0], PASSWORD), 303, "log in after closing")
        question = f"/nl/consultations/{seed.slug}/questions/{seed.question_id}"
        refused = late.post(a, question, {"option": str(seed.option_ids[0])}, late.token(b, "/nl/account/"))
        assert 400 <= refused.status < 500, refused.status
        pages = [Browser(traffic).get(server, f"/nl/consultations/{seed.slug}/results") for server in (a, b)]
        assert [page.status for page in pages] == [200, 200]
        cluster.workers[victim].kill()  # SIGKILL: no clean-up, no retry
        cluster.workers[victim].wait(timeout=30)
    finally:
        holder.rollback()
        holder.close()
    # Its connections end and its unfinished batch rolls back: still two batches, the cursor after them.
    _wait_for(
        "the killed worker's connections to end",
        lambda: not _rows(cluster, "SELECT 1 FROM pg_stat_activity WHERE application_name = :name", name=victim),
        cluster,
        seconds=30,
    )
    assert _results_mails(cluster) == 2 * BATCH
    [(cursor, finished)] = _rows(cluster, "SELECT cursor, finished_at FROM fan_outs")
    assert finished is None
    assert cursor == _scalar(cluster, "SELECT id FROM users WHERE email = :email", email=participants[2 * BATCH - 1])
    return victim, publish_seconds


def _check_results_mail(cluster: Cluster, participants: list[str], survivor: str) -> None:
    """The job died with its worker; after what the scheduler's `resume-fan-outs` does 10 minutes
    later, the other worker finishes: every participant mailed once, nobody mailed twice."""
    from participation.core.fan_out import resume_stalled
    from participation.core.time import utcnow

    with cluster.control.app_context():
        assert resume_stalled(now=utcnow() + timedelta(minutes=11)) == 1

    def finished_by_survivor():
        assert cluster.workers[survivor].poll() is None, f"{survivor} died:\n{cluster.tails()}"
        return _scalar(cluster, "SELECT finished_at FROM fan_outs")

    _wait_for(f"{survivor} to finish the fan-out", finished_by_survivor, cluster)
    results = Counter(
        r for (r,) in _rows(cluster, "SELECT recipient FROM outbox_messages WHERE template = 'results_published'")
    )
    assert results == Counter(participants)
    assert _scalar(cluster, "SELECT count(*) FROM fan_out_deliveries") == len(participants)
    assert _scalar(cluster, "SELECT sent_count FROM fan_outs") == len(participants)
    duplicates = _rows(
        cluster,
        # A vote receipt goes out for each ballot cast or changed: the one mail that may come more than once.
        "SELECT recipient, template, count(*) FROM outbox_messages WHERE template != 'vote_receipt' "
        "GROUP BY recipient, template HAVING count(*) > 1",
    )
    assert duplicates == []
    body = _scalar(
        cluster, "SELECT body_text FROM outbox_messages WHERE template = 'results_published' ORDER BY id LIMIT 1"
    )
    assert f"{PUBLIC_URL}/" in body and "127.0.0.1" not in body
