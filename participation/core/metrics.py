"""Prometheus metrics at GET /metrics (prometheus_client), for the operator's monitoring only.

Two kinds of figures:

- *per process*, counted as requests are served: `participation_http_requests_total` (endpoint,
  method, status) and the latency histogram `participation_http_request_duration_seconds`
  (endpoint, method). Endpoint names, not paths, keep the number of series bounded. Under
  gunicorn each worker counts alone: set PROMETHEUS_MULTIPROC_DIR to an empty directory (wiped
  before gunicorn starts, writable by it) and every worker writes its figures there; a scrape of
  any worker adds them all up (prometheus_client's multiprocess mode).
- *shared state*, read when scraped (core.operations_status), so any host gives the same answer:
  the job queue (waiting, scheduled, age of the oldest waiting job, failed runs per job), the
  outbox (waiting, given up, age of the oldest waiting), unfinished fan-outs and each periodic
  job's last error and time since its last finished run.

Access: only clients whose address is in METRICS_ALLOWED_IPS (addresses or networks; default
127.0.0.1 and ::1; behind a proxy this is the client the proxy saw, see TRUSTED_PROXY_HOPS), or
requests with `Authorization: Bearer <METRICS_TOKEN>`. Anyone else gets 404, as if nothing were
there.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import time

from flask import Blueprint, Flask, abort, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from participation.config import ConfigError
from participation.core import operations_status as status
from participation.extensions import db

NETWORKS_KEY = "participation.metrics_networks"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

REQUESTS = Counter(
    "participation_http_requests",
    "HTTP requests answered, by endpoint, method and status.",
    ["endpoint", "method", "status"],
)
LATENCY = Histogram(
    "participation_http_request_duration_seconds",
    "Time to answer a request.",
    ["endpoint", "method"],
    buckets=LATENCY_BUCKETS,
)

bp = Blueprint("metrics", __name__)


@bp.get("/metrics")
def metrics():
    """Serve the metrics in Prometheus' text format to allowed clients; 404 to anyone else."""
    if not _allowed():
        abort(404)
    registry = CollectorRegistry(auto_describe=False)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_ThisProcess())
    registry.register(_SharedState())
    return generate_latest(registry), 200, {"Content-Type": CONTENT_TYPE_LATEST, "Cache-Control": "no-store"}


def _allowed() -> bool:
    token = current_app.config.get("METRICS_TOKEN")
    scheme, _, sent = request.headers.get("Authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and hmac.compare_digest(sent.strip().encode(), token.encode()):
        return True
    try:
        address = ipaddress.ip_address(request.remote_addr or "")
    except ValueError:
        return False
    return any(address in network for network in current_app.extensions[NETWORKS_KEY])


def allowed_networks(entries) -> list:
    """METRICS_ALLOWED_IPS as networks (a bare address is a network of one)."""

    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ConfigError(f"METRICS_ALLOWED_IPS: {entry!r} is not an address or network.") from None
    return networks


class _ThisProcess:
    """This process's own figures (single-process mode), from prometheus_client's registry."""

    def collect(self):
        yield from REGISTRY.collect()


class _SharedState:
    """Figures read from the database and the queue at scrape time."""

    def collect(self):

        queue = status.queue_status()
        yield _gauge(
            "participation_job_queue_up",
            "1 when the job queue answered (always 1 in immediate mode).",
            0 if queue.error else 1,
        )
        if not queue.immediate and not queue.error:
            yield _gauge("participation_job_queue_pending", "Jobs waiting for a worker.", queue.pending)
            yield _gauge(
                "participation_job_queue_scheduled", "Jobs waiting for a later time (retries).", queue.scheduled
            )
            yield _gauge(
                "participation_job_queue_oldest_age_seconds",
                "How long the next job has waited.",
                queue.oldest_age_seconds or 0,
            )
        failed = CounterMetricFamily(
            "participation_jobs_failed", "Job runs that raised (each retry counts).", labels=["job"]
        )
        for job, count in sorted(queue.failures.items()):
            failed.add_metric([job], count)
        yield failed
        try:
            yield from self._database()
        finally:
            db.session.rollback()

    def _database(self):

        outbox = status.outbox_backlog()
        yield _gauge("participation_outbox_waiting", "Mail not sent yet (still to be tried).", outbox.waiting)
        yield _gauge("participation_outbox_failed", "Mail given up on after repeated refusals.", outbox.failed)
        yield _gauge(
            "participation_outbox_oldest_waiting_age_seconds",
            "Age of the oldest mail still waiting.",
            status.seconds_since(outbox.oldest_waiting_at) or 0,
        )
        fan_outs = status.fan_out_backlog()
        yield _gauge(
            "participation_fan_outs_unfinished", "Mail-outs to many people not finished yet.", fan_outs.unfinished
        )
        yield _gauge(
            "participation_fan_outs_oldest_unfinished_age_seconds",
            "Age of the oldest unfinished mail-out.",
            status.seconds_since(fan_outs.oldest_unfinished_at) or 0,
        )
        errors = GaugeMetricFamily(
            "participation_scheduled_job_failing", "1 when the periodic job's last run failed.", labels=["job"]
        )
        finished = GaugeMetricFamily(
            "participation_scheduled_job_last_success_age_seconds",
            "Time since the periodic job last finished (absent: never).",
            labels=["job"],
        )
        for job in status.periodic_status():
            errors.add_metric([job.name], 1 if job.last_error else 0)
            if job.last_finished_at is not None:
                finished.add_metric([job.name], status.seconds_since(job.last_finished_at))
        yield errors
        yield finished


def _gauge(name: str, documentation: str, value) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=float(value or 0))


def _observe(response):
    started = g.get("request_started")
    endpoint = request.url_rule.endpoint if request.url_rule else "unmatched"
    REQUESTS.labels(endpoint, request.method, str(response.status_code)).inc()
    if started is not None:
        LATENCY.labels(endpoint, request.method).observe(time.perf_counter() - started)
    return response


def register_metrics(app: Flask) -> None:
    """Count every request and serve /metrics (see the module docstring)."""
    app.extensions[NETWORKS_KEY] = allowed_networks(app.config.get("METRICS_ALLOWED_IPS", ()))
    app.after_request(_observe)
    app.register_blueprint(bp)
