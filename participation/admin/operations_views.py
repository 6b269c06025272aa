"""Administration: the state of the background work (job queue, periodic jobs, outgoing mail)."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, render_template

from participation.admin.views import bp
from participation.core import operations_status as status
from participation.core.i18n import _, ngettext
from participation.extensions import db


@bp.get("/background")
def operations():
    """Show the job queue, the periodic jobs and the outbox backlog, as the operator sees them."""
    page = render_template(
        "admin/operations.html",
        queue=status.queue_status(),
        periodic=status.periodic_status(),
        outbox=status.outbox_backlog(),
        fan_outs=status.fan_out_backlog(),
        show_outbox_link=current_app.config["SHOW_OUTBOX_PAGE"],
        duration=duration_text,
    )
    db.session.rollback()
    return page


def duration_text(value: timedelta | float | None) -> str:
    """A duration in whole minutes, hours or days, in the page's language."""
    if value is None:
        return ""
    seconds = value.total_seconds() if isinstance(value, timedelta) else float(value)
    if seconds < 60:
        return _("less than a minute")
    minutes = int(seconds // 60)
    if minutes < 120:
        return ngettext("%(num)d minute", "%(num)d minutes", minutes)
    hours = minutes // 60
    if hours < 48:
        return ngettext("%(num)d hour", "%(num)d hours", hours)
    return ngettext("%(num)d day", "%(num)d days", hours // 24)
