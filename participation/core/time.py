"""Time helpers: storage is UTC, people see Europe/Brussels."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC (the one clock the code reads)."""
    return datetime.now(UTC)


def to_brussels(moment: datetime) -> datetime:
    """Convert an aware (or naive UTC) moment to Brussels local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BRUSSELS)


def from_brussels_naive(local: datetime) -> datetime:
    """Interpret a naive local time typed in a form as Brussels time; return UTC."""
    if local.tzinfo is None:
        local = local.replace(tzinfo=BRUSSELS)
    return local.astimezone(UTC)
