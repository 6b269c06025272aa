"""Wire 'my participation' into the app: the page and the results-published mail."""

from __future__ import annotations


def init_app(app) -> None:
    from participation.consultations.hooks import register_results_published_hook
    from participation.participation.mail import mail_participants_results_published
    from participation.participation.views import bp

    app.register_blueprint(bp)
    register_results_published_hook(app, mail_participants_results_published)
