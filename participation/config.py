"""Configuration: safe defaults, overridden by environment variables, then by a test dict."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

DEV_SECRET_KEY = "dev-secret-key-do-not-use-in-production"


class ConfigError(RuntimeError):
    """Raised at start-up when the configuration is unsafe or incomplete."""


def _bool(value: str | None, default: bool = False) -> bool:
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


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
        "LANGUAGES": tuple(
            code.strip() for code in env.get("LANGUAGES", "nl,en,fr").split(",") if code.strip()
        ),
        "BABEL_DEFAULT_LOCALE": "nl",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Brussels",
        "PUBLIC_URL": env.get("PUBLIC_URL", "http://127.0.0.1:5000").rstrip("/"),
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
        # Rate limits: in memory by default, Redis (or any `limits` storage) when set.
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_ENABLED": _bool(env.get("RATELIMIT_ENABLED"), default=True),
        "RATELIMIT_HEADERS_ENABLED": True,
        "PROXY_FIX": _bool(env.get("PROXY_FIX")),
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
        # argon2id cost; tests and benchmarks lower it, production keeps the library default.
        "PASSWORD_HASH_TIME_COST": int(env.get("PASSWORD_HASH_TIME_COST", "3")),
        "PASSWORD_HASH_MEMORY_COST": int(env.get("PASSWORD_HASH_MEMORY_COST", "65536")),
        "SEND_FILE_MAX_AGE_DEFAULT": 3600,
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    }


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
    if config.get("BABEL_DEFAULT_LOCALE") not in config.get("LANGUAGES", ()):
        raise ConfigError("LANGUAGES must include the default language 'nl'.")
