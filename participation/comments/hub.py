"""The comments' part of a consultation's back office (the organisers' overview and its tab)."""

from __future__ import annotations

from flask import url_for

from participation.comments import queries
from participation.comments.permissions import can_moderate
from participation.consultations.hub import HubPart, input_state
from participation.consultations.models import ModerationMode
from participation.core.i18n import _, ngettext


def comments_part(consultation, user) -> HubPart:
    """Whether comments are taken, how many per state, and those awaiting moderation (one query)."""
    counts = queries.state_counts(consultation.id)
    if not consultation.comments_enabled:
        state = _("Comments are switched off for this consultation.")
    else:
        state = input_state(consultation, _("Comments"))
    details = [
        _(
            "%(published)d published, %(hidden)d hidden.",
            published=counts["published"],
            hidden=counts["hidden"],
        )
    ]
    pending = counts["pending"]
    todo = None
    if consultation.moderation_mode == ModerationMode.PRE:
        details.append(_("Pre-moderated: a moderator approves each comment before it appears."))
        if pending:
            todo = ngettext("%(num)d comment awaits moderation.", "%(num)d comments await moderation.", pending)
        else:
            details.append(_("No comment awaits moderation."))
    else:
        details.append(_("Post-moderated: comments appear at once; moderators act on reports."))
    links = [
        (_("Comments per week"), url_for("comments.statistics", slug=consultation.slug)),
        (_("Download the comments (CSV)"), url_for("comments.export", slug=consultation.slug)),
    ]
    if consultation.is_public():
        links.append((_("Public moderation figures"), url_for("comments.transparency", slug=consultation.slug)))
    if can_moderate(user):
        links.append((_("Moderation queue"), url_for("moderation.queue")))
    return HubPart(key="comments", title=_("Comments"), state=state, details=details, links=links, todo=todo)


def comments_tab_url(consultation) -> str:
    return url_for("comments.statistics", slug=consultation.slug)
