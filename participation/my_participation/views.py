"""The person's own participation page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import Blueprint, Response, render_template
from flask_login import current_user, login_required

from participation.consultations.labels import STATUS_LABELS
from participation.consultations.models import Consultation, PublicStatus
from participation.core.i18n import current_lang
from participation.core.time import utcnow
from participation.core.translated import Translation, translated
from participation.extensions import db
from participation.my_participation.queries import participation_flags
from participation.statements import queries as statement_queries
from participation.statements.models import StatementState
from participation.votes.queries import own_ballots

bp = Blueprint("participation", __name__, url_prefix="/<lang>/account")


@dataclass(frozen=True)
class Participation:
    consultation: Consultation
    title: Translation
    status: PublicStatus
    status_label: str
    registered: bool
    commented: bool
    voted: bool
    feedback: Translation | None
    receipts: tuple[Receipt, ...] = ()
    statements: tuple[OwnStatement, ...] = ()
    statement_votes: int = 0


@dataclass(frozen=True)
class Receipt:
    """One of the person's ballots: the code itself is never stored, only its fingerprint, which
    the person can find in the consultation's list of counted ballots (the code was mailed to them)."""

    prompt: Translation
    fingerprint: str
    cast_at: datetime


@dataclass(frozen=True)
class OwnStatement:
    """A statement the person wrote, with its state (and, when hidden, whether they may still appeal)."""

    id: int
    text: Translation
    state: str
    may_appeal: bool


def _statements_by_consultation(user_id: int, lang: str) -> dict[int, list[OwnStatement]]:
    own = statement_queries.own_statements(user_id)
    appealed = statement_queries.appealed_statement_ids([s.id for s in own])
    by_consultation: dict[int, list[OwnStatement]] = {}
    for s in own:
        may_appeal = s.state == StatementState.HIDDEN and s.id not in appealed
        by_consultation.setdefault(s.consultation_id, []).append(
            OwnStatement(s.id, translated(s.text, lang), s.state.value, may_appeal)
        )
    return by_consultation


def _receipts_by_consultation(user_id: int, lang: str) -> dict[int, list[Receipt]]:
    receipts: dict[int, list[Receipt]] = {}
    for consultation_id, question, fp, cast_at in db.session.execute(own_ballots(user_id)):
        receipts.setdefault(consultation_id, []).append(Receipt(translated(question.prompt, lang), fp, cast_at))
    return receipts


@bp.get("/participation")
@login_required
def mine():
    """Every consultation the person took part in, with its status and, once published, the feedback."""
    lang = current_lang()
    now = utcnow()
    items = []
    receipts = _receipts_by_consultation(current_user.id, lang)
    statements = _statements_by_consultation(current_user.id, lang)
    statement_votes = statement_queries.own_vote_counts(current_user.id)
    rows = db.session.execute(participation_flags(current_user.id))
    for consultation, registered, commented, voted, _statements in rows:
        if not consultation.is_public():
            continue
        status = consultation.status(now)
        feedback = translated(consultation.feedback, lang) if status == PublicStatus.RESULTS else None
        items.append(
            Participation(
                consultation,
                translated(consultation.title, lang),
                status,
                str(STATUS_LABELS[status]),
                bool(registered),
                bool(commented),
                bool(voted),
                feedback if feedback else None,
                tuple(receipts.get(consultation.id, ())),
                tuple(statements.get(consultation.id, ())),
                statement_votes.get(consultation.id, 0),
            )
        )
    response = Response(render_template("my_participation/mine.html", items=items))
    response.headers["Cache-Control"] = "no-store"
    return response
