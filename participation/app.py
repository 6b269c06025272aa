"""Build the application: configuration, extensions, the features, error pages, commands."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from participation import features, models
from participation.accounts.login import init_login
from participation.config import ConfigError, check_config, load_config
from participation.core.caching import register_cache_policy
from participation.core.catalogs import check_catalogs
from participation.core.commands import register_commands
from participation.core.db import configure_engine
from participation.core.errors import register_error_handlers
from participation.core.fan_out import init_fan_out
from participation.core.i18n import register_url_language, select_locale, select_timezone
from participation.core.input_bounds import register_id_converter
from participation.core.jobs import init_jobs
from participation.core.metrics import register_metrics
from participation.core.page_cache import register_page_cache
from participation.core.request_log import configure_logging, register_request_log
from participation.core.scheduler import init_scheduler
from participation.core.security import register_security_headers
from participation.core.static_files import serve_static_files
from participation.core.templating import install_template_gettext, register_template_helpers
from participation.core.text_input import register_input_guard
from participation.core.urls import public_host
from participation.extensions import babel, csrf, db, limiter, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: Mapping | None = None) -> Flask:
    app = Flask(
        "participation",
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    _load_config(app, config)
    _init_extensions(app)
    models.import_all()
    features.register_features(app)
    register_template_helpers(app)
    register_error_handlers(app)
    register_commands(app)
    serve_static_files(app)
    return app


def _load_config(app: Flask, overrides: Mapping | None) -> None:
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.update(load_config(app.instance_path))
    if overrides:
        app.config.update(overrides)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(ROOT / "translations")
    check_config(app.config)
    try:
        check_catalogs(app.config["LANGUAGES"], ROOT / "translations")
    except ConfigError as problem:
        # A developer between `make i18n-update` and translating still gets a working site.
        if app.config.get("APP_ENV") != "development":
            raise
        logging.getLogger(__name__).warning("%s", problem)
    _trust_only_the_public_host(app)
    hops = app.config.get("TRUSTED_PROXY_HOPS", 0)
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
    configure_logging(app)


def _trust_only_the_public_host(app: Flask) -> None:
    """Answer 400 to requests for any host but PUBLIC_URL's (and the configured extras).

    Flask checks TRUSTED_HOSTS on every request; a test or a deployment may set it outright.
    """
    if app.config.get("TRUSTED_HOSTS") is None:
        app.config["TRUSTED_HOSTS"] = [
            public_host(app.config["PUBLIC_URL"]),
            *app.config.get("EXTRA_TRUSTED_HOSTS", ()),
        ]


def _init_extensions(app: Flask) -> None:
    db.init_app(app)
    with app.app_context():
        configure_engine(db.engine)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    install_template_gettext(app)
    csrf.init_app(app)
    limiter.init_app(app)
    init_login(app)
    register_url_language(app)
    register_security_headers(app)
    register_request_log(app)
    register_metrics(app)
    register_cache_policy(app)
    register_input_guard(app)
    register_page_cache(app)
    register_id_converter(app)
    # The job queue, fan-out mail and the periodic jobs (see core/jobs.py, core/scheduler.py).
    init_jobs(app)
    init_fan_out(app)
    init_scheduler(app)
