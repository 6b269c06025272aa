"""The organiser's path: one overview per consultation that reaches every part of its back office,
a shared navigation on every per-consultation back-office page, its history, and drafts that never
read as "closed"."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
import sqlalchemy as sa
from flask_babel import force_locale, gettext

from participation.comments.models import CommentState
from participation.consultations.models import Consultation, ModerationMode
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db
from tests.comments.factories import make_comment
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.factories import PASSWORD, make_user
from tests.statements.factories import make_map
from tests.support import count_queries, text
from tests.votes.factories import make_question

LINK_RE = re.compile(r'<a [^>]*href="([^"]+)"')


def hub_url(consultation, lang="nl"):
    return f"/{lang}/organise/{consultation.id}/overview"


def main_of(page: str) -> str:
    start = page.index("<main")
    return page[start : page.index("</main>", start)]


def links_in(html: str) -> list[str]:
    return [unescape(href) for href in LINK_RE.findall(html)]


def nav_of(page: str) -> str:
    match = re.search(r'<nav aria-label="[^"]*" class="manage-tabs">.*?</nav>', page, re.S)
    assert match, "no consultation navigation on the page"
    return match.group(0)


@pytest.fixture
def organiser(app, client):
    user = make_user(app, role=Role.ORGANISER, name="Olivia Organiser")
    client.login(user.email, PASSWORD)
    return user


@pytest.fixture
def full_consultation(app, organiser):
    """An open consultation with every part: a question, an event, statements, comments."""
    consultation = make_consultation(app, organisers=[organiser], moderation_mode=ModerationMode.PRE)
    make_question(app, consultation)
    make_event(app, consultation=consultation)
    make_map(app, consultation)
    author = make_user(app)
    make_comment(app, consultation, author)
    make_comment(app, consultation, author, state=CommentState.PENDING)
    return consultation


# ------------------------------------------------------------------ every part, every link


def test_the_back_office_index_links_to_the_overview(app, client, full_consultation):
    page = text(client.get("/nl/organise/"))
    assert hub_url(full_consultation) in links_in(page)


def test_the_overview_shows_every_part_with_its_state(app, client, full_consultation):
    response = client.get(hub_url(full_consultation, "en"))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = text(response)
    for heading in (
        "Status",
        "Texts in each language",
        "Timeline",
        "Organisers",
        "Questions",
        "Events",
        "Statements and opinion map",
        "Comments",
        "Results and feedback",
        "History",
    ):
        assert f">{heading}</h2>" in page, heading
    assert "1 question" in page and "Voting: open until" in page
    assert "1 event" in page and "Citizens&#39; panel on climate" in page
    assert "Statements: open until" in page
    assert "1 comment awaits moderation." in page
    assert "Olivia Organiser" in page


def test_every_link_of_the_overview_works_and_back_office_pages_link_back(app, client, full_consultation):
    hub = hub_url(full_consultation)
    links = {link.split("#")[0] for link in links_in(main_of(text(client.get(hub))))}
    # Every part is reached: texts, questions, statements, comments, an event, history, the public page.
    expected = {
        f"/nl/organise/{full_consultation.id}",
        f"/nl/organise/consultations/{full_consultation.slug}/questions/",
        f"/nl/organise/consultations/{full_consultation.slug}/questions/new",
        f"/nl/organise/consultations/{full_consultation.slug}/statements/",
        f"/nl/consultations/{full_consultation.slug}/comments/statistics",
        f"/nl/consultations/{full_consultation.slug}/comments.csv",
        f"/nl/organise/{full_consultation.id}/history",
        f"/nl/organise/{full_consultation.id}/close",
        f"/nl/consultations/{full_consultation.slug}",
    }
    assert expected <= links, expected - links
    assert any(re.fullmatch(r"/nl/organise/events/\d+/attendees", link) for link in links)
    # Links into a part of the editor (timeline, organisers, results) land on an existing element.
    for link in links_in(main_of(text(client.get(hub)))):
        if "#" in link:
            path, fragment = link.split("#")
            assert f'id="{fragment}"' in text(client.get(path)), link
    not_per_consultation = {"/nl/organise/", "/nl/organise/events/"}
    for link in sorted(links):
        if link in not_per_consultation or link.startswith("/nl/organise/events/new"):
            assert client.get(link).status_code == 200, link
            continue
        response = client.get(link)
        assert response.status_code == 200, link
        back_office = link.startswith("/nl/organise/") or link.endswith("/comments/statistics")
        if link.endswith("/close"):  # the question before closing: its way back is the editor, with the tabs
            assert f"/nl/organise/{full_consultation.id}" in links_in(text(response))
        elif back_office:
            assert hub in links_in(text(response)), f"{link} does not link back to the overview"


TABS = [
    ("overview", "Overview"),
    ("edit", "Texts and settings"),
    ("questions", "Questions"),
    ("statements", "Statements"),
    ("comments", "Comments"),
    ("history", "History"),
]


def _tab_urls(c):
    return {
        "overview": hub_url(c, "en"),
        "edit": f"/en/organise/{c.id}",
        "questions": f"/en/organise/consultations/{c.slug}/questions/",
        "statements": f"/en/organise/consultations/{c.slug}/statements/",
        "comments": f"/en/consultations/{c.slug}/comments/statistics",
        "history": f"/en/organise/{c.id}/history",
    }


@pytest.mark.parametrize(("key", "label"), TABS)
def test_each_page_marks_its_own_tab_as_current(app, client, full_consultation, key, label):
    urls = _tab_urls(full_consultation)
    nav = nav_of(text(client.get(urls[key])))
    current = re.findall(r'<a href="([^"]+)" aria-current="page">([^<]+)</a>', nav)
    assert current == [(urls[key], label)]
    for other in urls.values():
        assert f'href="{other}"' in nav


def test_the_question_editor_and_new_question_pages_carry_the_navigation(app, client, full_consultation):
    c = full_consultation
    for url in (f"/en/organise/consultations/{c.slug}/questions/new",):
        nav = nav_of(text(client.get(url)))
        assert f'href="{_tab_urls(c)["questions"]}" aria-current="page"' in nav


def test_an_events_pages_link_back_to_its_consultation(app, client, organiser):
    consultation = make_consultation(app, organisers=[organiser])
    event = make_event(app, consultation=consultation)
    page = text(client.get(f"/nl/organise/events/{event.id}/attendees"))
    assert hub_url(consultation) in links_in(page)


# ------------------------------------------------------------------ texts, comments, history


def test_missing_translations_are_shown_per_language(app, client, organiser):
    consultation = make_consultation(
        app,
        organisers=[organiser],
        title={"nl": "Titel", "en": "Title"},
        summary={"nl": "Samenvatting", "en": "Summary"},
        body={"nl": "Tekst", "en": "Text"},
    )
    page = text(client.get(hub_url(consultation, "en")))
    rows = dict(re.findall(r'<tr><th scope="row">([^<]+)</th>\s*<td>(.*?)</td></tr>', page, re.S))
    assert rows["Nederlands (required)"].strip() == "Complete"
    assert rows["English"].strip() == "Complete"
    assert "Missing: title, summary, text" in rows["Français"]


def test_pending_comments_are_counted_only_when_pre_moderated(app, client, organiser):
    author = make_user(app)
    pre = make_consultation(app, organisers=[organiser], moderation_mode=ModerationMode.PRE)
    post = make_consultation(app, organisers=[organiser])
    for _ in range(2):
        make_comment(app, pre, author, state=CommentState.PENDING)
    make_comment(app, post, author)
    pre_page = text(client.get(hub_url(pre, "en")))
    assert "2 comments await moderation." in pre_page
    assert "Pre-moderated" in pre_page
    post_page = text(client.get(hub_url(post, "en")))
    assert "await moderation" not in post_page and "awaits moderation" not in post_page
    assert "1 published, 0 hidden." in post_page


def test_the_moderation_queue_is_linked_only_for_moderators(app, client, full_consultation):
    assert "/en/moderate/" not in links_in(text(client.get(hub_url(full_consultation, "en"))))


def test_history_shows_an_edit_with_who_and_when(app, client, organiser):
    from tests.consultations.test_back_office import editor_data

    client.submit("/nl/organise/new", editor_data())
    with app.app_context():
        consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == "nieuwe-bevraging"))
        db.session.expunge(consultation)
    response = client.submit(f"/nl/organise/{consultation.id}", editor_data(title_fr="Nouvelle consultation"))
    assert response.status_code == 303
    make_question(app, consultation)  # written directly: no audit entry
    client.submit(
        f"/en/organise/consultations/{consultation.slug}/questions/new",
        {
            "kind": "single",
            "prompt_nl": "Welke optie?",
            "option_1_nl": "Ja",
            "option_2_nl": "Nee",
        },
    )
    for url in (hub_url(consultation, "en"), f"/en/organise/{consultation.id}/history"):
        page = text(client.get(url))
        assert "Edited: title" in page
        assert "Created" in page
        assert "Olivia Organiser" in page
        # Brussels time, in the page's language.
        assert re.search(r"<tr><td>[^<]*\d{1,2}:\d{2}", page)
    fr = text(client.get(f"/fr/organise/{consultation.id}/history"))
    assert "Olivia Organiser" in fr and 'lang="fr"' in fr


def test_history_is_paginated(app, client, organiser):
    from participation.core import audit

    consultation = make_consultation(app, organisers=[organiser])
    with app.app_context():
        for _ in range(30):
            audit.record(None, "consultation.edited", "consultation", consultation.id, consultation_id=consultation.id)
        db.session.commit()
    first = text(client.get(f"/en/organise/{consultation.id}/history"))
    assert first.count("<tr><td>") == 25
    assert "?page=2" in first
    second = text(client.get(f"/en/organise/{consultation.id}/history?page=2"))
    assert second.count("<tr><td>") == 5


def test_residents_and_moderators_stay_unnamed_in_the_history(app, client, organiser):
    from participation.core import audit

    consultation = make_consultation(app, organisers=[organiser])
    resident = make_user(app, name="Rita Resident")
    moderator = make_user(app, role=Role.MODERATOR, name="Mo Moderator")
    with app.app_context():
        audit.record(resident, "appeal.submitted", "comment", 1, consultation_id=consultation.id)
        audit.record(moderator, "comment.hide", "comment", 1, consultation_id=consultation.id)
        audit.record(None, "comment.auto_hidden", "comment", 2, consultation_id=consultation.id)
        db.session.commit()
    page = text(client.get(f"/en/organise/{consultation.id}/history"))
    assert "Appeal submitted" in page and "A resident" in page and "Rita Resident" not in page
    assert "Comment hidden" in page and "A moderator" in page and "Mo Moderator" not in page
    assert "Automatic" in page


# ------------------------------------------------------------------ permissions


@pytest.mark.parametrize("suffix", ["overview", "history"])
def test_only_its_organisers_and_administrators_see_it(app, client, suffix):
    owner = make_user(app, role=Role.ORGANISER)
    consultation = make_consultation(app, organisers=[owner])
    url = f"/nl/organise/{consultation.id}/{suffix}"

    anonymous = client.get(url)
    assert anonymous.status_code in (302, 303) and "/nl/account/login" in anonymous.headers["Location"]

    resident = make_user(app)
    client.login(resident.email, PASSWORD)
    assert client.get(url).status_code == 403
    client.logout()

    other = make_user(app, role=Role.ORGANISER)
    client.login(other.email, PASSWORD)
    assert client.get(url).status_code == 404  # as the editor: other organisers do not learn it exists
    assert client.get(f"/nl/organise/{consultation.id}").status_code == 404
    client.logout()

    moderator = make_user(app, role=Role.MODERATOR)
    client.login(moderator.email, PASSWORD)
    assert client.get(url).status_code == 403
    client.logout()

    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD)
    assert client.get(url).status_code == 200
    client.logout()

    client.login(owner.email, PASSWORD)
    assert client.get(url).status_code == 200
    assert client.get(f"/nl/organise/999999/{suffix}").status_code == 404


# ------------------------------------------------------------------ a constant number of queries


def _fill(app, consultation, n: int):
    from participation.core import audit

    author = make_user(app)
    for i in range(n):
        make_question(app, consultation)
        make_event(app, consultation=consultation, title={"nl": f"Avond {i}"})
        make_comment(app, consultation, author, state=CommentState.PENDING)
        make_comment(app, consultation, author)
    with app.app_context():
        for _ in range(n):
            audit.record(
                author, "consultation.edited", "consultation", consultation.id, consultation_id=consultation.id
            )
        db.session.commit()


def test_the_overview_runs_a_constant_number_of_queries(app, client, organiser):
    small = make_consultation(app, organisers=[organiser], moderation_mode=ModerationMode.PRE)
    large = make_consultation(app, organisers=[organiser, make_user(app, role=Role.ORGANISER)])
    make_map(app, small)
    make_map(app, large, texts=[f"Stelling {i}" for i in range(6)])
    _fill(app, small, 1)
    _fill(app, large, 6)
    client.get(hub_url(small))  # warm up (log-in session, caches)
    counts = []
    for consultation in (small, large):
        with count_queries(app) as statements:
            assert client.get(hub_url(consultation)).status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1], counts


# ------------------------------------------------------------------ a draft never reads as closed


def _closed_phrases(app, lang: str) -> list[str]:
    """How "closed" reads in this language on the pages checked below."""
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        phrases = [
            gettext("Closed"),
            gettext("closed on %(date)s", date="").strip(),
            gettext("Registration is closed."),
            gettext("Comments are closed: you can only comment while the consultation is open."),
            gettext("Voting is closed."),
            gettext("%(what)s: closed on %(date)s.", what="", date="").strip(": ."),
        ]
    return [p for p in phrases if p]


@pytest.fixture
def old_draft(app, organiser):
    """A draft whose dates have passed: by the clock alone it would be 'closed'."""
    now = utcnow()
    consultation = make_consultation(app, status="draft", organisers=[organiser])
    with app.app_context():
        db.session.execute(
            sa.update(Consultation)
            .where(Consultation.id == consultation.id)
            .values(opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=2))
        )
        db.session.commit()
    make_question(app, consultation)
    make_map(app, consultation, state="closed")
    event = make_event(app, consultation=consultation, registration="closed")
    return consultation, event


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_a_draft_never_reads_as_closed(app, client, old_draft, lang):
    consultation, event = old_draft
    phrases = _closed_phrases(app, lang)
    pages = [
        hub_url(consultation, lang),
        f"/{lang}/organise/{consultation.id}",
        f"/{lang}/organise/{consultation.id}/history",
        f"/{lang}/organise/",
        f"/{lang}/organise/consultations/{consultation.slug}/questions/",
        f"/{lang}/organise/consultations/{consultation.slug}/statements/",
        f"/{lang}/consultations/{consultation.slug}/comments/statistics",
        f"/{lang}/consultations/{consultation.slug}",  # the organiser's preview
        f"/{lang}/consultations/{consultation.slug}/results",
        f"/{lang}/consultations/{consultation.slug}/statements/",
        f"/{lang}/consultations/{consultation.slug}/statements/map",
        f"/{lang}/consultations/{consultation.slug}/comments",
        f"/{lang}/events/{event.id}",  # the organiser's preview of its event
        f"/{lang}/organise/events/",
        f"/{lang}/organise/events/{event.id}/attendees",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = main_of(text(response))
        for phrase in phrases:
            assert unescape(phrase) not in unescape(body), f"{url} says {phrase!r}"


@pytest.mark.parametrize(
    ("lang", "says"),
    [("nl", "Reageren kan vanaf"), ("en", "Comments open on"), ("fr", "Les commentaires seront ouverts le")],
)
def test_an_upcoming_discussion_says_when_it_opens_not_that_it_closed(app, client, lang, says):
    consultation = make_consultation(app, status="upcoming")
    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        closed = gettext("Comments are closed: you can only comment while the consultation is open.")
    body = unescape(main_of(text(client.get(f"/{lang}/consultations/{consultation.slug}/comments"))))
    assert says in body and unescape(closed) not in body


def test_the_draft_preview_says_not_yet_published(app, client, old_draft):
    consultation, event = old_draft
    page = text(client.get(f"/en/consultations/{consultation.slug}"))
    assert "Draft · not yet published" in page
    assert "Comments open once the consultation is published." in page
    event_page = text(client.get(f"/en/events/{event.id}"))
    assert "Registration opens once the consultation is published." in event_page


def test_the_overview_of_a_draft_says_not_yet_open(app, client, old_draft):
    consultation, _event = old_draft
    page = text(client.get(hub_url(consultation, "en")))
    assert "Draft: not yet published." in page
    assert "Voting: not yet open, because the consultation is not published yet." in page
    assert "Statements: not yet open, because the consultation is not published yet." in page
    assert "not public yet: the consultation is not published" in page


def test_drafts_stay_out_of_the_api_and_embeds(app, client, old_draft):
    consultation, _event = old_draft
    assert client.get(f"/api/v1/consultations/{consultation.slug}").status_code == 404
    listed = client.get("/api/v1/consultations?status=closed").get_json()
    assert consultation.slug not in str(listed)
    client.logout()
    assert client.get(f"/nl/embed/consultations/{consultation.slug}").status_code == 404
