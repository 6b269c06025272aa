"""The statements' part of a consultation's back office (the organisers' overview and its tab)."""

from __future__ import annotations

from flask import url_for

from participation.consultations.hub import HubPart
from participation.core.i18n import _, ngettext
from participation.core.templating import local_date, local_datetime
from participation.core.time import utcnow
from participation.statements import queries, services
from participation.statements.permissions import can_see_map


def _map_state(consultation, opinion_map) -> str:
    """Never 'closed' for a draft: the statements open when the consultation is published."""
    now = utcnow()
    if not consultation.is_public():
        return _("Statements: not yet open, because the consultation is not published yet.")
    if opinion_map.is_open(now):
        return _("Statements: open until %(date)s.", date=local_datetime(opinion_map.closes_at, "medium"))
    if opinion_map.has_closed(now) or consultation.has_closed(now):
        return _("Statements: closed on %(date)s.", date=local_date(min(opinion_map.closes_at, consultation.closes_at)))
    return _(
        "Statements: open from %(date)s.",
        date=local_datetime(max(opinion_map.opens_at, consultation.opens_at), "medium"),
    )


def statements_part(consultation, user) -> HubPart:
    """Whether the opinion map is on, its state and the statements per state (two queries)."""
    opinion_map = services.opinion_map_of(consultation.id)
    links = [(_("Statement settings"), url_for("statements_manage.index", slug=consultation.slug))]
    if opinion_map is None:
        return HubPart(
            key="statements",
            title=_("Statements and opinion map"),
            state=_("Off: this consultation has no statements."),
            links=links,
        )
    statements = queries.statements_of(consultation.id)
    counts = {"published": 0, "pending": 0, "hidden": 0}
    for statement in statements:
        counts[statement.state.value] = counts.get(statement.state.value, 0) + 1
    details = [
        _(
            "%(published)d shown, %(pending)d waiting for approval, %(hidden)d hidden.",
            published=counts["published"],
            pending=counts["pending"],
            hidden=counts["hidden"],
        )
    ]
    if can_see_map(user, consultation):
        links.append((_("Opinion map"), url_for("statements.map_page", slug=consultation.slug)))
    return HubPart(
        key="statements",
        title=_("Statements and opinion map"),
        state=_map_state(consultation, opinion_map),
        details=details,
        links=links,
        todo=ngettext(
            "%(num)d statement waits for approval by a moderator.",
            "%(num)d statements wait for approval by a moderator.",
            counts["pending"],
        )
        if counts["pending"]
        else None,
    )


def statements_tab_url(consultation) -> str:
    return url_for("statements_manage.index", slug=consultation.slug)
