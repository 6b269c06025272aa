"""Comment pages: write, reply, edit, delete, endorse, report, appeal; the public
moderation figures of a consultation; the organisers' export and statistics."""

from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from participation.comments import queries, services
from participation.comments.forms import AppealForm, CommentForm, EditCommentForm, ReportForm
from participation.comments.labels import (
    ACTION_LABELS,
    ALIGNMENT_LABELS,
    APPEAL_OUTCOME_LABELS,
    HIDE_REASON_LABELS,
)
from participation.comments.models import Comment, HideReason
from participation.comments.permissions import (
    can_appeal,
    can_delete_comment,
    can_export_comments,
    edit_deadline,
    edit_window,
)
from participation.comments.text import render_comment_body
from participation.comments.thread import conversation_context, parse_page, parse_thread_args, thread_context
from participation.comments.urls import comment_url, thread_url
from participation.consultations.models import Consultation
from participation.consultations.permissions import can_view_consultation
from participation.consultations.queries import consultation_visible_to
from participation.core.antispam import antispam_message, passes_antispam
from participation.core.confirm import ask_first, confirm_page, is_confirmed
from participation.core.csv_export import csv_response, csv_safe
from participation.core.errors import Conflict
from participation.core.forms import ActionForm
from participation.core.i18n import _, format_duration
from participation.core.permissions import require
from participation.core.ratelimits import actor_key
from participation.core.views import form_invalid, run_service
from participation.extensions import db, limiter

bp = Blueprint("comments", __name__, url_prefix="/<lang>")

POST_LIMITS = "10 per minute;60 per hour"
ACTION_LIMITS = "30 per minute;300 per hour"


def _consultation_or_404(slug: str) -> Consultation:
    return consultation_visible_to(current_user, slug)


def _comment_or_404(comment_id: int) -> Comment:
    return queries.comment_visible_to(current_user, comment_id)


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/consultations/<slug>/comments")
def thread(slug: str):
    """The whole discussion of a consultation, paginated (also where forms fall back to)."""
    consultation = _consultation_or_404(slug)
    context = thread_context(consultation, current_user, parse_thread_args(request.args))
    return render_template("comments/thread.html", **context)


def _write_page(consultation, form, parent=None):
    # Only a visible parent is quoted: the form may come back after the parent was hidden.
    quote = parent is not None and parent.is_visible
    return render_template(
        "comments/write.html",
        consultation=consultation,
        form=form,
        parent=parent,
        parent_html=render_comment_body(parent.body) if quote else None,
        alignment_labels=ALIGNMENT_LABELS,
    )


def _post(consultation, parent=None):
    # Who may write here is settled before the form is read (a refusal shows its reason).
    services.check_can_post(current_user, consultation, parent)
    form = CommentForm()
    if not form.validate_on_submit():
        return form_invalid(_write_page(consultation, form, parent))
    if not passes_antispam(form):
        form.form_errors.append(antispam_message())
        return form_invalid(_write_page(consultation, form, parent))
    return run_service(
        lambda: services.post_comment(current_user, consultation, form.body.data, form.alignment.data, parent),
        form=form,
        page=lambda exc: _write_page(consultation, form, parent),
        success=_posted_message,
        to=comment_url,
    )


def _posted_message(comment: Comment) -> str | None:
    if comment.is_pending:
        flash(_("Thank you. Your comment is awaiting review by a moderator; until then only you can see it."), "info")
        return None
    return _("Your comment is published.")


@bp.post("/consultations/<slug>/comments")
@limiter.limit(POST_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def create(slug: str):
    """Post a top-level comment."""
    return _post(_consultation_or_404(slug))


def _visible_comment_or_404(comment_id: int) -> Comment:
    """A comment whose text everyone may read (not hidden, pending or deleted), else 404."""
    comment = _comment_or_404(comment_id)
    require(comment.is_visible, 404)
    return comment


@bp.route("/comments/<id:comment_id>/reply", methods=["GET", "POST"])
@limiter.limit(POST_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def reply(comment_id: int):
    """Reply to a comment (a page of its own, so it works without JavaScript)."""
    parent = _visible_comment_or_404(comment_id)
    if request.method == "POST":
        return _post(parent.consultation, parent)
    services.check_can_post(current_user, parent.consultation, parent)
    return _write_page(parent.consultation, CommentForm(formdata=None), parent)


@bp.get("/comments/<id:comment_id>/replies")
def conversation(comment_id: int):
    """One thread with all its replies (linked from a page of the discussion when it is long)."""
    comment = db.session.get(Comment, comment_id)
    require(comment is not None and can_view_consultation(current_user, comment.consultation), 404)
    root = comment if comment.root_id is None else db.session.get(Comment, comment.root_id)
    user_id = current_user.id if current_user.is_authenticated else None
    require(queries.is_listed(root.id, user_id), 404)
    if root.id != comment.id:
        return redirect(url_for("comments.conversation", comment_id=root.id, _anchor=f"comment-{comment.id}"))
    context = conversation_context(root, current_user, parse_page(request.args))
    return render_template("comments/replies.html", **context, discussion_url=comment_url(root))


@bp.route("/comments/<id:comment_id>/edit", methods=["GET", "POST"])
@limiter.limit(POST_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def edit(comment_id: int):
    """The author corrects their comment within the edit window."""
    comment = _comment_or_404(comment_id)
    # A refusal (someone else's comment, suspended) says why on its own page. When the comment
    # can no longer be edited (window over, hidden, discussion closed) the author goes back to
    # it in the thread with the reason, rather than to a bare error page.
    try:
        services.check_can_edit(current_user, comment)
    except Conflict as exc:
        flash(
            exc.message if request.method == "GET" else f"{exc.message} {_('Your changes were not saved.')}", "warning"
        )
        return redirect(comment_url(comment), 303)
    form = EditCommentForm(obj=comment if request.method == "GET" else None)
    if request.method == "GET":
        form.alignment.data = comment.alignment.value
    if form.validate_on_submit():
        return run_service(
            lambda: services.edit_comment(current_user, comment, form.body.data, form.alignment.data),
            form=form,
            page=lambda exc: _edit_page(comment, form),
            success=_edited_message,
            to=comment_url,
        )
    page = _edit_page(comment, form)
    return form_invalid(page) if request.method == "POST" else page


def _edit_page(comment: Comment, form):
    return _no_store(
        Response(
            render_template(
                "comments/edit.html",
                comment=comment,
                form=form,
                edit_until=edit_deadline(comment),
                edit_minutes=int(edit_window().total_seconds() // 60),
            )
        )
    )


def _edited_message(comment: Comment) -> str | None:
    if comment.is_pending:
        flash(
            _("Your changes are saved. A moderator reviews the comment again; until then only you can see it."), "info"
        )
        return None
    return _("Your comment is saved.")


@bp.route("/comments/<id:comment_id>/delete", methods=["GET", "POST"])
@login_required
def delete(comment_id: int):
    """GET asks first (a page of its own); the confirmed POST deletes."""
    comment = _comment_or_404(comment_id)
    if request.method == "GET" or not is_confirmed():
        require(can_delete_comment(current_user, comment), 404)
        if request.method == "POST":
            return ask_first(url_for("comments.delete", comment_id=comment.id))
        return _no_store(
            confirm_page(
                heading=_("Delete your comment?"),
                consequences=[
                    _(
                        "Your comment disappears from the discussion. "
                        "Where others replied, a notice says it was deleted."
                    ),
                    _("This cannot be undone."),
                ],
                submit_label=_("Delete this comment"),
                back_url=comment_url(comment),
            )
        )
    require(ActionForm().validate_on_submit(), 400)
    services.delete_comment(current_user, comment)
    db.session.commit()
    flash(_("Your comment is deleted."), "success")
    return redirect(thread_url(comment.consultation), 303)


def _toggle_endorsement(comment_id: int, endorse: bool):
    comment = _comment_or_404(comment_id)
    require(ActionForm().validate_on_submit(), 400)
    return run_service(
        lambda: (services.endorse if endorse else services.withdraw_endorsement)(current_user, comment),
        success=_("Thank you for your support.") if endorse else _("Your support is withdrawn."),
        to=comment_url(comment),
    )


@bp.post("/comments/<id:comment_id>/endorse")
@limiter.limit(ACTION_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def endorse(comment_id: int):
    """Support a comment (+1), once."""
    return _toggle_endorsement(comment_id, True)


@bp.post("/comments/<id:comment_id>/unendorse")
@limiter.limit(ACTION_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def unendorse(comment_id: int):
    return _toggle_endorsement(comment_id, False)


@bp.route("/comments/<id:comment_id>/report", methods=["GET", "POST"])
@limiter.limit(POST_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def report(comment_id: int):
    """Ask the moderators to look at a comment."""
    comment = _visible_comment_or_404(comment_id)
    services.check_participant(current_user)
    form = ReportForm()
    if form.validate_on_submit():
        return run_service(
            lambda: services.report_comment(current_user, comment, form.reason.data, form.text.data),
            form=form,
            page=lambda exc: _report_page(comment, form),
            success=_("Thank you. A moderator will look at this comment."),
            to=thread_url(comment.consultation),
        )
    page = _report_page(comment, form)
    return form_invalid(page) if request.method == "POST" else page


def _report_page(comment: Comment, form):
    return _no_store(
        Response(
            render_template(
                "comments/report.html", comment=comment, form=form, body_html=render_comment_body(comment.body)
            )
        )
    )


@bp.route("/comments/<id:comment_id>/appeal", methods=["GET", "POST"])
@limiter.limit(POST_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def appeal(comment_id: int):
    """The author asks another moderator to review the hiding of their comment."""
    comment = _comment_or_404(comment_id)
    require(can_appeal(current_user, comment), 404)
    services.check_can_appeal(current_user, comment)  # once only: a second visit says so
    form = AppealForm()
    if form.validate_on_submit():
        return run_service(
            lambda: services.appeal_hide(current_user, comment, form.text.data),
            form=form,
            page=lambda exc: _appeal_page(comment, form),
            success=_("Your appeal is sent. Another moderator will decide, and we will e-mail you."),
            to=thread_url(comment.consultation),
        )
    page = _appeal_page(comment, form)
    return form_invalid(page) if request.method == "POST" else page


def _appeal_page(comment: Comment, form):
    return _no_store(
        Response(
            render_template(
                "comments/appeal.html",
                comment=comment,
                form=form,
                body_html=render_comment_body(comment.body),
                reason_label=HIDE_REASON_LABELS[comment.hidden_reason.value],
            )
        )
    )


@bp.get("/consultations/<slug>/moderation")
def transparency(slug: str):
    """Public figures: hide decisions per reason and how appeals ended (no names)."""
    consultation = _consultation_or_404(slug)
    figures = queries.moderation_figures(consultation.id)
    return render_template(
        "comments/transparency.html",
        consultation=consultation,
        hidden=figures["hidden"],
        appeals=figures["appeals"],
        medians=figures["median_seconds"],
        duration=format_duration,
        reason_labels={**HIDE_REASON_LABELS, HideReason.REPORTED.value: ACTION_LABELS["comment.auto_hidden"]},
        outcome_labels=APPEAL_OUTCOME_LABELS,
        discussion_url=thread_url(consultation),
    )


@bp.get("/consultations/<slug>/comments.csv")
@login_required
def export(slug: str):
    """The organisers' CSV of published comments (names as shown publicly, no e-mail addresses)."""
    consultation = _consultation_or_404(slug)
    require(can_export_comments(current_user, consultation))
    rows = [
        [
            _("Comment"),
            _("Reply to"),
            _("Posted at (UTC)"),
            _("Edited"),
            _("Author"),
            _("Position"),
            _("Endorsements"),
            _("Text"),
        ]
    ]
    for comment, endorsements in db.session.execute(queries.export_comments(consultation.id)).unique():
        rows.append(
            [
                comment.id,
                comment.parent_id or "",
                comment.created_at.strftime("%Y-%m-%d %H:%M"),
                _("yes") if comment.edited_at else _("no"),
                csv_safe(comment.author.display_name if comment.author else _("Deleted participant")),
                ALIGNMENT_LABELS[comment.alignment.value],
                endorsements,
                csv_safe(comment.body),
            ]
        )
    return csv_response(rows, f"comments-{consultation.slug}.csv")


@bp.get("/consultations/<slug>/comments/statistics")
@login_required
def statistics(slug: str):
    """Comments per week for the organisers."""
    consultation = _consultation_or_404(slug)
    require(can_export_comments(current_user, consultation))
    return _no_store(
        Response(
            render_template(
                "comments/statistics.html",
                consultation=consultation,
                weeks=queries.weekly_counts(consultation.id),
                alignment_labels=ALIGNMENT_LABELS,
                totals=queries.alignment_counts(consultation.id),
            )
        )
    )
