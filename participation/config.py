"""Configuration: safe defaults, overridden by environment variables, then by a test dict."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

DEV_SECRET_KEY = "dev-secret-key-do-not-use-in-production"  # noqa: S105 - refused outside development


class ConfigError(RuntimeError):
    """Raised at start-up when the configuration is unsafe or incomplete."""


def _bool(value: str | None, default: bool = False) -> bool:
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(value: str) -> tuple[str, ...]:
    """A comma-separated setting as a tuple of its non-empty items."""
    return tuple(item.strip() for item in value.split(",") if item.strip())


def normalise_database_url(url: str) -> str:
    """Use the psycopg 3 driver for PostgreSQL URLs written the usual way."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_config(instance_path: str) -> dict:
    """Build the configuration from defaults and environment variables."""
    env = os.environ
    app_env = env.get("APP_ENV", "production").strip().lower()
    is_development = app_env == "development"
    default_db = "sqlite:///" + str(Path(instance_path) / "participation.db")
    return {
        "APP_ENV": app_env,
        "SECRET_KEY": env.get("SECRET_KEY", DEV_SECRET_KEY if is_development else ""),
        "SQLALCHEMY_DATABASE_URI": normalise_database_url(env.get("DATABASE_URL", default_db)),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "LANGUAGES": _list(env.get("LANGUAGES", "nl,en,fr")),
        "BABEL_DEFAULT_LOCALE": "nl",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Brussels",
        # Every absolute link that leaves a request (mail, feeds, calendars, QR codes) is built on
        # this address, never on the request's Host. Required in production; a developer's machine
        # gets the address `make run` serves, so commands such as send-reminders write working links.
        "PUBLIC_URL": env.get("PUBLIC_URL", f"http://127.0.0.1:{env.get('PORT', '5000')}" if is_development else "")
        .strip()
        .rstrip("/"),
        # Requests must name PUBLIC_URL's host; these host names are accepted as well (a
        # health-check probe, an old domain). `localhost` is added on a developer's machine.
        "EXTRA_TRUSTED_HOSTS": _list(env.get("TRUSTED_HOSTS", "")) + (("localhost",) if is_development else ()),
        # How many reverse proxies in front of the app set X-Forwarded-For/-Proto/-Host. With 0
        # (the default) those headers are ignored, also for rate-limit keys: anybody can send them.
        "TRUSTED_PROXY_HOPS": int(env.get("TRUSTED_PROXY_HOPS", "0")),
        # E-mail: rows go to the outbox; `flask send-mail` delivers them over SMTP.
        "MAIL_SERVER": env.get("MAIL_SERVER", "localhost"),
        "MAIL_PORT": int(env.get("MAIL_PORT", "25")),
        "MAIL_USERNAME": env.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD") or None,
        "MAIL_USE_TLS": _bool(env.get("MAIL_USE_TLS")),
        "MAIL_USE_SSL": _bool(env.get("MAIL_USE_SSL")),
        "MAIL_DEFAULT_SENDER": env.get("MAIL_DEFAULT_SENDER", "Stad Gent participatie <participatie@stad.gent>"),
        # The development outbox page lets a person click verification links without SMTP.
        "SHOW_OUTBOX_PAGE": _bool(env.get("SHOW_OUTBOX_PAGE"), default=is_development),
        # Rate limits: in memory by default, Redis (or any `limits` storage) when set. A store that
        # does not answer degrades to counting in each process (and a logged warning), never to
        # error pages.
        **ratelimit_storage(env),
        # Production refuses memory:// limits (each process would count alone) unless this is set.
        "ALLOW_PER_PROCESS_RATE_LIMITS": _bool(env.get("ALLOW_PER_PROCESS_RATE_LIMITS")),
        # Background jobs (core/jobs.py): redis://… in production; unset runs each job at once in
        # the process that queues it (after its transaction commits), which needs no extra process.
        "JOB_QUEUE_URL": env.get("JOB_QUEUE_URL", "").strip() or "immediate",
        # The queue's name in that store: sites sharing one Redis (staging, production) differ here.
        "JOB_QUEUE_NAME": env.get("JOB_QUEUE_NAME", "participation"),
        # Logs: `json` (one object per line) or `text`; unset: json in production, text elsewhere
        # (core/request_log.py).
        "LOG_FORMAT": env.get("LOG_FORMAT", "").strip().lower() or None,
        # GET /metrics (Prometheus) answers these client addresses or networks, or a request with
        # `Authorization: Bearer METRICS_TOKEN`; anyone else gets 404 (core/metrics.py).
        "METRICS_ALLOWED_IPS": _list(env.get("METRICS_ALLOWED_IPS", "127.0.0.1,::1")),
        "METRICS_TOKEN": env.get("METRICS_TOKEN", "").strip() or None,
        # Recipients mailed per committed batch of a fan-out (results published, event cancelled).
        "FAN_OUT_BATCH_SIZE": int(env.get("FAN_OUT_BATCH_SIZE", "200")),
        # Event reminders go to everyone with a place at an event starting within this many hours.
        "REMINDER_WINDOW_HOURS": int(env.get("REMINDER_WINDOW_HOURS", "36")),
        "RATELIMIT_ENABLED": _bool(env.get("RATELIMIT_ENABLED"), default=True),
        # The public API (participation/api): requests per client address, counted in the store above.
        "API_RATE_LIMITS": env.get("API_RATE_LIMITS", "120 per minute;2000 per hour"),
        # Origins (scheme://host[:port]) whose pages may frame the embeds (/<lang>/embed/...); no other page
        # may be framed at all (participation/embeds).
        "EMBED_ORIGINS": _list(env.get("EMBED_ORIGINS", "https://stad.gent,https://www.gent.be")),
        # An opinion map never shows a group of residents smaller than this (participation/statements).
        "OPINION_MAP_MIN_GROUP": int(env.get("OPINION_MAP_MIN_GROUP", "5")),
        "RATELIMIT_HEADERS_ENABLED": True,
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
        # Log-in throttling, guessing of the current password, anti-spam form age (accounts/throttling.py).
        **throttling_settings(env),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": not is_development,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": not is_development,
        "REMEMBER_COOKIE_DURATION": timedelta(days=30),
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=12),
        "WTF_CSRF_TIME_LIMIT": 4 * 3600,
        # Token lifetimes (seconds).
        "EMAIL_TOKEN_MAX_AGE": 48 * 3600,
        "RESET_TOKEN_MAX_AGE": 3600,
        # Staff (organisers, moderators, administrators) must use two-factor log-in before any
        # back-office page. On by default; off by default only in development, where the demo's
        # staff accounts are used without an authenticator app.
        "TWO_FACTOR_REQUIRED_FOR_STAFF": _bool(env.get("TWO_FACTOR_REQUIRED_FOR_STAFF"), default=not is_development),
        # The name authenticator apps show next to the code.
        "TWO_FACTOR_ISSUER": env.get("TWO_FACTOR_ISSUER", "Stad Gent participatie"),
        # argon2id cost; tests and benchmarks lower it, production keeps the library default.
        "PASSWORD_HASH_TIME_COST": int(env.get("PASSWORD_HASH_TIME_COST", "3")),
        "PASSWORD_HASH_MEMORY_COST": int(env.get("PASSWORD_HASH_MEMORY_COST", "65536")),
        # Retention periods in days, applied by `flask purge` and quoted by the privacy statement.
        **retention_periods(env),
        "SEND_FILE_MAX_AGE_DEFAULT": 3600,
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    }


def ratelimit_storage(env) -> dict:
    """Where limits are counted; a Redis store gets short time-outs so a dead one is noticed at once."""
    uri = env.get("RATELIMIT_STORAGE_URI", "memory://")
    settings = {"RATELIMIT_STORAGE_URI": uri}
    if uri.startswith(("redis://", "rediss://", "redis+unix://")):
        settings["RATELIMIT_STORAGE_OPTIONS"] = {"socket_connect_timeout": 1, "socket_timeout": 1}
    return settings


def throttling_settings(env) -> dict:
    """The throttling policy's numbers (accounts/throttling.py explains them)."""
    return {
        # Wrong passwords for one account from browsers it never logged in from: this many are
        # checked at once, then each next one waits, twice as long each time, up to the maximum.
        "LOGIN_FREE_FAILURES": 5,
        "LOGIN_FIRST_DELAY_SECONDS": 2,
        "LOGIN_MAX_DELAY_SECONDS": 15 * 60,
        "LOGIN_FAILURE_MEMORY_SECONDS": 24 * 3600,
        # Wrong passwords from one client address (any accounts) and from one trusted browser.
        "LOGIN_ADDRESS_FAILURE_LIMITS": env.get("LOGIN_ADDRESS_FAILURE_LIMITS", "30 per 10 minutes; 200 per day"),
        "LOGIN_DEVICE_FAILURE_LIMITS": "10 per hour",
        # How long a browser stays trusted for an account after logging in to it.
        "DEVICE_COOKIE_MAX_AGE": 365 * 24 * 3600,
        # Wrong current passwords on the password, e-mail and delete-account forms, per account.
        "CURRENT_PASSWORD_FAILURE_LIMITS": "5 per 15 minutes; 20 per day",
        # An anti-spam form token older than this is refused (the form is shown again, fresh).
        "ANTISPAM_MAX_AGE_SECONDS": 4 * 3600,
    }


# Retention periods (days): configuration key (= environment variable) -> default.
RETENTION_DEFAULTS = {
    "RETENTION_UNVERIFIED_ACCOUNT_DAYS": 7,  # accounts whose address is never confirmed: deleted
    "RETENTION_UNCONFIRMED_REGISTRATION_DAYS": 7,  # visitors' registrations never confirmed: deleted
    "RETENTION_ATTENDEE_DATA_DAYS": 365,  # after the event: names, addresses and answers removed
    "RETENTION_MAIL_BODY_DAYS": 30,  # after delivery: the text of the mail removed
    "RETENTION_MAIL_ADDRESS_DAYS": 180,  # after delivery: the recipient's address removed
}


def retention_periods(env) -> dict[str, int]:
    """The retention periods, each from its environment variable or its default; at least one day."""
    periods = {}
    for key, default in RETENTION_DEFAULTS.items():
        raw = env.get(key, "").strip()
        try:
            periods[key] = int(raw) if raw else default
        except ValueError:
            raise ConfigError(f"{key} must be a whole number of days, not {raw!r}.") from None
        if periods[key] < 1:
            raise ConfigError(f"{key} must be at least 1 day.")
    return periods


def check_config(config: dict) -> None:
    """Refuse to start with a configuration that is unsafe outside development."""
    if config.get("TESTING") or config.get("APP_ENV") == "development":
        if not config.get("SECRET_KEY"):
            raise ConfigError("SECRET_KEY is empty.")
    elif not config.get("SECRET_KEY") or config["SECRET_KEY"] == DEV_SECRET_KEY:
        raise ConfigError(
            "Refusing to start: set SECRET_KEY to a long random value "
            "(or APP_ENV=development on a developer's machine)."
        )
    _check_public_url(config)
    if os.environ.get("PROXY_FIX"):
        raise ConfigError(
            "PROXY_FIX is replaced by TRUSTED_PROXY_HOPS: the number of reverse proxies "
            "in front of the application (1 for one nginx)."
        )
    if config.get("BABEL_DEFAULT_LOCALE") not in config.get("LANGUAGES", ()):
        raise ConfigError("LANGUAGES must include the default language 'nl'.")
    _check_shared_rate_limits(config)


def _check_shared_rate_limits(config: dict) -> None:
    """With several workers or hosts, memory:// limits let each process count alone."""
    if config.get("TESTING") or config.get("APP_ENV") == "development":
        return
    if not config.get("RATELIMIT_ENABLED", True) or config.get("ALLOW_PER_PROCESS_RATE_LIMITS"):
        return
    if str(config.get("RATELIMIT_STORAGE_URI", "memory://")).startswith("memory://"):
        raise ConfigError(
            "Refusing to start: RATELIMIT_STORAGE_URI=memory:// counts rate limits per process, so "
            "with several workers or hosts each one counts alone. Set RATELIMIT_STORAGE_URI="
            "redis://… (shared), or ALLOW_PER_PROCESS_RATE_LIMITS=true for a single process."
        )


def _check_public_url(config: dict) -> None:
    """Links in mail are built on PUBLIC_URL: it must be an absolute http(s) address."""
    url = config.get("PUBLIC_URL") or ""
    parts = urlsplit(url)
    if not url:
        raise ConfigError(
            "Refusing to start: set PUBLIC_URL to the address residents use, e.g. "
            "https://participatie.stad.gent (links in mail are built on it)."
        )
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ConfigError(f"PUBLIC_URL must be an absolute http(s) address without query: {url!r}")
