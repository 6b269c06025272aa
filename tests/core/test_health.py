"""Liveness asks nothing; readiness asks the database, Redis and the queue, with timings, and
answers 503 when one of them fails. Production refuses per-process rate limits unless allowed."""

from __future__ import annotations

import pytest

from participation import create_app
from participation.config import ConfigError
from tests.conftest import TEST_CONFIG
from tests.core.test_jobs import REDIS_URL, redis_unavailable_reason

DEAD_DATABASE = "postgresql+psycopg://nobody@127.0.0.1:1/none"
DEAD_REDIS = "redis://127.0.0.1:1/0"


def _app(**config):
    return create_app(
        {
            **TEST_CONFIG,
            "SQLALCHEMY_DATABASE_URI": DEAD_DATABASE,
            "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"connect_timeout": 1}},
            **config,
        }
    )


def test_liveness_answers_without_asking_the_database():
    response = _app().test_client().get("/healthz/live")
    assert response.status_code == 200 and response.json == {"status": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


def test_readiness_reports_each_dependency_with_its_time(app, client):
    response = client.get("/healthz/ready")
    assert response.status_code == 200, response.json
    assert response.json["status"] == "ok"
    assert list(response.json["checks"]) == ["database"]  # no Redis, immediate jobs: nothing else to ask
    database = response.json["checks"]["database"]
    assert database["status"] == "ok" and isinstance(database["ms"], float)


def test_readiness_includes_the_queue_when_one_is_configured(queued_app):
    response = queued_app.test_client().get("/healthz/ready")
    assert response.status_code == 200
    assert response.json["checks"]["queue"]["status"] == "ok" and response.json["checks"]["queue"]["pending"] == 0


def test_readiness_fails_when_the_database_is_down_and_healthz_keeps_its_answer():
    app = _app()
    response = app.test_client().get("/healthz/ready")
    assert response.status_code == 503 and response.json["status"] == "error"
    assert response.json["checks"]["database"]["status"] == "error"
    assert app.test_client().get("/healthz").json == {"status": "error", "database": "unavailable"}


def test_readiness_fails_when_redis_is_down(extra_app):
    web = extra_app(JOB_QUEUE_URL=DEAD_REDIS)
    response = web.test_client().get("/healthz/ready")
    assert response.status_code == 503
    checks = response.json["checks"]
    assert checks["database"]["status"] == "ok"
    assert checks["redis_queue"]["status"] == "error" and checks["queue"]["status"] == "error"
    assert all("ms" in check for check in checks.values())


def test_readiness_with_a_live_redis(extra_app):
    reason = redis_unavailable_reason()
    if reason:
        pytest.skip(reason)
    web = extra_app(JOB_QUEUE_URL=REDIS_URL, JOB_QUEUE_NAME="test-health", RATELIMIT_STORAGE_URI=REDIS_URL)
    response = web.test_client().get("/healthz/ready")
    assert response.status_code == 200, response.json
    assert set(response.json["checks"]) == {"database", "redis", "queue"}


# --------------------------------------------------------- shared rate limits in production


@pytest.fixture
def production(monkeypatch, tmp_path):
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret-value")
    monkeypatch.setenv("PUBLIC_URL", "https://participatie.stad.gent")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/prod.db")
    monkeypatch.delenv("RATELIMIT_STORAGE_URI", raising=False)
    monkeypatch.delenv("ALLOW_PER_PROCESS_RATE_LIMITS", raising=False)
    return monkeypatch


def test_production_refuses_per_process_rate_limits(production):
    with pytest.raises(ConfigError, match="RATELIMIT_STORAGE_URI"):
        create_app()
    production.setenv("RATELIMIT_STORAGE_URI", "memory://")
    with pytest.raises(ConfigError, match="ALLOW_PER_PROCESS_RATE_LIMITS"):
        create_app()


def test_production_accepts_a_shared_store_or_an_explicit_allowance(production):
    production.setenv("RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379/0")
    assert create_app().config["RATELIMIT_STORAGE_URI"].startswith("redis://")
    production.setenv("RATELIMIT_STORAGE_URI", "memory://")
    production.setenv("ALLOW_PER_PROCESS_RATE_LIMITS", "true")
    assert create_app().config["ALLOW_PER_PROCESS_RATE_LIMITS"] is True


def test_development_and_tests_keep_memory_limits(monkeypatch):
    monkeypatch.setenv("APP_ENV", "development")
    monkeypatch.delenv("RATELIMIT_STORAGE_URI", raising=False)
    assert create_app().config["RATELIMIT_STORAGE_URI"] == "memory://"
    assert create_app({**TEST_CONFIG, "APP_ENV": "production"}).config["TESTING"]
