"""Organisers shape the questions freely until someone votes; then only the wording may change."""

from __future__ import annotations

import sqlalchemy as sa

from participation.core.permissions import Role
from participation.extensions import db
from participation.votes.models import Question
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import text
from tests.votes.factories import bulk_ballots, make_question


def _questions(app, c):
    with app.app_context():
        rows = db.session.scalars(sa.select(Question).where(Question.consultation_id == c.id)
                                  .order_by(Question.position, Question.id)).all()
        return [(q.id, q.kind.value, q.max_choices, dict(q.prompt), [dict(o.label) for o in q.options]) for q in rows]


def _organiser(app, client):
    organiser = make_user(app, role=Role.ORGANISER, language="en")
    client.login(organiser.email, PASSWORD)
    return organiser


def test_create_a_multiple_choice_question_in_three_languages(app, client):
    c = make_consultation(app, organisers=[_organiser(app, client)])
    base = f"/en/organise/consultations/{c.slug}/questions"
    response = client.submit(f"{base}/new", {
        "kind": "multiple", "max_choices": "2", "prompt_nl": "Welke?", "prompt_en": "Which?",
        "options_nl": "Een\nTwee\nDrie", "options_en": "One\nTwo\nThree", "options_fr": ""})
    assert response.status_code == 303
    [(_, kind, max_choices, prompt, labels)] = _questions(app, c)
    assert (kind, max_choices, prompt) == ("multiple", 2, {"nl": "Welke?", "en": "Which?"})
    assert labels == [{"nl": "Een", "en": "One"}, {"nl": "Twee", "en": "Two"}, {"nl": "Drie", "en": "Three"}]
    assert "Manage the questions of this consultation" in text(client.get(f"/en/consultations/{c.slug}"))


def test_bad_question_input_is_explained_and_kept(app, client):
    c = make_consultation(app, organisers=[_organiser(app, client)])
    base = f"/en/organise/consultations/{c.slug}/questions"
    response = client.submit(f"{base}/new", {"kind": "multiple", "max_choices": "5", "prompt_nl": "Welke?",
                                             "options_nl": "Een\nTwee", "options_en": "One"})
    assert response.status_code == 400
    body = text(response)
    assert "Give as many lines as in Dutch" in body and "Welke?" in body
    response = client.submit(f"{base}/new", {"kind": "multiple", "max_choices": "5", "prompt_nl": "Welke?",
                                             "options_nl": "Een\nTwee"})
    assert response.status_code == 400 and "a maximum between 1 and the number of options (2)" in text(response)
    assert _questions(app, c) == []


def test_order_and_delete_before_votes(app, client):
    c = make_consultation(app, organisers=[_organiser(app, client)])
    a, b = make_question(app, c), make_question(app, c, "scale")
    base = f"/en/organise/consultations/{c.slug}/questions"
    assert client.submit(f"{base}/", action=f"{base}/{b.id}/up").status_code == 303
    assert [q[0] for q in _questions(app, c)] == [b.id, a.id]
    assert client.submit(f"{base}/", action=f"{base}/{a.id}/delete").status_code == 303
    assert [q[0] for q in _questions(app, c)] == [b.id]


def test_after_votes_meaning_is_fixed_but_typos_can_be_fixed(app, client):
    c = make_consultation(app, organisers=[_organiser(app, client)])
    q = make_question(app, c, "multiple", options=3, max_choices=2)
    bulk_ballots(app, q, 2)
    base = f"/en/organise/consultations/{c.slug}/questions"
    edit = f"{base}/{q.id}/edit"
    form = {"kind": "multiple", "max_choices": "2", "prompt_nl": "Vraag?", "options_nl": "Klimaat\nCultuur\nHaven"}
    refused = client.submit(edit, {**form, "kind": "single", "max_choices": ""})
    assert refused.status_code == 409 and "the kind of question cannot change" in text(refused)
    refused = client.submit(edit, {**form, "options_nl": "Klimaat\nCultuur\nHaven\nTalent"})
    assert refused.status_code == 409 and "options cannot be added or removed" in text(refused)
    refused = client.submit(edit, {**form, "max_choices": "3"})
    assert refused.status_code == 409
    assert client.submit(edit, {**form, "options_nl": "Klimaat\nCultuur\nDe haven"}).status_code == 303
    assert _questions(app, c)[0][4][2] == {"nl": "De haven"}
    deleted = client.submit(f"{base}/", action=f"{base}/{q.id}/delete", follow_redirects=True)
    assert "cannot be deleted" in text(deleted) and len(_questions(app, c)) == 1
