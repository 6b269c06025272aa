"""Logs an operator can search: one JSON object per line, and a request id through everything.

Every log record gets a `request_id`: the id of the request being served, or of the job being
run (a job queued by a request carries that request's id, see core.jobs), else "-". Each request
gets an id at its start: the `X-Request-ID` sent by a trusted proxy (only with
TRUSTED_PROXY_HOPS > 0, and only when it looks like an id), otherwise a new random one; the
response echoes it in `X-Request-ID`, and one line per request logs method, path, status and
duration. Path segments that are secrets (the `<token>` of a mailed link) are replaced by
`<token>`, and query strings are never logged.

LOG_FORMAT chooses the shape: `json` (production's default: one object per line with time,
level, logger, message, request_id and the request's fields) or `text` (development and tests).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime

from flask import Flask, g, request

from participation.config import ConfigError

REQUEST_ID_HEADER = "X-Request-ID"
# What a proxy's id may look like: short, no spaces or control characters (they end up in logs).
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@-]{7,127}")
# The fields a request line adds to the record (`extra=`), in the order JSON prints them.
REQUEST_FIELDS = ("method", "path", "status", "duration_ms", "endpoint")
TEXT_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
access_log = logging.getLogger("participation.request")


def new_request_id() -> str:
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    """The id of the request (or job) this code runs for, if any."""
    return _request_id.get()


@contextmanager
def request_id_context(request_id: str | None):
    """Log under `request_id` inside the block (a job run by a worker, a command)."""
    token = _request_id.set(request_id or new_request_id())
    try:
        yield _request_id.get()
    finally:
        _request_id.reset(token)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id …"""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": None if getattr(record, "request_id", "-") == "-" else record.request_id,
        }
        for field in REQUEST_FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _install_record_factory() -> None:
    """Give every record, from any logger and for any handler, the current request id."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "adds_request_id", False):
        return

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        record.request_id = _request_id.get() or "-"
        return record

    factory.adds_request_id = True
    logging.setLogRecordFactory(factory)


def log_format(config) -> str:
    """`json` or `text`: LOG_FORMAT when set, else json in production and text elsewhere."""
    chosen = (config.get("LOG_FORMAT") or "").strip().lower()
    if not chosen:
        production = config.get("APP_ENV") == "production" and not config.get("TESTING")
        chosen = "json" if production else "text"
    if chosen not in ("json", "text"):
        raise ConfigError(f"LOG_FORMAT must be json or text, not {chosen!r}.")
    return chosen


def configure_logging(app: Flask) -> None:
    """Send the process's logs to stderr in LOG_FORMAT (one handler per process, reused)."""
    _install_record_factory()
    formatter = JsonFormatter() if log_format(app.config) == "json" else logging.Formatter(TEXT_FORMAT)
    root = logging.getLogger()
    handler = next((h for h in root.handlers if getattr(h, "is_participation_handler", False)), None)
    if handler is None:
        # As logging.basicConfig would: INFO only when nobody configured logging before us (a test
        # runner that captures logs keeps its own levels).
        if not root.handlers:
            root.setLevel(logging.INFO)
        handler = logging.StreamHandler(sys.stderr)
        handler.is_participation_handler = True
        root.addHandler(handler)
    handler.setFormatter(formatter)


def _trusted_request_id(app: Flask) -> str | None:
    if not app.config.get("TRUSTED_PROXY_HOPS"):
        return None  # anyone can send the header: never let a client choose what we log
    sent = request.headers.get(REQUEST_ID_HEADER, "")
    return sent if SANE_REQUEST_ID.fullmatch(sent) else None


def _loggable_path() -> str:
    """The path without query, with mailed secrets (`<token>` segments) masked."""
    path = request.path
    for name, value in (request.view_args or {}).items():
        if "token" in name and isinstance(value, str) and value:
            path = path.replace(value, f"<{name}>")
    return path


def register_request_log(app: Flask) -> None:
    """Give each request an id (logged, echoed in the response) and log one line per request."""

    def _start_request() -> None:
        request_id = _trusted_request_id(app) or new_request_id()
        g.request_id = request_id
        g.request_started = time.perf_counter()
        g.request_id_token = _request_id.set(request_id)

    # First of all hooks: one that answers early (a cached page, a redirect) still gets an id.
    app.before_request_funcs.setdefault(None, []).insert(0, _start_request)

    @app.after_request
    def _log_request(response):
        request_id = g.get("request_id")
        if request_id is None:  # a response made before our before_request ran (e.g. an earlier hook)
            return response
        response.headers[REQUEST_ID_HEADER] = request_id
        duration = time.perf_counter() - g.get("request_started", time.perf_counter())
        access_log.info(
            "%s %s %s %.1f ms",
            request.method,
            _loggable_path(),
            response.status_code,
            duration * 1000,
            extra={
                "method": request.method,
                "path": _loggable_path(),
                "status": response.status_code,
                "duration_ms": round(duration * 1000, 1),
                "endpoint": request.endpoint,
            },
        )
        return response

    @app.teardown_request
    def _forget_request_id(_exc) -> None:
        token = g.pop("request_id_token", None)
        if token is not None:
            try:
                _request_id.reset(token)
            except ValueError:  # set in another context (streamed responses): just clear it
                _request_id.set(None)
