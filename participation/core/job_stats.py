"""What the job queue can tell an operator: failed runs per job, and the age of the oldest job.

Failed runs are counted where every worker and the web processes can read them: in the queue's
own Redis (one hash per queue name), so `/metrics` on any host shows the failures of all
workers. Queues without Redis (immediate, memory, SQLite: one machine) count in the process.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter

log = logging.getLogger(__name__)

_local_failures: Counter[str] = Counter()
_local_lock = threading.Lock()


def _redis(huey):
    return getattr(huey.storage, "conn", None) if type(huey.storage).__name__.startswith("Redis") else None


def _failures_key(huey) -> str:
    return f"participation.jobs.failed.{huey.name}"


def count_failure(huey, job: str) -> None:
    """Count one run of `job` that raised (each retry counts); never raises itself."""
    try:
        conn = _redis(huey)
        if conn is not None:
            conn.hincrby(_failures_key(huey), job, 1)
            return
    except Exception:  # Redis is down: the job's own error is what matters; count it here
        log.warning("could not count the failure of job %s in Redis", job)
    with _local_lock:
        _local_failures[job] += 1


def failure_counts(huey) -> dict[str, int]:
    """Runs that raised, per job, since the counts began (Redis: across all processes)."""
    conn = _redis(huey)
    if conn is not None:
        return {key.decode(): int(value) for key, value in conn.hgetall(_failures_key(huey)).items()}
    with _local_lock:
        return dict(_local_failures)


def oldest_pending_age(huey, now: float | None = None) -> float | None:
    """Seconds the next job to run has waited (None: nothing waits, or it carries no time)."""
    if huey.immediate:
        return None
    pending = huey.pending(limit=1)
    queued_at = (pending[0].kwargs or {}).get("queued_at") if pending else None
    if not queued_at:
        return None
    return max(0.0, (now or time.time()) - float(queued_at))
