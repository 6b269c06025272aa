"""The features this application is made of; each registers its blueprints and hooks.

A feature with more than blueprints (page sections, home sections, demo content)
has a `setup.py` with `init_app(app)`, called here.
"""

from __future__ import annotations

from flask import Flask


def register_features(app: Flask) -> None:
    from participation.accounts.views import bp as accounts_bp
    from participation.admin.views import bp as admin_bp
    from participation.pages.views import bp as pages_bp

    app.register_blueprint(pages_bp)
    from participation.pages.health import bp as health_bp

    app.register_blueprint(health_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(admin_bp)

    # Each feature's init_app registers its blueprints, page sections and demo seeders.
    for init_app in _feature_initialisers():
        init_app(app)


def _feature_initialisers():
    initialisers = []
    from participation.accounts.privacy import init_app as account_privacy_init

    initialisers.append(account_privacy_init)
    from participation.consultations.setup import init_app as consultations_init

    initialisers.append(consultations_init)
    from participation.events.setup import init_app as events_init

    initialisers.append(events_init)
    from participation.comments.setup import init_app as comments_init

    initialisers.append(comments_init)
    from participation.votes.setup import init_app as votes_init

    initialisers.append(votes_init)
    from participation.my_participation.setup import init_app as participation_init

    initialisers.append(participation_init)
    return initialisers
