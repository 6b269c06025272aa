"""Wire the open data into the app: the API and its page, the API's rate limit and CORS."""

from __future__ import annotations

from flask import current_app, request

from participation.api.http import add_cors
from participation.api.open_data_views import bp as open_data_bp
from participation.api.views import bp
from participation.extensions import limiter


def _api_limits() -> str:
    return current_app.config["API_RATE_LIMITS"]


def init_app(app) -> None:

    app.config.setdefault("API_RATE_LIMITS", "120 per minute;2000 per hour")
    # Per client address (the limiter's default key), counted in RATELIMIT_STORAGE_URI: Redis in
    # production, so every worker and server counts together.
    limiter.limit(_api_limits)(bp)
    app.register_blueprint(bp)
    app.register_blueprint(open_data_bp)

    @app.after_request
    def _cors_for_the_api(response):
        # App-wide so that errors outside the API's routes (an unknown /api/ address, a 429) carry it too.
        if request.path.startswith("/api/"):
            add_cors(response)
        return response
