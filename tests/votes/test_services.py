"""Voting rules: who may vote, what a valid choice is, one ballot per person, erasure."""

from __future__ import annotations

from datetime import timedelta

import pytest

from participation.accounts.models import User
from participation.core.errors import Conflict, NotAllowed, UserError
from participation.core.time import utcnow
from participation.extensions import db
from participation.votes import services
from participation.votes.gdpr import erase_vote_data, export_vote_data
from participation.votes.models import Question
from participation.votes.receipts import fingerprint, normalise
from participation.votes.services import BallotInput
from tests.consultations.factories import make_consultation
from tests.factories import make_user, suspend
from tests.votes.factories import ballots_of, make_question, option_ids


def cast(app, question, user, **data):
    with app.test_request_context("/en/"):
        q = db.session.get(Question, question.id)
        u = db.session.get(User, user.id)
        result = services.cast_ballot(q, u, BallotInput(**data))
        db.session.commit()
        return result.receipt_code, result.changed


def refused(app, question, user, **data):
    with app.test_request_context("/en/"):
        q = db.session.get(Question, question.id)
        u = db.session.get(User, user.id)
        with pytest.raises(UserError) as info:
            services.cast_ballot(q, u, BallotInput(**data))
        db.session.rollback()
        return info.value


def test_a_vote_is_stored_with_a_receipt_fingerprint(app):
    user = make_user(app)
    question = make_question(app, make_consultation(app))
    code, changed = cast(app, question, user, option_ids=[option_ids(question)[1]])
    assert not changed
    assert normalise(code.lower().replace("-", " ")) == code
    [(user_id, fp, choices)] = ballots_of(app, question.id)
    assert user_id == user.id and fp == fingerprint(code)
    assert choices == [(option_ids(question)[1], None)]


def test_changing_a_vote_keeps_one_ballot_and_issues_a_new_receipt(app):
    user = make_user(app)
    question = make_question(app, make_consultation(app))
    first, _ = cast(app, question, user, option_ids=[option_ids(question)[0]])
    second, changed = cast(app, question, user, option_ids=[option_ids(question)[2]])
    assert changed and first != second
    [(_, fp, choices)] = ballots_of(app, question.id)
    assert fp == fingerprint(second)
    assert choices == [(option_ids(question)[2], None)]


def test_multiple_choice_refuses_too_many_options_and_says_so(app):
    user = make_user(app)
    question = make_question(app, make_consultation(app), "multiple", options=4, max_choices=2)
    error = refused(app, question, user, option_ids=option_ids(question)[:3])
    assert error.field == "option" and "at most 2" in error.message
    cast(app, question, user, option_ids=option_ids(question)[:2])
    assert len(ballots_of(app, question.id)[0][2]) == 2


def test_ranking_needs_every_rank_once(app):
    user = make_user(app)
    question = make_question(app, make_consultation(app), "ranking", options=3)
    a, b, c = option_ids(question)
    missing = refused(app, question, user, ranks={a: 1, b: 2, c: None})
    assert missing.field == f"rank_{c}" and "rank" in missing.message
    duplicate = refused(app, question, user, ranks={a: 1, b: 1, c: 2})
    assert duplicate.field == f"rank_{b}" and "more than one option" in duplicate.message
    out_of_range = refused(app, question, user, ranks={a: 1, b: 2, c: 7})
    assert "from 1 to 3" in out_of_range.message
    cast(app, question, user, ranks={a: 2, b: 3, c: 1})
    assert ballots_of(app, question.id)[0][2] == sorted([(a, 2), (b, 3), (c, 1)])
    assert ballots_of(app, question.id) and refused(app, question, user, ranks={}).field is not None


def test_an_option_of_another_question_is_refused(app):
    user = make_user(app)
    consultation = make_consultation(app)
    question, other = make_question(app, consultation), make_question(app, consultation)
    error = refused(app, question, user, option_ids=[option_ids(other)[0]])
    assert "not one of the options" in error.message
    assert ballots_of(app, question.id) == []


def test_scale_questions_get_five_translated_answers(app):
    question = make_question(app, make_consultation(app), "scale")
    assert len(question.options) == 5
    assert question.options[0].label == {"nl": "Helemaal akkoord", "en": "Strongly agree", "fr": "Tout à fait d'accord"}


@pytest.mark.parametrize("status", ["closed", "upcoming", "draft", "results"])
def test_no_vote_outside_the_open_period(app, status):
    user = make_user(app)
    question = make_question(app, make_consultation(app, status=status))
    error = refused(app, question, user, option_ids=[option_ids(question)[0]])
    assert isinstance(error, Conflict)
    assert ballots_of(app, question.id) == []


def test_unverified_and_suspended_people_cannot_vote(app):
    question = make_question(app, make_consultation(app))
    unverified = make_user(app, verified=False)
    assert isinstance(refused(app, question, unverified, option_ids=[option_ids(question)[0]]), NotAllowed)
    suspended = make_user(app)
    suspend(app, suspended)
    error = refused(app, question, suspended, option_ids=[option_ids(question)[0]])
    assert isinstance(error, NotAllowed) and "suspended" in error.message
    assert ballots_of(app, question.id) == []


def test_erasure_deletes_open_ballots_and_unlinks_closed_ones(app):
    user = make_user(app)
    open_question = make_question(app, make_consultation(app))
    closed = make_consultation(app)
    closed_question = make_question(app, closed)
    cast(app, open_question, user, option_ids=[option_ids(open_question)[0]])
    cast(app, closed_question, user, option_ids=[option_ids(closed_question)[0]])
    with app.app_context():
        from participation.consultations.models import Consultation

        c = db.session.get(Consultation, closed.id)
        c.opens_at, c.closes_at = utcnow() - timedelta(days=10), utcnow() - timedelta(days=1)
        db.session.commit()
        exported = export_vote_data(db.session.get(User, user.id))
        assert len(exported["ballots"]) == 2
        erase_vote_data(db.session.get(User, user.id))
        db.session.delete(db.session.get(User, user.id))
        db.session.commit()
    assert ballots_of(app, open_question.id) == []
    [(user_id, _, choices)] = ballots_of(app, closed_question.id)
    assert user_id is None and len(choices) == 1
