"""Counters shared by every worker process, kept in the rate-limit store.

The store is flask-limiter's (`RATELIMIT_STORAGE_URI`): memory in tests and on a
developer's machine, Redis in production, so a count holds across gunicorn workers
and servers. Every key is given an expiry when it is created, so nothing needs
purging: entries vanish by themselves.

When the store does not answer, the site keeps working: counting moves to a store
inside this process (limits still hold, per worker instead of across workers), a
warning is logged, and the shared store is tried again after STORE_RETRY_SECONDS.

`FailureBudget` builds on the counters: "at most N failures per window" for one key,
reserved before the work (so simultaneous requests cannot all slip through) and
given back when the attempt turns out fine.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from flask import current_app
from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage, Storage

from participation.extensions import limiter

log = logging.getLogger(__name__)

PREFIX = "participation/"
STORE_RETRY_SECONDS = 30
_STATE = "participation.shared_counters"

T = TypeVar("T")


class Throttled(Exception):
    """Too many attempts: this one is refused without being looked at."""

    def __init__(self, retry_after: float, message: str | None = None):
        super().__init__(message or "throttled")
        self.retry_after = max(1, math.ceil(retry_after))
        self.message = message


class _State:
    """Per application and process: the stand-in store and when to try the shared one again."""

    def __init__(self) -> None:
        self.fallback = MemoryStorage()
        self.retry_at = 0.0
        self.down = False


def _state() -> _State:
    return current_app.extensions.setdefault(_STATE, _State())


def _shared_storage() -> Storage | None:

    try:
        return limiter.storage
    except AssertionError:  # rate limiting is switched off in the configuration
        return None


def _run(operation: Callable[[Storage], T]) -> T:
    """Run operation(storage) on the shared store, or on this process's store while it is down."""
    state = _state()
    storage = _shared_storage()
    if storage is None:
        return operation(state.fallback)
    now = time.time()
    if state.down and now < state.retry_at:
        return operation(state.fallback)
    try:
        result = operation(storage)
    except Exception as exc:  # any failure of the store: the page must still work
        state.down, state.retry_at = True, now + STORE_RETRY_SECONDS
        log.warning(
            "rate-limit store unreachable (%s: %s); counting in this process for %d s",
            type(exc).__name__,
            exc,
            STORE_RETRY_SECONDS,
            extra={"event": "ratelimit_store_down"},
        )
        return operation(state.fallback)
    if state.down:
        state.down = False
        log.info("rate-limit store reachable again", extra={"event": "ratelimit_store_up"})
    return result


def incr(key: str, expiry: float, amount: int = 1) -> int:
    """Add to a counter (created with this expiry in seconds) and return its new value."""
    seconds = max(1, math.ceil(expiry))
    return _run(lambda storage: storage.incr(PREFIX + key, seconds, amount=amount))


def get(key: str) -> int:
    """The counter's value, 0 when it does not exist (or expired)."""
    return _run(lambda storage: storage.get(PREFIX + key))


def seconds_left(key: str) -> float:
    """Seconds until the counter expires (0 when it does not exist)."""
    return max(0.0, _run(lambda storage: storage.get_expiry(PREFIX + key)) - time.time())


def limits_from(spec: str | list[RateLimitItem]) -> list[RateLimitItem]:
    """Limits written the flask-limiter way: "5 per 15 minutes; 20 per day"."""
    return list(spec) if isinstance(spec, list) else parse_many(spec)


@dataclass
class Reservation:
    """Failures counted in advance; `release()` gives them back when the attempt went well."""

    keys: list[tuple[str, int]] = field(default_factory=list)

    def release(self) -> None:
        for key, expiry in self.keys:
            incr(key, expiry, amount=-1)
        self.keys.clear()


@dataclass(frozen=True)
class FailureBudget:
    """At most `amount` failures per fixed window, for each limit, per key."""

    name: str
    limits: tuple[RateLimitItem, ...]

    @classmethod
    def parse(cls, name: str, spec: str) -> FailureBudget:
        return cls(name, tuple(limits_from(spec)))

    def _window(self, item: RateLimitItem, key: str, now: float) -> tuple[str, int, float]:
        period = item.get_expiry()
        start = int(now // period) * period
        return f"{self.name}/{item.amount}per{period}/{key}/{start}", period, start + period - now

    def reserve(self, key: str, message: Callable[[float], str] | None = None) -> Reservation:
        """Count one failure in advance in every window; refuse (Throttled) when one is full."""
        reservation = Reservation()
        now = time.time()
        for item in self.limits:
            window_key, period, left = self._window(item, key, now)
            count = incr(window_key, period)
            reservation.keys.append((window_key, period))
            if count > item.amount:
                reservation.release()
                raise Throttled(left, message(left) if message else None)
        return reservation
