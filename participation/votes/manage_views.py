"""Organisers: create, order, edit and delete a consultation's questions."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request, url_for
from flask_login import current_user

from participation.consultations.models import Consultation
from participation.consultations.queries import consultation_visible_to
from participation.core.forms import ActionForm
from participation.core.i18n import _, current_lang
from participation.core.permissions import Role, gate_blueprint, require
from participation.core.translated import translated
from participation.core.views import form_invalid, run_service
from participation.extensions import db
from participation.votes import queries, services, wording
from participation.votes.forms import KIND_LABELS, QuestionForm
from participation.votes.models import Question
from participation.votes.permissions import can_manage_questions

bp = Blueprint("votes_manage", __name__, url_prefix="/<lang>/organise/consultations/<slug>/questions")
gate_blueprint(bp, Role.ORGANISER)


def _no_store(body, status=200):
    response = Response(body, status)
    response.headers["Cache-Control"] = "no-store"
    return response


def _consultation(slug: str) -> Consultation:
    consultation = consultation_visible_to(current_user, slug)
    require(can_manage_questions(current_user, consultation))
    return consultation


def _question(consultation: Consultation, question_id: int) -> Question:
    return queries.question_of_or_404(consultation, question_id)


@bp.get("/")
def index(slug: str):
    """The questions in order, with how many voted on each."""
    consultation = _consultation(slug)
    lang = current_lang()
    questions = list(db.session.scalars(queries.questions_of(consultation.id)))
    voters = queries.voters_per_question(consultation.id)
    return _no_store(
        render_template(
            "votes/manage/index.html",
            consultation=consultation,
            questions=questions,
            voters=voters,
            kind_labels=KIND_LABELS,
            lang=lang,
            tr_lang=lambda value: translated(value, lang),
        )
    )


def _edit_page(consultation, form, question=None):
    voters = queries.voters_per_question(consultation.id).get(question.id, 0) if question else 0
    return _no_store(
        render_template(
            "votes/manage/edit.html",
            consultation=consultation,
            form=form,
            question=question,
            voters=voters,
            min_percent=round(wording.MIN_RATIO * 100),
        )
    )


@bp.route("/new", methods=["GET", "POST"])
def create(slug: str):
    consultation = _consultation(slug)
    form = QuestionForm()
    if request.method == "GET":
        return _edit_page(consultation, form)
    if not form.validate():
        return form_invalid(_edit_page(consultation, form))
    return run_service(
        lambda: services.create_question(consultation, current_user, form.question_input()),
        form=form,
        page=lambda exc: _edit_page(consultation, form),
        success=_("The question was added."),
        to=url_for("votes_manage.index", slug=slug),
    )


@bp.route("/<id:question_id>/edit", methods=["GET", "POST"])
def edit(slug: str, question_id: int):
    consultation = _consultation(slug)
    question = _question(consultation, question_id)
    form = QuestionForm()
    if request.method == "GET":
        form.fill_from(question)
        return _edit_page(consultation, form, question)
    if not form.validate():
        return form_invalid(_edit_page(consultation, form, question))
    return run_service(
        lambda: services.update_question(question, current_user, form.question_input()),
        form=form,
        page=lambda exc: _edit_page(consultation, form, _question(consultation, question_id)),
        success=_("The question was saved."),
        to=url_for("votes_manage.index", slug=slug),
    )


def _action(slug: str, question_id: int, do, success: str):
    consultation = _consultation(slug)
    question = _question(consultation, question_id)
    form = ActionForm()
    require(form.validate(), 400)
    return run_service(lambda: do(question), success=success, to=url_for("votes_manage.index", slug=slug))


@bp.post("/<id:question_id>/up")
def move_up(slug: str, question_id: int):
    return _action(
        slug, question_id, lambda q: services.move_question(q, current_user, "up"), _("The question moved up.")
    )


@bp.post("/<id:question_id>/down")
def move_down(slug: str, question_id: int):
    return _action(
        slug, question_id, lambda q: services.move_question(q, current_user, "down"), _("The question moved down.")
    )


@bp.post("/<id:question_id>/delete")
def delete(slug: str, question_id: int):
    return _action(
        slug, question_id, lambda q: services.delete_question(q, current_user), _("The question was deleted.")
    )
