"""Embeds: cards other city sites may frame (and only they), without cookies, forms or scripts."""

from __future__ import annotations

import re

import pytest

from tests.consultations.factories import make_consultation
from tests.events.factories import make_event

ORIGIN = "https://www.gent.be"


@pytest.fixture
def embed_origins(app):
    previous = app.config["EMBED_ORIGINS"]
    app.config["EMBED_ORIGINS"] = (ORIGIN, "https://*.stad.gent")
    yield
    app.config["EMBED_ORIGINS"] = previous


def _frame_ancestors(response) -> str:
    match = re.search(r"frame-ancestors ([^;]+)", response.headers["Content-Security-Policy"])
    assert match, response.headers["Content-Security-Policy"]
    return match.group(1).strip()


def _embed_urls(consultation, event):
    return [
        f"/nl/embed/consultations/{consultation.slug}",
        f"/fr/embed/events/{event.id}",
        "/en/embed/consultations/",
        "/nl/embed/events/",
    ]


def test_embeds_may_be_framed_by_the_configured_origins_only(app, client, embed_origins):
    consultation = make_consultation(app, slug="inspraak")
    event = make_event(app, consultation=consultation)
    for url in _embed_urls(consultation, event):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _frame_ancestors(response) == f"{ORIGIN} https://*.stad.gent", url
        assert "X-Frame-Options" not in response.headers, url
    for url in ("/nl/", f"/nl/consultations/{consultation.slug}", f"/nl/events/{event.id}", "/nl/open-data/"):
        response = client.get(url)
        assert _frame_ancestors(response) == "'none'", url
        assert response.headers["X-Frame-Options"] == "DENY", url


def test_embeds_set_no_cookie_and_hold_no_form_or_script(app, client, embed_origins):
    consultation = make_consultation(app, slug="zonder-koekjes")
    event = make_event(app, consultation=consultation)
    for url in _embed_urls(consultation, event):
        response = client.get(url)
        assert response.headers.getlist("Set-Cookie") == [], url
        html = response.get_data(as_text=True)
        assert "<form" not in html and "<script" not in html, url
        # Every link opens the full page in a new tab.
        links = re.findall(r"<a [^>]*>", html)
        assert links, url
        for link in links:
            assert 'target="_blank"' in link and 'rel="noopener"' in link, (url, link)
    # The same page sets the language cookie when a visitor opens it directly: the embed does not.
    assert client.get("/fr/").headers.getlist("Set-Cookie")


def test_embed_cards_show_the_consultation_and_the_places_left(app, client):
    consultation = make_consultation(app, slug="kaart", title={"nl": "Klimaatplan", "en": "Climate plan"})
    event = make_event(app, consultation=consultation, capacity=7)
    card = client.get("/en/embed/consultations/kaart").get_data(as_text=True)
    assert "Climate plan" in card and 'href="/en/consultations/kaart"' in card
    assert 'lang="en"' in card
    fallback = client.get("/fr/embed/consultations/kaart").get_data(as_text=True)
    assert '<span lang="nl">Klimaatplan</span>' in fallback
    event_card = client.get(f"/en/embed/events/{event.id}").get_data(as_text=True)
    assert "7 places left" in event_card
    assert "Climate plan" in client.get("/en/embed/consultations/").get_data(as_text=True)
    assert f"/en/events/{event.id}" in client.get("/en/embed/events/").get_data(as_text=True)


def test_drafts_and_unknown_ones_are_not_embedded(app, client):
    draft = make_consultation(app, status="draft", slug="ontwerp", title={"nl": "Geheim ontwerp"})
    event = make_event(app, consultation=draft)
    for url in ("/nl/embed/consultations/ontwerp", f"/nl/embed/events/{event.id}", "/nl/embed/consultations/niets"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Geheim" not in response.get_data(as_text=True)
    assert "Geheim" not in client.get("/nl/embed/consultations/").get_data(as_text=True)


def test_consultation_and_event_pages_offer_the_code_to_copy(app, client):
    consultation = make_consultation(app, slug="te-delen")
    event = make_event(app, consultation=consultation)
    page = client.get("/nl/consultations/te-delen").get_data(as_text=True)
    assert "<details" in page
    assert re.search(r'<label for="embed-code-consultation">', page)
    assert re.search(r'<textarea id="embed-code-consultation" readonly', page)
    assert "&lt;iframe src=&#34;http://participatie.test/nl/embed/consultations/te-delen&#34;" in page or (
        '&lt;iframe src="http://participatie.test/nl/embed/consultations/te-delen"' in page
    )
    event_page = client.get(f"/nl/events/{event.id}").get_data(as_text=True)
    assert f"http://participatie.test/nl/embed/events/{event.id}" in event_page
    assert '<textarea id="embed-code-event" readonly' in event_page


def test_an_origin_that_is_not_one_refuses_to_start(database_url):
    from participation.config import ConfigError
    from tests.conftest import make_app

    with pytest.raises(ConfigError):
        make_app(database_url, EMBED_ORIGINS=("https://gent.be; script-src *",))


def test_organisers_find_the_code_to_copy_in_the_back_office_for_public_content_only(app, client):
    from participation.core.permissions import Role
    from tests.factories import PASSWORD, make_user

    organiser = make_user(app, role=Role.ORGANISER)
    public = make_consultation(app, slug="gedeeld", organisers=[organiser])
    draft = make_consultation(app, slug="nog-niet", status="draft", organisers=[organiser])
    event = make_event(app, consultation=public)
    draft_event = make_event(app, consultation=draft)
    client.login(organiser.email, PASSWORD)

    edit = client.get(f"/nl/organise/{public.id}").get_data(as_text=True)
    assert '<textarea id="embed-code-consultation" readonly' in edit
    assert "http://participatie.test/nl/embed/consultations/gedeeld" in edit
    event_edit = client.get(f"/nl/organise/events/{event.id}/edit").get_data(as_text=True)
    assert f"http://participatie.test/nl/embed/events/{event.id}" in event_edit
    # A draft's card would answer 404 on the other site: no code to copy yet.
    assert "embed-code" not in client.get(f"/nl/organise/{draft.id}").get_data(as_text=True)
    assert "embed-code" not in client.get(f"/nl/organise/events/{draft_event.id}/edit").get_data(as_text=True)
