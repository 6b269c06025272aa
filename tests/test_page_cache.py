"""The page cache (participation/core/page_cache.py): fast, never stale after a write, never personal.

Two application instances share one database (and, when Redis answers, one Redis), like two
app servers: a write through one shows on the next view through either.
"""

from __future__ import annotations

import re
import secrets
from html import unescape

import pytest
import sqlalchemy as sa

from participation.extensions import db
from tests.comments.factories import make_consultation as make_open_consultation
from tests.factories import PASSWORD, make_user
from tests.support import TOKEN_RE, FormClient, anonymous_client, count_queries, text
from tests.votes.factories import make_question, option_ids


def _cached(server) -> list[str]:
    return [body.decode() for body in server.extensions["page_cache"].values()]


def test_an_anonymous_page_is_served_from_the_cache_with_one_query(app, servers):
    one, _ = servers
    consultation = make_open_consultation(app)
    make_user(app)  # any write creates the content version
    url = f"/en/consultations/{consultation.slug}"
    first = anonymous_client(one).get(url)
    with count_queries(one) as statements:
        second = anonymous_client(one).get(url)
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
        assert "Een nieuw voorstel" not in text(anonymous_client(server).get(url))
        assert "Een nieuw voorstel" not in text(anonymous_client(server).get(url))  # from the cache
    writer = FormClient(one.test_client())
    writer.login(resident.email, PASSWORD)
    comments_url = f"/nl/consultations/{consultation.slug}/comments"
    answer = writer.submit(comments_url, {"body": "Een nieuw voorstel", "alignment": "for"}, action=comments_url)
    assert answer.status_code == 303
    for server in (two, one):
        assert "Een nieuw voorstel" in text(anonymous_client(server).get(url))


def test_a_vote_and_an_edit_show_at_once_on_the_other_server(app, servers):
    from participation.consultations.models import Consultation
    from tests.consultations.factories import make_consultation

    one, two = servers
    voter = make_user(app)
    consultation = make_consultation(app, results_visible_while_open=True)
    question = make_question(app, consultation, "single")
    results = f"/en/consultations/{consultation.slug}/results"
    assert re.search(r"\b0 ballots are counted", text(anonymous_client(two).get(results)))
    client = FormClient(one.test_client())
    client.login(voter.email, PASSWORD)
    vote_url = f"/en/consultations/{consultation.slug}/questions/{question.id}"
    assert client.submit(vote_url, {"option": str(option_ids(question)[0])}).status_code == 303
    assert re.search(r"\b1 ballot is counted|\b1 ballots are counted", text(anonymous_client(two).get(results)))
    # An organiser's edit, like any write through the session, bumps the version in its transaction.
    page = f"/en/consultations/{consultation.slug}"
    anonymous_client(two).get(page)
    with one.app_context():
        row = db.session.get(Consultation, consultation.id)
        row.title = {**row.title, "en": "A title changed just now"}
        db.session.commit()
    assert "A title changed just now" in text(anonymous_client(two).get(page))


HOLE = re.compile(r"hole[0-9a-f]{24}")
FORM_STARTED = re.compile(r'name="form_started"[^>]*value="([^"]*)"')


def _tokens(response) -> set[str]:
    return set(TOKEN_RE.findall(text(response)))


def test_a_cached_page_holds_no_token_name_or_form_value_of_anyone(app, servers):
    """Stored pages hold holes where tokens go; an anonymous page holds nothing of a signed-in person."""
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
    their_tokens = set()
    for url in urls:
        signed_in.get(url)
        anonymous_client(one).get(url)
        anonymous = anonymous_client(one).get(url)
        page = signed_in.get(url)  # from the cache, with their own token filled in
        assert "csrf_token" in text(page) and not HOLE.search(text(page))
        their_tokens |= _tokens(page)
        assert secret not in text(anonymous) and person.email not in text(anonymous)
        assert not _tokens(anonymous) & their_tokens
    cached = _cached(one)
    assert len(cached) >= 2 * len(urls)  # every page once for anonymous visitors, once for them
    for body in cached:
        assert f"ontwerp-{secret}" not in body  # a typed form value is never stored
        assert not _tokens_in(body) & their_tokens
        for value in TOKEN_RE.findall(body):
            assert HOLE.fullmatch(value), "a stored page holds a real CSRF token"


def _tokens_in(body: str) -> set[str]:
    return set(TOKEN_RE.findall(body))


class TestSignedInPagesFromTheCache:
    """A signed-in person's page is stored for that account only; tokens are made for every view."""

    def test_a_second_view_is_served_from_the_cache_and_its_form_works(self, app, servers):
        one, _ = servers
        resident = make_user(app)
        consultation = make_open_consultation(app)
        url = f"/nl/consultations/{consultation.slug}"
        client = FormClient(one.test_client())
        client.login(resident.email, PASSWORD)
        first = client.get(url)
        with count_queries(one) as statements:
            second = client.get(url)
        assert first.status_code == second.status_code == 200
        queries = [s for s in statements if not s.startswith("BEGIN")]
        assert len(queries) == 2, queries  # the account (log-in) and the content version
        assert not HOLE.search(text(second))
        # The tokens filled into the cached page are this session's own: the form is accepted.
        token = TOKEN_RE.search(text(second)).group(1)
        answer = client.post(
            f"{url}/comments", data={"csrf_token": token, "body": "Vanuit de cache verstuurd", "alignment": "for"}
        )
        assert answer.status_code == 303
        after = client.get(answer.headers["Location"])
        assert "Vanuit de cache verstuurd" in text(after)  # the write made the stored page old
        assert "Bedankt" in text(after) or "Thank" in text(after) or 'role="status"' in text(after)

    def test_every_view_gets_its_own_antispam_token(self, app, servers):
        from participation.core.antispam import _read_token

        one, _ = servers
        resident = make_user(app)
        consultation = make_open_consultation(app)
        url = f"/nl/consultations/{consultation.slug}"
        client = FormClient(one.test_client())
        client.login(resident.email, PASSWORD)
        views = [text(client.get(url)) for _ in range(3)]
        started = [FORM_STARTED.search(view).group(1) for view in views]
        assert len(set(started)) == 3  # a one-time nonce each: a reload never reuses a spent one
        with one.test_request_context():
            assert all(_read_token(value) is not None for value in started)

    def test_one_persons_page_never_reaches_another(self, app, servers):
        one, two = servers
        author = make_user(app, name="Auteur Eén")
        other = make_user(app, name="Lezer Twee")
        consultation = make_open_consultation(app)
        url = f"/nl/consultations/{consultation.slug}"
        writer = FormClient(one.test_client())
        writer.login(author.email, PASSWORD)
        writer.submit(url, {"body": "Mijn eigen bijdrage", "alignment": "for"}, action=f"{url}/comments")
        own = [writer.get(url) for _ in range(2)]
        edit_link = re.search(r'href="([^"]*/edit)"', text(own[1]))
        assert edit_link, "the author sees the edit link of their own comment"
        reader = FormClient(one.test_client())
        reader.login(other.email, PASSWORD)
        for server_client in (reader, FormClient(two.test_client())):
            if server_client is not reader:
                server_client.login(other.email, PASSWORD)
            for _ in range(2):
                page = server_client.get(url)
                assert "Mijn eigen bijdrage" in text(page)
                assert edit_link.group(1) not in text(page)
                assert not _tokens(page) & _tokens(own[1])
        assert edit_link.group(1) not in text(anonymous_client(one).get(url))

    def test_a_flashed_message_is_shown_not_a_stored_page(self, app, servers):
        one, _ = servers
        resident = make_user(app)
        consultation = make_open_consultation(app)
        url = f"/nl/consultations/{consultation.slug}"
        client = FormClient(one.test_client())
        client.login(resident.email, PASSWORD)
        client.get(url)
        client.get(url)
        answer = client.submit(url, {"body": "Een bijdrage met melding", "alignment": "for"}, action=f"{url}/comments")
        assert answer.status_code == 303
        with client.session_transaction() as session:
            flashed = [message for _category, message in session.get("_flashes", [])]
        assert flashed
        page = text(client.get(answer.headers["Location"]))
        assert flashed[0] in unescape(page)
        assert flashed[0] not in unescape(text(client.get(url)))  # shown once, then the page again

    def test_an_anonymous_visitor_with_a_session_gets_the_shared_page_with_their_own_token(self, app, servers):
        one, _ = servers
        make_user(app)
        consultation = make_open_consultation(app)
        url = f"/en/consultations/{consultation.slug}"
        anonymous_client(one).get(url)
        visitor = FormClient(one.test_client())
        visitor.get("/en/account/login")  # the log-in form gives them a session (its CSRF token)
        with count_queries(one) as statements:
            page = visitor.get(url)
        assert page.status_code == 200 and not HOLE.search(text(page))
        assert len([s for s in statements if not s.startswith("BEGIN")]) == 1  # the version: served from the cache


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
    assert anonymous_client(one).get(f"/en/consultations/{consultation.slug}").status_code == 200


@pytest.mark.parametrize("servers", ["redis"], indirect=True)
def test_a_new_deployment_never_serves_the_pages_the_last_one_kept(app, servers):
    """Pages kept in Redis hold the last deployment's markup and static file names: the build is part
    of every key, so a server running other code renders afresh."""
    one, two = servers
    consultation = make_open_consultation(app)
    make_user(app)  # any write creates the content version
    url = f"/en/consultations/{consultation.slug}"
    anonymous_client(one).get(url)

    def from_cache(server) -> bool:
        with count_queries(server) as statements:
            assert anonymous_client(server).get(url).status_code == 200
        return len([s for s in statements if not s.startswith("BEGIN")]) == 1

    assert from_cache(two)  # the same build: the page kept by the other server
    two.config["PAGE_CACHE_BUILD"] = "the-next-deployment"
    assert not from_cache(two)
    assert from_cache(two)  # kept again, under its own build


def test_the_build_changes_with_the_templates_and_the_code(tmp_path):
    from participation.core.page_cache import build_id

    (tmp_path / "templates").mkdir()
    (tmp_path / "participation").mkdir()
    page, code = tmp_path / "templates" / "page.html", tmp_path / "participation" / "views.py"
    page.write_text("<p>{{ _('Hallo') }}</p>")
    code.write_text("VALUE = 1\n")
    first = build_id(tmp_path)
    page.write_text("<p>{{ _('Dag') }}</p>")
    second = build_id(tmp_path)
    code.write_text("VALUE = 2\n")
    assert len({first, second, build_id(tmp_path)}) == 3
