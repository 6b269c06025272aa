"""Wire the fixed pages (home, privacy, accessibility) and the health checks into the app."""

from __future__ import annotations

from participation.pages.health import bp as health_bp
from participation.pages.views import bp


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(health_bp)
