"""Walk every answer of the API over the demo content: no e-mail address, no draft, anywhere."""

from __future__ import annotations

import json
import re

import sqlalchemy as sa

from participation.comments.models import CommentState, HideReason
from participation.consultations.models import Consultation, ConsultationState
from participation.demo.seed import seed_demo
from participation.events.models import Registration, RegistrationStatus
from participation.extensions import db
from tests.comments.factories import make_comment
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.factories import make_user
from tests.votes.factories import make_question

BASE = "http://participatie.test"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
START = [
    "/api/v1/consultations",
    "/api/v1/consultations?status=open",
    "/api/v1/consultations?status=results",
    "/api/v1/events",
    "/api/v1/events?when=past",
    "/api/v1/themes",
    "/api/v1/networks",
    "/api/v1/transparency",
    "/api/v1/openapi.json",
]


def _links(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _links(item)
    elif isinstance(value, list):
        for item in value:
            yield from _links(item)
    elif isinstance(value, str) and value.startswith(BASE + "/api/"):
        yield value.removeprefix(BASE)


def _kind(url: str) -> str:
    """/api/v1/events/12?lang=en -> /api/v1/events/n; a consultation's slug -> x."""
    path = url.split("?", 1)[0]
    path = re.sub(r"/events/\d+$", "/events/n", path)
    return re.sub(r"/consultations/[^/]+", "/consultations/x", path)


def test_no_answer_holds_an_email_address_or_a_draft(app, client):
    with app.app_context():
        seed_demo()
    resident = make_user(app, email="named.resident@private.example", name="Resident Who Must Not Appear")
    # Content beside the demo's: a comment with its author, a hidden one, registrations with addresses.
    public = make_consultation(app, slug="public-one")
    make_comment(app, public, resident, body="A comment by a named resident")
    make_comment(
        app, public, resident, body="A hidden comment", state=CommentState.HIDDEN, hidden_reason=HideReason.OFF_TOPIC
    )
    event = make_event(app, consultation=public, capacity=1)
    with app.app_context():
        for i, status in enumerate((RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING), start=1):
            db.session.add(
                Registration(
                    event_id=event.id,
                    name=f"Registered Person {i}",
                    email=f"registered{i}@private.example",
                    status=status,
                    sequence=i,
                )
            )
        db.session.commit()
    draft = make_consultation(
        app, status="draft", slug="secret-draft", title={"nl": "Geheim ontwerpplan", "en": "Secret draft plan"}
    )
    make_event(app, consultation=draft, title={"nl": "Geheime avond van het ontwerp"})
    make_question(app, draft, prompt={"nl": "Geheime vraag van het ontwerp?"})
    with app.app_context():
        drafts = db.session.scalars(sa.select(Consultation).where(Consultation.state == ConsultationState.DRAFT))
        secrets = {text for c in drafts for text in c.title.values() if text}
    secrets |= {"Geheime avond van het ontwerp", "Geheime vraag van het ontwerp?", "secret-draft"}
    # Residents' names and words: comments are not in this version of the API at all.
    secrets |= {
        "Resident Who Must Not Appear",
        "Registered Person",
        "A comment by a named resident",
        "A hidden comment",
    }
    assert secrets

    seen, queue, answers = set(), list(START), 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.get_data(as_text=True)
        answers += 1
        found = EMAIL.search(text)
        assert found is None, f"{url} holds an e-mail address: {found.group(0)}"
        for secret in secrets:
            assert secret not in text, f"{url} shows the draft's {secret!r}"
        if "openapi" not in url:
            queue.extend(link for link in _links(json.loads(text)) if link not in seen)
        assert len(seen) < 2000
    # Every kind of answer was reached: lists, consultations, their questions and moderation, events.
    kinds = {_kind(url) for url in seen}
    assert {
        "/api/v1/consultations/x",
        "/api/v1/consultations/x/questions",
        "/api/v1/consultations/x/moderation",
        "/api/v1/events/n",
    } <= kinds, kinds
    assert answers > 10
