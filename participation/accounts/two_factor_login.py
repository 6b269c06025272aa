"""The log-in's second step, and the throttle on every code or password confirmation.

After a right password, an account with two-factor log-in is not logged in yet: the session
(a fresh one: the log-in view cleared it) holds a short-lived marker naming the account, and
the person is sent to the code page. Only a right code or recovery code logs in, in a session
that is cleared once more. The marker carries a fingerprint of the account's session token, so
a password reset or a log-out everywhere in between makes it worthless.
"""

from __future__ import annotations

import hmac
import time

from flask import redirect, session, url_for
from flask_login import current_user, login_user

from participation.accounts import two_factor
from participation.accounts.models import User
from participation.accounts.tokens import fingerprint
from participation.core.ratelimits import client_address
from participation.core.security import is_safe_redirect
from participation.extensions import db, limiter

PENDING_KEY = "two_factor_pending"
# Time to type the code after the password.
PENDING_SECONDS = 5 * 60
# Failed codes or passwords per account, for the second step and for sensitive actions alike:
# one budget, so spreading guesses over several forms gains nothing. Successes do not count.
ATTEMPT_LIMITS = "5 per 5 minutes;20 per day"
FAILED_STATUSES = (401, 422)


def second_step_or_none(user: User, remember: bool, target: str):
    """For an account with two-factor log-in: remember who typed the right password, and send
    them to the code page (a redirect). None when the password is all it takes."""
    if not two_factor.is_enabled(user):
        return None
    session[PENDING_KEY] = {
        "uid": user.id,
        "token": fingerprint(user.session_token),
        "remember": bool(remember),
        "next": target,
        "since": int(time.time()),
    }
    return redirect(url_for("accounts.two_factor_login"), 303)


def pending_user() -> User | None:
    """The account waiting for its code, while the marker is fresh and still valid."""
    marker = session.get(PENDING_KEY)
    if not isinstance(marker, dict) or not isinstance(marker.get("uid"), int):
        return None
    if not 0 <= time.time() - marker.get("since", 0) <= PENDING_SECONDS:
        return None
    user = db.session.get(User, marker["uid"])
    if user is None or not hmac.compare_digest(fingerprint(user.session_token), str(marker.get("token", ""))):
        return None
    return user


def has_pending_marker() -> bool:
    return PENDING_KEY in session


def finish_log_in(user: User):
    """The code was right: log in, in a new session (no fixation), and go where the person was going."""
    marker = session.get(PENDING_KEY) or {}
    target = marker.get("next")
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    login_user(user, remember=bool(marker.get("remember")))
    return redirect(target if is_safe_redirect(target) else url_for("pages.home"), 303)


def forget_pending() -> None:
    session.pop(PENDING_KEY, None)


def attempt_key() -> str:
    """Count per account: the signed-in person, or the one whose password was just given."""
    if current_user.is_authenticated:
        return f"two-factor:{current_user.id}"
    marker = session.get(PENDING_KEY)
    if isinstance(marker, dict) and isinstance(marker.get("uid"), int):
        return f"two-factor:{marker['uid']}"
    return f"ip:{client_address()}"


def _failed(response) -> bool:
    return response.status_code in FAILED_STATUSES


# One decorator for every form that checks a code or a password: views answer 401/422 when wrong.
attempts_limit = limiter.shared_limit(
    ATTEMPT_LIMITS, scope="two-factor", key_func=attempt_key, methods=["POST"], deduct_when=_failed
)
