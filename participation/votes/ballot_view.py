"""What the questions block shows one person: questions, their ballot forms, their choice, results."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app, render_template, url_for
from flask_babel import get_locale, get_timezone
from markupsafe import Markup

from participation.consultations.sections import Section
from participation.core.i18n import _, current_lang
from participation.core.page_cache import RenderMemo
from participation.core.translated import Translation, translated
from participation.extensions import db
from participation.votes import queries
from participation.votes.forms import KIND_LABELS, BallotForm, ballot_form
from participation.votes.models import Question, QuestionKind
from participation.votes.permissions import can_manage_questions, can_see_results, results_public
from participation.votes.results import question_results
from participation.votes.services import voting_block_reason


@dataclass
class ChosenOption:
    label: Translation
    rank: int | None


@dataclass
class QuestionView:
    question: Question
    number: int
    prompt: Translation
    help: Translation
    kind_label: str
    hint: str | None
    form: BallotForm | None
    action: str
    chosen: list[ChosenOption] = field(default_factory=list)
    corrected_at: datetime | None = None  # last wording correction after voting started
    # Everything the ballot form is built and rendered from (None: a submitted form, with its
    # errors): its HTML is kept under it, see ballot_html.
    ballot_inputs: tuple | None = None


def _ballot_inputs(question: Question, lang: str, action: str, current: dict) -> tuple:
    """What ballot_form(question, lang, current) and the `ballot` macro read, as a memo key."""

    def texts(value):
        return tuple(sorted((value or {}).items()))

    return (
        lang,
        action,
        question.id,
        question.kind.value,
        texts(question.prompt),
        texts(question.help),
        question.max_choices,
        tuple((o.id, texts(o.label)) for o in question.options),
        tuple(sorted(current.items(), key=lambda item: item[0])),
    )


def ballot_html(qv: QuestionView) -> Markup:
    """The ballot form of one question (a template global, used by votes/_macros.html), rendered
    once per question, wording, language and the person's current choice, then kept (RenderMemo)."""
    if qv.ballot_inputs is None:
        return Markup(render_template("votes/_ballot.html", qv=qv))  # noqa: S704 - our autoescaped template
    memo: RenderMemo = current_app.extensions["ballot_forms"]
    inputs = (str(get_locale()), str(get_timezone()), qv.ballot_inputs)
    return Markup(memo.render(inputs, lambda: render_template("votes/_ballot.html", qv=qv)))  # noqa: S704


def _hint(question: Question) -> str | None:
    if question.kind == QuestionKind.MULTIPLE:
        return _("Choose at most %(num)d.", num=question.choice_limit())
    if question.kind == QuestionKind.RANKING:
        return _("Give every option a different rank: 1 is your first choice.")
    return None


def _unless_said(hint: str | None, help_text) -> str | None:
    """The kind's hint, unless the organiser's help text already says it (it is shown right before)."""
    if not hint or not help_text:
        return hint
    said = " ".join(str(help_text.text).split()).casefold()
    return None if " ".join(hint.split()).casefold() in said else hint


def voting_context(
    consultation, user, only_question_id: int | None = None, submitted: BallotForm | None = None
) -> dict:
    """Everything templates/votes/_questions.html needs (a fixed number of queries)."""
    lang = current_lang()
    questions = list(db.session.scalars(queries.questions_of(consultation.id)))
    block = voting_block_reason(user, consultation)
    mine: dict[int, dict[int, int | None]] = {}
    if getattr(user, "is_authenticated", False):
        for ballot in db.session.scalars(queries.ballots_of_user(consultation.id, user.id)):
            mine[ballot.question_id] = {choice.option_id: choice.rank for choice in ballot.choices}
    corrections = queries.wording_corrections(consultation.id) if questions else {}
    views = []
    for number, question in enumerate(questions, start=1):
        if only_question_id is not None and question.id != only_question_id:
            continue
        labels = {o.id: translated(o.label, lang) for o in question.options}
        current = mine.get(question.id, {})
        chosen = [
            ChosenOption(labels[oid], rank)
            for oid, rank in sorted(current.items(), key=lambda item: (item[1] or 0, item[0]))
            if oid in labels
        ]
        action = url_for("votes.vote", slug=consultation.slug, question_id=question.id)
        is_submitted = submitted is not None and submitted.question.id == question.id
        if block is None:
            form = submitted if is_submitted else ballot_form(question, lang, current)
        else:
            form = None
        views.append(
            QuestionView(
                question=question,
                number=number,
                prompt=translated(question.prompt, lang),
                help=translated(question.help, lang),
                kind_label=str(KIND_LABELS[question.kind]),
                hint=_unless_said(_hint(question), translated(question.help, lang)),
                form=form,
                action=action,
                chosen=chosen,
                corrected_at=corrections.get(question.id),
                ballot_inputs=None if is_submitted else _ballot_inputs(question, lang, action, current),
            )
        )
    show_results = can_see_results(user, consultation)
    results = question_results(questions, consultation, lang) if show_results and questions else []
    if only_question_id is not None:
        results = [r for r in results if r.question.id == only_question_id]
    return {
        "questions": views,
        "block_message": block,
        "signed_in": getattr(user, "is_authenticated", False),
        "results": results,
        "results_public": results_public(consultation),
        "results_url": url_for("votes.results", slug=consultation.slug),
        "can_manage": can_manage_questions(user, consultation),
        "manage_url": url_for("votes_manage.index", slug=consultation.slug),
        "login_url": url_for("accounts.login", next=url_for("consultations.detail", slug=consultation.slug)),
        "signup_url": url_for("accounts.signup"),
        "is_open": consultation.is_open(),
    }


def questions_section(consultation, user) -> Section | None:
    """The consultation page's questions block; none when there are no questions and nobody to add them."""
    context = voting_context(consultation, user)
    if not context["questions"] and not context["can_manage"]:
        return None
    return Section("votes/_section.html", context, anchor="questions", title=_("Questions"))
