"""Wire 'my participation' into the app: the page and the results-published mail."""

from __future__ import annotations

from participation.core import extension_points
from participation.core.fan_out import register_fan_out
from participation.my_participation.mail import (
    FAN_OUT_KIND,
    mail_participants_results_published,
    mail_results_published,
    participants_after,
)
from participation.my_participation.views import bp


def init_app(app) -> None:
    app.register_blueprint(bp)
    extension_points.results_published.register(app, mail_participants_results_published)
    register_fan_out(app, FAN_OUT_KIND, participants_after, mail_results_published)
