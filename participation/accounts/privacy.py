"""Wire the account-wide parts of the privacy rules: the person's mail in the outbox (data
download and erasure) and the retention periods of accounts and mail.

Not stored, so nothing to purge: the links sent by e-mail (verification, password reset,
address change, event tickets) are signed and expire by themselves (accounts.tokens); rate
limits live in the limiter's storage (memory or Redis), which expires them itself.
"""

from __future__ import annotations

from flask import current_app

from participation.accounts.gdpr import verified_addresses
from participation.accounts.services import purge_unverified_accounts as purge_unverified
from participation.core import extension_points, mail_privacy
from participation.core.retention import register_purge


def export_mail_data(user) -> dict:
    return {"messages": mail_privacy.export_mail(user.id, verified_addresses(user))}


def erase_mail_data(user, options=None) -> None:
    mail_privacy.erase_mail(user.id, verified_addresses(user))


def purge_unverified_accounts(now) -> int:
    return purge_unverified(current_app.config["RETENTION_UNVERIFIED_ACCOUNT_DAYS"], now=now)


def purge_mail_bodies(now) -> int:
    return mail_privacy.strip_old_mail_bodies(now, current_app.config["RETENTION_MAIL_BODY_DAYS"])


def purge_mail_addresses(now) -> int:
    return mail_privacy.strip_old_mail_addresses(now, current_app.config["RETENTION_MAIL_ADDRESS_DAYS"])


def register_privacy(app) -> None:
    # Last: other erasers may still queue mail (to the next person on a waiting list, say).
    extension_points.personal_data.register(
        app, extension_points.PersonalData("mail", export_mail_data, erase_mail_data), order=100
    )
    register_purge(
        app,
        "unverified_accounts",
        "accounts never confirmed within {days} days, deleted",
        purge_unverified_accounts,
        days_key="RETENTION_UNVERIFIED_ACCOUNT_DAYS",
    )
    register_purge(
        app,
        "mail_bodies",
        "mail delivered over {days} days ago, text removed",
        purge_mail_bodies,
        days_key="RETENTION_MAIL_BODY_DAYS",
    )
    register_purge(
        app,
        "mail_addresses",
        "mail delivered over {days} days ago, address removed",
        purge_mail_addresses,
        days_key="RETENTION_MAIL_ADDRESS_DAYS",
    )
