"""Public voting pages: a question's ballot, the receipt, results, receipt check and CSV exports."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, session, stream_with_context, url_for
from flask_login import current_user, login_required

from participation.consultations.models import Consultation
from participation.consultations.queries import consultation_visible_to
from participation.core.csv_export import csv_response
from participation.core.errors import Conflict
from participation.core.i18n import _, current_lang
from participation.core.input_bounds import page_number
from participation.core.permissions import require
from participation.core.ratelimits import actor_key
from participation.core.translated import translated
from participation.core.views import form_invalid, run_service
from participation.extensions import db, limiter
from participation.votes import exports, queries, services
from participation.votes.ballot_view import voting_context
from participation.votes.final_counts import FingerprintPagination
from participation.votes.forms import KIND_LABELS, ballot_form
from participation.votes.models import Question
from participation.votes.permissions import ballots_exportable, can_export_ballots, can_see_results
from participation.votes.receipts import candidates, fingerprint
from participation.votes.results import question_results

bp = Blueprint("votes", __name__, url_prefix="/<lang>/consultations")

VOTE_LIMITS = "20 per minute;200 per hour"
FINGERPRINTS_PER_PAGE = 100
RECEIPT_KEY = "votes_receipt"


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _consultation_or_404(slug: str) -> Consultation:
    return consultation_visible_to(current_user, slug)


def _question_or_404(consultation: Consultation, question_id: int) -> Question:
    return queries.question_of_or_404(consultation, question_id)


def _question_page(consultation, question, form=None, status=200):
    context = voting_context(consultation, current_user, only_question_id=question.id, submitted=form)
    return _no_store(
        Response(
            render_template(
                "votes/question.html", consultation=consultation, question_view=context["questions"][0], **context
            ),
            status,
        )
    )


@bp.get("/<slug>/questions/<id:question_id>")
def question(slug: str, question_id: int):
    """One question with its ballot form (also where a failed vote is shown again)."""
    consultation = _consultation_or_404(slug)
    return _question_page(consultation, _question_or_404(consultation, question_id))


@bp.post("/<slug>/questions/<id:question_id>")
@limiter.limit(VOTE_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def vote(slug: str, question_id: int):
    """Cast or change the current person's ballot on a question."""
    consultation = _consultation_or_404(slug)
    question = _question_or_404(consultation, question_id)
    form = ballot_form(question, current_lang(), formdata=request.form)
    if not form.validate():
        return form_invalid(_question_page(consultation, question, form))
    return run_service(
        lambda: services.cast_ballot(question, current_user, form.ballot_input()),
        form=form,
        page=lambda exc: _question_page(consultation, question, form),
        success=lambda result: _keep_receipt(question_id, result),  # shown once on the next page, not flashed
        to=url_for("votes.receipt", slug=slug, question_id=question.id),
    )


def _keep_receipt(question_id: int, result) -> None:
    session[RECEIPT_KEY] = {"question_id": question_id, "code": result.receipt_code, "changed": result.changed}


@bp.get("/<slug>/questions/<id:question_id>/receipt")
@login_required
def receipt(slug: str, question_id: int):
    """The receipt code of the vote just cast, shown once."""
    consultation = _consultation_or_404(slug)
    question = _question_or_404(consultation, question_id)
    issued = session.get(RECEIPT_KEY)
    if not issued or issued.get("question_id") != question.id:
        return redirect(url_for("consultations.detail", slug=slug, _anchor=f"question-{question.id}"), 303)
    session.pop(RECEIPT_KEY, None)
    return _no_store(
        Response(
            render_template(
                "votes/receipt.html",
                consultation=consultation,
                prompt=translated(question.prompt, current_lang()),
                code=issued["code"],
                changed=issued.get("changed", False),
                question=question,
                results_url=url_for("votes.results", slug=slug),
            )
        )
    )


@bp.get("/<slug>/results")
def results(slug: str):
    """Results per question, with the fingerprints of every counted ballot (paginated, and as one text file)."""
    consultation = _consultation_or_404(slug)
    visible = can_see_results(current_user, consultation)
    requested_page = page_number()
    manager = can_export_ballots(current_user, consultation)
    context = {"consultation": consultation, "visible": visible, "status": consultation.status(), "manager": manager}
    if visible:
        questions = list(db.session.scalars(queries.questions_of(consultation.id)))
        page = FingerprintPagination(consultation, requested_page, FINGERPRINTS_PER_PAGE)
        context.update(
            results=question_results(questions, consultation, current_lang()),
            corrections=queries.wording_corrections(consultation.id),
            kind_labels=KIND_LABELS,
            page=page,
            url_for_page=lambda n: url_for("votes.results", slug=slug, page=n, _anchor="fingerprints"),
            ballots_exportable=manager and ballots_exportable(consultation),
        )
    return render_template("votes/results.html", **context)


@bp.get("/<slug>/results/check")
def check_receipt(slug: str):
    """Is the ballot with this receipt code among the counted ones? (Only the code's hash is compared.)"""
    consultation = _consultation_or_404(slug)
    raw = request.args.get("code", "")[:100]
    forms = candidates(raw)
    code = forms[0] if forms else None
    found = None
    prompt = None
    status = 200
    if raw and code is None:
        status = 400
    else:
        # The current reading of the code first, then the legacy one (codes issued before Crockford base32).
        for form in forms:
            question_id = db.session.scalar(queries.ballot_with_fingerprint(consultation.id, fingerprint(form)))
            if question_id is not None:
                code = form
                found = True
                prompt = translated(db.session.get(Question, question_id).prompt, current_lang())
                break
        else:
            found = False if forms else None
    return render_template(
        "votes/check.html",
        consultation=consultation,
        code=raw,
        checked=code is not None,
        results_visible=can_see_results(current_user, consultation),
        invalid=bool(raw) and code is None,
        found=found,
        prompt=prompt,
        fingerprint=fingerprint(code) if code else None,
    ), status


@bp.get("/<slug>/results.csv")
def results_csv(slug: str):
    """Aggregated results for everyone (when results are visible): no ballots, no people."""
    consultation = _consultation_or_404(slug)
    require(can_see_results(current_user, consultation), 404)
    return csv_response(exports.aggregated_rows(consultation, current_lang()), f"results-{consultation.slug}.csv")


@bp.get("/<slug>/fingerprints.txt")
def fingerprints_txt(slug: str):
    """Every counted ballot's receipt fingerprint, sorted, one per line (streamed: any number of ballots)."""
    consultation = _consultation_or_404(slug)
    require(can_see_results(current_user, consultation), 404)
    # Inline plain text: readable in the browser, saved with the link's download attribute.
    return Response(stream_with_context(exports.fingerprint_lines(consultation.id)), mimetype="text/plain")


@bp.get("/<slug>/ballots.csv")
@login_required
def ballots_csv(slug: str):
    """Anonymised ballots for the organisers, once voting closed: shuffled, renumbered, no user ids, no times."""
    consultation = _consultation_or_404(slug)
    require(can_export_ballots(current_user, consultation))
    if not ballots_exportable(consultation):
        raise Conflict(
            _(
                "The anonymised ballots can be downloaded once voting has closed. While people can "
                "still vote, comparing two downloads would show how someone voted."
            )
        )
    rows = exports.anonymised_ballot_rows(consultation, current_lang())
    return _no_store(csv_response(rows, f"ballots-{consultation.slug}.csv"))
