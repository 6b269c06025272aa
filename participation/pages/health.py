"""Health for load balancers and orchestrators: liveness and readiness (JSON, never cached).

- `/healthz/live`: the process answers; touches nothing else, so a database outage never
  gets healthy application servers restarted.
- `/healthz/ready`: the process can serve: the database, Redis (the rate-limit store and the job
  queue, when they are Redis) and the job queue (when one is configured) each answer; every check
  reports its time in milliseconds. 503 when one fails, so the balancer sends no traffic here.
- `/healthz` (pages.views) keeps its old answer: it is a published address.
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from flask import Blueprint, current_app

from participation.core.jobs import is_immediate, queue_health
from participation.extensions import db

bp = Blueprint("health", __name__)

REDIS_SCHEMES = ("redis://", "rediss://", "redis+unix://", "unix://")
TIMEOUT_SECONDS = 1


@bp.get("/healthz/live")
def live():
    """Answer 200 while the process runs (no dependency is asked)."""
    return _json({"status": "ok"}, 200)


@bp.get("/healthz/ready")
def ready():
    """Answer 200 when the database, Redis and the queue all answer; else 503 with the failing one."""
    checks = {"database": _timed(_check_database)}
    for name, url in _redis_urls().items():
        checks[name] = _timed(lambda url=url: _check_redis(url))
    if not _queue_is_immediate():
        checks["queue"] = _timed(_check_queue)
    ok = all(check["status"] == "ok" for check in checks.values())
    return _json({"status": "ok" if ok else "error", "checks": checks}, 200 if ok else 503)


def _json(body: dict, status: int):
    return body, status, {"Cache-Control": "no-store"}


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        details = check() or {}
        result = {"status": "ok", **details}
    except Exception as exc:  # any failure means "not ready"; the kind is enough for the operator
        result = {"status": "error", "error": type(exc).__name__}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def _check_database() -> None:
    try:
        db.session.execute(sa.text("SELECT 1"))
    finally:
        db.session.rollback()


def _redis_urls() -> dict[str, str]:
    """The Redis servers this process depends on, named by what they are for."""
    config = current_app.config
    urls = {}
    for name, key in (("redis_rate_limits", "RATELIMIT_STORAGE_URI"), ("redis_queue", "JOB_QUEUE_URL")):
        url = str(config.get(key) or "")
        if url.startswith(REDIS_SCHEMES):
            urls[name] = url
    if len(set(urls.values())) == 1 and len(urls) == 2:
        return {"redis": next(iter(urls.values()))}
    return urls


def _check_redis(url: str) -> None:
    import redis

    clients = current_app.extensions.setdefault("participation.health_redis", {})
    if url not in clients:
        clients[url] = redis.Redis.from_url(url, socket_connect_timeout=TIMEOUT_SECONDS, socket_timeout=TIMEOUT_SECONDS)
    clients[url].ping()


def _queue_is_immediate() -> bool:

    return is_immediate()


def _check_queue() -> dict:

    return queue_health()
