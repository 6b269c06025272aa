"""Families of content versions (core/page_cache.py): a write renders afresh exactly the cached
pages that can show it, never fewer.

The first test is what makes the families safe: it renders every cached page on the demo content,
for every kind of viewer, records the tables its SQL reads and fails when a page reads a table of
a family it does not declare in ENDPOINT_FAMILIES (it would then be served stale after a write to
that table), or a table whose writes bump nothing. The others show the gain and the guarantee
with two app servers: a ballot, a comment or a registration is on the next view of the pages
that show it, while the pages that cannot show it stay in the cache.
"""

from __future__ import annotations

import re
from collections import defaultdict

import sqlalchemy as sa
from flask import url_for

from participation.consultations.models import Consultation, ConsultationState
from participation.core.page_cache import (
    DEFAULT_ENDPOINTS,
    ENDPOINT_FAMILIES,
    FRAME_FAMILIES,
    READ_BUT_UNSEEN_TABLES,
    UNSEEN_TABLES,
    bump_content_version,
    families_of_endpoint,
    family_of,
)
from participation.events.models import Event
from participation.extensions import db
from tests.comments.factories import make_consultation as make_open_consultation
from tests.conftest import make_app
from tests.events.factories import make_event
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, anonymous_client, count_queries, text
from tests.votes.factories import make_question, option_ids

DEMO_VIEWERS = {
    "anonymous": None,
    "resident": ("inwoner@demo.example", "demo-inwoner-2026"),
    "organiser": ("organisator@demo.example", "demo-organisator-2026"),
    "moderator": ("moderator@demo.example", "demo-moderator-2026"),
}
TABLE_IN_SQL = re.compile(r'\b(?:FROM|JOIN)\s+"?([a-z_]+)"?', re.IGNORECASE)


def _cached_page_urls(app) -> dict[str, list[str]]:
    """Addresses of every cached endpoint on the demo content, in two languages."""
    with app.app_context():
        consultations = db.session.scalars(
            sa.select(Consultation).where(Consultation.state != ConsultationState.DRAFT)
        ).all()
        events = db.session.scalars(sa.select(Event)).all()
        slugs = [c.slug for c in consultations]
        event_ids = [e.id for e in events]
    urls: dict[str, list[str]] = defaultdict(list)
    with app.test_request_context("/"):
        for lang in ("nl", "en"):
            for endpoint in ("pages.home", "pages.privacy", "pages.accessibility", "networks.index"):
                urls[endpoint].append(url_for(endpoint, lang=lang))
            for endpoint in ("events.index", "transparency.page", "consultations.index"):
                urls[endpoint].append(url_for(endpoint, lang=lang))
            urls["consultations.index"].append(url_for("consultations.index", lang=lang, q="klimaat"))
            for slug in slugs:
                for endpoint in ("consultations.detail", "votes.results", "comments.transparency"):
                    urls[endpoint].append(url_for(endpoint, lang=lang, slug=slug))
            for event_id in event_ids:
                urls["events.detail"].append(url_for("events.detail", lang=lang, event_id=event_id))
    return urls


def _tables_read(app, client, url: str) -> set[str]:
    known = set(db.metadata.tables)
    with count_queries(app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return {name for statement in statements for name in TABLE_IN_SQL.findall(statement) if name in known}


def _record_section_reads(app, monkeypatch) -> dict:
    """The tables each consultation-page section reads, by section, while pages are rendered."""
    from participation.consultations import sections

    reads: dict = defaultdict(set)
    render = sections._render
    known = set(db.metadata.tables)

    def recording(contribution, consultation, user):
        with count_queries(app) as statements:
            result = render(contribution, consultation, user)
        for statement in statements:
            reads[contribution].update(name for name in TABLE_IN_SQL.findall(statement) if name in known)
        return result

    monkeypatch.setattr(sections, "_render", recording)
    return reads


def test_every_cached_page_declares_the_families_it_reads(app, monkeypatch):
    from participation.demo.seed import seed_demo

    with app.app_context():
        seed_demo()
    section_reads = _record_section_reads(app, monkeypatch)
    urls = _cached_page_urls(app)
    assert set(urls) == DEFAULT_ENDPOINTS, "a cached endpoint this test does not visit"
    assert set(ENDPOINT_FAMILIES) <= DEFAULT_ENDPOINTS
    wrong: dict[str, str] = {}  # what is wrong -> the first address showing it
    read_families: dict[str, set[str]] = defaultdict(set)
    for viewer, login in DEMO_VIEWERS.items():
        client = FormClient(app.test_client())
        if login:
            client.login(*login)
        for endpoint, addresses in urls.items():
            for url in addresses:
                for table in _tables_read(app, client, url):
                    if table in READ_BUT_UNSEEN_TABLES:
                        continue
                    if table in UNSEEN_TABLES:
                        wrong.setdefault(f"{endpoint} reads {table}, whose writes bump no version", url)
                        continue
                    read_families[endpoint].add(family_of(table))
                    if family_of(table) not in families_of_endpoint(endpoint):
                        problem = f"{endpoint} ({viewer}) reads {table} ({family_of(table)}), not declared"
                        wrong.setdefault(problem, url)
    assert wrong == {}
    # Each section of the consultation page is kept under the families it declares (`shows`).
    assert len(section_reads) >= 4, "the sections were not rendered"
    for contribution, tables in section_reads.items():
        shown = contribution.shows | {"content"}
        families = {family_of(t) for t in tables if t not in UNSEEN_TABLES}
        assert {t for t in tables if t in UNSEEN_TABLES} <= READ_BUT_UNSEEN_TABLES, contribution
        assert families <= shown, (contribution.provide.__qualname__, families - shown)
        assert families - {"content"} == contribution.shows, (contribution.provide.__qualname__, "reads less")
    # The declarations are not wider than needed either: each narrowed page reads all it declares
    # (a family declared but never read would only cost cache hits, but it says the list is stale).
    for endpoint, declared in ENDPOINT_FAMILIES.items():
        assert read_families[endpoint] == declared, endpoint


def test_the_consultation_page_reads_only_content_outside_its_sections(app, monkeypatch):
    """The page without its sections is kept as a frame under FRAME_FAMILIES only (`content`): a
    read of another family outside the sections would leave the frame stale after such a write."""
    from participation.consultations import sections
    from participation.demo.seed import seed_demo

    with app.app_context():
        seed_demo()
    depth = {"sections": 0}
    render = sections._render

    def marking(contribution, consultation, user):
        depth["sections"] += 1
        try:
            return render(contribution, consultation, user)
        finally:
            depth["sections"] -= 1

    monkeypatch.setattr(sections, "_render", marking)
    known = set(db.metadata.tables)
    outside: dict[str, str] = {}

    def record(_conn, _cursor, statement, *_args):
        if not depth["sections"]:
            for name in TABLE_IN_SQL.findall(statement):
                if name in known:
                    outside.setdefault(name, statement)

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        for _viewer, login in DEMO_VIEWERS.items():
            client = FormClient(app.test_client())
            if login:
                client.login(*login)
            outside.clear()
            for url in _cached_page_urls(app)["consultations.detail"]:
                assert client.get(url).status_code == 200
            assert {"consultations", "consultation_themes"} <= set(outside), "the page itself was not read"
            families = {family_of(t) for t in outside if t not in READ_BUT_UNSEEN_TABLES}
            stray = {t: outside[t][:200] for t in outside if family_of(t) not in FRAME_FAMILIES}
            assert families <= FRAME_FAMILIES, stray
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)


# --- what a write renders afresh, on two servers (the `servers` fixture: tests/conftest.py) -------


def _from_cache(server, url: str) -> bool:
    """Whether a view of `url` comes from the cache: it runs one query, the versions."""
    with count_queries(server) as statements:
        assert anonymous_client(server).get(url).status_code == 200
    return len([s for s in statements if not s.startswith("BEGIN")]) == 1


def _warm(servers, *urls) -> None:
    for server in servers:
        for url in urls:
            anonymous_client(server).get(url)
            assert _from_cache(server, url), url


def test_a_ballot_renders_its_consultation_afresh_and_leaves_the_other_pages_cached(app, servers):
    from tests.consultations.factories import make_consultation

    one, two = servers
    voter = make_user(app)
    consultation = make_consultation(app, slug="with-live-results", results_visible_while_open=True)
    question = make_question(app, consultation, "single")
    other = make_open_consultation(app, slug="another-one")
    event = make_event(app, consultation=other)
    page, results = f"/en/consultations/{consultation.slug}", f"/en/consultations/{consultation.slug}/results"
    unrelated = ["/en/", "/en/consultations/", f"/en/events/{event.id}", f"/en/consultations/{other.slug}/moderation"]
    _warm(servers, page, results, *unrelated)
    client = FormClient(one.test_client())
    client.login(voter.email, PASSWORD)
    vote_url = f"/en/consultations/{consultation.slug}/questions/{question.id}"
    assert client.submit(vote_url, {"option": str(option_ids(question)[0])}).status_code == 303
    # The other server shows the ballot at once ...
    assert re.search(r"\b1 ballots? (is|are) counted", text(anonymous_client(two).get(results)))
    assert not _from_cache(two, page)  # rendered afresh: it may show the live results
    # ... and the pages that cannot show a ballot are still served from its cache.
    for url in unrelated:
        assert _from_cache(two, url), url


def test_a_comment_and_a_registration_render_afresh_only_what_shows_them(app, servers):
    one, two = servers
    resident = make_user(app, name="Karel Schrijver")
    consultation = make_open_consultation(app)
    event = make_event(app, consultation=consultation, capacity=10)
    page = f"/en/consultations/{consultation.slug}"
    results, event_page = f"{page}/results", f"/en/events/{event.id}"
    _warm(servers, page, results, event_page, "/en/consultations/")
    writer = FormClient(one.test_client())
    writer.login(resident.email, PASSWORD)
    comments_url = f"/nl/consultations/{consultation.slug}/comments"
    assert writer.submit(comments_url, {"body": "Een nieuw voorstel", "alignment": "for"}).status_code == 303
    assert "Een nieuw voorstel" in text(anonymous_client(two).get(page))
    assert _from_cache(two, results) and _from_cache(two, event_page) and _from_cache(two, "/en/consultations/")
    # A registration: the event shows one place fewer at once; the catalogue stays cached.
    assert "10 places left" in text(anonymous_client(two).get(event_page))
    assert writer.submit(f"/en/events/{event.id}", {}, action=f"/en/events/{event.id}/register").status_code == 303
    assert "9 places left" in text(anonymous_client(two).get(event_page))
    assert _from_cache(two, "/en/consultations/")


FORM_STARTED = re.compile(r'name="form_started"([^>]*)value="[^"]*"')


def _comparable(body: str) -> str:
    """A page without the per-view tokens (CSRF, anti-spam)."""
    from tests.support import TOKEN_RE

    return FORM_STARTED.sub(r'name="form_started"\1value=""', TOKEN_RE.sub('name="csrf_token" value=""', body))


def _consultation_with_every_section(app, slug: str):
    """An open consultation showing live results, with a question, an event and three comments."""
    from tests.comments.factories import make_comment
    from tests.consultations.factories import make_consultation

    consultation = make_consultation(app, slug=slug, results_visible_while_open=True)
    question = make_question(app, consultation, "single")
    make_event(app, consultation=consultation)
    for n in range(3):
        make_comment(app, consultation, make_user(app), body=f"Earlier comment {n}")
    return consultation, question


def _signed_in(server, person) -> FormClient:
    client = FormClient(server.test_client())
    client.login(person.email, PASSWORD, lang="en")
    return client


def _view_reading(server, client, url: str) -> tuple[str, set[str]]:
    """The page, and the tables its view read."""
    known = set(db.metadata.tables)
    with count_queries(server) as statements:
        body = text(client.get(url))
    return body, {name for statement in statements for name in TABLE_IN_SQL.findall(statement) if name in known}


def _rendered_without_cache(database_url: str, person, url: str) -> str:
    """The page as a server with the page cache off renders it for `person`: everything rendered."""
    uncached = make_app(database_url)
    try:
        return text(_signed_in(uncached, person).get(url))
    finally:
        with uncached.app_context():
            db.engine.dispose()


def test_after_a_ballot_only_the_questions_are_rendered_afresh_and_the_page_is_the_same(app, servers, database_url):
    """Signed in: the first view after a ballot renders the questions, takes the other sections
    from the cache, and is the very page a server without any cache renders."""
    one, two = servers
    voter, reader = make_user(app), make_user(app, name="Lezer Een")
    consultation, question = _consultation_with_every_section(app, "sections-apart")
    page = f"/en/consultations/{consultation.slug}"
    viewer = _signed_in(two, reader)
    viewer.get(page)
    writer = _signed_in(one, voter)
    vote_url = f"/en/consultations/{consultation.slug}/questions/{question.id}"
    assert writer.submit(vote_url, {"option": str(option_ids(question)[0])}).status_code == 303

    after_ballot, read = _view_reading(two, viewer, page)
    assert "ballots" in read  # the questions: rendered afresh
    assert not read & {"comments", "event_registrations", "events"}, read  # the other sections: from the cache
    assert not read & {"themes", "consultation_themes", "networks", "phases"}, read  # the frame: from the cache
    assert "1 person voted on this question." in after_ballot
    assert _comparable(after_ballot) == _comparable(_rendered_without_cache(database_url, reader, page))


def test_after_a_comment_the_page_is_assembled_from_its_frame_and_is_the_same(app, servers, database_url):
    """Signed in, with the discussion sorted and paged by the address: after a comment on another
    server, only the discussion is rendered; the page equals what a server without a cache renders.
    An organiser's edit then renders the whole page: the frame is kept under `content`."""
    one, two = servers
    reader, author = make_user(app, name="Lezer Twee"), make_user(app, name="Schrijver")
    consultation, _question = _consultation_with_every_section(app, "frame-and-parts")
    page = f"/en/consultations/{consultation.slug}?sort=oldest"
    viewer = _signed_in(two, reader)
    viewer.get(page)
    writer = _signed_in(one, author)
    comments_url = f"/nl/consultations/{consultation.slug}/comments"
    assert writer.submit(comments_url, {"body": "Een late reactie", "alignment": "for"}).status_code == 303

    shown, read = _view_reading(two, viewer, page)
    assert "comments" in read and not read & {"ballots", "events", "themes", "phases"}, read
    assert shown.index("Earlier comment 2") < shown.index("Een late reactie")  # oldest first, as asked
    assert _comparable(shown) == _comparable(_rendered_without_cache(database_url, reader, page))

    with one.app_context():
        db.session.get(Consultation, consultation.id).title = {"nl": "Nieuwe titel", "en": "A new title"}
        db.session.commit()
    assert "A new title" in text(viewer.get(page))


def test_a_frame_naming_a_section_the_page_no_longer_has_renders_the_page(app, servers):
    """A frame kept in Redis across a deployment that removed a section: the view renders the page."""
    import json

    from participation.core.page_cache import page_store

    _one, two = servers
    consultation, _question = _consultation_with_every_section(app, "frame-of-old")
    page = f"/en/consultations/{consultation.slug}"
    viewer = _signed_in(two, make_user(app))
    first = text(viewer.get(page))
    store = page_store(two)
    with two.test_request_context():
        frames = [k for k in _keys(store) if k.startswith("frame:")]
        assert len(frames) == 1
        kept = json.loads(store.get(frames[0]))
        kept["parts"].append(["section:gone.section:1", ["ballots"]])
        store.set(frames[0], json.dumps(kept).encode())
    with two.app_context():
        bump_content_version(db.session(), frozenset({"ballots"}))
        db.session.commit()
    again = viewer.get(page)
    assert again.status_code == 200 and _comparable(text(again)) == _comparable(first)


def _keys(store) -> list[str]:
    if hasattr(store, "client"):
        prefix = store.PREFIX.encode()
        return [k[len(prefix) :].decode() for k in store.client.scan_iter(store.PREFIX + "*")]
    return list(store._data)
