"""Wire 'my participation' into the app: the page and the results-published mail."""

from __future__ import annotations


def init_app(app) -> None:
    from participation.consultations.hooks import register_results_published_hook
    from participation.core.fan_out import register_fan_out
    from participation.my_participation.mail import (
        FAN_OUT_KIND,
        mail_participants_results_published,
        mail_results_published,
        participants_after,
    )
    from participation.my_participation.views import bp

    app.register_blueprint(bp)
    register_results_published_hook(app, mail_participants_results_published)
    register_fan_out(app, FAN_OUT_KIND, participants_after, mail_results_published)
