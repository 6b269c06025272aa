"""The Ghent participation platform."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: Mapping | None = None) -> Flask:
    """Build the application: config, extensions, blueprints, error pages, CLI."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    _load_config(app, config)
    _init_extensions(app)
    _register_blueprints(app)
    _register_template_helpers(app)
    _register_error_handlers(app)
    _register_cli(app)
    return app


def _load_config(app: Flask, overrides: Mapping | None) -> None:
    from participation.config import check_config, load_config

    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.update(load_config(app.instance_path))
    if overrides:
        app.config.update(overrides)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(ROOT / "translations")
    check_config(app.config)
    _trust_only_the_public_host(app)
    hops = app.config.get("TRUSTED_PROXY_HOPS", 0)
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
    from participation.core.request_log import configure_logging

    configure_logging(app)


def _trust_only_the_public_host(app: Flask) -> None:
    """Answer 400 to requests for any host but PUBLIC_URL's (and the configured extras).

    Flask checks TRUSTED_HOSTS on every request; a test or a deployment may set it outright.
    """
    from participation.core.urls import public_host

    if app.config.get("TRUSTED_HOSTS") is None:
        app.config["TRUSTED_HOSTS"] = [
            public_host(app.config["PUBLIC_URL"]),
            *app.config.get("EXTRA_TRUSTED_HOSTS", ()),
        ]


def _init_extensions(app: Flask) -> None:
    from participation.accounts.login import init_login
    from participation.core.caching import register_cache_policy
    from participation.core.db import configure_engine
    from participation.core.i18n import register_url_language, select_locale, select_timezone
    from participation.core.input_bounds import register_id_converter
    from participation.core.security import register_security_headers
    from participation.core.text_input import register_input_guard
    from participation.extensions import babel, csrf, db, limiter, migrate

    db.init_app(app)
    with app.app_context():
        configure_engine(db.engine)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    csrf.init_app(app)
    limiter.init_app(app)
    init_login(app)
    register_url_language(app)
    register_security_headers(app)
    from participation.core.metrics import register_metrics
    from participation.core.request_log import register_request_log

    register_request_log(app)
    register_metrics(app)
    register_cache_policy(app)
    register_input_guard(app)
    from participation.core.page_cache import register_page_cache

    register_page_cache(app)
    register_id_converter(app)
    _init_background_work(app)
    _import_models()


def _init_background_work(app: Flask) -> None:
    """The job queue, fan-out mail and the periodic jobs (see core/jobs.py, core/scheduler.py)."""
    from participation.core.fan_out import init_fan_out
    from participation.core.jobs import init_jobs
    from participation.core.scheduler import init_scheduler

    init_jobs(app)
    init_fan_out(app)
    init_scheduler(app)


def _import_models() -> None:
    """Make every model known to SQLAlchemy's metadata (for migrations and create_all)."""
    from participation.models import import_all

    import_all()


def _register_blueprints(app: Flask) -> None:
    from participation.features import register_features

    register_features(app)


def _register_template_helpers(app: Flask) -> None:
    from participation.core.templating import register_template_helpers

    register_template_helpers(app)


def _register_error_handlers(app: Flask) -> None:
    from participation.core.errors import register_error_handlers

    register_error_handlers(app)


def _register_cli(app: Flask) -> None:
    from participation.cli import register_cli

    register_cli(app)
