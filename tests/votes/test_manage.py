"""Organisers shape the questions freely until someone votes; then only the wording may change."""

from __future__ import annotations

import sqlalchemy as sa

from participation.core.audit import AuditEntry
from participation.core.permissions import Role
from participation.extensions import db
from participation.votes.models import Question
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import text
from tests.votes.factories import bulk_ballots, make_question


def _questions(app, c):
    with app.app_context():
        rows = db.session.scalars(
            sa.select(Question).where(Question.consultation_id == c.id).order_by(Question.position, Question.id)
        ).all()
        return [(q.id, q.kind.value, q.max_choices, dict(q.prompt), [dict(o.label) for o in q.options]) for q in rows]


def _organiser(app, client):
    organiser = make_user(app, role=Role.ORGANISER, language="en")
    client.login(organiser.email, PASSWORD)
    return organiser


def test_create_a_multiple_choice_question_in_three_languages(app, client):
    c = make_consultation(app, organisers=[_organiser(app, client)])
    base = f"/en/organise/consultations/{c.slug}/questions"
    response = client.submit(
        f"{base}/new",
        {
            "kind": "multiple",
            "max_choices": "2",
            "prompt_nl": "Welke?",
            "prompt_en": "Which?",
            "options_nl": "Een\nTwee\nDrie",
            "options_en": "One\nTwo\nThree",
            "options_fr": "",
        },
    )
    assert response.status_code == 303
    [(_, kind, max_choices, prompt, labels)] = _questions(app, c)
    assert (kind, max_choices, prompt) == ("multiple", 2, {"nl": "Welke?", "en": "Which?"})
    assert labels == [{"nl": "Een", "en": "One"}, {"nl": "Twee", "en": "Two"}, {"nl": "Drie", "en": "Three"}]
    assert "Manage the questions of this consultation" in text(client.get(f"/en/consultations/{c.slug}"))


def test_bad_question_input_is_explained_and_kept(app, client):
    c = make_consultation(app, organisers=[_organiser(app, client)])
    base = f"/en/organise/consultations/{c.slug}/questions"
    response = client.submit(
        f"{base}/new",
        {"kind": "multiple", "max_choices": "5", "prompt_nl": "Welke?", "options_nl": "Een\nTwee", "options_en": "One"},
    )
    assert response.status_code == 422
    body = text(response)
    assert "Give as many lines as in Dutch" in body and "Welke?" in body
    response = client.submit(
        f"{base}/new", {"kind": "multiple", "max_choices": "5", "prompt_nl": "Welke?", "options_nl": "Een\nTwee"}
    )
    assert response.status_code == 422 and "a maximum between 1 and the number of options (2)" in text(response)
    assert _questions(app, c) == []


def test_order_and_delete_before_votes(app, client):
    c = make_consultation(app, organisers=[_organiser(app, client)])
    a, b = make_question(app, c), make_question(app, c, "scale")
    base = f"/en/organise/consultations/{c.slug}/questions"
    assert client.submit(f"{base}/", action=f"{base}/{b.id}/up").status_code == 303
    assert [q[0] for q in _questions(app, c)] == [b.id, a.id]
    assert client.submit(f"{base}/", action=f"{base}/{a.id}/delete").status_code == 303
    assert [q[0] for q in _questions(app, c)] == [b.id]


def test_after_votes_kind_maximum_and_number_of_options_are_fixed(app, client):
    c = make_consultation(app, organisers=[_organiser(app, client)])
    q = make_question(app, c, "multiple", options=3, max_choices=2)
    bulk_ballots(app, q, 2)
    base = f"/en/organise/consultations/{c.slug}/questions"
    edit = f"{base}/{q.id}/edit"
    form = {
        "kind": "multiple",
        "max_choices": "2",
        "prompt_nl": "Vraag multiple?",
        "prompt_en": "Question multiple?",
        "prompt_fr": "Question multiple ?",
        "options_nl": "Klimaat\nCultuur\nHaven",
        "options_en": "Climate\nCulture\nPort",
        "options_fr": "Climat\nCulture\nPort",
    }
    before = _questions(app, c)
    refused = client.submit(edit, {**form, "kind": "single", "max_choices": ""})
    assert refused.status_code == 409 and "the kind of question cannot change" in text(refused)
    refused = client.submit(
        edit, {**form, "options_nl": "Klimaat\nCultuur\nHaven\nTalent", "options_en": "", "options_fr": ""}
    )
    assert refused.status_code == 409 and "options cannot be added or removed" in text(refused)
    refused = client.submit(edit, {**form, "max_choices": "3"})
    assert refused.status_code == 409 and "the maximum number of choices cannot change" in text(refused)
    assert _questions(app, c) == before
    assert client.submit(edit, form).status_code == 303  # saving the same texts is fine
    deleted = client.submit(f"{base}/", action=f"{base}/{q.id}/delete", follow_redirects=True)
    assert "cannot be deleted" in text(deleted) and len(_questions(app, c)) == 1


def test_changing_the_kind_before_anyone_voted(app, client):
    c = make_consultation(app, organisers=[_organiser(app, client)])
    q = make_question(app, c, "single", options=3)
    edit = f"/en/organise/consultations/{c.slug}/questions/{q.id}/edit"
    form = {"prompt_nl": "Rangschik", "options_nl": "Klimaat\nCultuur\nHaven\nTalent"}
    assert client.submit(edit, {**form, "kind": "ranking"}).status_code == 303
    [(_, kind, max_choices, _, labels)] = _questions(app, c)
    assert (kind, max_choices, len(labels)) == ("ranking", None, 4)
    assert client.submit(edit, {**form, "kind": "multiple", "max_choices": "2"}).status_code == 303
    assert _questions(app, c)[0][1:3] == ("multiple", 2)
    assert client.submit(edit, {"kind": "scale", "prompt_nl": "Stelling"}).status_code == 303
    [(_, kind, _, prompt, labels)] = _questions(app, c)
    assert kind == "scale" and prompt == {"nl": "Stelling"}
    assert [label["en"] for label in labels] == [
        "Strongly agree",
        "Agree",
        "Neither agree nor disagree",
        "Disagree",
        "Strongly disagree",
    ]
    page = text(client.get(f"/en/consultations/{c.slug}/questions/{q.id}"))
    assert "Agree-disagree statement" in page and "Stelling" in page


# ------------------------------------------------ wording after votes: corrections only

WORDING = {
    "kind": "single",
    "prompt_nl": "Welke prioriteit kiest u?",
    "prompt_en": "Which priority do you choose?",
    "help_en": "Pick the one that matters most.",
    "options_nl": "Klimat\nCultuur\nHaven",
    "options_en": "Climate\nCulture\nPort",
}


def _voted_question(app, client, form=WORDING):
    """A question created through the form (typos included), then voted on."""
    c = make_consultation(app, organisers=[_organiser(app, client)])
    assert client.submit(f"/en/organise/consultations/{c.slug}/questions/new", form).status_code == 303
    [(question_id, *_)] = _questions(app, c)
    with app.app_context():
        question = db.session.get(Question, question_id)
        _ = list(question.options)
        db.session.expunge_all()
    bulk_ballots(app, question, 3)
    return c, question, f"/en/organise/consultations/{c.slug}/questions/{question_id}/edit"


def _refused(client, edit, data, message):
    response = client.submit(edit, data)
    body = text(response)
    assert response.status_code == 409, body[:500]
    assert message in body, body
    return body


def test_after_votes_typos_can_be_corrected_and_the_question_says_so(app, client):
    c, q, edit = _voted_question(app, client)
    fixed = {
        **WORDING,
        "prompt_en": "Which priority do you chose?",
        "options_nl": "Klimaat\nCultuur\nhaven",
        "help_en": "Pick the one that maters most.",
        "options_fr": "Climat\nCulture\nPort",
    }
    assert client.submit(edit, fixed).status_code == 303
    [(_, _, _, prompt, labels)] = _questions(app, c)
    assert prompt["en"] == "Which priority do you chose?"
    assert labels[0] == {"nl": "Klimaat", "en": "Climate", "fr": "Climat"}  # a missing translation may be added
    with app.app_context():
        [entry] = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "question.correct_wording"))
        assert entry.details["options"][0] == {"nl": "Klimat", "en": "Climate"}
        assert entry.details["prompt"]["en"] == "Which priority do you choose?"
    note = "The wording of this question was corrected after voting started"
    assert note in text(client.get(f"/en/consultations/{c.slug}/questions/{q.id}"))
    assert note in text(client.get(f"/en/consultations/{c.slug}"))
    with app.app_context():
        from participation.consultations.models import Consultation

        db.session.get(Consultation, c.id).results_visible_while_open = True
        db.session.commit()
    assert note in text(client.get(f"/en/consultations/{c.slug}/results"))


def test_an_unchanged_save_after_votes_is_not_a_correction(app, client):
    c, q, edit = _voted_question(app, client)
    assert client.submit(edit, WORDING).status_code == 303
    assert "corrected after voting started" not in text(client.get(f"/en/consultations/{c.slug}/questions/{q.id}"))


def test_after_votes_swapping_two_options_is_refused(app, client):
    c, _, edit = _voted_question(app, client)
    before = _questions(app, c)
    _refused(
        client,
        edit,
        {**WORDING, "options_nl": "Cultuur\nKlimat\nHaven"},
        "options cannot change places: option 1 would get the wording of option 2 (“Cultuur”)",
    )
    _refused(
        client,
        edit,
        {**WORDING, "options_en": "Climate\nPort\nCulture"},
        "option 2 would get the wording of option 3 (“Port”)",
    )
    assert _questions(app, c) == before


def test_after_votes_swapping_similar_labels_is_refused_although_each_looks_like_a_typo(app, client):
    form = {"kind": "single", "prompt_nl": "Welk scenario?", "options_nl": "Scenario A\nScenario B\nScenario C"}
    c, _, edit = _voted_question(app, client, form)
    _refused(
        client,
        edit,
        {**form, "options_nl": "Scenario B\nScenario A\nScenario C"},
        "option 1 would get the wording of option 2 (“Scenario B”)",
    )
    _refused(
        client,
        edit,
        {**form, "options_nl": "Scenario A\nScenario C\nScenario C"},
        "option 2 would get the wording of option 3 (“Scenario C”)",
    )
    assert _questions(app, c)[0][4] == [{"nl": "Scenario A"}, {"nl": "Scenario B"}, {"nl": "Scenario C"}]


def test_after_votes_reversing_or_rewriting_the_prompt_is_refused(app, client):
    c, _, edit = _voted_question(app, client)
    before = _questions(app, c)
    for new in (
        "Welke prioriteit kiest u niet?",
        "Welke prioriteit verwerpt u?",
        "Welke prioriteit kiest u als laatste?",
    ):
        _refused(
            client,
            edit,
            {**WORDING, "prompt_nl": new},
            f"its wording only takes small corrections (at most one letter per word, no words added or removed). "
            f"“Welke prioriteit kiest u?” cannot become “{new}”.",
        )
    _refused(
        client,
        edit,
        {**WORDING, "prompt_en": "Which priority do you reject?"},
        "“Which priority do you choose?” cannot become “Which priority do you reject?”",
    )
    _refused(
        client,
        edit,
        {**WORDING, "help_en": "Pick the one that matters least."},
        "“Pick the one that matters most.” cannot become “Pick the one that matters least.”",
    )
    assert _questions(app, c) == before


def test_after_votes_an_option_cannot_get_another_meaning(app, client):
    c, _, edit = _voted_question(app, client)
    body = _refused(
        client,
        edit,
        {**WORDING, "options_en": "Climate\nCulture\nSports"},
        "option 3 only takes small corrections (at most one letter per word, no words added or removed). "
        "“Port” cannot become “Sports”.",
    )
    assert 'id="options_en-error"' in body  # next to the field at fault
    _refused(
        client,
        edit,
        {**WORDING, "options_nl": "Klimat\nGeen cultuur\nHaven"},
        "“Cultuur” cannot become “Geen cultuur”.",
    )
    _refused(client, edit, {**WORDING, "options_nl": "Klimat\nCultuur\nOnthaven"}, "“Haven” cannot become “Onthaven”.")
    assert _questions(app, c)[0][4][2] == {"nl": "Haven", "en": "Port"}


def test_after_votes_a_translation_cannot_be_removed(app, client):
    c, _, edit = _voted_question(app, client)
    _refused(
        client,
        edit,
        {**WORDING, "prompt_en": ""},
        "so this translation cannot be removed: “Which priority do you choose?”. You can still correct it.",
    )
    _refused(
        client,
        edit,
        {**WORDING, "options_en": ""},
        "so the translation of option 1 cannot be removed: “Climate”. You can still correct it.",
    )


def test_small_corrections_cannot_add_up_to_a_new_wording(app, client):
    c, _, edit = _voted_question(app, client)
    assert client.submit(edit, {**WORDING, "prompt_en": "Which priority do you chose?"}).status_code == 303
    # One letter from the current text, two from what the first voters read.
    _refused(
        client,
        edit,
        {**WORDING, "prompt_en": "Which priority do you close?"},
        "“Which priority do you choose?” cannot become “Which priority do you close?”",
    )
    assert _questions(app, c)[0][3]["en"] == "Which priority do you chose?"


def test_the_edit_page_states_the_correction_rule_once_people_voted(app, client):
    _, _, edit = _voted_question(app, client)
    body = text(client.get(edit))
    assert "3 people have voted on this question: only small corrections of the wording are possible now." in body
    assert "every word may change by at most one letter" in body and "at least 80% the same" in body
