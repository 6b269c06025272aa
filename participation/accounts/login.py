"""Flask-Login wiring: the login cookie names the account and its session token."""

from __future__ import annotations

import hmac

from participation.accounts.models import User
from participation.core.i18n import _l
from participation.extensions import db, login_manager


def init_login(app) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Log in to continue.")
    login_manager.login_message_category = "info"
    login_manager.needs_refresh_message = _l("Log in again to confirm it is you.")
    login_manager.needs_refresh_message_category = "info"
    login_manager.refresh_view = "accounts.login"
    # Flask-Login's "strong" protection deletes the session when the IP changes;
    # our server-side token already ends stolen sessions on log-out.
    login_manager.session_protection = "basic"


@login_manager.user_loader
def load_user(login_id: str) -> User | None:
    """Accept the cookie only while the account's session token is unchanged."""
    user_id, _sep, token = (login_id or "").partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not hmac.compare_digest(user.session_token, token):
        return None
    return user
