"""What a suspended person is told: why, and until when, they cannot take part.

Suspension is a state of the account (set by moderators); comments, votes and event
registrations all refuse a suspended person with this message, and the profile shows it.
"""

from __future__ import annotations

from participation.core.i18n import _, format_date_and_time


def suspension_message(user) -> str:
    """Why and until when a suspended person cannot take part."""
    reason = user.suspension_reason or _("no reason given")
    if user.suspended_until is None:
        return _("Your account is suspended until further notice. Reason: %(reason)s", reason=reason)
    return _(
        "Your account is suspended until %(date)s. Reason: %(reason)s",
        date=format_date_and_time(user.suspended_until),
        reason=reason,
    )
