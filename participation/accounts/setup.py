"""Wire accounts into the app: the pages (sign-up, log-in, profile, data rights, two-factor
log-in), the account commands, and the account's own personal data and retention periods."""

from __future__ import annotations

# Pages of the accounts blueprint kept in their own modules (the data rights, the two-factor
# log-in): importing them adds their routes to `bp`.
from participation.accounts import cli, data_views, devices, two_factor, two_factor_views  # noqa: F401
from participation.accounts.privacy import register_privacy
from participation.accounts.views import bp
from participation.core import extension_points
from participation.core.extension_points import PersonalData


def init_app(app) -> None:
    app.register_blueprint(bp)
    cli.register_commands(app)
    extension_points.personal_data.register(
        app, PersonalData("two_factor", two_factor.export_user_data, two_factor.erase_user_data)
    )
    register_privacy(app)
    # The trusted-device cookie only matters when logging in: pages stay cacheable with it.
    app.config.setdefault("PAGE_CACHE_NEUTRAL_COOKIES", set()).add(devices.COOKIE_NAME)
