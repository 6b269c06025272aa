"""Account rules: sign-up, verification, authentication, password and e-mail changes.

Services flush; the caller commits once. Messages never reveal whether an
e-mail address has an account (no enumeration).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from participation.accounts import tokens
from participation.accounts.gdpr import ErasureOptions, handlers, run_erasers
from participation.accounts.models import User, new_session_token, normalise_email
from participation.accounts.passwords import (
    burn_hash_time,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from participation.accounts.throttling import current_password_matches
from participation.core import audit, extension_points
from participation.core.errors import Conflict, NotAllowed, UserError
from participation.core.i18n import DEFAULT_LANG, _
from participation.core.mail import queue_mail
from participation.core.permissions import Role, is_admin
from participation.core.time import utcnow
from participation.core.urls import public_url_for
from participation.extensions import db

log = logging.getLogger(__name__)


class InvalidCredentials(UserError):
    status_code = 401


class InvalidLink(UserError):
    status_code = 400


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def _check_new_password(password: str, email: str, name: str, field: str) -> None:
    problem = password_problem(password, email, name)
    if problem:
        raise UserError(problem, field=field)


def sign_up(email: str, display_name: str, password: str, language: str, consent: bool) -> User | None:
    """Create an unverified account and mail a verification link.

    When the address already has an account, nothing is created and its owner is
    told by mail instead; the caller shows the same message either way.
    """
    email = normalise_email(email)
    if not consent:
        raise UserError(_("You need to accept the privacy statement to sign up."), field="consent")
    _check_new_password(password, email, display_name, "password")
    existing = find_user_by_email(email)
    if existing is not None:
        queue_mail(
            existing.email,
            "account_exists",
            existing.preferred_language,
            user=existing,
            login_url=public_url_for("accounts.login", lang=existing.preferred_language),
            reset_url=public_url_for("accounts.reset_request", lang=existing.preferred_language),
        )
        burn_hash_time()
        return None
    user = User(
        email=email,
        display_name=display_name.strip(),
        password_hash=hash_password(password),
        preferred_language=language,
        role=Role.RESIDENT,
        privacy_consent_at=utcnow(),
    )
    try:
        with db.session.begin_nested():
            db.session.add(user)
    except sa.exc.IntegrityError:
        # Someone signed up with the same address at the same instant.
        return None
    send_verification_mail(user)
    return user


def send_verification_mail(user: User) -> None:
    """Queue a mail with a signed, expiring link that verifies the account's address."""
    token = tokens.make_token(tokens.VERIFY_EMAIL, {"uid": user.id, "email": user.email})
    lang = user.preferred_language
    queue_mail(
        user.email,
        "verify_email",
        lang,
        user=user,
        verify_url=public_url_for("accounts.verify", lang=lang, token=token),
    )


def resend_verification(email: str) -> None:
    """Send a new verification link when the address has an unverified account."""
    user = find_user_by_email(email)
    if user is not None and not user.is_verified:
        send_verification_mail(user)


def verify_email(token: str) -> User:
    """Mark the address in the token as verified (idempotent)."""
    try:
        payload = tokens.read_token(tokens.VERIFY_EMAIL, token, current_app.config["EMAIL_TOKEN_MAX_AGE"])
    except tokens.InvalidToken:
        raise InvalidLink(_("This link is invalid or has expired. Ask for a new one.")) from None
    user = db.session.get(User, payload.get("uid"))
    if user is None or user.email != payload.get("email"):
        raise InvalidLink(_("This link is invalid or has expired. Ask for a new one."))
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    return user


def authenticate(email: str, password: str) -> User:
    """Return the account for these credentials; the same error whatever was wrong.

    A suspended account can log in on purpose: the person can still read, see on their
    account page that (and why, and until when) they are suspended, download or delete
    their data, and appeal. Taking part is refused by each feature's permission rules.
    """
    user = find_user_by_email(email)
    if user is None:
        burn_hash_time()
    elif verify_password(user.password_hash, password):
        if needs_rehash(user.password_hash):  # hashed with older cost parameters: redo it now
            user.password_hash = hash_password(password)
        return user
    log.info("login_failed", extra={"event": "login_failed"})
    raise InvalidCredentials(_("The e-mail address or password is not correct."))


def end_all_sessions(user: User) -> None:
    """Invalidate every login cookie of this account, on every device."""
    user.session_token = new_session_token()


@dataclass(frozen=True)
class _NoAccount:
    """What request_password_reset() works with for an address without an account."""

    email: str
    id: None = None
    display_name: str = ""
    preferred_language: str = DEFAULT_LANG
    password_hash: str = ""


def request_password_reset(email: str) -> None:
    """Mail a single-use reset link if the address has an account; say nothing either way.

    Not even in the time the answer takes: for an unknown address the same work is done
    (the token made, the mail written), only the mail is dropped instead of queued.
    """
    user = find_user_by_email(email)
    person = user or _NoAccount(email=normalise_email(email))
    token = tokens.make_token(tokens.RESET_PASSWORD, {"uid": person.id, "pw": tokens.fingerprint(person.password_hash)})
    lang = person.preferred_language
    with db.session.no_autoflush:
        message = queue_mail(
            person.email,
            "reset_password",
            lang,
            user=person,
            reset_url=public_url_for("accounts.reset", lang=lang, token=token),
        )
        if user is None:
            db.session.expunge(message)


def user_for_reset_token(token: str) -> User:
    """Return the account a reset link is for; the link dies once the password changed."""
    try:
        payload = tokens.read_token(tokens.RESET_PASSWORD, token, current_app.config["RESET_TOKEN_MAX_AGE"])
    except tokens.InvalidToken:
        raise InvalidLink(_("This link is invalid or has expired. Ask for a new one.")) from None
    user = db.session.get(User, payload.get("uid"))
    if user is None or tokens.fingerprint(user.password_hash) != payload.get("pw"):
        raise InvalidLink(_("This link is invalid or has expired. Ask for a new one."))
    return user


def reset_password(token: str, new_password: str) -> User:
    """Set a new password from a reset link; ends all sessions and verifies the address."""
    user = user_for_reset_token(token)
    _check_new_password(new_password, user.email, user.display_name, "password")
    _set_password(user, new_password)
    audit.record(user, "user.password_reset", "user", user.id)
    # Following the link proves the person reads mail at this address.
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    return user


def _current_password_matches(user: User, password: str) -> bool:
    """Check a password given again; past a few wrong ones per account it is not even checked
    (accounts/throttling.py raises Throttled)."""
    return current_password_matches(user.id, lambda: verify_password(user.password_hash, password))


def _set_password(user: User, new_password: str) -> None:
    user.password_hash = hash_password(new_password)
    end_all_sessions(user)
    queue_mail(user.email, "password_changed", user.preferred_language, user=user)


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Change the password; needs the current one. Ends the account's other sessions."""
    if not _current_password_matches(user, current_password):
        raise UserError(_("Your current password is not correct."), field="current_password")
    _check_new_password(new_password, user.email, user.display_name, "new_password")
    _set_password(user, new_password)
    audit.record(user, "user.password_changed", "user", user.id)


def update_profile(user: User, display_name: str, language: str, notify_on_reply: bool) -> None:
    """Change the name shown with contributions, the language and mail preferences.

    A suspended account keeps its public name until the suspension ends: the name is what
    others know it by in the discussion and the moderation log.
    """
    if language not in current_app.config["LANGUAGES"]:
        raise UserError(_("Choose one of the offered languages."), field="preferred_language")
    if display_name.strip() != user.display_name and user.is_suspended():
        raise NotAllowed(_("Your account is suspended: you cannot change the name you show."), field="display_name")
    user.display_name = display_name.strip()
    user.preferred_language = language
    user.notify_on_reply = notify_on_reply


def request_email_change(user: User, new_email: str, password: str) -> None:
    """Mail a confirmation link to the new address and a notice to the old one."""
    new_email = normalise_email(new_email)
    if not _current_password_matches(user, password):
        raise UserError(_("Your current password is not correct."), field="password")
    if new_email == user.email:
        raise UserError(_("This is already your e-mail address."), field="new_email")
    lang = user.preferred_language
    if find_user_by_email(new_email) is None:
        token = tokens.make_token(tokens.CHANGE_EMAIL, {"uid": user.id, "email": new_email, "old": user.email})
        queue_mail(
            new_email,
            "confirm_new_email",
            lang,
            user=user,
            confirm_url=public_url_for("accounts.confirm_email", lang=lang, token=token),
        )
    # Same outcome for the user whether or not the new address is taken (no enumeration).
    queue_mail(user.email, "email_change_requested", lang, user=user, new_email=new_email)


def confirm_email_change(token: str) -> User:
    """Switch the account to the new, now verified address; the old address is told."""
    try:
        payload = tokens.read_token(tokens.CHANGE_EMAIL, token, current_app.config["EMAIL_TOKEN_MAX_AGE"])
    except tokens.InvalidToken:
        raise InvalidLink(_("This link is invalid or has expired. Ask for a new one.")) from None
    user = db.session.get(User, payload.get("uid"))
    if user is None or user.email != payload.get("old"):
        raise InvalidLink(_("This link is invalid or has expired. Ask for a new one."))
    if find_user_by_email(payload["email"]) is not None:
        raise Conflict(_("This e-mail address is already used by another account."))
    old_email = user.email
    user.email = payload["email"]
    user.email_verified_at = utcnow()
    for handler in extension_points.email_change_handlers.contributions():
        handler(user)
    end_all_sessions(user)
    # Security events are logged; the addresses are personal data and stay out of the log.
    audit.record(user, "user.email_changed", "user", user.id)
    # The old mailbox hears of it too: if the change was not theirs, they can still act.
    queue_mail(old_email, "email_changed", user.preferred_language, user=user, new_email=user.email)
    return user


def create_user(email: str, role: Role, password: str, display_name: str | None = None, language: str = "nl") -> User:
    """Create a verified account with a role (for the first administrator and scripts)."""
    email = normalise_email(email)
    if find_user_by_email(email) is not None:
        raise Conflict(_("This e-mail address is already used by another account."), field="email")
    name = display_name or email.split("@")[0]
    _check_new_password(password, email, name, "password")
    user = User(
        email=email,
        display_name=name,
        password_hash=hash_password(password),
        preferred_language=language,
        role=role,
        email_verified_at=utcnow(),
        privacy_consent_at=utcnow(),
    )
    db.session.add(user)
    db.session.flush()
    return user


def set_role(actor: User, user: User, role: Role) -> None:
    """Give an account another role; administrators only, and not their own."""
    if not is_admin(actor):
        raise NotAllowed(_("Only administrators can change roles."))
    if actor.id == user.id:
        raise UserError(_("You cannot change your own role."), field="role")
    if user.role != role:
        audit.record(actor, "user.role_changed", "user", user.id, details={"from": user.role.value, "to": role.value})
    user.role = role
    end_all_sessions(user)


def export_user_data(user: User) -> dict:
    """Everything the platform holds about this person, as JSON-ready data."""
    data = {
        "account_id": user.id,
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "preferred_language": user.preferred_language,
            "role": user.role.value,
            "created_at": user.created_at.isoformat(),
            "email_verified_at": user.email_verified_at.isoformat() if user.email_verified_at else None,
            "privacy_consent_at": user.privacy_consent_at.isoformat() if user.privacy_consent_at else None,
            "notify_on_reply": user.notify_on_reply,
            "suspended_at": user.suspended_at.isoformat() if user.suspended_at else None,
            "suspended_until": user.suspended_until.isoformat() if user.suspended_until else None,
            "suspension_reason": user.suspension_reason,
        },
    }
    for name, exporter, _eraser in handlers():
        if exporter is not None:
            data[name] = exporter(user)
    return data


def delete_account(user: User, password: str, remove_comment_texts: bool = False) -> None:
    """Erase the account: each feature removes or unlinks its rows, then the account row goes.

    The password is asked again so a borrowed, logged-in device cannot do this. Comments stay
    as "Deleted participant" unless the person also asks to remove their text.
    """
    if not _current_password_matches(user, password):
        raise UserError(_("Your current password is not correct."), field="password")
    run_erasers(user, ErasureOptions(remove_comment_texts=remove_comment_texts))
    end_all_sessions(user)
    db.session.delete(user)
    db.session.flush()


def purge_unverified_accounts(older_than_days: int = 7, now=None) -> int:
    """Delete accounts whose address was never confirmed within the retention period."""

    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    stale = list(db.session.scalars(sa.select(User).where(User.email_verified_at.is_(None), User.created_at < cutoff)))
    for user in stale:
        run_erasers(user)
        db.session.delete(user)
    db.session.flush()
    return len(stale)
