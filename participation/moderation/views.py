"""The moderation workspace under /<lang>/moderate/: moderators and administrators only."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, Response, abort, render_template, request, url_for
from flask_login import current_user

from participation.accounts.models import User
from participation.comments.labels import (
    ACTION_LABELS,
    ALIGNMENT_LABELS,
    APPEAL_OUTCOME_LABELS,
    HIDE_REASON_LABELS,
    REPORT_REASON_LABELS,
)
from participation.comments.models import Comment, CommentAppeal
from participation.comments.text import render_comment_body
from participation.comments.urls import comment_url
from participation.core.confirm import confirm_page, is_confirmed
from participation.core.errors import UserError
from participation.core.forms import ActionForm
from participation.core.i18n import _, current_lang
from participation.core.input_bounds import paginate
from participation.core.permissions import Role, gate_blueprint
from participation.core.time import utcnow
from participation.core.translated import translated
from participation.core.views import form_error_status, form_invalid, run_service, with_status
from participation.extensions import db
from participation.moderation import queries, services
from participation.moderation.forms import (
    SUSPENSION_DAYS,
    AppealDecisionForm,
    HideForm,
    LogFilterForm,
    SuspendForm,
    SuspensionAppealDecisionForm,
)
from participation.moderation.labels import SUSPENSION_APPEAL_OUTCOME_LABELS
from participation.moderation.models import SuspensionAppeal
from participation.statements import queries as statement_queries
from participation.statements.labels import STATEMENT_ACTION_LABELS

bp = Blueprint("moderation", __name__, url_prefix="/<lang>/moderate")
gate_blueprint(bp, Role.MODERATOR)

PER_PAGE = 25


@bp.after_request
def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _labels() -> dict:
    return {
        "alignment_labels": ALIGNMENT_LABELS,
        "reason_labels": HIDE_REASON_LABELS,
        "report_labels": REPORT_REASON_LABELS,
        "outcome_labels": APPEAL_OUTCOME_LABELS,
        "action_labels": {**ACTION_LABELS, **STATEMENT_ACTION_LABELS},
        "render_body": render_comment_body,
    }


@bp.get("/")
def queue():
    """Comments awaiting review and reported comments, oldest first."""
    page = paginate(queries.review_queue(), per_page=PER_PAGE)
    appeals = (
        queries.open_appeal_count() + len(statement_queries.open_appeals()) + queries.open_suspension_appeal_count()
    )
    lang = current_lang()
    statements = [(s, translated(s.text, lang), reports) for s, reports in statement_queries.review_queue()]
    return render_template("moderation/queue.html", page=page, open_appeals=appeals, statements=statements, **_labels())


def _comment_page(comment: Comment, hide_form=None):
    return Response(
        render_template(
            "moderation/comment.html",
            comment=comment,
            context=queries.thread_context(comment),
            hide_form=hide_form or HideForm(formdata=None),
            action_form=ActionForm(),
            own_comment=comment.author_id is not None and comment.author_id == current_user.id,
            public_url=comment_url(comment),
            **_labels(),
        )
    )


@bp.get("/comments/<id:comment_id>")
def comment(comment_id: int):
    """One comment with its thread context, reports, appeal and the actions."""
    return _comment_page(db.get_or_404(Comment, comment_id))


def _act(comment_id: int, action, success: str):
    comment = db.get_or_404(Comment, comment_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    return run_service(
        lambda: action(current_user._get_current_object(), comment),
        success=success,
        to=url_for("moderation.queue"),
        back=url_for("moderation.comment", comment_id=comment_id),
    )


@bp.post("/comments/<id:comment_id>/approve")
def approve(comment_id: int):
    return _act(comment_id, services.approve_comment, _("The comment is approved."))


@bp.post("/comments/<id:comment_id>/restore")
def restore(comment_id: int):
    return _act(comment_id, services.restore_comment, _("The comment is visible again."))


@bp.post("/comments/<id:comment_id>/dismiss")
def dismiss(comment_id: int):
    return _act(comment_id, services.dismiss_reports, _("The reports are dismissed."))


@bp.post("/comments/<id:comment_id>/hide")
def hide(comment_id: int):
    """Hide with a public reason and a statement of reasons for the author."""
    comment = db.get_or_404(Comment, comment_id)
    form = HideForm()
    if not form.validate_on_submit():
        return form_invalid(_comment_page(comment, form))
    return run_service(
        lambda: services.hide_comment(current_user._get_current_object(), comment, form.reason.data, form.note.data),
        form=form,
        page=lambda exc: _comment_page(db.get_or_404(Comment, comment_id), form),
        success=_("The comment is hidden."),
        to=url_for("moderation.queue"),
    )


def _user_page(user: User, form=None):
    comments = db.session.scalars(queries.recent_comments_of(user.id)).all()
    suspensions = db.session.scalars(queries.suspensions_of(user.id)).unique().all()
    return Response(
        render_template(
            "moderation/user.html",
            person=user,
            form=form or SuspendForm(formdata=None),
            action_form=ActionForm(),
            comments=comments,
            suspensions=suspensions,
            suspension_outcome_labels=SUSPENSION_APPEAL_OUTCOME_LABELS,
            now=utcnow(),
            is_suspended=user.is_suspended(),
            **_labels(),
        )
    )


@bp.get("/people/<id:user_id>")
def person(user_id: int):
    """A participant: recent comments, suspension status, suspend or lift."""
    return _user_page(db.get_or_404(User, user_id))


@bp.post("/people/<id:user_id>/suspend")
def suspend(user_id: int):
    user = db.get_or_404(User, user_id)
    form = SuspendForm()
    if not form.validate_on_submit():
        return form_invalid(_user_page(user, form))
    until = None if form.duration.data == "permanent" else utcnow() + timedelta(days=int(form.duration.data))
    if not is_confirmed():
        # The rules speak before the question (not yourself, not staff); nothing changes yet.
        try:
            services.check_suspension(current_user._get_current_object(), user)
        except UserError as exc:
            form.apply_error(exc)
            return with_status(_user_page(user, form), form_error_status(exc))
        return _suspend_question(user, form)
    return run_service(
        lambda: services.suspend_user(current_user._get_current_object(), user, until, form.reason.data),
        form=form,
        page=lambda exc: _user_page(db.get_or_404(User, user_id), form),
        success=_("The account is suspended."),
        to=url_for("moderation.person", user_id=user_id),
    )


def _suspend_question(user: User, form: SuspendForm) -> Response:
    """The filled-in form asks first, on a page of its own; the choices travel along hidden."""
    return confirm_page(
        heading=_("Suspend %(name)s?", name=user.display_name),
        consequences=[
            _("Duration: %(duration)s.", duration=SUSPENSION_DAYS[form.duration.data]),
            _("Reason, which they see: %(reason)s", reason=form.reason.data.strip()),
            _(
                "They are logged out at once on every device. Until the suspension ends or is lifted, "
                "they can still read but cannot comment, vote or register."
            ),
            _("Being logged out cannot be undone; the suspension itself can be lifted later on this page."),
            _("They are e-mailed the reason, the end date and how to appeal."),
        ],
        submit_label=_("Suspend this account"),
        back_url=url_for("moderation.person", user_id=user.id),
        hidden={"duration": form.duration.data, "reason": form.reason.data},
    )


@bp.post("/people/<id:user_id>/lift")
def lift(user_id: int):
    user = db.get_or_404(User, user_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    return run_service(
        lambda: services.lift_suspension(current_user._get_current_object(), user),
        success=_("The suspension is lifted."),
        to=url_for("moderation.person", user_id=user_id),
    )


@bp.get("/suspensions")
def suspensions():
    page = paginate(queries.suspended_users(), per_page=PER_PAGE)
    waiting = queries.waiting_suspension_appeals_of([person.id for person in page.items])
    return render_template("moderation/suspensions.html", page=page, now=utcnow(), waiting_appeals=waiting)


@bp.get("/appeals")
def appeals():
    page = paginate(queries.open_appeals(), per_page=PER_PAGE)
    statement_appeals = statement_queries.open_appeals()
    suspension_appeals = db.session.scalars(queries.open_suspension_appeals()).all()
    return render_template(
        "moderation/appeals.html",
        page=page,
        statement_appeals=statement_appeals,
        suspension_appeals=suspension_appeals,
        **_labels(),
    )


def _suspension_appeal_page(appeal: SuspensionAppeal, form=None):
    return Response(
        render_template(
            "moderation/suspension_appeal.html",
            appeal=appeal,
            suspension=appeal.suspension,
            form=form or SuspensionAppealDecisionForm(formdata=None),
            refusal=services.suspension_appeal_refusal(current_user, appeal),
            outcome_labels=SUSPENSION_APPEAL_OUTCOME_LABELS,
        )
    )


@bp.route("/suspension-appeals/<id:appeal_id>", methods=["GET", "POST"])
def suspension_appeal(appeal_id: int):
    """Decide an appeal against a suspension (not by whoever suspended the person)."""
    item = db.get_or_404(SuspensionAppeal, appeal_id)
    if request.method == "GET":
        return _suspension_appeal_page(item)
    form = SuspensionAppealDecisionForm()
    if not form.validate_on_submit():
        return form_invalid(_suspension_appeal_page(item, form))
    return run_service(
        lambda: services.decide_suspension_appeal(
            current_user._get_current_object(), item, form.outcome.data, form.note.data
        ),
        form=form,
        page=lambda exc: _suspension_appeal_page(db.get_or_404(SuspensionAppeal, appeal_id), form),
        success=_("The appeal is decided and the person is informed."),
        to=url_for("moderation.appeals"),
    )


def _appeal_page(appeal: CommentAppeal, form=None):
    return Response(
        render_template(
            "moderation/appeal.html",
            appeal=appeal,
            comment=appeal.comment,
            form=form or AppealDecisionForm(formdata=None),
            refusal=services.appeal_refusal(current_user, appeal),
            **_labels(),
        )
    )


@bp.route("/appeals/<id:appeal_id>", methods=["GET", "POST"])
def appeal(appeal_id: int):
    """Decide an appeal (not by the comment's author, nor by anyone who hid it)."""
    item = db.get_or_404(CommentAppeal, appeal_id)
    if request.method == "GET":
        return _appeal_page(item)
    form = AppealDecisionForm()
    if not form.validate_on_submit():
        return form_invalid(_appeal_page(item, form))
    return run_service(
        lambda: services.decide_appeal(current_user._get_current_object(), item, form.outcome.data, form.note.data),
        form=form,
        page=lambda exc: _appeal_page(db.get_or_404(CommentAppeal, appeal_id), form),
        success=_("The appeal is decided and the author is informed."),
        to=url_for("moderation.appeals"),
    )


@bp.get("/log")
def log():
    """The moderation log, filtered by action, moderator and date."""
    moderators = db.session.scalars(queries.moderators()).all()
    form = LogFilterForm(request.args, moderators=moderators)
    if request.args and not form.validate():
        return Response(render_template("moderation/log.html", form=form, page=None, **_labels()), 400)
    actor = int(form.moderator.data) if form.moderator.data else None
    stmt = queries.audit_log(form.action.data or None, actor, form.date_from.data, form.date_to.data)
    page = paginate(stmt, per_page=50)
    return render_template("moderation/log.html", form=form, page=page, **_labels())
