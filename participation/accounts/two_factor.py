"""Two-factor log-in: a time-based code from an app (TOTP, RFC 6238) and recovery codes.

The rules live here; the log-in's pending second step is in `two_factor_login`, the pages in
`two_factor_views`. Services flush; the caller commits once.

- The secret is created by a POST (never on GET) and stays "pending" until the person types a
  first code from their app; only then is two-factor log-in on (`confirmed_at`).
- A code works once: the time step of the last accepted code is stored, and a code of that step
  or an earlier one is refused. The claim is one conditional UPDATE, so two requests racing with
  the same code cannot both win, on SQLite or PostgreSQL.
- Ten recovery codes of 80 random bits each, stored as SHA-256. Why not argon2 like passwords:
  a slow hash protects *guessable* secrets; 80 random bits cannot be guessed from a stolen hash
  at any hashing speed, and a plain hash lets us find the code with one indexed lookup instead
  of up to ten argon2 verifications per attempt. Using a code deletes its row (one DELETE whose
  row count says whether this request won).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from datetime import datetime

import pyotp
import sqlalchemy as sa
from flask import current_app
from markupsafe import Markup
from sqlalchemy.orm import Mapped, mapped_column

from participation.accounts.models import User
from participation.accounts.passwords import verify_password
from participation.accounts.services import end_all_sessions
from participation.core import audit
from participation.core.db import CreatedAt, IntPK
from participation.core.errors import Conflict, UserError
from participation.core.i18n import _
from participation.core.mail import queue_mail
from participation.core.permissions import STAFF_ROLES
from participation.core.qr import qr_svg
from participation.core.time import utcnow
from participation.extensions import db

RECOVERY_CODE_COUNT = 10
# 16 characters of Crockford's base32 (no i, l, o, u): 80 random bits, typed in groups of four.
RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
RECOVERY_CODE_LENGTH = 16
# Accept the code of the previous and the next 30-second step too: phone clocks drift.
CLOCK_DRIFT_STEPS = 1


class TwoFactorCredential(db.Model):
    """The TOTP secret of one account; two-factor log-in is on once `confirmed_at` is set."""

    __tablename__ = "two_factor_credentials"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    # Base32, as the authenticator app gets it. Not encrypted: a key derived from SECRET_KEY would
    # lock every staff member out when that key is rotated, and whoever reads this table also
    # reads the session tokens next to it.
    secret: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[CreatedAt]
    confirmed_at: Mapped[datetime | None]
    # The 30-second time step of the last code accepted: that code and older ones are refused.
    last_used_step: Mapped[int | None] = mapped_column(sa.BigInteger)


class RecoveryCode(db.Model):
    """One unused recovery code (SHA-256 of its normalised text); the row goes when it is used."""

    __tablename__ = "two_factor_recovery_codes"
    __table_args__ = (sa.UniqueConstraint("user_id", "code_hash"),)

    id: Mapped[IntPK]
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    code_hash: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[CreatedAt]


class WrongCode(UserError):
    """The same answer whatever was wrong: unknown, expired, already used or mistyped."""

    status_code = 401


# --- reading --------------------------------------------------------------------------------------


def _credential(user: User) -> TwoFactorCredential | None:
    return db.session.get(TwoFactorCredential, user.id, populate_existing=True)


def is_enabled(user: User) -> bool:
    credential = _credential(user)
    return credential is not None and credential.confirmed_at is not None


def enabled_since(user: User) -> datetime | None:
    credential = _credential(user)
    return credential.confirmed_at if credential is not None else None


def enabled_user_ids(user_ids: Iterable[int]) -> set[int]:
    """Which of these accounts have two-factor log-in on (one query for a list page)."""
    ids = list(user_ids)
    if not ids:
        return set()
    return set(
        db.session.scalars(
            sa.select(TwoFactorCredential.user_id).where(
                TwoFactorCredential.user_id.in_(ids), TwoFactorCredential.confirmed_at.is_not(None)
            )
        )
    )


def is_required_for(user: User) -> bool:
    """Staff accounts need two-factor log-in when the site says so (TWO_FACTOR_REQUIRED_FOR_STAFF)."""
    return bool(current_app.config["TWO_FACTOR_REQUIRED_FOR_STAFF"]) and user.role in STAFF_ROLES


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(sa.select(sa.func.count(RecoveryCode.id)).where(RecoveryCode.user_id == user.id))


def pending_secret(user: User) -> str | None:
    """The secret being set up (not yet confirmed with a first code), or None."""
    credential = _credential(user)
    if credential is None or credential.confirmed_at is not None:
        return None
    return credential.secret


def provisioning_uri(user: User, secret: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=current_app.config["TWO_FACTOR_ISSUER"])


def enrolment_qr_svg(uri: str) -> Markup:
    """The otpauth:// address as an inline SVG QR code (a wider quiet zone helps phone cameras)."""
    return qr_svg(uri, scale=4, border=4)


def grouped(secret: str) -> str:
    """The key in groups of four, for typing it into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


# --- checking codes -------------------------------------------------------------------------------


def _digits(value: str | None) -> str:
    return "".join((value or "").split())


def _matching_step(secret: str, code: str, now: datetime | None = None) -> int | None:
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now or utcnow())
    for step in range(current - CLOCK_DRIFT_STEPS, current + CLOCK_DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _claim_step(user_id: int, step: int) -> bool:
    """Store the step as used, unless it (or a later one) was used already. True when this request won."""
    result = db.session.execute(
        sa.update(TwoFactorCredential)
        .where(
            TwoFactorCredential.user_id == user_id,
            sa.or_(TwoFactorCredential.last_used_step.is_(None), TwoFactorCredential.last_used_step < step),
        )
        .values(last_used_step=step)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def use_code(user: User, code: str | None, now: datetime | None = None) -> bool:
    """True when `code` is the app's current code for this account and was not used before."""
    credential = _credential(user)
    if credential is None or credential.confirmed_at is None:
        return False
    step = _matching_step(credential.secret, _digits(code), now)
    return step is not None and _claim_step(user.id, step)


def normalise_recovery_code(code: str | None) -> str:
    """Lower case without spaces or dashes; the letters Crockford's alphabet leaves out read as digits."""
    text = "".join(ch for ch in (code or "").lower() if ch not in " -\t")
    return text.translate(str.maketrans({"o": "0", "i": "1", "l": "1"}))


def _hash_recovery_code(code: str) -> str:
    return hashlib.sha256(normalise_recovery_code(code).encode()).hexdigest()


def use_recovery_code(user: User, code: str | None) -> bool:
    """True when `code` is one of this account's unused recovery codes; it is used up now."""
    normalised = normalise_recovery_code(code)
    if len(normalised) != RECOVERY_CODE_LENGTH or not is_enabled(user):
        return False
    result = db.session.execute(
        sa.delete(RecoveryCode).where(
            RecoveryCode.user_id == user.id, RecoveryCode.code_hash == _hash_recovery_code(normalised)
        )
    )
    return result.rowcount == 1


def check_second_factor(user: User, code: str | None = None, recovery_code: str | None = None) -> str:
    """The log-in's second step: a fresh code from the app, or an unused recovery code.

    Returns which one worked ("code" or "recovery_code"); otherwise WrongCode, with one message
    for every way of being wrong.
    """
    if code and use_code(user, code):
        return "code"
    if recovery_code and use_recovery_code(user, recovery_code):
        return "recovery_code"
    field = "recovery_code" if recovery_code and not code else "code"
    raise WrongCode(_("This code is not correct, or it was used already. Try again."), field=field)


def confirm_identity(user: User, answer: str | None, field: str = "confirmation") -> None:
    """Before a sensitive action: the account's password, or (with two-factor log-in) a fresh code."""
    answer = answer or ""
    enabled = is_enabled(user)
    if enabled and _digits(answer).isdigit() and use_code(user, answer):
        return
    if answer and verify_password(user.password_hash, answer):
        return
    if enabled:
        raise UserError(_("This password or code is not correct."), field=field)
    raise UserError(_("Your current password is not correct."), field=field)


# --- changing -------------------------------------------------------------------------------------


def start_enrolment(user: User) -> str:
    """Create the secret to set up (or keep the one being set up). Returns it."""
    credential = _credential(user)
    if credential is not None and credential.confirmed_at is not None:
        raise Conflict(_("Two-factor log-in is already on for your account."))
    if credential is None:
        credential = TwoFactorCredential(user_id=user.id, secret=pyotp.random_base32())
        db.session.add(credential)
        db.session.flush()
    return credential.secret


def confirm_enrolment(user: User, password: str, code: str, now: datetime | None = None) -> list[str]:
    """Turn two-factor log-in on with a first code from the app; returns the recovery codes.

    The password is asked too: someone at an unattended, logged-in device must not be able to
    tie the account to their own phone. Other sessions of the account end.
    """
    credential = _credential(user)
    if credential is None or credential.confirmed_at is not None:
        raise Conflict(_("Start the set-up again from your account page."))
    if not verify_password(user.password_hash, password or ""):
        raise UserError(_("Your current password is not correct."), field="password")
    step = _matching_step(credential.secret, _digits(code), now)
    if step is None or not _claim_step(user.id, step):
        raise UserError(_("This code is not correct. Type the code your app shows now."), field="code")
    credential.confirmed_at = utcnow()
    codes = _new_recovery_codes(user)
    _end_all_sessions(user)
    audit.record(user, "user.two_factor_enabled", "user", user.id)
    queue_mail(user.email, "two_factor_enabled", user.preferred_language, user=user)
    return codes


def regenerate_recovery_codes(user: User, confirmation: str) -> list[str]:
    """Replace every recovery code with ten new ones; the old ones stop working."""
    if not is_enabled(user):
        raise Conflict(_("Two-factor log-in is off for your account."))
    confirm_identity(user, confirmation)
    codes = _new_recovery_codes(user)
    audit.record(user, "user.recovery_codes_regenerated", "user", user.id)
    return codes


def disable(user: User, confirmation: str) -> None:
    """The person turns two-factor log-in off (staff who need it are asked to set it up again)."""
    if not is_enabled(user):
        raise Conflict(_("Two-factor log-in is off for your account."))
    confirm_identity(user, confirmation)
    _remove(user)
    audit.record(user, "user.two_factor_disabled", "user", user.id)
    queue_mail(user.email, "two_factor_disabled", user.preferred_language, user=user)


def reset(actor: User | None, user: User, via: str) -> None:
    """An administrator (or the `reset-two-factor` command, actor None) turns it off for someone
    who lost their phone and codes. Every session of that account ends; the person is told by mail.
    """
    if actor is not None and actor.id == user.id:
        raise UserError(_("Turn off your own two-factor log-in on your account page."))
    if not is_enabled(user):
        raise Conflict(_("This account does not use two-factor log-in."))
    _remove(user)
    _end_all_sessions(user)
    audit.record(actor, "user.two_factor_reset", "user", user.id, details={"via": via})
    queue_mail(user.email, "two_factor_reset", user.preferred_language, user=user, required=is_required_for(user))


def _new_recovery_codes(user: User) -> list[str]:
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = []
    while len(codes) < RECOVERY_CODE_COUNT:
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
        code = "-".join(raw[i : i + 4] for i in range(0, RECOVERY_CODE_LENGTH, 4))
        if code not in codes:
            codes.append(code)
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash_recovery_code(code)) for code in codes)
    db.session.flush()
    return codes


def _remove(user: User) -> None:
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.execute(sa.delete(TwoFactorCredential).where(TwoFactorCredential.user_id == user.id))


def _end_all_sessions(user: User) -> None:

    end_all_sessions(user)


# --- personal data (registered with accounts.gdpr) ------------------------------------------------


def export_user_data(user: User) -> dict:
    """Whether it is on and how many recovery codes are left; never the secret or the codes."""
    since = enabled_since(user)
    return {
        "enabled": since is not None,
        "enabled_at": since.isoformat() if since else None,
        "recovery_codes_left": recovery_codes_left(user) if since else 0,
    }


def erase_user_data(user: User, _options=None) -> None:
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.execute(sa.delete(TwoFactorCredential).where(TwoFactorCredential.user_id == user.id))
