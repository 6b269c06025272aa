"""The page cache (participation/core/page_cache.py): fast, never stale after a write, never personal.

Two application instances share one database (and, when Redis answers, one Redis), like two
app servers: a write through one shows on the next view through either.
"""

from __future__ import annotations

import re
import secrets

import pytest
import sqlalchemy as sa

from participation.extensions import db
from tests.comments.factories import make_consultation as make_open_consultation
from tests.conftest import make_app
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, count_queries, text, worker_redis_url
from tests.votes.factories import make_question, option_ids

REDIS_URL = worker_redis_url()


def _redis_reason() -> str | None:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means: no Redis here
        return f"Redis at {REDIS_URL} does not answer ({type(exc).__name__})"
    return None


@pytest.fixture(params=["memory", "redis"])
def servers(request, app, database_url):
    """Two app instances with the page cache on, on the test database."""
    extra = {"PAGE_CACHE": True}
    if request.param == "redis":
        reason = _redis_reason()
        if reason:
            pytest.skip(reason)
        extra["PAGE_CACHE_REDIS_URL"] = REDIS_URL
    pair = [make_app(database_url, **extra) for _ in range(2)]
    for one in pair:
        one.extensions["page_cache"].clear()
    yield pair
    for one in pair:
        one.extensions["page_cache"].clear()
        with one.app_context():
            db.engine.dispose()


def _anonymous(server) -> FormClient:
    return FormClient(server.test_client(use_cookies=False))


def _cached(server) -> list[str]:
    return [body.decode() for body in server.extensions["page_cache"].values()]


def test_an_anonymous_page_is_served_from_the_cache_with_one_query(app, servers):
    one, _ = servers
    consultation = make_open_consultation(app)
    make_user(app)  # any write creates the content version
    url = f"/en/consultations/{consultation.slug}"
    first = _anonymous(one).get(url)
    with count_queries(one) as statements:
        second = _anonymous(one).get(url)
    assert first.status_code == second.status_code == 200
    assert second.get_data() == first.get_data()
    queries = [s for s in statements if not s.startswith("BEGIN")]  # SQLite's own BEGIN
    assert len(queries) == 1, queries  # the content version


def test_a_comment_shows_at_once_on_both_servers(app, servers):
    one, two = servers
    resident = make_user(app, name="Karel Schrijver")
    consultation = make_open_consultation(app)
    url = f"/en/consultations/{consultation.slug}"
    for server in servers:
        assert "Een nieuw voorstel" not in text(_anonymous(server).get(url))
        assert "Een nieuw voorstel" not in text(_anonymous(server).get(url))  # from the cache
    writer = FormClient(one.test_client())
    writer.login(resident.email, PASSWORD)
    comments_url = f"/nl/consultations/{consultation.slug}/comments"
    answer = writer.submit(comments_url, {"body": "Een nieuw voorstel", "alignment": "for"}, action=comments_url)
    assert answer.status_code == 303
    for server in (two, one):
        assert "Een nieuw voorstel" in text(_anonymous(server).get(url))


def test_a_vote_and_an_edit_show_at_once_on_the_other_server(app, servers):
    from participation.consultations.models import Consultation
    from tests.consultations.factories import make_consultation

    one, two = servers
    voter = make_user(app)
    consultation = make_consultation(app, results_visible_while_open=True)
    question = make_question(app, consultation, "single")
    results = f"/en/consultations/{consultation.slug}/results"
    assert re.search(r"\b0 ballots are counted", text(_anonymous(two).get(results)))
    client = FormClient(one.test_client())
    client.login(voter.email, PASSWORD)
    vote_url = f"/en/consultations/{consultation.slug}/questions/{question.id}"
    assert client.submit(vote_url, {"option": str(option_ids(question)[0])}).status_code == 303
    assert re.search(r"\b1 ballot is counted|\b1 ballots are counted", text(_anonymous(two).get(results)))
    # An organiser's edit, like any write through the session, bumps the version in its transaction.
    page = f"/en/consultations/{consultation.slug}"
    _anonymous(two).get(page)
    with one.app_context():
        row = db.session.get(Consultation, consultation.id)
        row.title = {**row.title, "en": "A title changed just now"}
        db.session.commit()
    assert "A title changed just now" in text(_anonymous(two).get(page))


def test_a_cached_page_holds_no_token_name_or_form_value_of_anyone(app, servers):
    """A signed-in person's pages are never stored, and never served to them from the cache."""
    one, _ = servers
    secret = secrets.token_hex(6)
    person = make_user(app, name=f"Geheime Persoon {secret}", email=f"geheim-{secret}@example.org")
    consultation = make_open_consultation(app)
    urls = [
        "/en/",
        "/en/consultations/",
        f"/en/consultations/{consultation.slug}",
        "/en/networks/",
        f"/en/consultations/{consultation.slug}/results",
        "/en/events/",
    ]
    signed_in = FormClient(one.test_client())
    signed_in.login(person.email, PASSWORD)
    comments_url = f"/nl/consultations/{consultation.slug}/comments"
    # A comment too long to publish: re-shown with what they typed (a form value of theirs).
    signed_in.submit(comments_url, {"body": f"ontwerp-{secret} " + "x" * 2100, "alignment": "for"}, action=comments_url)
    for url in urls:
        signed_in.get(url)
        _anonymous(one).get(url)
        _anonymous(one).get(url)
        page = text(signed_in.get(url))
        assert "csrf_token" in page  # their own page (the log-out button), not the cached copy
    cached = _cached(one)
    assert len(cached) >= 4
    for body in cached:
        assert "csrf_token" not in body
        assert secret not in body
        assert person.email not in body and person.display_name not in body


def test_nothing_is_stored_for_a_request_with_a_session_cookie(app, servers):
    one, _ = servers
    make_user(app)
    consultation = make_open_consultation(app)
    visitor = FormClient(one.test_client())
    visitor.get("/en/account/login")  # the log-in form gives them a session (its CSRF token)
    visitor.get(f"/en/consultations/{consultation.slug}")
    assert _cached(one) == []


def test_a_wiped_database_never_meets_its_old_pages(app, servers):
    """The version carries a random token: a restarted counter does not reuse old keys."""
    from participation.core.page_cache import ContentVersion

    one, _ = servers
    consultation = make_open_consultation(app)
    with one.app_context():
        token = db.session.scalar(sa.select(ContentVersion.token))
        db.session.execute(sa.delete(ContentVersion))
        db.session.commit()  # this delete is itself a write: a new row with a new token
        assert db.session.scalar(sa.select(ContentVersion.token)) != token
    assert _anonymous(one).get(f"/en/consultations/{consultation.slug}").status_code == 200
