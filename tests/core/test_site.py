"""Site-wide behaviour: health check, error pages, security headers, production safety."""

from __future__ import annotations

import pytest

from participation import create_app
from participation.config import DEV_SECRET_KEY, ConfigError
from participation.extensions import db
from tests.support import text


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


@pytest.mark.parametrize(("lang", "title"), [("nl", "Pagina niet gevonden"), ("en", "Page not found"),
                                             ("fr", "Page introuvable")])
def test_not_found_page_is_translated_in_the_site_layout(client, lang, title):
    response = client.get(f"/{lang}/no-such-page")
    assert response.status_code == 404
    body = text(response)
    assert title in body
    assert 'id="main"' in body


def test_security_headers_on_every_html_page(client):
    for url in ("/nl/", "/nl/account/login", "/en/no-such-page"):
        response = client.get(url)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_have_no_inline_scripts(client):
    for url in ("/nl/", "/nl/account/login", "/nl/account/signup", "/fr/privacy"):
        body = text(client.get(url))
        assert "<script>" not in body and "onclick=" not in body and "style=" not in body


def test_production_refuses_the_development_secret_key(monkeypatch):
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        create_app()
    monkeypatch.setenv("SECRET_KEY", DEV_SECRET_KEY)
    with pytest.raises(ConfigError):
        create_app()


def test_production_cookies_are_secure(monkeypatch, tmp_path):
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret-value")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/prod.db")
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["SESSION_COOKIE_HTTPONLY"] and app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert not app.config["SHOW_OUTBOX_PAGE"]


def test_unexpected_error_gives_a_friendly_page_with_an_incident_reference(app, caplog):
    app_under_test = create_app({**app.config, "PROPAGATE_EXCEPTIONS": False, "TESTING": False,
                                 "SECRET_KEY": "test-secret-key", "APP_ENV": "development"})

    @app_under_test.get("/<lang>/boom")
    def boom():
        raise RuntimeError("database password is hunter2")

    response = app_under_test.test_client().get("/en/boom")
    with app_under_test.app_context():
        db.engine.dispose()
    assert response.status_code == 500
    body = text(response)
    assert "Something went wrong on our side" in body
    assert "hunter2" not in body and "Traceback" not in body
    reference = body.split("mention this reference: ")[1].split("<")[0].strip()
    assert reference in caplog.text
