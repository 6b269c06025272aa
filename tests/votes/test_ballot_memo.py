"""Each question's ballot form is rendered once per wording, language and choice, then kept
(votes/ballot_view.py ballot_html): the kept HTML must be what a fresh rendering gives, and must
never carry one person's token or choice to another."""

from __future__ import annotations

import re
from html import unescape

import pytest
import sqlalchemy as sa

from participation.extensions import db
from participation.votes.models import Question
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import TOKEN_RE, templates_rendered, text
from tests.votes.factories import ballots_of, make_question, option_ids

BALLOT = "votes/_ballot.html"


@pytest.fixture
def rendered_ballots(app):
    """How many times the template was rendered (not taken from the memo)."""
    with templates_rendered(app, BALLOT) as counts:
        yield counts


def _without_tokens(body: str) -> str:
    return re.sub(r'(name="form_started"[^>]*value=")[^"]*"', r'\1"', TOKEN_RE.sub("", body))


def _checked(body: str, option_id: int) -> bool:
    return bool(re.search(rf'value="{option_id}"[^>]*checked|checked[^>]*value="{option_id}"', body))


def test_a_second_view_takes_the_forms_from_the_memo(app, client, rendered_ballots):
    c = make_consultation(app)
    make_question(app, c)
    make_question(app, c, "multiple", max_choices=2)
    client.login(make_user(app).email, PASSWORD, lang="en")  # anonymous visitors get no form
    page = f"/en/consultations/{c.slug}"
    first = text(client.get(page))
    assert rendered_ballots["n"] == 2
    second = text(client.get(page))
    assert rendered_ballots["n"] == 2
    assert _without_tokens(first) == _without_tokens(second) and second.count('class="votes-ballot"') == 2


def test_each_person_gets_their_own_choice_and_token(app, client, other_client):
    c = make_consultation(app)
    q = make_question(app, c)
    first, second = option_ids(q)[:2]
    lotte, priya = make_user(app, name="Lotte"), make_user(app, name="Priya")
    client.login(lotte.email, PASSWORD, lang="en")
    other_client.login(priya.email, PASSWORD, lang="en")
    page, action = f"/en/consultations/{c.slug}", f"/en/consultations/{c.slug}/questions/{q.id}"

    for browser, choice in ((client, first), (other_client, second)):
        shown = text(browser.get(page))
        assert "Change my vote" not in shown and not _checked(shown, first) and 'value="hole' not in shown
        form = shown[shown.index(f'action="{action}"') :]
        token = unescape(TOKEN_RE.search(form).group(1))
        assert browser.post(action, data={"csrf_token": token, "option": str(choice)}).status_code == 303

    assert sorted(choices[0][0] for _, _, choices in ballots_of(app, q.id)) == sorted([first, second])
    lotte_sees, priya_sees = text(client.get(page)), text(other_client.get(page))
    assert "Change my vote" in lotte_sees and _checked(lotte_sees, first) and not _checked(lotte_sees, second)
    assert "Change my vote" in priya_sees and _checked(priya_sees, second) and not _checked(priya_sees, first)
    other_client.login(make_user(app).email, PASSWORD, lang="en")
    third = text(other_client.get(page))
    assert "Change my vote" not in third and not _checked(third, first) and not _checked(third, second)


def test_a_corrected_wording_and_another_language_render_afresh(app, client, rendered_ballots):
    c = make_consultation(app)
    q = make_question(app, c, prompt={"nl": "Welke haven?", "en": "Which port?", "fr": "Quel port ?"})
    client.login(make_user(app).email, PASSWORD, lang="en")
    assert "Which port?" in text(client.get(f"/en/consultations/{c.slug}"))
    assert "Quel port ?" in text(client.get(f"/fr/consultations/{c.slug}"))
    assert rendered_ballots["n"] == 2
    with app.app_context():
        db.session.execute(
            sa.update(Question).where(Question.id == q.id).values(prompt={"nl": "x", "en": "Which harbour?"})
        )
        db.session.commit()
    shown = text(client.get(f"/en/consultations/{c.slug}"))
    assert "Which harbour?" in shown and "Which port?" not in shown


def test_a_refused_ballot_shows_its_own_errors_not_a_kept_form(app, client):
    c = make_consultation(app)
    q = make_question(app, c, "multiple", max_choices=1)
    voter = make_user(app)
    client.login(voter.email, PASSWORD, lang="en")
    page, action = f"/en/consultations/{c.slug}", f"/en/consultations/{c.slug}/questions/{q.id}"
    client.get(page)  # the empty form is kept
    refused = client.submit(page, {"option": [str(o) for o in option_ids(q)[:2]]}, action=action)
    assert refused.status_code == 422
    body = text(refused)
    assert "Choose at most 1." in body and 'class="error-summary' in body
    assert _checked(body, option_ids(q)[0]) and _checked(body, option_ids(q)[1])  # what was typed stays
    assert 'class="error-summary' not in text(client.get(page))
