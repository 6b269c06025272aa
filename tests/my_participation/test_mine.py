"""'My participation' lists where the person took part, with status and feedback; participants are
mailed, in their language, when the results and feedback are published."""

from __future__ import annotations

from datetime import timedelta

from participation.accounts.models import User
from participation.consultations.models import Consultation
from participation.consultations.services import publish_results
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db
from tests.comments.factories import make_comment
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import outbox, text
from tests.votes.factories import make_question, option_ids


def _vote(client, c, q):
    return client.submit(
        f"/nl/consultations/{c.slug}",
        {"option": str(option_ids(q)[0])},
        action=f"/nl/consultations/{c.slug}/questions/{q.id}",
    )


def test_my_participation_lists_votes_and_comments_with_status_and_feedback(app, client):
    user = make_user(app, language="en")
    voted = make_consultation(app, title={"nl": "Gestemd", "en": "Voted here"})
    q = make_question(app, voted)
    done = make_consultation(
        app,
        status="results",
        title={"nl": "Klaar", "en": "Finished"},
        results={"nl": "Resultaat"},
        feedback={"nl": "Wat de stad deed", "en": "What the city did"},
    )
    make_consultation(app, title={"nl": "Niet", "en": "Not mine"})
    make_comment(app, done, user)
    client.login(user.email, PASSWORD)
    assert _vote(client, voted, q).status_code == 303
    response = client.get("/en/account/participation")
    body = text(response)
    assert response.headers["Cache-Control"] == "no-store"
    assert "Voted here" in body and "Finished" in body and "Not mine" not in body
    assert "voting" in body and "commenting" in body
    assert "What the city did" in body and "Status: Results published" in body


def test_my_participation_needs_an_account(app, client):
    assert client.get("/nl/account/participation").status_code == 302


def test_publishing_results_mails_every_participant_in_their_language(app, client, other_client):
    organiser = make_user(app, role=Role.ORGANISER)
    c = make_consultation(
        app,
        organisers=[organiser],
        title={"nl": "Havenplan", "en": "Port plan", "fr": "Plan du port"},
        results={"nl": "R"},
        feedback={"nl": "F"},
    )
    q = make_question(app, c)
    french = make_user(app, language="fr")
    english = make_user(app, language="en")
    bystander = make_user(app)
    client.login(french.email, PASSWORD)
    _vote(client, c, q)
    make_comment(app, c, english)
    with app.test_request_context("/nl/"):
        consultation = db.session.get(Consultation, c.id)
        consultation.opens_at, consultation.closes_at = utcnow() - timedelta(days=9), utcnow() - timedelta(days=1)
        publish_results(db.session.get(User, organiser.id), consultation)
        db.session.commit()
    [fr_mail] = outbox(app, french.email, "results_published")
    assert "Plan du port" in fr_mail.subject and fr_mail.lang == "fr"
    assert "/fr/consultations/" in fr_mail.body_text
    [en_mail] = outbox(app, english.email, "results_published")
    assert en_mail.subject == "Results published: Port plan"
    assert outbox(app, bystander.email, "results_published") == []
