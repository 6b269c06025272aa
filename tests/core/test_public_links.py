"""Links that leave a request are built on PUBLIC_URL, never on what the request claims.

The attack: ask for a password reset of someone else's address with `Host: evil.example` (or
`X-Forwarded-Host: evil.example` behind a proxy). If the mailed link were built from the request,
the resident's working reset token would point at the attacker's server.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import request

from participation import create_app
from participation.config import ConfigError
from participation.core.mail import OutboxMessage
from participation.extensions import db
from tests.conftest import TEST_CONFIG
from tests.factories import make_user
from tests.support import FormClient, text

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = "http://participatie.test"


def links_in(app, recipient: str) -> list[str]:
    with app.app_context():
        bodies = db.session.scalars(
            sa.select(OutboxMessage.body_text).where(OutboxMessage.recipient == recipient)
        ).all()
    return [url for body in bodies for url in re.findall(r"https?://\S+", body)]


def strict_app(database_url, **overrides):
    """The app as production runs it: only PUBLIC_URL's host is accepted."""
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url, "EXTRA_TRUSTED_HOSTS": (), **overrides})
    return app


@pytest.fixture
def strict(app, database_url):
    application = strict_app(database_url)
    yield application
    with application.app_context():
        db.engine.dispose()


def test_no_absolute_link_is_built_from_the_request_anywhere():
    """`url_for(..., _external=True)` uses the request's host: every such link goes through
    public_url_for instead (mail, Atom, iCalendar, QR codes, exports)."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("participation", "templates")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".html", ".xml", ".txt", ".ics"} and path.name != "urls.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"_external\s*=\s*(True|external)|request\.(host_url|url_root)\b", line)
    ]
    assert offenders == []


def test_reset_link_ignores_a_forged_host_header(app, client):
    make_user(app, email="lotte@example.org")
    response = client.submit(
        "/nl/account/reset",
        {"email": "lotte@example.org"},
        headers={"Host": "localhost", "X-Forwarded-Host": "evil.example"},
    )
    assert response.status_code == 303
    links = links_in(app, "lotte@example.org")
    assert links and all(link.startswith(PUBLIC + "/nl/account/reset/") for link in links)


def test_request_for_another_host_is_refused_before_any_mail_is_written(strict, caplog):
    # The schema is there: `strict` asks for `app`, which made it.
    make_user(strict, email="lotte@example.org")
    client = FormClient(strict.test_client())
    response = client.get("/nl/account/reset", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert '<html lang="nl">' in text(response) and "evil.example" not in text(response)
    response = strict.test_client().post(
        "/nl/account/reset", data={"email": "lotte@example.org"}, headers={"Host": "evil.example"}
    )
    assert response.status_code == 400
    assert links_in(strict, "lotte@example.org") == []
    assert strict.test_client().get("/nl/", headers={"Host": "participatie.test"}).status_code == 200
    assert not [r for r in caplog.records if r.levelname == "ERROR"], "a forged host is no error of ours"


def test_trusted_hosts_can_be_extended_and_ports_do_not_matter(database_url):
    app = strict_app(database_url, EXTRA_TRUSTED_HOSTS=("probe.internal",))
    try:
        client = app.test_client()
        assert client.get("/healthz", headers={"Host": "probe.internal"}).status_code == 200
        assert client.get("/healthz", headers={"Host": "participatie.test:8443"}).status_code == 200
        assert client.get("/healthz", headers={"Host": "participatie.test.evil.example"}).status_code == 400
    finally:
        with app.app_context():
            db.engine.dispose()


def test_forwarded_headers_are_ignored_without_trusted_proxies(database_url):
    app = strict_app(database_url)
    app.add_url_rule("/_seen", "seen", lambda: f"{request.remote_addr} {request.scheme} {request.host}")
    try:
        seen = (
            app.test_client()
            .get(
                "/_seen",
                headers={
                    "Host": "participatie.test",
                    "X-Forwarded-For": "203.0.113.9",
                    "X-Forwarded-Proto": "https",
                    "X-Forwarded-Host": "evil.example",
                },
            )
            .get_data(as_text=True)
        )
        assert seen == "127.0.0.1 http participatie.test"
    finally:
        with app.app_context():
            db.engine.dispose()


def test_one_trusted_proxy_hop_is_believed_and_a_forged_forwarded_host_is_refused(database_url):
    app = strict_app(database_url, TRUSTED_PROXY_HOPS=1)
    app.add_url_rule("/_seen", "seen", lambda: f"{request.remote_addr} {request.scheme}")
    try:
        client = app.test_client()
        seen = client.get(
            "/_seen",
            headers={
                "X-Forwarded-For": "198.51.100.1, 203.0.113.9",
                "X-Forwarded-Proto": "https",
                "X-Forwarded-Host": "participatie.test",
            },
        ).get_data(as_text=True)
        # Only the address the one trusted proxy saw counts, not what the client put before it.
        assert seen == "203.0.113.9 https"
        forged = client.get("/_seen", headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Host": "evil.example"})
        assert forged.status_code == 400
    finally:
        with app.app_context():
            db.engine.dispose()


def test_rate_limits_count_the_connection_not_a_claimed_forwarded_address(app, client, rate_limits):
    """Without trusted proxies, a new X-Forwarded-For per request does not escape a limit."""
    statuses = [
        client.submit(
            "/nl/account/reset", {"email": f"x{n}@example.org"}, headers={"X-Forwarded-For": f"203.0.113.{n}"}
        ).status_code
        for n in range(7)
    ]
    assert statuses[:5] == [303] * 5
    assert statuses[-1] == 429


def test_production_refuses_to_start_without_a_public_url(monkeypatch, tmp_path):
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("ALLOW_PER_PROCESS_RATE_LIMITS", "true")  # tests/core/test_health.py checks that
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret-value")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/prod.db")
    monkeypatch.delenv("PUBLIC_URL", raising=False)
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        create_app()
    monkeypatch.setenv("PUBLIC_URL", "participatie.stad.gent")
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        create_app()
    monkeypatch.setenv("PUBLIC_URL", "https://participatie.stad.gent/")
    app = create_app()
    assert app.config["PUBLIC_URL"] == "https://participatie.stad.gent"
    assert app.config["TRUSTED_HOSTS"] == ["participatie.stad.gent"]
    assert app.config["TRUSTED_PROXY_HOPS"] == 0


def test_the_old_proxy_fix_switch_is_refused_with_what_replaced_it(monkeypatch):
    monkeypatch.setenv("PROXY_FIX", "true")
    with pytest.raises(ConfigError, match="TRUSTED_PROXY_HOPS"):
        create_app({**TEST_CONFIG})


def test_development_links_point_at_the_port_make_run_serves(monkeypatch, tmp_path):
    monkeypatch.setenv("APP_ENV", "development")
    monkeypatch.delenv("PUBLIC_URL", raising=False)
    monkeypatch.setenv("PORT", "8000")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/dev.db")
    app = create_app()
    assert app.config["PUBLIC_URL"] == "http://127.0.0.1:8000"
    assert set(app.config["TRUSTED_HOSTS"]) == {"127.0.0.1", "localhost"}


def test_links_written_by_commands_use_the_public_url_and_its_path(database_url):
    from participation.core.mail import public_request_context
    from participation.core.urls import public_url_for

    app = create_app(
        {**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url, "PUBLIC_URL": "https://www.gent.be/participatie"}
    )
    try:
        with app.app_context(), public_request_context():
            assert public_url_for("accounts.login", lang="fr") == "https://www.gent.be/participatie/fr/account/login"
        with app.test_request_context("/nl/", base_url="http://localhost/app"):
            assert public_url_for("pages.home", lang="en") == "https://www.gent.be/participatie/en/"
    finally:
        with app.app_context():
            db.engine.dispose()


def test_atom_feed_and_calendar_links_use_the_public_url(app, client):
    from tests.events.factories import make_event

    event = make_event(app)
    feed = text(client.get("/nl/consultations/feed.atom", headers={"X-Forwarded-Host": "evil.example"}))
    assert f"{PUBLIC}/nl/consultations/feed.atom" in feed and "evil" not in feed and "localhost" not in feed
    ics = text(client.get(f"/nl/events/{event.id}.ics"))
    assert f"{PUBLIC}/nl/events/{event.id}" in ics.replace("\r\n ", "")
    assert "localhost" not in ics
