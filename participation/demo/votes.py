"""Demo questions (demo/content/questions.toml) and the demo residents' votes.

The organiser adds the questions and the residents vote through the services and their rules.
Votes need an open consultation: the consultations whose story has already closed stay open
until every feature's demo is in (demo/consultations.py closes them afterwards). The first
voter leaves the consultations that stay open unanswered, to try voting in the demo. Idempotent:
questions are only added to a consultation without any, nobody votes twice.
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.consultations.models import Consultation
from participation.demo.loader import load_consultations, load_questions, refused_by_the_rules
from participation.extensions import db
from participation.votes.models import Ballot, Question, QuestionKind
from participation.votes.services import BallotInput, QuestionInput, cast_ballot, create_question


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
    """Create the demo questions of existing consultations, then the demo ballots (idempotent)."""

    voter_keys, specs = load_questions()
    stories = {spec.slug: spec for spec in load_consultations()}
    slugs = {spec.consultation for spec in specs}
    consultations = {c.slug: c for c in db.session.scalars(sa.select(Consultation).where(Consultation.slug.in_(slugs)))}
    seeded_before = set(
        db.session.scalars(
            sa.select(Question.consultation_id).where(
                Question.consultation_id.in_([c.id for c in consultations.values()])
            )
        )
    )
    for spec in specs:
        consultation = consultations.get(spec.consultation)
        if consultation is None or consultation.id in seeded_before:
            continue
        organiser = accounts[stories[spec.consultation].organisers[0]]
        data = QuestionInput(
            kind=QuestionKind(spec.kind),
            max_choices=spec.max_choices,
            prompt=dict(spec.prompt),
            help=dict(spec.help) if spec.help else None,
            option_labels=[dict(option) for option in spec.options],
        )
        with refused_by_the_rules(spec):
            create_question(consultation, organiser, data)
    voters = [accounts[key] for key in voter_keys]
    for consultation in consultations.values():
        if consultation.is_open():
            stays_open = stories[consultation.slug].state == "open"
            _vote(consultation, voters[1:] if stays_open else voters, first_index=1 if stays_open else 0)
    db.session.flush()


def _vote(consultation: Consultation, voters: list, first_index: int) -> None:
    """Each voter answers every question they have not answered yet (a fixed choice per voter)."""

    questions = db.session.scalars(
        sa.select(Question).where(Question.consultation_id == consultation.id).order_by(Question.position)
    ).all()
    for question in questions:
        voted = set(db.session.scalars(sa.select(Ballot.user_id).where(Ballot.question_id == question.id)))
        for index, voter in enumerate(voters, start=first_index):
            if voter.id in voted:
                continue
            choice = _demo_choice(question, index)
            if question.kind == QuestionKind.RANKING:
                data = BallotInput(ranks=dict(choice))
            else:
                data = BallotInput(option_ids=[option_id for option_id, _rank in choice])
            cast_ballot(question, voter, data)
