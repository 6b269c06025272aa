"""Organisers create, edit, publish, close and publish results; every change is in the history."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participation.consultations.models import Consultation, ConsultationState
from participation.core.permissions import Role
from participation.core.time import to_brussels, utcnow
from participation.extensions import db
from tests.consultations.factories import make_consultation, make_theme
from tests.factories import PASSWORD, get, make_user
from tests.support import text


def local(moment):
    return to_brussels(moment).strftime("%Y-%m-%dT%H:%M")


def editor_data(**overrides):
    now = utcnow()
    data = {
        "slug": "nieuwe-bevraging",
        "opens_at": local(now - timedelta(days=1)),
        "closes_at": local(now + timedelta(days=20)),
        "title_nl": "Nieuwe bevraging", "summary_nl": "Korte samenvatting.", "body_nl": "## Waarover\n\nTekst.",
        "title_en": "New consultation", "summary_en": "Short summary.", "body_en": "## About\n\nText.",
        "moderation_mode": "post", "comments_enabled": "y",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def organiser(app, client):
    user = make_user(app, role=Role.ORGANISER)
    client.login(user.email, PASSWORD)
    return user


def find(app, slug):
    with app.app_context():
        consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))
        if consultation is not None:
            db.session.refresh(consultation)
            db.session.expunge(consultation)
        return consultation


def test_organiser_creates_a_draft_in_dutch_and_english(app, client, organiser):
    theme = make_theme(app)
    response = client.submit("/nl/organise/new", editor_data(theme_ids=str(theme.id)))
    assert response.status_code == 303
    consultation = find(app, "nieuwe-bevraging")
    assert consultation.state == ConsultationState.DRAFT
    assert consultation.title == {"nl": "Nieuwe bevraging", "en": "New consultation"}
    page = text(client.get(response.headers["Location"]))
    assert "Nederlands – volledig" in page and "Français – onvolledig" in page
    assert "Aangemaakt" in page  # history
    assert "Nieuwe bevraging" in text(client.get("/nl/organise/"))
    assert client.get("/nl/consultations/nieuwe-bevraging").status_code == 200  # preview for its organiser


def test_dutch_is_required_and_input_is_kept(app, client, organiser):
    response = client.submit("/nl/organise/new", editor_data(title_nl=""))
    assert response.status_code == 422
    body = text(response)
    assert "Vul de Nederlandse tekst in: Nederlands is verplicht." in body
    assert "New consultation" in body and find(app, "nieuwe-bevraging") is None


@pytest.mark.parametrize(("overrides", "message"), [
    ({"closes_at": local(utcnow() - timedelta(days=5))}, "Het sluitingsmoment moet na het openingsmoment komen."),
    ({"slug": "Geen Geldige Slug!"}, "Gebruik alleen kleine letters, cijfers en koppeltekens"),
    ({"body_nl": "<script>alert(1)</script>"}, "Gebruik alleen Markdown"),
    ({"opens_at": "morgen"}, "Vul een datum en uur in"),
])
def test_editor_explains_what_is_wrong(app, client, organiser, overrides, message):
    response = client.submit("/nl/organise/new", editor_data(**overrides))
    assert response.status_code == 422
    assert message in text(response)
    assert find(app, "nieuwe-bevraging") is None


def test_web_address_must_be_unique(app, client, organiser):
    make_consultation(app, slug="bestaat-al")
    response = client.submit("/nl/organise/new", editor_data(slug="bestaat-al"))
    assert response.status_code == 422 and "gebruikt dit webadres al" in text(response)


def test_publish_close_and_publish_results(app, client, organiser):
    client.submit("/nl/organise/new", editor_data())
    consultation = find(app, "nieuwe-bevraging")
    edit = f"/nl/organise/{consultation.id}"
    assert client.submit(edit, action=f"{edit}/publish").status_code == 303
    assert find(app, "nieuwe-bevraging").state == ConsultationState.PUBLISHED
    assert "Nieuwe bevraging" in text(client.get("/nl/consultations/"))
    client.submit(edit, action=f"{edit}/close")
    assert find(app, "nieuwe-bevraging").has_closed()
    refused = client.submit(edit, action=f"{edit}/publish-results", follow_redirects=True)
    assert "Schrijf eerst de resultaten" in text(refused)
    assert find(app, "nieuwe-bevraging").state == ConsultationState.PUBLISHED
    data = editor_data(results_nl="Veel steun.", feedback_nl="De stad doet het.")
    data["opens_at"] = local(find(app, "nieuwe-bevraging").opens_at)
    data["closes_at"] = local(find(app, "nieuwe-bevraging").closes_at + timedelta(minutes=1))
    data["closes_at"] = local(utcnow() - timedelta(minutes=1))
    client.submit(edit, data)
    client.submit(edit, action=f"{edit}/publish-results")
    assert find(app, "nieuwe-bevraging").state == ConsultationState.RESULTS_PUBLISHED
    public = text(client.get("/nl/consultations/nieuwe-bevraging"))
    assert "Veel steun." in public and "De stad doet het." in public
    history = text(client.get(edit))
    for label in ("Gepubliceerd", "Afgesloten", "Resultaten gepubliceerd", "Bewerkt"):
        assert label in history


def test_future_opening_is_scheduled(app, client, organiser):
    client.submit("/nl/organise/new", editor_data(opens_at=local(utcnow() + timedelta(days=3)),
                                                  closes_at=local(utcnow() + timedelta(days=30))))
    consultation = find(app, "nieuwe-bevraging")
    client.submit(f"/nl/organise/{consultation.id}", action=f"/nl/organise/{consultation.id}/publish")
    assert find(app, "nieuwe-bevraging").status().value == "upcoming"
    assert "Gepland" in text(client.get(f"/nl/organise/{consultation.id}"))


def test_phases_and_organisers(app, client, organiser):
    colleague = make_user(app, role=Role.ORGANISER, name="Collega")
    client.submit("/nl/organise/new", editor_data())
    consultation = find(app, "nieuwe-bevraging")
    edit = f"/nl/organise/{consultation.id}"
    now = utcnow()
    client.submit(edit, {"name_nl": "Infoavond", "starts_at": local(now), "ends_at": local(now + timedelta(hours=2))},
                  action=f"{edit}/phases")
    assert "Infoavond" in text(client.get("/nl/consultations/nieuwe-bevraging"))
    client.submit(edit, {"organiser_ids": [str(organiser.id), str(colleague.id)]}, action=f"{edit}/organisers")
    client.logout()
    client.login(colleague.email, PASSWORD)
    assert client.get(edit).status_code == 200


ROLES = ["anonymous", "resident", "moderator", "other_organiser", "organiser", "admin"]


@pytest.mark.parametrize("role", ROLES)
def test_back_office_answers_each_role(app, client, role):
    owner = make_user(app, role=Role.ORGANISER)
    consultation = make_consultation(app, status="draft", organisers=[owner])
    if role != "anonymous":
        user = owner if role == "organiser" else make_user(app, role={
            "resident": Role.RESIDENT, "moderator": Role.MODERATOR, "other_organiser": Role.ORGANISER,
            "admin": Role.ADMIN}[role])
        client.login(user.email, PASSWORD)
    pages = {"/nl/organise/": None, "/nl/organise/new": None, f"/nl/organise/{consultation.id}": "object"}
    for url, kind in pages.items():
        expected = {"anonymous": 302, "resident": 403, "moderator": 403}.get(role)
        if expected is None:
            expected = 404 if (kind == "object" and role == "other_organiser") else 200
        assert client.get(url).status_code == expected, (url, role)
    if role in ("resident", "moderator", "other_organiser", "anonymous"):
        token = client.token_from("/nl/account/login")
        response = client.post(f"/nl/organise/{consultation.id}/publish", data={"csrf_token": token})
        assert response.status_code in (302, 403, 404)
        assert get(app, Consultation, consultation.id).state == ConsultationState.DRAFT


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(
    st.sampled_from(["slug", "opens_at", "closes_at", "title_nl", "summary_nl", "body_nl", "title_fr",
                     "moderation_mode", "theme_ids", "network_ids", "results_nl"]),
    st.text(max_size=40), max_size=11))
def test_editor_never_fails_with_a_server_error(app, client, organiser, data):
    response = client.submit("/nl/organise/new", data)
    assert response.status_code in (303, 422), response.status_code
