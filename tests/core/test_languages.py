"""Languages: URL prefixes, negotiation, switcher, authoritative-Dutch notice, local dates."""

from __future__ import annotations

import re
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
    assert (
        'href="/nl/account/login?next=/en/privacy"' in body or 'href="/nl/account/login?next=%2Fen%2Fprivacy"' in body
    )
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
    assert "29 March 2026" in en and "03:30" in en
    assert naive == en


@pytest.mark.parametrize(
    "lang, expected",
    [("nl", "11 jan 2027, 17:00"), ("en", "11 Jan 2027, 17:00"), ("fr", "11 janv. 2027, 17:00")],
)
def test_deadlines_show_hours_and_minutes_without_seconds(app, lang, expected):
    moment = datetime(2027, 1, 11, 16, 0, tzinfo=UTC)  # 17:00 in Brussels (winter time)
    with app.test_request_context(f"/{lang}/"):
        app.preprocess_request()
        assert local_datetime(moment, "medium") == expected


def test_missing_translation_falls_back_to_dutch_and_says_so():
    value = {"nl": "Groene deal", "en": ""}
    assert translated(value, "en").text == "Groene deal"
    assert translated(value, "en").is_fallback and translated(value, "en").lang == "nl"
    assert not translated({"nl": "a", "fr": "b"}, "fr").is_fallback


def switcher_links(body: str) -> dict[str, str]:
    """hreflang -> href of the language switcher's links."""
    nav = body.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {
        code: href.replace("&amp;", "&")
        for href, code in re.findall(r'<a href="([^"]*)" lang="[^"]*" hreflang="([^"]*)"', nav)
    }


def dutch_version_link(body: str) -> str | None:
    match = re.search(r'class="translation-notice">.*?<a href="([^"]*)" hreflang="nl"', body, re.S)
    return match.group(1).replace("&amp;", "&") if match else None


@pytest.mark.parametrize(
    "query",
    ["_method=PUT", "_method=DELETE", "_external=1", "_scheme=https", "_anchor=x", "endpoint=pages.home", "lang=fr"],
)
def test_url_for_arguments_in_the_query_string_change_nothing(client, query):
    """?_method=PUT once made every page a bare 500 (url_for looked for a PUT rule)."""
    response = client.get(f"/nl/privacy?{query}")
    assert response.status_code == 200
    assert switcher_links(text(response)) == {"nl": "/nl/privacy", "en": "/en/privacy", "fr": "/fr/privacy"}


def test_external_in_the_query_string_does_not_make_links_absolute(client):
    body = text(client.get("/en/privacy?_external=1&_method=PUT"))
    assert "http://" not in "".join(switcher_links(body).values())
    assert dutch_version_link(body) == "/nl/privacy"


def test_switcher_keeps_repeated_query_keys(client):
    links = switcher_links(text(client.get("/nl/privacy?tag=a&tag=b&_x=1")))
    assert links["en"] == "/en/privacy?tag=a&tag=b"


def test_pagination_links_keep_filters_and_drop_url_for_arguments(app):
    from participation.core.templating import url_for_page

    with app.test_request_context("/nl/admin/users?q=gent&tag=a&tag=b&_method=PUT&_external=1&page=1"):
        assert url_for_page(2) == "/nl/admin/users?q=gent&tag=a&tag=b&page=2"


def test_switcher_after_a_failed_post_points_to_the_same_form(app, client):
    """A form shown again with its errors: the switcher and the Dutch link keep the page."""
    make_user(app, email="known@example.org")
    response = client.submit(
        "/en/account/login?next=/en/privacy", {"email": "known@example.org", "password": "not the password"}
    )
    assert response.status_code == 401
    body = text(response)
    assert switcher_links(body) == {
        "nl": "/nl/account/login?next=/en/privacy",
        "en": "/en/account/login?next=/en/privacy",
        "fr": "/fr/account/login?next=/en/privacy",
    }
    assert dutch_version_link(body) == "/nl/account/login?next=/en/privacy"


def test_switcher_after_a_failed_post_to_an_action_leads_to_the_page_of_the_form(app, client):
    """/account/password has no page of its own: the profile it re-renders does."""
    user = make_user(app)
    client.login(user.email, PASSWORD, lang="en")
    response = client.submit(
        "/en/account/",
        {"current_password": "wrong one entirely", "new_password": "a brand new passphrase"},
        action="/en/account/password",
    )
    assert response.status_code == 422
    assert switcher_links(text(response)) == {"nl": "/nl/account/", "en": "/en/account/", "fr": "/fr/account/"}
    assert dutch_version_link(text(response)) == "/nl/account/"


def test_switcher_after_an_undeclared_post_only_action_uses_a_same_site_referrer(app):
    from flask import g, request

    from participation.core.i18n import language_links

    app_links = {}
    for referrer in ("http://localhost/en/account/", "https://evil.example/en/account/", None):
        headers = {"Referer": referrer} if referrer else {}
        with app.test_request_context("/en/account/email", method="POST", headers=headers):
            g.lang = request.view_args.pop("lang")  # what the URL preprocessor does
            app_links[referrer] = {link.code: link.url for link in language_links()}
    assert app_links["http://localhost/en/account/"]["fr"] == "/fr/account/"
    assert app_links["https://evil.example/en/account/"]["fr"] == "/fr/"
    assert app_links[None]["nl"] == "/nl/"


def test_unmatched_address_has_a_switcher_and_the_dutch_notice(client):
    response = client.get("/en/no-such-page?x=1")
    assert response.status_code == 404
    body = text(response)
    assert switcher_links(body) == {"nl": "/nl/no-such-page", "en": "/en/no-such-page", "fr": "/fr/no-such-page"}
    assert body.count('class="translation-notice"') == 1
    assert dutch_version_link(body) == "/nl/no-such-page"
    dutch = text(client.get("/nl/no-such-page"))
    assert 'class="translation-notice"' not in dutch and switcher_links(dutch)["fr"] == "/fr/no-such-page"


def test_layout_falls_back_to_home_links_when_a_link_cannot_be_built(client, monkeypatch):
    from werkzeug.routing import BuildError

    from participation.core import navigation

    def broken():
        raise BuildError("pages.privacy", {}, "GET")

    monkeypatch.setattr(navigation, "language_links", broken)
    response = client.get("/en/privacy")
    assert response.status_code == 200
    assert switcher_links(text(response)) == {"nl": "/nl/", "en": "/en/", "fr": "/fr/"}


def test_root_redirect_varies_on_accept_language_and_cookie(client):
    response = client.get("/", headers={"Accept-Language": "fr"})
    assert {"accept-language", "cookie"} <= {v.lower() for v in response.vary}


def test_languages_setting_drops_a_language(database_url, monkeypatch):
    from participation.extensions import db
    from tests.conftest import make_app

    monkeypatch.setenv("LANGUAGES", "nl,en")
    app = make_app(database_url)
    try:
        client = app.test_client()
        assert app.config["LANGUAGES"] == ("nl", "en")
        assert client.get("/fr/").status_code == 404
        assert client.get("/fr/privacy").status_code == 404
        body = text(client.get("/en/privacy"))
        assert set(switcher_links(body)) == {"nl", "en"}
        assert "Français" not in body
        fresh = app.test_client()
        assert fresh.get("/", headers={"Accept-Language": "fr"}).headers["Location"] == "/nl/"
    finally:
        with app.app_context():
            db.engine.dispose()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/nl/", 200),
        ("/en/consultations/", 200),
        ("/fr/events/", 200),
        ("/nl/account/login", 200),
        ("/en/account/signup", 200),
        ("/en/no-such-page", 404),
    ],
)
def test_pages_ignore_url_for_arguments_in_the_query_string(client, path, status):
    response = client.get(f"{path}?_method=DELETE&_external=1&_anchor=x")
    assert response.status_code == status
    links = switcher_links(text(response))
    assert set(links) == {"nl", "en", "fr"}
    assert all(link.startswith("/") and "_method" not in link and "#" not in link for link in links.values())
