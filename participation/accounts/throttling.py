"""Throttling that stops password guessers, not residents.

The policy, after OWASP's Authentication Cheat Sheet and its "device cookies" scheme:

1. A browser that logged in to an account before holds a device cookie for it
   (accounts/devices.py). Its wrong passwords count against that cookie only: after
   LOGIN_DEVICE_FAILURE_LIMITS ("10 per hour") that browser waits for the window to
   end. Nothing anyone does elsewhere slows the owner down on their own devices.
2. Every other browser shares, per account, a count of wrong passwords
   (forgotten LOGIN_FAILURE_MEMORY_SECONDS, a day, after the first). The first
   LOGIN_FREE_FAILURES (5) are checked at once. After that, each next password for the
   account is checked only after a wait that doubles every time: 2 s, 4 s, 8 s ... up to
   LOGIN_MAX_DELAY_SECONDS (15 minutes). An attempt during the wait is refused (429 with
   Retry-After) without looking at the password, and is not counted, so refusals never
   lengthen the wait: the owner gets in after a short delay; a guesser gets about 100
   guesses a day, spread from any number of addresses. One attempt at a time gets the
   turn after a wait, also when many arrive together.
   Unknown addresses are counted the same way, so nothing tells which addresses have
   an account. A password-reset link also makes the browser trusted (it proves what the
   password proves), which is the way in for an owner under a sustained attack.
3. Per client address, only wrong passwords are counted (LOGIN_ADDRESS_FAILURE_LIMITS,
   "30 per 10 minutes; 200 per day", any accounts), for browsers without a device cookie
   for the account. Successful log-ins never count: fifty residents on one venue's wifi
   log in within the same minute.
4. On the password, e-mail and delete-account forms, wrong current passwords are counted
   per account (CURRENT_PASSWORD_FAILURE_LIMITS, "5 per 15 minutes; 20 per day");
   past that the password is not checked until the window ends.

All counts live in the rate-limit store (core/counters.py: Redis in production, shared
by every worker), each key with an expiry, so old data removes itself and no purge job
is needed. When the store is down, counting continues per process and a warning is
logged. Switching rate limiting off (RATELIMIT_ENABLED) switches this off too.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import current_app

from participation.accounts import devices
from participation.core import counters
from participation.core.counters import FailureBudget, Reservation, Throttled
from participation.core.errors import render_error
from participation.core.i18n import ngettext
from participation.core.ratelimits import client_address
from participation.extensions import limiter

log = logging.getLogger(__name__)

__all__ = [
    "Throttled",
    "LoginAttempt",
    "start_login",
    "trust_this_browser",
    "current_password_matches",
    "throttled_page",
]


def _enabled() -> bool:

    return limiter.enabled


def _minutes(seconds: float) -> int:
    return max(1, math.ceil(seconds / 60))


def _account_message(seconds: float) -> str:
    n = _minutes(seconds)
    return ngettext(
        "Too many wrong passwords were tried for this account. Try again in %(num)d minute, "
        "or choose a new password with “Forgot your password?”.",
        "Too many wrong passwords were tried for this account. Try again in %(num)d minutes, "
        "or choose a new password with “Forgot your password?”.",
        n,
    )


def _address_message(seconds: float) -> str:
    n = _minutes(seconds)
    return ngettext(
        "Too many wrong passwords were tried from your network. Try again in %(num)d minute.",
        "Too many wrong passwords were tried from your network. Try again in %(num)d minutes.",
        n,
    )


def _current_password_message(seconds: float) -> str:
    n = _minutes(seconds)
    return ngettext(
        "Your current password was entered wrongly too often. Try again in %(num)d minute.",
        "Your current password was entered wrongly too often. Try again in %(num)d minutes.",
        n,
    )


def _budget(name: str, setting: str) -> FailureBudget:
    return FailureBudget.parse(name, current_app.config[setting])


def _logged(reason: str, account: str, exc: Throttled) -> Throttled:
    log.warning(
        "login_throttled",
        extra={
            "event": "login_throttled",
            "reason": reason,
            "account_key": account,
            "ip": client_address(),
            "retry_after": exc.retry_after,
        },
    )
    return exc


@dataclass
class LoginAttempt:
    """One log-in attempt let through; tell it how it ended."""

    account: str
    email: str
    failures: int = 0  # this account's failures from untrusted browsers, this attempt included
    reservations: list[Reservation] = field(default_factory=list)

    def failed(self) -> None:
        """A wrong password: it stays counted; the last free one starts the first wait."""
        config = current_app.config
        if self.failures and self.failures == config["LOGIN_FREE_FAILURES"]:
            counters.incr(_wait_key(self.account), _delay(self.failures))
        self.reservations.clear()

    def succeeded(self) -> None:
        """The right password: nothing is counted against anyone, and this browser is trusted."""
        for reservation in self.reservations:
            reservation.release()
        devices.remember_device(self.email)


def _failures_key(account: str) -> str:
    return f"login/untrusted-failures/{account}"


def _wait_key(account: str) -> str:
    return f"login/untrusted-wait/{account}"


def _delay(failures: int) -> float:
    """The wait after `failures` wrong passwords from untrusted browsers (doubling, capped)."""
    config = current_app.config
    extra = failures - config["LOGIN_FREE_FAILURES"]
    return min(config["LOGIN_FIRST_DELAY_SECONDS"] * 2 ** min(extra, 32), config["LOGIN_MAX_DELAY_SECONDS"])


def _reserve_account_turn(account: str) -> tuple[Reservation, int]:
    """Count this attempt as a failure in advance; past the free ones, it needs the turn."""
    memory = current_app.config["LOGIN_FAILURE_MEMORY_SECONDS"]
    key = _failures_key(account)
    failures = counters.incr(key, memory)
    reservation = Reservation([(key, memory)])
    if failures > current_app.config["LOGIN_FREE_FAILURES"]:
        # The first attempt after a wait takes the turn and sets the next, longer wait;
        # all others (during the wait, or arriving together) are refused.
        if counters.incr(_wait_key(account), _delay(failures)) != 1:
            reservation.release()
            wait = counters.seconds_left(_wait_key(account))
            raise _logged("account", account, Throttled(wait, _account_message(wait)))
    return reservation, failures


def start_login(email: str) -> LoginAttempt:
    """Let a log-in attempt through, or raise Throttled (before the password is looked at)."""
    attempt = LoginAttempt(devices.account_key(email), email)
    if not _enabled():
        return attempt
    nonce = devices.trusted_nonce(attempt.account)
    if nonce is not None:
        try:
            device = _budget("login/device-failures", "LOGIN_DEVICE_FAILURE_LIMITS").reserve(nonce, _account_message)
        except Throttled as exc:
            raise _logged("device", attempt.account, exc) from None
        attempt.reservations.append(device)
        return attempt
    try:
        address = _budget("login/address-failures", "LOGIN_ADDRESS_FAILURE_LIMITS").reserve(
            client_address(), _address_message
        )
    except Throttled as exc:
        raise _logged("address", attempt.account, exc) from None
    try:
        account, attempt.failures = _reserve_account_turn(attempt.account)
    except Throttled:
        address.release()
        raise
    attempt.reservations += [address, account]
    return attempt


def trust_this_browser(email: str) -> None:
    """The person proved they own the account another way (a reset link): trust this browser."""
    devices.remember_device(email)


def current_password_matches(user_id: int, check: Callable[[], bool]) -> bool:
    """Run `check()` (is the current password right?) unless this account guessed too often."""
    if not _enabled():
        return check()
    budget = _budget("current-password-failures", "CURRENT_PASSWORD_FAILURE_LIMITS")
    try:
        reservation = budget.reserve(f"user:{user_id}", _current_password_message)
    except Throttled as exc:
        log.warning(
            "current_password_throttled",
            extra={"event": "current_password_throttled", "user_id": user_id, "retry_after": exc.retry_after},
        )
        raise
    if check():
        reservation.release()
        return True
    return False


def throttled_page(exc: Throttled):
    """The translated 429 page saying how long to wait, with Retry-After."""
    body, status = render_error(429, exc.message)
    return body, status, {"Retry-After": str(exc.retry_after)}
