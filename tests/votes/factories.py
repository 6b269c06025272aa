"""Votes factories: questions with options, ballots cast through the service or bulk-inserted."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from participation.core.time import utcnow
from participation.extensions import db
from participation.votes.models import Ballot, BallotChoice, Option, Question, QuestionKind
from participation.votes.receipts import fingerprint, new_receipt_code
from participation.votes.scale import scale_labels
from tests.factories import detach

LABELS = [
    {"nl": "Klimaat", "en": "Climate", "fr": "Climat"},
    {"nl": "Cultuur", "en": "Culture", "fr": "Culture"},
    {"nl": "Haven", "en": "Port", "fr": "Port"},
    {"nl": "Talent", "en": "Talent", "fr": "Talent"},
]


def make_question(
    app, consultation, kind="single", *, options=3, max_choices=None, position=None, prompt=None, labels=None, help=None
):
    kind = QuestionKind(kind)
    with app.app_context():
        if position is None:
            position = (
                db.session.scalar(
                    sa.select(sa.func.max(Question.position)).where(Question.consultation_id == consultation.id)
                )
                or 0
            ) + 1
        question = Question(
            consultation_id=consultation.id,
            position=position,
            kind=kind,
            max_choices=max_choices if kind == QuestionKind.MULTIPLE else None,
            prompt=prompt
            or {"nl": f"Vraag {kind.value}?", "en": f"Question {kind.value}?", "fr": f"Question {kind.value} ?"},
            help=help,
        )
        if kind == QuestionKind.SCALE:
            labels = scale_labels()
        elif labels is None:
            labels = LABELS[:options]
        question.options = [Option(position=i, label=dict(label)) for i, label in enumerate(labels, start=1)]
        db.session.add(question)
        db.session.commit()
        db.session.refresh(question)
        _ = list(question.options)
        db.session.expunge_all()
        return question


def option_ids(question) -> list[int]:
    return [o.id for o in question.options]


def bulk_ballots(app, question, n: int, first_user_id=None) -> None:
    """n anonymous (unlinked) ballots choosing options in turn; ranking ballots rank all options.

    In a consultation that has closed they are cast as if before closing: the database refuses
    ballots after closing, so its closing moment moves a minute ahead meanwhile (Core statements:
    no stored counts are touched; read the results only afterwards).
    """
    from participation.consultations.models import Consultation

    ids = option_ids(question)
    with app.app_context():
        now = utcnow()
        consultation_id = db.session.scalar(sa.select(Question.consultation_id).where(Question.id == question.id))
        closes_at = db.session.scalar(sa.select(Consultation.closes_at).where(Consultation.id == consultation_id))
        if closes_at <= now:
            db.session.execute(
                sa.update(Consultation)
                .where(Consultation.id == consultation_id)
                .values(closes_at=now + timedelta(minutes=1))
            )
        start = db.session.scalar(sa.select(sa.func.coalesce(sa.func.max(Ballot.id), 0)))
        ballots = [
            {
                "id": start + i + 1,
                "question_id": question.id,
                "user_id": None,
                "receipt_fingerprint": fingerprint(f"bulk-{question.id}-{start + i}"),
                "created_at": now,
                "updated_at": now,
            }
            for i in range(n)
        ]
        db.session.execute(sa.insert(Ballot), ballots)
        choices = []
        for i in range(n):
            ballot_id = start + i + 1
            if question.kind == QuestionKind.RANKING:
                k = i % len(ids)
                order = ids[k:] + ids[:k]
                choices.extend(
                    {"ballot_id": ballot_id, "option_id": oid, "rank": r} for r, oid in enumerate(order, start=1)
                )
            else:
                choices.append({"ballot_id": ballot_id, "option_id": ids[i % len(ids)], "rank": None})
        db.session.execute(sa.insert(BallotChoice), choices)
        if closes_at <= now:
            db.session.execute(
                sa.update(Consultation).where(Consultation.id == consultation_id).values(closes_at=closes_at)
            )
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            db.session.execute(sa.text("SELECT setval('ballots_id_seq', (SELECT max(id) FROM ballots))"))
            db.session.commit()


def ballots_of(app, question_id):
    with app.app_context():
        rows = db.session.scalars(sa.select(Ballot).where(Ballot.question_id == question_id).order_by(Ballot.id)).all()
        result = []
        for ballot in rows:
            result.append(
                (ballot.user_id, ballot.receipt_fingerprint, sorted((c.option_id, c.rank) for c in ballot.choices))
            )
        return result


__all__ = ["make_question", "option_ids", "bulk_ballots", "ballots_of", "new_receipt_code", "detach"]
