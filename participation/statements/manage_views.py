"""Organisers switch statements on and seed them; moderators approve, hide and restore them.

Moderation here is the statements' own queue (pending, reported and hidden statements, with
hide reasons, a statement of reasons and the audit log) and the decision on an appeal; the
moderators' main queue, appeals list and log under /moderate/ show statements too and link here.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request, url_for
from flask_login import current_user

from participation.comments.labels import HIDE_REASON_LABELS
from participation.consultations.models import Consultation
from participation.consultations.queries import consultation_visible_to
from participation.core.forms import ActionForm
from participation.core.i18n import _, current_lang
from participation.core.permissions import Role, gate_blueprint, require
from participation.core.time import from_brussels_naive, to_brussels
from participation.core.translated import translated
from participation.core.views import form_invalid, run_service
from participation.statements import queries, services
from participation.statements.forms import AppealDecisionForm, HideForm, SettingsForm, seed_form_class
from participation.statements.labels import STATEMENT_APPEAL_OUTCOME_LABELS
from participation.statements.models import Statement, StatementAppeal
from participation.statements.permissions import can_manage_statements

bp = Blueprint("statements_manage", __name__, url_prefix="/<lang>/organise/consultations/<slug>/statements")
gate_blueprint(bp, Role.ORGANISER)

moderation_bp = Blueprint("statements_moderation", __name__, url_prefix="/<lang>/moderate/statements")
gate_blueprint(moderation_bp, Role.MODERATOR)


def _no_store(body):
    response = Response(body)
    response.headers["Cache-Control"] = "no-store"
    return response


def _consultation(slug: str) -> Consultation:
    consultation = consultation_visible_to(current_user, slug)
    require(can_manage_statements(current_user, consultation))
    return consultation


def _settings_form(consultation, opinion_map) -> SettingsForm:
    form = SettingsForm()
    if request.method == "GET":
        opens = opinion_map.opens_at if opinion_map else consultation.opens_at
        closes = opinion_map.closes_at if opinion_map else consultation.closes_at
        form.enabled.data = opinion_map is not None
        form.opens_at.data = to_brussels(opens).replace(tzinfo=None, second=0, microsecond=0)
        form.closes_at.data = to_brussels(closes).replace(tzinfo=None, second=0, microsecond=0)
        form.residents_may_add.data = opinion_map.residents_may_add if opinion_map else True
    return form


def _index_page(consultation, settings=None, seed=None):
    opinion_map = services.opinion_map_of(consultation.id)
    lang = current_lang()
    return _no_store(
        render_template(
            "statements/manage/index.html",
            consultation=consultation,
            opinion_map=opinion_map,
            settings=settings or _settings_form(consultation, opinion_map),
            seed=seed or seed_form_class()(formdata=None),
            statements=[(s, translated(s.text, lang)) for s in queries.statements_of(consultation.id)],
        )
    )


@bp.get("/")
def index(slug: str):
    return _index_page(_consultation(slug))


@bp.post("/settings")
def settings(slug: str):
    consultation = _consultation(slug)
    form = SettingsForm()
    if not form.validate():
        return form_invalid(_index_page(consultation, settings=form))
    opens = from_brussels_naive(form.opens_at.data) if form.opens_at.data else consultation.opens_at
    closes = from_brussels_naive(form.closes_at.data) if form.closes_at.data else consultation.closes_at
    return run_service(
        lambda: services.configure(
            current_user,
            consultation,
            enabled=form.enabled.data,
            opens_at=opens,
            closes_at=closes,
            residents_may_add=form.residents_may_add.data,
        ),
        form=form,
        page=lambda exc: _index_page(consultation, settings=form),
        success=_("The settings of the statements were saved."),
        to=url_for("statements_manage.index", slug=slug),
    )


@bp.post("/new")
def seed(slug: str):
    consultation = _consultation(slug)
    require(services.opinion_map_of(consultation.id) is not None, 404)
    form = seed_form_class()()
    if not form.validate():
        return form_invalid(_index_page(consultation, seed=form))
    texts = {lang: getattr(form, f"text_{lang}").data or "" for lang in form.languages}
    return run_service(
        lambda: services.seed_statement(current_user, consultation, texts),
        form=form,
        page=lambda exc: _index_page(consultation, seed=form),
        success=_("The statement was added."),
        to=url_for("statements_manage.index", slug=slug),
    )


# --- Moderation --------------------------------------------------------------------------------


def _statement(statement_id: int) -> Statement:
    return queries.statement_or_404(statement_id)


@moderation_bp.get("/")
def queue():
    """Pending, reported and hidden statements (oldest first), each with its actions."""
    lang = current_lang()
    items = [(s, translated(s.text, lang), reports) for s, reports in queries.statements_for_moderation()]
    return _no_store(
        render_template("statements/moderate.html", items=items, hide_form=HideForm(), labels=HIDE_REASON_LABELS)
    )


@moderation_bp.route("/<id:statement_id>/hide", methods=["GET", "POST"])
def hide(statement_id: int):
    statement = _statement(statement_id)
    form = HideForm()
    if form.validate_on_submit():
        return run_service(
            lambda: services.hide_statement(current_user, statement, form.reason.data, form.note.data),
            form=form,
            page=lambda exc: _hide_page(statement, form),
            success=_("The statement is hidden."),
            to=url_for("statements_moderation.queue"),
        )
    page = _hide_page(statement, form)
    return form_invalid(page) if request.method == "POST" else page


def _hide_page(statement: Statement, form: HideForm) -> Response:
    return _no_store(
        render_template(
            "statements/hide.html", statement=statement, text=translated(statement.text, current_lang()), form=form
        )
    )


@moderation_bp.post("/<id:statement_id>/restore")
def restore(statement_id: int):
    statement = _statement(statement_id)
    require(ActionForm().validate(), 400)
    return run_service(
        lambda: services.restore_statement(current_user, statement),
        success=_("The statement is shown."),
        to=url_for("statements_moderation.queue"),
    )


def _appeal_or_404(appeal_id: int) -> StatementAppeal:
    appeal = queries.statement_appeal(appeal_id)
    if appeal is None:
        abort(404)
    return appeal


def _appeal_page(appeal: StatementAppeal, form=None) -> Response:
    statement = appeal.statement
    return _no_store(
        render_template(
            "statements/appeal_decide.html",
            appeal=appeal,
            statement=statement,
            text=translated(statement.text, current_lang()),
            labels=HIDE_REASON_LABELS,
            outcome_labels=STATEMENT_APPEAL_OUTCOME_LABELS,
            form=form or AppealDecisionForm(formdata=None),
            refusal=services.appeal_refusal(current_user, appeal),
        )
    )


@moderation_bp.route("/appeals/<id:appeal_id>", methods=["GET", "POST"])
def appeal(appeal_id: int):
    """Decide an appeal against hiding a statement (not by its author, nor by anyone who hid it)."""
    item = _appeal_or_404(appeal_id)
    if request.method == "GET":
        return _appeal_page(item)
    form = AppealDecisionForm()
    if not form.validate_on_submit():
        return form_invalid(_appeal_page(item, form))
    return run_service(
        lambda: services.decide_appeal(current_user._get_current_object(), item, form.outcome.data, form.note.data),
        form=form,
        page=lambda exc: _appeal_page(_appeal_or_404(appeal_id), form),
        success=_("The appeal is decided and the author is informed."),
        to=url_for("moderation.appeals"),
    )
