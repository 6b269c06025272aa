"""Languages: URL prefixes, negotiation, switcher, authoritative-Dutch notice, local dates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from participation.core.templating import local_datetime
from participation.core.translated import translated
from tests.factories import PASSWORD, make_user
from tests.support import text


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_every_page_has_the_html_lang_of_its_url(client, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in text(response)


def test_unoffered_language_is_not_found(client):
    assert client.get("/de/").status_code == 404
    assert client.get("/xx/account/login").status_code == 404


def test_root_follows_accept_language(client):
    response = client.get("/", headers={"Accept-Language": "fr-BE,fr;q=0.9,en;q=0.5"})
    assert response.headers["Location"] == "/fr/"


def test_root_defaults_to_dutch(client):
    assert client.get("/", headers={"Accept-Language": "de"}).headers["Location"] == "/nl/"


def test_cookie_from_last_visit_beats_accept_language(client):
    client.get("/en/privacy")
    response = client.get("/", headers={"Accept-Language": "fr"})
    assert response.headers["Location"] == "/en/"


def test_account_preference_beats_cookie(app, client):
    user = make_user(app, language="fr")
    client.login(user.email, PASSWORD)
    client.get("/en/privacy")
    assert client.get("/", headers={"Accept-Language": "nl"}).headers["Location"] == "/fr/"


def test_language_switcher_links_to_the_same_page(client):
    body = text(client.get("/en/account/login?next=/en/privacy"))
    assert 'href="/nl/account/login?next=/en/privacy"' in body or 'href="/nl/account/login?next=%2Fen%2Fprivacy"' in body
    assert 'href="/fr/account/login' in body


def test_translated_pages_say_once_that_dutch_is_authoritative(client):
    english = text(client.get("/en/privacy"))
    assert english.count("The Dutch text is the authoritative version.") == 1
    assert "The Dutch text is the authoritative version." not in text(client.get("/nl/privacy"))
    french = text(client.get("/fr/privacy"))
    assert "néerlandais" in french


def test_dates_are_brussels_time_in_the_page_language_across_dst(app):
    moment = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST, just after the switch
    with app.test_request_context("/nl/"):
        app.preprocess_request()
        nl = local_datetime(moment, "long")
    with app.test_request_context("/en/"):
        app.preprocess_request()
        en = local_datetime(moment, "long")
        naive = local_datetime(moment.replace(tzinfo=None), "long")
    assert "29 maart 2026" in nl and "03:30" in nl
    assert "March 29, 2026" in en and "3:30" in en
    assert naive == en


def test_missing_translation_falls_back_to_dutch_and_says_so():
    value = {"nl": "Groene deal", "en": ""}
    assert translated(value, "en").text == "Groene deal"
    assert translated(value, "en").is_fallback and translated(value, "en").lang == "nl"
    assert not translated({"nl": "a", "fr": "b"}, "fr").is_fallback
