"""Public statement pages: vote one statement at a time, add one, report one, appeal against hiding
one's own, see the map and its CSV."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request, url_for
from flask_login import current_user, login_required

from participation.comments.labels import HIDE_REASON_LABELS
from participation.consultations.queries import consultation_visible_to
from participation.core.antispam import antispam_message, passes_antispam
from participation.core.csv_export import csv_response
from participation.core.i18n import _, current_lang
from participation.core.permissions import require
from participation.core.ratelimits import actor_key
from participation.core.translated import translated
from participation.core.views import form_invalid, run_service
from participation.extensions import limiter
from participation.statements import queries, services
from participation.statements.forms import AppealForm, ReportForm, StatementForm, VoteForm
from participation.statements.map_view import csv_rows, map_context
from participation.statements.models import Statement, StatementState
from participation.statements.permissions import can_manage_statements, can_see_map

bp = Blueprint("statements", __name__, url_prefix="/<lang>/consultations/<slug>/statements")

VOTE_LIMITS = "60 per minute;1000 per hour"
POST_LIMITS = "10 per minute;60 per hour"


def _no_store(body):
    response = body if isinstance(body, Response) else Response(body)
    response.headers["Cache-Control"] = "no-store"
    return response


def _consultation_and_map(slug: str):
    consultation = consultation_visible_to(current_user, slug)
    opinion_map = services.opinion_map_of(consultation.id)
    require(opinion_map is not None, 404)
    return consultation, opinion_map


def _statement_or_404(consultation, statement_id: int) -> Statement:
    """A published statement of this consultation (residents never reach a pending or hidden one)."""
    return queries.statement_or_404(statement_id, consultation_id=consultation.id, published_only=True)


def _vote_page(consultation, opinion_map, statement=None, statement_form=None, error=None):
    """The voting page: one statement (the next one, or the one asked for) and the add form.

    A fixed number of queries: the next statement, the person's progress, their vote on it.
    """
    user_id = current_user.id if current_user.is_authenticated else None
    chosen = statement is not None
    if statement is None:
        statement = queries.next_statement(consultation.id, user_id)
    total, voted = queries.progress(consultation.id, user_id)
    block = services.voting_block_reason(current_user, opinion_map)
    may_add = block is None and opinion_map.residents_may_add
    if may_add and statement_form is None:
        statement_form = StatementForm(language=current_lang())
    return _no_store(
        render_template(
            "statements/vote.html",
            consultation=consultation,
            opinion_map=opinion_map,
            statement=statement,
            text=translated(statement.text, current_lang()) if statement else None,
            chosen=chosen,
            my_vote=queries.vote_of(statement.id, user_id) if statement and chosen else None,
            total=total,
            voted=voted,
            block_message=block,
            signed_in=current_user.is_authenticated,
            vote_form=VoteForm() if block is None else None,
            statement_form=statement_form if may_add else None,
            error=error,
            can_manage=can_manage_statements(current_user, consultation),
        )
    )


@bp.get("/")
def vote_page(slug: str):
    """The next statement for this person (or, with ?statement=<id>, that one to change a vote)."""
    consultation, opinion_map = _consultation_and_map(slug)
    statement = None
    wanted = request.args.get("statement", "")
    if wanted:
        require(wanted.isdigit() and len(wanted) < 12, 404)
        statement = _statement_or_404(consultation, int(wanted))
    return _vote_page(consultation, opinion_map, statement)


@bp.post("/<id:statement_id>/vote")
@limiter.limit(VOTE_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def vote(slug: str, statement_id: int):
    """Agree, disagree or pass (a plain form: no JavaScript needed); then the next statement."""
    consultation, opinion_map = _consultation_and_map(slug)
    statement = _statement_or_404(consultation, statement_id)
    form = VoteForm()
    if not form.validate():
        error = " ".join(str(e) for errors in form.errors.values() for e in errors) or None
        return form_invalid(_vote_page(consultation, opinion_map, statement, error=error))
    return run_service(
        lambda: services.cast_vote(current_user, statement, request.form.get("value", "")),
        # Given the form, the refusal is not flashed: the page shows it above the statement.
        form=form,
        page=lambda exc: _vote_page(consultation, opinion_map, statement, error=exc.message),
        to=url_for("statements.vote_page", slug=slug, _anchor="statement"),
    )


@bp.post("/new")
@limiter.limit(POST_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def add(slug: str):
    """A resident adds a statement (published at once, or after review under pre-moderation)."""
    consultation, opinion_map = _consultation_and_map(slug)
    form = StatementForm()
    if not form.validate():
        return form_invalid(_vote_page(consultation, opinion_map, statement_form=form))
    if not passes_antispam(form):
        form.form_errors.append(antispam_message())
        return form_invalid(_vote_page(consultation, opinion_map, statement_form=form))
    return run_service(
        lambda: services.add_statement(current_user, opinion_map, form.text.data, form.language.data),
        form=form,
        page=lambda exc: _vote_page(consultation, opinion_map, statement_form=form),
        to=lambda statement: url_for(
            "statements.added", slug=slug, pending=1 if statement.state == StatementState.PENDING else None
        ),
    )


@bp.get("/added")
@login_required
def added(slug: str):
    consultation, _opinion_map = _consultation_and_map(slug)
    return _no_store(
        render_template("statements/added.html", consultation=consultation, pending=bool(request.args.get("pending")))
    )


@bp.route("/<id:statement_id>/report", methods=["GET", "POST"])
@limiter.limit(POST_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def report(slug: str, statement_id: int):
    consultation, _opinion_map = _consultation_and_map(slug)
    statement = _statement_or_404(consultation, statement_id)
    form = ReportForm()
    if form.validate_on_submit():
        return run_service(
            lambda: services.report_statement(current_user, statement, form.reason.data, form.text.data),
            form=form,
            page=lambda exc: _report_page(consultation, statement, form),
            to=url_for("statements.reported", slug=slug),
        )
    page = _report_page(consultation, statement, form)
    return form_invalid(page) if request.method == "POST" else page


def _report_page(consultation, statement: Statement, form: ReportForm) -> Response:
    return _no_store(
        render_template(
            "statements/report.html",
            consultation=consultation,
            statement=statement,
            text=translated(statement.text, current_lang()),
            form=form,
        )
    )


@bp.get("/reported")
@login_required
def reported(slug: str):
    consultation, _opinion_map = _consultation_and_map(slug)
    return _no_store(render_template("statements/reported.html", consultation=consultation))


@bp.route("/<id:statement_id>/appeal", methods=["GET", "POST"])
@limiter.limit(POST_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def appeal(slug: str, statement_id: int):
    """The author asks another moderator to review the hiding of their statement (once)."""
    consultation, _opinion_map = _consultation_and_map(slug)
    statement = queries.statement_or_404(statement_id, consultation_id=consultation.id)
    require(statement.author_id is not None and statement.author_id == current_user.id, 404)
    services.check_can_appeal(current_user, statement)  # once only: a second visit says so
    form = AppealForm()
    if form.validate_on_submit():
        return run_service(
            lambda: services.appeal_hide(current_user, statement, form.text.data),
            form=form,
            page=lambda exc: _appeal_page(consultation, statement, form),
            success=_("Your appeal is sent. Another moderator will decide, and we will e-mail you."),
            to=url_for("statements.vote_page", slug=slug),
        )
    page = _appeal_page(consultation, statement, form)
    return form_invalid(page) if request.method == "POST" else page


def _appeal_page(consultation, statement: Statement, form: AppealForm) -> Response:
    return _no_store(
        render_template(
            "statements/appeal.html",
            consultation=consultation,
            statement=statement,
            text=translated(statement.text, current_lang()),
            reason_label=HIDE_REASON_LABELS[statement.hidden_reason.value],
            form=form,
        )
    )


@bp.get("/map")
def map_page(slug: str):
    """The groups and the common ground (computed off the request; shown as last computed)."""
    consultation, opinion_map = _consultation_and_map(slug)
    require(can_see_map(current_user, consultation), 404)
    return render_template(
        "statements/map.html", consultation=consultation, **map_context(consultation, opinion_map, current_lang())
    )


@bp.get("/map.csv")
def map_csv(slug: str):
    """Every published statement with agree/disagree/pass counts, overall and per shown group."""
    consultation, opinion_map = _consultation_and_map(slug)
    require(can_see_map(current_user, consultation), 404)
    return csv_response(csv_rows(opinion_map, current_lang()), f"statements-{consultation.slug}.csv")
