"""Organisers create, edit, publish, close and publish results; every change is in the history."""

from __future__ import annotations

import itertools
from datetime import timedelta
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from participation.consultations.models import Consultation, ConsultationState
from participation.core.permissions import Role
from participation.core.time import to_brussels, utcnow
from participation.extensions import db
from tests.consultations.factories import make_consultation, make_theme
from tests.factories import PASSWORD, make_user
from tests.support import text


def local(moment):
    return to_brussels(moment).strftime("%Y-%m-%dT%H:%M")


def editor_data(**overrides):
    now = utcnow()
    data = {
        "slug": "nieuwe-bevraging",
        "opens_at": local(now - timedelta(days=1)),
        "closes_at": local(now + timedelta(days=20)),
        "title_nl": "Nieuwe bevraging",
        "summary_nl": "Korte samenvatting.",
        "body_nl": "## Waarover\n\nTekst.",
        "title_en": "New consultation",
        "summary_en": "Short summary.",
        "body_en": "## About\n\nText.",
        "moderation_mode": "post",
        "comments_enabled": "y",
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


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"closes_at": local(utcnow() - timedelta(days=5))}, "Het sluitingsmoment moet na het openingsmoment komen."),
        ({"slug": "Geen Geldige Slug!"}, "Gebruik alleen kleine letters, cijfers en koppeltekens"),
        ({"body_nl": "<script>alert(1)</script>"}, "Gebruik alleen Markdown"),
        ({"opens_at": "morgen"}, "Vul een datum en uur in"),
    ],
)
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
    client.submit(edit, {"confirmed": "1"}, action=f"{edit}/close")
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
    client.submit(
        "/nl/organise/new",
        editor_data(opens_at=local(utcnow() + timedelta(days=3)), closes_at=local(utcnow() + timedelta(days=30))),
    )
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
    client.submit(
        edit,
        {"name_nl": "Infoavond", "starts_at": local(now), "ends_at": local(now + timedelta(hours=2))},
        action=f"{edit}/phases",
    )
    assert "Infoavond" in text(client.get("/nl/consultations/nieuwe-bevraging"))
    client.submit(edit, {"organiser_ids": [str(organiser.id), str(colleague.id)]}, action=f"{edit}/organisers")
    client.logout()
    client.login(colleague.email, PASSWORD)
    assert client.get(edit).status_code == 200


def test_organiser_list_shows_only_their_consultations_and_admins_see_all(app, client):
    mine_owner = make_user(app, role=Role.ORGANISER)
    colleague = make_user(app, role=Role.ORGANISER)
    make_consultation(app, title={"nl": "Mijn bevraging"}, organisers=[mine_owner])
    make_consultation(app, status="draft", title={"nl": "Andermans ontwerp"}, organisers=[colleague])
    make_consultation(app, title={"nl": "Gedeelde bevraging"}, organisers=[mine_owner, colleague])
    client.login(mine_owner.email, PASSWORD)
    listing = text(client.get("/nl/organise/"))
    assert "Mijn bevraging" in listing and "Gedeelde bevraging" in listing
    assert "Andermans ontwerp" not in listing
    client.logout()
    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD)
    listing = text(client.get("/nl/organise/"))
    assert all(title in listing for title in ("Mijn bevraging", "Andermans ontwerp", "Gedeelde bevraging"))


# ------------------------------------------------------------------ what may change after publishing


@pytest.fixture
def run(app, client, organiser):
    """Make a consultation this organiser runs; return it with its editor's address."""

    def _run(status, **fields):
        consultation = make_consultation(app, status=status, organisers=[organiser], **fields)
        return consultation, f"/en/organise/{consultation.id}"

    return _run


def form_of(consultation, **overrides):
    fields = {
        "slug": consultation.slug,
        "opens_at": local(consultation.opens_at),
        "closes_at": local(consultation.closes_at),
        **overrides,
    }
    return editor_data(**fields)


def test_web_address_is_locked_once_published(app, client, run):
    consultation, edit = run("open", slug="vaste-plek")
    page = text(client.get(edit))
    assert 'name="slug" readonly' in page or ('id="slug"' in page and "readonly" in page.split('id="slug"')[1][:200])
    assert "The web address is fixed now that the consultation is published" in page
    response = client.submit(edit, form_of(consultation, slug="nieuwe-plek"))
    assert response.status_code == 422
    assert "The web address cannot change once the consultation is published" in text(response)
    assert find(app, "vaste-plek") is not None and find(app, "nieuwe-plek") is None


def test_web_address_of_a_draft_can_still_change(app, client, run):
    consultation, edit = run("draft", slug="werktitel")
    assert client.submit(edit, form_of(consultation, slug="definitieve-titel")).status_code == 303
    assert find(app, "definitieve-titel") is not None


def test_dates_are_locked_once_results_are_published(app, client, run):
    consultation, edit = run("results", slug="met-resultaten", results={"nl": "R"}, feedback={"nl": "F"})
    for field, moved in (
        ("opens_at", consultation.opens_at - timedelta(days=3)),
        ("closes_at", consultation.closes_at - timedelta(days=1)),
    ):
        response = client.submit(edit, form_of(consultation, **{field: local(moved)}))
        assert response.status_code == 422
        assert "The dates cannot change once the results are published." in text(response)
    assert find(app, "met-resultaten").closes_at == consultation.closes_at
    # Texts can still be corrected.
    assert client.submit(edit, form_of(consultation, title_en="Corrected title")).status_code == 303


def test_closed_consultation_cannot_be_reopened_by_moving_its_closing_moment(app, client, run):
    consultation, edit = run("closed", slug="gesloten")
    response = client.submit(edit, form_of(consultation, closes_at=local(utcnow() + timedelta(days=7))))
    assert response.status_code == 422
    assert "A closed consultation cannot be opened again" in text(response)
    assert find(app, "gesloten").has_closed()
    earlier = consultation.closes_at - timedelta(days=1)
    assert client.submit(edit, form_of(consultation, closes_at=local(earlier))).status_code == 303
    assert find(app, "gesloten").has_closed()


def test_saving_a_closed_consultation_keeps_its_exact_closing_moment(app, client, run):
    """The editor shows minutes; the seconds of 'close now' must not count as a change."""
    consultation, edit = run("open", slug="net-gesloten")
    client.submit(edit, {"confirmed": "1"}, action=f"{edit}/close")
    closed = find(app, "net-gesloten")
    assert client.submit(edit, form_of(closed, results_nl="Veel steun.")).status_code == 303
    assert find(app, "net-gesloten").closes_at == closed.closes_at


def test_completeness_counts_results_and_feedback_once_closed(app, client, run):
    texts = {"title": {"nl": "T", "en": "T"}, "summary": {"nl": "S", "en": "S"}, "body": {"nl": "B", "en": "B"}}
    _open, open_edit = run("open", **texts)
    assert "English – complete" in text(client.get(open_edit))
    closed, closed_edit = run("closed", results={"nl": "R", "en": "R"}, feedback={"nl": "F"}, **texts)
    page = text(client.get(closed_edit))
    assert "Nederlands – complete" in page and "English – incomplete" in page


@pytest.mark.parametrize("route", ["create", "edit"])
def test_web_address_saved_by_someone_else_at_the_same_moment_is_a_field_error(
    app, client, organiser, run, monkeypatch, route
):
    """The check before saving cannot see a concurrent save; the unique constraint can."""
    from participation.consultations import services

    make_consultation(app, slug="net-bezet")
    draft, edit = run("draft")
    monkeypatch.setattr(services, "_check_schedule", lambda *args: None)  # the other save came just after it
    url = "/nl/organise/new" if route == "create" else edit.replace("/en/", "/nl/")
    response = client.submit(url, form_of(draft, slug="net-bezet"))
    assert response.status_code == 422
    body = text(response)
    assert "Een andere bevraging gebruikt dit webadres al." in body and 'id="slug-error"' in body
    assert find(app, draft.slug) is not None


# ------------------------------------------------------------------------------ fuzzing the editor

_serial = itertools.count(1)

NASTY_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=40),  # any code point, surrogates too
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "titel\x00",
            "\ud800",
            "a\udfffb",
            "<script>alert(1)</script>",
            "# H1",
            "| a | b |\n|---|---|",
            "javascript:alert(1)",
            "-1",
            "0",
            "999999999999999999999",
        ]
    ),
    st.integers(min_value=2_000, max_value=200_000).map(lambda n: "x" * n),
    st.integers(min_value=1_000, max_value=60_000).map(lambda n: "é" * n),
)
DATES = st.one_of(
    st.datetimes().map(lambda moment: moment.isoformat()[:16]),
    st.datetimes().map(lambda moment: moment.strftime("%Y-%m-%dT%H:%M")),
    st.datetimes().map(lambda moment: moment.isoformat()),
    NASTY_TEXT,
)
CHOICES = st.one_of(st.integers(min_value=-(2**70), max_value=2**70).map(str), NASTY_TEXT)


def field_value(name: str):
    if name.endswith("_at"):
        return DATES
    if name in ("theme_ids", "network_ids", "moderation_mode", "comments_enabled", "results_visible_while_open"):
        return CHOICES
    return NASTY_TEXT


EDITOR_FIELDS = [
    "slug",
    "opens_at",
    "closes_at",
    "theme_ids",
    "network_ids",
    "moderation_mode",
    "comments_enabled",
    "results_visible_while_open",
] + [
    f"{name}_{lang}"
    for name in ("title", "summary", "plain_summary", "body", "results", "feedback")
    for lang in ("nl", "en", "fr")
]
PHASE_FIELDS = ["name_nl", "name_en", "name_fr", "starts_at", "ends_at"]


@st.composite
def one_field_changed(draw, fields):
    name = draw(st.sampled_from(fields))
    return name, draw(field_value(name))


def post_raw(client, page_url, data, action=None):
    """POST like a browser would, except that text a browser cannot encode is sent as the bytes that
    encoding it anyway gives (lone surrogates as CESU-8): what reaches the server is in the test's hands."""
    token = client.token_from(page_url)
    body = urlencode({**data, "csrf_token": token}, doseq=True, encoding="utf-8", errors="surrogatepass")
    return client.post(action or page_url, data=body, content_type="application/x-www-form-urlencoded")


def assert_answered(response, success=303):
    assert response.status_code in (success, 413, 422), response.status_code
    if response.status_code == 422:
        body = text(response)
        assert "field-message error" in body or "error-summary" in body or "messages--error" in body


FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@FUZZ
@given(change=one_field_changed(EDITOR_FIELDS))
@example(change=("opens_at", "0001-01-01T00:00"))
@example(change=("closes_at", "9999-12-31T23:59"))
@example(change=("title_nl", "Titel\x00"))
@example(change=("theme_ids", "99999999999999999999999"))
def test_new_consultation_form_never_fails_with_a_server_error(app, client, organiser, change):
    name, value = change
    data = editor_data(slug=f"fuzz-{next(_serial)}")
    data[name] = value
    assert_answered(post_raw(client, "/nl/organise/new", data))


@FUZZ
@given(change=one_field_changed(EDITOR_FIELDS))
@example(change=("closes_at", "0001-01-01T00:00"))
@example(change=("body_en", "é" * 30_000))
def test_edit_form_never_fails_with_a_server_error(app, client, organiser, change):
    consultation = make_consultation(app, status="draft", organisers=[organiser], slug=f"fuzz-edit-{next(_serial)}")
    name, value = change
    data = form_of(consultation)
    data[name] = value
    assert_answered(post_raw(client, f"/nl/organise/{consultation.id}", data))


@FUZZ
@given(change=one_field_changed(PHASE_FIELDS))
@example(change=("starts_at", "0001-01-01T00:00"))
@example(change=("name_nl", "\x00"))
def test_phase_form_never_fails_with_a_server_error(app, client, organiser, change):
    consultation = make_consultation(app, status="open", organisers=[organiser], slug=f"fuzz-phase-{next(_serial)}")
    edit = f"/nl/organise/{consultation.id}"
    now = utcnow()
    data = {
        "name_nl": "Infoavond",
        "name_en": "Information evening",
        "starts_at": local(now),
        "ends_at": local(now + timedelta(hours=2)),
    }
    name, value = change
    data[name] = value
    assert_answered(post_raw(client, edit, data, action=f"{edit}/phases"))
