"""Demo questions (participation/demo/participation.py QUESTIONS) and a few demo ballots."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from participation.consultations.models import Consultation
from participation.extensions import db
from participation.votes.models import Ballot, BallotChoice, Option, Question, QuestionKind
from participation.votes.receipts import fingerprint, new_receipt_code
from participation.votes.scale import scale_labels

DEMO_VOTERS = ("resident", "resident2", "resident3", "resident4")


def _demo_choice(question: Question, voter_index: int) -> list[tuple[int, int | None]]:
    """A varied but fixed choice per demo resident, so results look plausible."""
    options = question.options
    n = len(options)
    if question.kind == QuestionKind.RANKING:
        order = options[voter_index % n :] + options[: voter_index % n]
        return [(option.id, rank) for rank, option in enumerate(order, start=1)]
    if question.kind == QuestionKind.MULTIPLE:
        limit = min(question.max_choices or n, 2)
        return [(options[(voter_index + k) % n].id, None) for k in range(limit)]
    return [(options[(voter_index * 2) % n].id, None)]


def seed_questions(accounts: dict) -> None:
    """Create the demo questions of existing consultations, then demo ballots (idempotent)."""
    from participation.demo.participation import QUESTIONS

    slugs = {q["consultation"] for q in QUESTIONS}
    consultations = {c.slug: c for c in db.session.scalars(sa.select(Consultation).where(Consultation.slug.in_(slugs)))}
    seeded_before = set(
        db.session.scalars(
            sa.select(Question.consultation_id).where(
                Question.consultation_id.in_([c.id for c in consultations.values()])
            )
        )
    )
    positions: dict[int, int] = {}
    for spec in QUESTIONS:
        consultation = consultations.get(spec["consultation"])
        if consultation is None or consultation.id in seeded_before:
            continue
        positions[consultation.id] = positions.get(consultation.id, 0) + 1
        kind = QuestionKind(spec["kind"])
        labels = scale_labels() if kind == QuestionKind.SCALE else spec["options"]
        question = Question(
            consultation_id=consultation.id,
            position=positions[consultation.id],
            kind=kind,
            max_choices=spec.get("max_choices"),
            prompt=dict(spec["prompt"]),
            help=dict(spec["help"]) if spec.get("help") else None,
        )
        question.options = [Option(position=i, label=dict(label)) for i, label in enumerate(labels, start=1)]
        db.session.add(question)
    db.session.flush()
    _seed_ballots(accounts, [c for c in consultations.values() if c.is_public() and c.opens_at])


def _seed_ballots(accounts: dict, consultations: list[Consultation]) -> None:
    """Demo residents vote in consultations that have opened (skipping what they already voted)."""
    from participation.core.db import utcnow

    now = utcnow()
    voters = [accounts[key] for key in DEMO_VOTERS if key in accounts]
    for consultation in consultations:
        if consultation.opens_at > now:
            continue
        was_open = consultation.is_open()
        questions = list(
            db.session.scalars(
                sa.select(Question).where(Question.consultation_id == consultation.id).order_by(Question.position)
            )
        )
        ballots = []
        for question in questions:
            already = set(db.session.scalars(sa.select(Ballot.user_id).where(Ballot.question_id == question.id)))
            for index, voter in enumerate(voters):
                # The first demo resident keeps open questions unanswered, to try voting in the demo.
                if voter.id in already or (index == 0 and was_open):
                    continue
                ballot = Ballot(
                    question_id=question.id,
                    user_id=voter.id,
                    receipt_fingerprint=fingerprint(new_receipt_code()),
                    created_at=now,
                    updated_at=now,
                )
                ballot.choices = [BallotChoice(option_id=oid, rank=rank) for oid, rank in _demo_choice(question, index)]
                ballots.append(ballot)
        if not ballots:
            continue
        closes_at = consultation.closes_at
        if not was_open:  # cast as if before closing: the database refuses ballots after closing
            consultation.closes_at = now + timedelta(minutes=5)
            db.session.flush()
        db.session.add_all(ballots)
        db.session.flush()
        if not was_open:
            consultation.closes_at = closes_at  # counted and stored at this flush (final_counts.py)
            db.session.flush()
    db.session.flush()
