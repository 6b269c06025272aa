"""Hidden, deleted and pending comments never show their text to others, through any route;
deleted comments leave a placeholder only where live replies hang below them; long threads
show their first replies and link to a page with all of them."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from participation.comments.models import Comment, CommentState, HideReason
from participation.comments.queries import REPLIES_PER_PAGE, REPLIES_SHOWN
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db
from tests.comments.factories import make_comment, make_consultation
from tests.factories import PASSWORD, make_user, suspend
from tests.support import count_queries, text

SECRET = "GEHEIME-TEKST-7f3a"


def _viewer(app, client, kind, consultation_organiser):
    """Log in as someone who is not the author (or nobody)."""
    if kind == "anonymous":
        return
    if kind == "organiser":
        user = consultation_organiser
    else:
        user = make_user(app, verified=kind != "unverified")
        if kind == "suspended":
            suspend(app, user)
    client.login(user.email, PASSWORD, lang="en")


def _hidden_or_deleted(app, consultation, author, kind):
    if kind == "hidden":
        return make_comment(
            app,
            consultation,
            author,
            body=SECRET,
            state=CommentState.HIDDEN,
            hidden_reason=HideReason.OFFENSIVE,
            moderator_note="nota",
            hidden_at=utcnow(),
        )
    if kind == "deleted":
        return make_comment(app, consultation, author, body=SECRET, deleted_at=utcnow())
    return make_comment(app, consultation, author, body=SECRET, state=CommentState.PENDING)


def _every_route(client, consultation, comment):
    """Every page that shows a comment, by GET and (for forms) by POST with valid data."""
    slug = consultation.slug
    thread = f"/en/consultations/{slug}/comments"
    responses = {
        "detail": client.get(f"/en/consultations/{slug}"),
        "thread": client.get(thread),
        "thread-oldest": client.get(thread + "?sort=oldest"),
        "conversation": client.get(f"/en/comments/{comment.id}/replies"),
        "report": client.get(f"/en/comments/{comment.id}/report"),
        "reply": client.get(f"/en/comments/{comment.id}/reply"),
        "edit": client.get(f"/en/comments/{comment.id}/edit"),
        "appeal": client.get(f"/en/comments/{comment.id}/appeal"),
        "transparency": client.get(f"/en/consultations/{slug}/moderation"),
    }
    token_page = "/en/account/login" if not _logged_in(client) else thread
    posts = {
        "report-post": (f"/en/comments/{comment.id}/report", {"reason": "spam"}),
        # an invalid reply (too short) would re-render the write page: the old leak
        "reply-post-invalid": (f"/en/comments/{comment.id}/reply", {"body": "x", "alignment": "for"}),
        "reply-post": (f"/en/comments/{comment.id}/reply", {"body": "Een antwoord", "alignment": "for"}),
        "edit-post": (f"/en/comments/{comment.id}/edit", {"body": "Gewijzigd", "alignment": "for"}),
        "appeal-post": (f"/en/comments/{comment.id}/appeal", {"text": "x"}),
        "endorse": (f"/en/comments/{comment.id}/endorse", {}),
    }
    for name, (url, data) in posts.items():
        responses[name] = client.submit(token_page, data, action=url)
    return responses


def _logged_in(client) -> bool:
    return client.get("/en/account/").status_code == 200


@pytest.mark.parametrize("kind", ["hidden", "deleted", "pending"])
@pytest.mark.parametrize("viewer", ["anonymous", "resident", "unverified", "suspended", "organiser"])
def test_text_of_hidden_deleted_and_pending_comments_never_reaches_others(app, client, kind, viewer):
    organiser = make_user(app, role=Role.ORGANISER)
    author = make_user(app)
    consultation = make_consultation(app, organisers=[organiser])
    comment = _hidden_or_deleted(app, consultation, author, kind)
    # a live reply keeps a placeholder for the deleted/pending one in the thread
    make_comment(app, consultation, make_user(app), body="Een zichtbaar antwoord", parent=comment)
    _viewer(app, client, viewer, organiser)
    for name, response in _every_route(client, consultation, comment).items():
        assert SECRET not in text(response), (name, response.status_code)
        assert response.status_code < 500, name
    with app.app_context():
        stored = db.session.get(Comment, comment.id)
        assert stored.body == SECRET and stored.edited_at is None
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == 2  # no reply was added


@pytest.mark.parametrize("kind", ["hidden", "deleted", "pending"])
def test_report_and_reply_on_a_comment_that_is_not_visible_are_404(app, client, kind):
    consultation = make_consultation(app)
    comment = _hidden_or_deleted(app, consultation, make_user(app), kind)
    reader = make_user(app)
    client.login(reader.email, PASSWORD, lang="en")
    for action in ("report", "reply"):
        assert client.get(f"/en/comments/{comment.id}/{action}").status_code == 404
        response = client.submit(
            f"/en/consultations/{consultation.slug}/comments",
            {"reason": "spam"},
            action=f"/en/comments/{comment.id}/{action}",
        )
        assert response.status_code == 404


def test_author_sees_own_hidden_comment_only_with_its_reason_and_on_the_appeal_page(app, client):
    author = make_user(app)
    consultation = make_consultation(app)
    comment = _hidden_or_deleted(app, consultation, author, "hidden")
    client.login(author.email, PASSWORD, lang="en")
    thread = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Hidden by a moderator: Offensive, hateful or discriminating" in thread and SECRET not in thread
    assert f"/en/comments/{comment.id}/appeal" in thread
    appeal = client.get(f"/en/comments/{comment.id}/appeal")
    assert appeal.status_code == 200 and SECRET in text(appeal) and "nota" in text(appeal)
    edit = client.get(f"/en/comments/{comment.id}/edit")
    assert edit.status_code == 303  # back to the thread, with the reason
    landed = text(client.get(edit.headers["Location"]))
    assert "This comment can no longer be edited." in landed and SECRET not in landed


def test_nobody_sees_the_text_of_a_deleted_comment_not_even_its_author(app, client):
    author = make_user(app)
    consultation = make_consultation(app)
    comment = _hidden_or_deleted(app, consultation, author, "deleted")
    client.login(author.email, PASSWORD, lang="en")
    for name, response in _every_route(client, consultation, comment).items():
        assert SECRET not in text(response), name


def test_unverified_and_suspended_people_get_the_reason_before_the_reply_form(app, client, other_client):
    consultation = make_consultation(app)
    parent = make_comment(app, consultation, make_user(app), body="Zichtbare reactie")
    unverified, suspended = make_user(app, verified=False), make_user(app)
    suspend(app, suspended)
    client.login(unverified.email, PASSWORD, lang="en")
    other_client.login(suspended.email, PASSWORD, lang="en")
    url = f"/en/comments/{parent.id}/reply"
    page = f"/en/consultations/{consultation.slug}/comments"
    for who, expected in (
        (client, "Confirm your e-mail address before you take part in the discussion."),
        (other_client, "Herhaalde beledigingen"),
    ):
        assert who.get(url).status_code == 403 and expected in text(who.get(url))
        # an invalid form is not even read: the refusal comes first
        response = who.submit(page, {"body": "x", "alignment": "for"}, action=url)
        assert response.status_code == 403 and expected in text(response)
        assert 'name="body"' not in text(response)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == 1


def test_replying_on_a_closed_consultation_says_why(app, client):
    consultation = make_consultation(app, open_now=False)
    parent = make_comment(app, consultation, make_user(app))
    client.login(make_user(app).email, PASSWORD, lang="en")
    response = client.get(f"/en/comments/{parent.id}/reply")
    assert response.status_code == 409
    assert "You can only comment while the consultation is open." in text(response)


# --- placeholders -----------------------------------------------------------------------------


def _delete(client, consultation, comment):
    url = f"/en/comments/{comment.id}/delete"
    return client.submit(url, {"confirmed": "1"})  # from the page that asks first


def test_deleted_reply_without_replies_leaves_no_placeholder(app, client):
    author = make_user(app)
    consultation = make_consultation(app)
    root = make_comment(app, consultation, make_user(app), body="Hoofdreactie")
    lonely = make_comment(app, consultation, author, body="Eenzaam antwoord", parent=root)
    client.login(author.email, PASSWORD, lang="en")
    assert _delete(client, consultation, lonely).status_code == 303
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Hoofdreactie" in page and "Eenzaam antwoord" not in page
    assert "Comment deleted" not in page and f'id="comment-{lonely.id}"' not in page


def test_deleted_reply_with_live_replies_keeps_its_place(app, client):
    author = make_user(app)
    consultation = make_consultation(app)
    root = make_comment(app, consultation, make_user(app), body="Hoofdreactie")
    middle = make_comment(app, consultation, author, body="Middelste", parent=root)
    make_comment(app, consultation, make_user(app), body="Diep antwoord", parent=middle)
    client.login(author.email, PASSWORD, lang="en")
    assert _delete(client, consultation, middle).status_code == 303
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert page.count("Comment deleted") == 1 and "Middelste" not in page
    # the live reply still hangs under the placeholder
    assert page.index(f'id="comment-{middle.id}"') < page.index("Diep antwoord")


def test_a_chain_of_deleted_replies_disappears_when_nothing_live_is_left(app, client):
    author = make_user(app)
    consultation = make_consultation(app)
    root = make_comment(app, consultation, make_user(app), body="Hoofdreactie")
    first = make_comment(app, consultation, author, body="Eerste", parent=root)
    second = make_comment(app, consultation, author, body="Tweede", parent=first)
    third = make_comment(app, consultation, author, body="Derde", parent=second)
    client.login(author.email, PASSWORD, lang="en")
    assert _delete(client, consultation, first).status_code == 303
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert page.count("Comment deleted") == 1 and "Derde" in page  # a live great-grandchild keeps it
    for comment in (second, third):
        assert _delete(client, consultation, comment).status_code == 303
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Comment deleted" not in page and "Hoofdreactie" in page


def test_deleted_top_level_comment_whose_replies_are_all_deleted_disappears(app, client):
    author = make_user(app)
    consultation = make_consultation(app)
    root = make_comment(app, consultation, author, body="Weg")
    reply = make_comment(app, consultation, author, body="Ook weg", parent=root)
    client.login(author.email, PASSWORD, lang="en")
    for comment in (reply, root):
        assert _delete(client, consultation, comment).status_code == 303
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Comment deleted" not in page and "No comments yet." in page


def test_pending_comment_with_replies_shows_others_a_placeholder(app, client, other_client):
    """An edit under pre-moderation sends a published comment back to review: its replies stay."""
    author, replier = make_user(app), make_user(app)
    consultation = make_consultation(app, pre_moderation=True)
    root = make_comment(app, consultation, author, body="Origineel")
    make_comment(app, consultation, replier, body="Antwoord blijft", parent=root)
    client.login(author.email, PASSWORD, lang="en")
    assert client.submit(f"/en/comments/{root.id}/edit", {"body": "Herschreven", "alignment": "for"}).status_code == 303
    other_client.login(replier.email, PASSWORD, lang="en")
    page = text(other_client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "This comment was changed and awaits review by a moderator." in page
    assert "Antwoord blijft" in page and "Herschreven" not in page and "Origineel" not in page
    mine = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Herschreven" in mine and "Awaiting review: only you can see this comment" in mine


# --- long threads -----------------------------------------------------------------------------


def _replies(app, consultation, root, n, body="Antwoord"):
    with app.app_context():
        start = utcnow()
        author = make_user(app)
        rows = [
            {
                "consultation_id": consultation.id,
                "author_id": author.id,
                "body": f"{body} {i:03d}",
                "alignment": "for",
                "state": "published",
                "depth": 1,
                "parent_id": root.id,
                "root_id": root.id,
                "created_at": start + timedelta(seconds=i),
            }
            for i in range(n)
        ]
        db.session.execute(sa.insert(Comment), rows)
        db.session.commit()


def test_a_page_shows_the_first_replies_of_each_thread_and_links_to_all(app, client):
    consultation = make_consultation(app)
    busy = make_comment(app, consultation, make_user(app), body="Drukke draad")
    quiet = make_comment(app, consultation, make_user(app), body="Rustige draad")
    _replies(app, consultation, busy, REPLIES_SHOWN + 7)
    _replies(app, consultation, quiet, REPLIES_SHOWN, body="Stil")
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    shown = [f"Antwoord {i:03d}" for i in range(REPLIES_SHOWN)]
    assert all(reply in page for reply in shown)
    assert f"Antwoord {REPLIES_SHOWN:03d}" not in page
    assert f"Show all {REPLIES_SHOWN + 7} replies" in page
    assert f"/en/comments/{busy.id}/replies" in page
    assert f"/en/comments/{quiet.id}/replies" not in page  # nothing more to show
    assert all(f"Stil {i:03d}" in page for i in range(REPLIES_SHOWN))
    whole = client.get(f"/en/comments/{busy.id}/replies")
    assert whole.status_code == 200
    body = text(whole)
    assert all(f"Antwoord {i:03d}" in body for i in range(REPLIES_SHOWN + 7))
    assert "Drukke draad" in body and "Rustige draad" not in body
    assert f"{REPLIES_SHOWN + 7} replies" in body


def test_the_thread_page_pages_through_its_replies(app, client):
    consultation = make_consultation(app)
    root = make_comment(app, consultation, make_user(app), body="Lange draad")
    _replies(app, consultation, root, REPLIES_PER_PAGE + 3)
    first = text(client.get(f"/en/comments/{root.id}/replies"))
    second = text(client.get(f"/en/comments/{root.id}/replies?page=2"))
    assert "Antwoord 000" in first and f"Antwoord {REPLIES_PER_PAGE - 1:03d}" in first
    assert f"Antwoord {REPLIES_PER_PAGE:03d}" not in first
    assert f"Antwoord {REPLIES_PER_PAGE:03d}" in second and "Antwoord 000" not in second
    assert "Lange draad" in second  # the thread's own comment heads every page
    assert client.get(f"/en/comments/{root.id}/replies?page=abc").status_code == 400


def test_the_thread_page_of_a_reply_leads_to_its_thread(app, client):
    consultation = make_consultation(app)
    root = make_comment(app, consultation, make_user(app), body="Hoofd")
    reply = make_comment(app, consultation, make_user(app), body="Antwoord", parent=root)
    response = client.get(f"/en/comments/{reply.id}/replies")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/en/comments/{root.id}/replies#comment-{reply.id}")


def test_thread_page_of_a_draft_consultation_or_a_missing_comment_is_404(app, client):
    from participation.consultations.models import ConsultationState

    draft = make_consultation(app, state=ConsultationState.DRAFT)
    comment = make_comment(app, draft, make_user(app))
    assert client.get(f"/en/comments/{comment.id}/replies").status_code == 404
    assert client.get("/en/comments/999999/replies").status_code == 404


def test_long_threads_do_not_add_queries(app, client):
    consultation = make_consultation(app)
    roots = [make_comment(app, consultation, make_user(app), body=f"Draad {n}") for n in range(3)]
    url = f"/en/consultations/{consultation.slug}/comments"
    client.get(url)
    with count_queries(app) as few:
        assert client.get(url).status_code == 200
    for root in roots:
        _replies(app, consultation, root, 60)
    with count_queries(app) as many:
        page = text(client.get(url))
    assert len(few) == len(many)
    assert page.count("Show all 60 replies") == 3
    thread_url = f"/en/comments/{roots[0].id}/replies"
    with count_queries(app) as thread_queries:
        assert client.get(thread_url).status_code == 200
    _replies(app, consultation, roots[0], 200)
    with count_queries(app) as more_thread_queries:
        assert client.get(thread_url + "?page=2").status_code == 200
    assert len(thread_queries) == len(more_thread_queries)
