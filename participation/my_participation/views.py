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


@dataclass(frozen=True)
class Receipt:
    """One of the person's ballots: the code itself is never stored, only its fingerprint, which
    the person can find in the consultation's list of counted ballots (the code was mailed to them)."""

    prompt: Translation
    fingerprint: str
    cast_at: datetime


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
    for consultation, registered, commented, voted in db.session.execute(participation_flags(current_user.id)):
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
            )
        )
    response = Response(render_template("my_participation/mine.html", items=items))
    response.headers["Cache-Control"] = "no-store"
    return response
