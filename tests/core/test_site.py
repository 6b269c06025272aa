"""Site-wide behaviour: health check, error pages, security headers, production safety."""

from __future__ import annotations

import re
from collections import Counter, deque
from html import unescape
from pathlib import Path

import pytest
import sqlalchemy as sa

from participation import create_app
from participation.config import DEV_SECRET_KEY, ConfigError, load_config
from participation.demo.seed import seed_demo
from participation.extensions import db
from tests.factories import PASSWORD, make_user
from tests.support import text


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


@pytest.mark.parametrize(
    ("lang", "title"), [("nl", "Pagina niet gevonden"), ("en", "Page not found"), ("fr", "Page introuvable")]
)
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


TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
HTML_TAG = re.compile(r"<[a-zA-Z][^>]*>")
JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
INLINE_HANDLER_OR_STYLE = re.compile(r"(?<![\w-])(on[a-z]+|style)\s*=", re.I)


def csp_offences(source: str) -> list[str]:
    """What a strict CSP (script-src/style-src 'self') would block in a template's source."""
    offences = [m.group(0) for m in re.finditer(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", source, re.I)]
    offences += [m.group(0) for m in re.finditer(r"<style\b[^>]*>", source, re.I)]
    offences += [m.group(0) for m in re.finditer(r"(href|src|action)\s*=\s*[\"']?\s*javascript:", source, re.I)]
    # Attributes written in the HTML, and attributes passed to field macros ({{ field(onclick=...) }}).
    for chunk in [*HTML_TAG.findall(source), *JINJA_EXPRESSION.findall(source)]:
        offences += [chunk[:80] for _ in INLINE_HANDLER_OR_STYLE.finditer(chunk)]
    return offences


def test_csp_offence_finder_finds_what_it_should():
    assert csp_offences("<script>alert(1)</script>") and csp_offences('<p style="color:red">')
    assert csp_offences('<button onclick="x()">') and csp_offences("{{ field(onchange='x') }}")
    assert csp_offences("<style>p{}</style>") and csp_offences('<a href="javascript:x()">')
    assert not csp_offences('<script src="/static/app.js"></script><p class="one" data-on="1">')


def test_no_template_has_inline_scripts_event_handlers_or_style_attributes():
    """The CSP forbids them, so they would silently not work. E-mails are not under the CSP."""
    offenders = {}
    for path in sorted(TEMPLATES.rglob("*")):
        relative = path.relative_to(TEMPLATES)
        if path.is_file() and relative.parts[0] != "emails":
            found = csp_offences(path.read_text())
            if found:
                offenders[str(relative)] = found
    assert offenders == {}


def crawl(client, start: list[str], limit: int = 600) -> dict[str, object]:
    """GET every same-site page reachable from `start` (at most 3 query variants per path)."""
    pages, queue, variants = {}, deque(start), Counter()
    while queue and len(pages) < limit:
        url = queue.popleft()
        path = url.split("?", 1)[0]
        if url in pages or (url != path and variants[path] >= 3):
            continue
        variants[path] += url != path
        response = client.get(url)
        response.get_data()  # streamed answers (CSV) run to the end and close
        response.close()
        pages[url] = response
        if response.mimetype == "text/html":
            for href in re.findall(r'href="(/[^"#]*)"', text(response)):
                href = unescape(href)
                if not href.startswith(("/static/", "//")) and href not in pages:
                    queue.append(href)
    return pages


def test_crawl_of_public_pages_has_security_headers_and_one_dutch_notice_per_translated_page(app, client):
    with app.app_context():
        seed_demo()
    pages = crawl(client, ["/nl/", "/en/", "/fr/", "/en/no-such-page", "/fr/account/reset"])
    assert len(pages) > 100
    assert {url for url, response in pages.items() if response.status_code >= 500} == set()
    for url, response in pages.items():
        csp = response.headers.get("Content-Security-Policy", "")
        assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp, url
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, url
        assert response.headers.get("X-Content-Type-Options") == "nosniff", url
        assert response.headers.get("Referrer-Policy") == "strict-origin-when-cross-origin", url
        if response.mimetype != "text/html":
            continue
        lang = url.split("/")[1]
        body = text(response)
        assert f'<html lang="{lang}"' in body, url
        notices = body.count('class="translation-notice"')
        assert notices == (0 if lang == "nl" else 1), (url, notices)
    translated = [url for url, r in pages.items() if r.mimetype == "text/html" and not url.startswith("/nl/")]
    assert len(translated) > 50


@pytest.mark.parametrize(
    ("lang", "title", "advice"),
    [
        ("nl", "Je hebt geen toegang tot deze pagina", "Je account heeft geen toegang"),
        ("fr", "Vous n'avez pas accès à cette page", "Votre compte n'a pas accès"),
        ("en", "You do not have access to this page", "Your account does not have access"),
    ],
)
def test_forbidden_page_is_translated_in_the_site_layout(app, client, lang, title, advice):
    resident = make_user(app)
    client.login(resident.email, PASSWORD)
    response = client.get(f"/{lang}/admin/users")
    assert response.status_code == 403
    body = unescape(text(response))
    assert f'<html lang="{lang}"' in body and 'id="main"' in body
    assert title in body and advice in body


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////nonexistent-directory/for/sure/participation.db",
        "postgresql+psycopg://nobody@127.0.0.1:1/participation",
    ],
)
def test_healthz_answers_503_when_the_database_is_down(url):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "PUBLIC_URL": "http://localhost",
            "SQLALCHEMY_DATABASE_URI": url,
        }
    )
    response = app.test_client().get("/healthz")
    with app.app_context():
        db.engine.dispose()
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "unavailable"}


def test_sqlite_has_foreign_keys_on_and_uses_wal(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "PUBLIC_URL": "http://localhost",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/checks.db",
        }
    )
    with app.app_context():
        try:
            assert db.session.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
            assert db.session.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
            db.session.execute(sa.text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"))
            db.session.execute(sa.text("CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))"))
            with pytest.raises(sa.exc.IntegrityError):
                db.session.execute(sa.text("INSERT INTO child (parent_id) VALUES (42)"))
        finally:
            db.session.rollback()
            db.engine.dispose()


def test_default_database_is_sqlite_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert load_config(str(tmp_path))["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/participation.db"
    monkeypatch.setenv("APP_ENV", "development")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{Path(app.instance_path) / 'participation.db'}"
    monkeypatch.setenv("DATABASE_URL", "postgres://u@db.example/participation")
    assert load_config(str(tmp_path))["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db.example/participation"


def test_error_page_still_answers_when_the_layout_cannot_be_rendered(client, monkeypatch):
    """The error may come from what the layout needs: then a bare page, not a second error."""
    from participation.core import errors

    def broken_layout(*args, **kwargs):
        raise RuntimeError("layout broken")

    monkeypatch.setattr(errors, "render_template", broken_layout)
    response = client.get("/en/no-such-page")
    assert response.status_code == 404
    body = text(response)
    assert '<html lang="en">' in body and "<h1>Page not found</h1>" in body


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
    monkeypatch.setenv("ALLOW_PER_PROCESS_RATE_LIMITS", "true")  # tests/core/test_health.py checks that
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret-value")
    monkeypatch.setenv("PUBLIC_URL", "https://participatie.stad.gent")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/prod.db")
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["SESSION_COOKIE_HTTPONLY"] and app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert not app.config["SHOW_OUTBOX_PAGE"]


def test_unexpected_error_gives_a_friendly_page_with_an_incident_reference(app, caplog):
    app_under_test = create_app(
        {
            **app.config,
            "PROPAGATE_EXCEPTIONS": False,
            "TESTING": False,
            "SECRET_KEY": "test-secret-key",
            "APP_ENV": "development",
        }
    )

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
