"""Wire the administration (accounts and roles, operations, the development outbox) into the app."""

from __future__ import annotations

# Pages of the admin blueprint kept in their own modules (the job queue, the scheduler and the
# outbox; resetting someone's two-factor log-in): importing them adds their routes to `bp`.
from participation.admin import operations_views, two_factor_views  # noqa: F401
from participation.admin.views import bp


def init_app(app) -> None:
    app.register_blueprint(bp)
