"""Pages of moderation outside the moderators' workspace: a suspended person's appeal, and
the public site-wide transparency page.

The appeal page is the account's own (/<lang>/account/suspension): a suspended person can still
log in (see accounts.services.authenticate), so the link in the mail leads through the log-in
page to it, and nobody can appeal for someone else.
"""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request, url_for
from flask_login import current_user, login_required

from participation.comments.labels import ACTION_LABELS, APPEAL_OUTCOME_LABELS, HIDE_REASON_LABELS
from participation.comments.models import HideReason
from participation.core.i18n import _, format_duration
from participation.core.ratelimits import actor_key
from participation.core.views import form_invalid, run_service
from participation.extensions import limiter
from participation.moderation import services
from participation.moderation.forms import SuspensionAppealForm
from participation.moderation.labels import SUSPENSION_APPEAL_OUTCOME_LABELS
from participation.moderation.transparency import site_figures

suspension_bp = Blueprint("suspension", __name__, url_prefix="/<lang>/account/suspension")
transparency_bp = Blueprint("transparency", __name__, url_prefix="/<lang>/transparency")

POST_LIMITS = "10 per minute;60 per hour"


@suspension_bp.after_request
def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _appeal_page(form) -> Response:
    user = current_user._get_current_object()
    suspension = services.appealable_suspension(user)
    return Response(
        render_template(
            "moderation/suspension_appeal_form.html",
            suspension=suspension,
            appeal=suspension.appeal if suspension is not None else None,
            form=form,
            outcome_labels=SUSPENSION_APPEAL_OUTCOME_LABELS,
        )
    )


@suspension_bp.route("", methods=["GET", "POST"])
@limiter.limit(POST_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def appeal():
    """The suspended person sees why and until when, and may appeal once."""
    form = SuspensionAppealForm()
    if request.method == "GET":
        return _appeal_page(SuspensionAppealForm(formdata=None))
    if not form.validate_on_submit():
        return form_invalid(_appeal_page(form))
    user = current_user._get_current_object()
    return run_service(
        lambda: services.appeal_suspension(user, services.appealable_suspension(user), form.text.data),
        form=form,
        page=lambda exc: _appeal_page(form),
        success=_("Your appeal is sent. Another moderator will decide, and we will e-mail you."),
        to=url_for("suspension.appeal"),
    )


@transparency_bp.get("/")
def page():
    """Public figures over all consultations: hidden comments, appeals, suspensions (no names)."""
    return render_template(
        "moderation/transparency.html",
        figures=site_figures(),
        reason_labels={**HIDE_REASON_LABELS, HideReason.REPORTED.value: ACTION_LABELS["comment.auto_hidden"]},
        outcome_labels=APPEAL_OUTCOME_LABELS,
        suspension_outcome_labels=SUSPENSION_APPEAL_OUTCOME_LABELS,
        duration=format_duration,
    )
