"""Moderation over HTTP: who gets in, hiding, approving, appeals, suspensions, the log."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from participation.accounts.models import User
from participation.comments.models import Comment, CommentAppeal, CommentState, HideReason
from participation.core.audit import AuditEntry
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db
from tests.comments.factories import make_comment, make_consultation
from tests.factories import PASSWORD, get, make_user
from tests.support import outbox, text

ROLES = ["anonymous", "unverified", "resident", "organiser_other", "organiser", "moderator", "admin"]


def _client_for(app, client, role, organiser):
    if role == "anonymous":
        return None
    if role == "organiser":
        user = organiser
    else:
        user = make_user(
            app,
            role={"organiser_other": Role.ORGANISER, "moderator": Role.MODERATOR, "admin": Role.ADMIN}.get(
                role, Role.RESIDENT
            ),
            verified=role != "unverified",
        )
    client.login(user.email, PASSWORD)
    return user


def _expected(kind, role):
    denied = 302 if role == "anonymous" else 403
    if kind == "moderation":
        return 200 if role in ("moderator", "admin") else denied
    if kind == "organiser":
        return 200 if role in ("organiser", "admin") else denied
    if kind == "public":
        return 200
    if kind == "participant":  # reply/report pages
        if role == "anonymous":
            return 302
        return 403 if role == "unverified" else 200
    if kind == "author_only":  # edit/appeal of someone else's comment
        return 302 if role == "anonymous" else (404 if kind == "author_only" else 403)
    raise AssertionError(kind)


@pytest.mark.parametrize("role", ROLES)
def test_every_get_route_for_every_role(app, client, role):
    organiser = make_user(app, role=Role.ORGANISER)
    author = make_user(app)
    consultation = make_consultation(app, organisers=[organiser])
    comment = make_comment(app, consultation, author)
    hidden = make_comment(app, consultation, author, state=CommentState.HIDDEN, hidden_reason=HideReason.SPAM)
    with app.app_context():
        appeal = CommentAppeal(comment_id=hidden.id, author_id=author.id, text="Onterecht verborgen")
        db.session.add(appeal)
        db.session.commit()
        appeal_id = appeal.id
    _client_for(app, client, role, organiser)
    slug = consultation.slug
    routes = [
        ("moderation", "/nl/moderate/"),
        ("moderation", f"/nl/moderate/comments/{comment.id}"),
        ("moderation", f"/nl/moderate/people/{author.id}"),
        ("moderation", "/nl/moderate/suspensions"),
        ("moderation", "/nl/moderate/appeals"),
        ("moderation", f"/nl/moderate/appeals/{appeal_id}"),
        ("moderation", "/nl/moderate/log"),
        ("organiser", f"/nl/consultations/{slug}/comments.csv"),
        ("organiser", f"/nl/consultations/{slug}/comments/statistics"),
        ("public", f"/nl/consultations/{slug}/comments"),
        ("public", f"/nl/consultations/{slug}/moderation"),
        ("public", f"/nl/comments/{comment.id}/replies"),
        ("participant", f"/nl/comments/{comment.id}/reply"),
        ("participant", f"/nl/comments/{comment.id}/report"),
    ]
    for kind, url in routes:
        assert client.get(url).status_code == _expected(kind, role), (url, role)
    # someone else's comment: edit is forbidden, appeal does not exist for them
    edit_status = client.get(f"/nl/comments/{comment.id}/edit").status_code
    appeal_status = client.get(f"/nl/comments/{hidden.id}/appeal").status_code
    assert edit_status == (302 if role == "anonymous" else 403)
    assert appeal_status == (302 if role == "anonymous" else 404)


@pytest.mark.parametrize("role", ["anonymous", "unverified", "resident", "organiser_other", "organiser"])
def test_moderation_posts_are_refused_for_non_moderators(app, client, role):
    organiser = make_user(app, role=Role.ORGANISER)
    author = make_user(app)
    consultation = make_consultation(app, organisers=[organiser])
    comment = make_comment(app, consultation, author)
    hidden = make_comment(app, consultation, author, state=CommentState.HIDDEN, hidden_reason=HideReason.SPAM)
    suspended = make_user(app)
    with app.app_context():
        appeal = CommentAppeal(comment_id=hidden.id, author_id=author.id, text="Onterecht verborgen")
        db.session.add(appeal)
        person = db.session.get(User, suspended.id)
        person.suspended_at, person.suspension_reason = utcnow(), "Spam"
        db.session.commit()
        appeal_id = appeal.id
    _client_for(app, client, role, organiser)
    page = "/nl/account/signup" if role == "anonymous" else f"/nl/consultations/{consultation.slug}/comments"
    denied = 302 if role == "anonymous" else 403
    posts = [
        (f"/nl/moderate/comments/{comment.id}/{action}", {"reason": "spam"})
        for action in ("approve", "dismiss", "hide")
    ]
    posts += [
        (f"/nl/moderate/comments/{hidden.id}/restore", {}),
        (f"/nl/moderate/people/{author.id}/suspend", {"duration": "7", "reason": "x", "confirmed": "1"}),
        (f"/nl/moderate/people/{suspended.id}/lift", {}),
        (f"/nl/moderate/appeals/{appeal_id}", {"outcome": "granted", "note": "ok"}),
    ]
    for url, data in posts:
        assert client.submit(page, data, action=url).status_code == denied, url
    assert get(app, Comment, comment.id).state == CommentState.PUBLISHED
    assert get(app, Comment, hidden.id).state == CommentState.HIDDEN
    assert get(app, User, author.id).suspended_at is None
    assert get(app, User, suspended.id).is_suspended()
    assert get(app, CommentAppeal, appeal_id).decided_at is None
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == 0


def test_draft_consultation_comments_are_404_for_the_public(app, client):
    from participation.consultations.models import ConsultationState

    consultation = make_consultation(app, state=ConsultationState.DRAFT)
    comment = make_comment(app, consultation, make_user(app))
    resident = make_user(app)
    client.login(resident.email, PASSWORD)
    assert client.get(f"/nl/consultations/{consultation.slug}/comments").status_code == 404
    assert client.get(f"/nl/consultations/{consultation.slug}/moderation").status_code == 404
    assert client.get(f"/nl/comments/{comment.id}/report").status_code == 404


def test_hide_shows_reason_publicly_mails_author_and_is_logged(app, client, other_client):
    payload = '<script>alert("x")</script>'
    author = make_user(app, name=payload, language="fr")
    reporter = make_user(app)
    moderator = make_user(app, role=Role.MODERATOR)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author, body=f"Slecht {payload}")
    other_client.login(reporter.email, PASSWORD)
    assert (
        other_client.submit(f"/nl/comments/{comment.id}/report", {"reason": "other", "text": payload}).status_code
        == 303
    )
    client.login(moderator.email, PASSWORD, lang="en")
    queue = text(client.get("/en/moderate/"))
    assert "Slecht" in queue and payload not in queue and "&lt;script&gt;" in queue
    detail = text(client.get(f"/en/moderate/comments/{comment.id}"))
    assert payload not in detail
    response = client.submit(
        f"/en/moderate/comments/{comment.id}",
        {"reason": "offensive", "note": payload},
        action=f"/en/moderate/comments/{comment.id}/hide",
    )
    assert response.status_code == 303
    public = text(other_client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Hidden by a moderator: Offensive, hateful or discriminating" in public and "Slecht" not in public
    mails = outbox(app, author.email, "moderation_hidden")
    assert len(mails) == 1 and mails[0].lang == "fr" and payload not in mails[0].body_html
    assert "/fr/comments/" in mails[0].body_text
    log = text(client.get("/en/moderate/log?action=comment.hide"))
    assert "Comment hidden" in log and payload not in log and "&lt;script&gt;" in log
    assert "No moderation actions match." in text(client.get("/en/moderate/log?action=user.suspend"))
    assert client.get("/en/moderate/log?action=drop+table").status_code == 400
    refused = client.get("/en/moderate/log?date_from=yesterday&date_to=2026-12-01")
    assert refused.status_code == 400
    page = text(refused)
    # A date input holds a date or nothing: the unreadable one is not shown back, the error says why.
    assert re.search(r'<input[^>]*name="date_from"[^>]*value=""', page) and 'value="yesterday"' not in page
    assert re.search(r'<input[^>]*name="date_to"[^>]*value="2026-12-01"', page)
    assert "Not a valid date value" in page


def test_pre_moderation_end_to_end(app, client, other_client):
    author = make_user(app)
    replier = make_user(app)
    moderator = make_user(app, role=Role.MODERATOR)
    consultation = make_consultation(app, pre_moderation=True)
    parent = make_comment(app, consultation, author, body="Eerste")
    other_client.login(replier.email, PASSWORD)
    url = f"/nl/comments/{parent.id}/reply"
    assert other_client.submit(url, {"body": "Wachtend antwoord", "alignment": "against"}).status_code == 303
    assert outbox(app, author.email, "comment_reply") == []
    assert "Wachtend antwoord" not in text(client.get(f"/nl/consultations/{consultation.slug}/comments"))
    with app.app_context():
        pending = db.session.scalar(sa.select(Comment).where(Comment.state == CommentState.PENDING))
        pending_id = pending.id
    client.login(moderator.email, PASSWORD, lang="en")
    assert "Awaiting approval" in text(client.get("/en/moderate/"))
    response = client.submit(
        f"/en/moderate/comments/{pending_id}", action=f"/en/moderate/comments/{pending_id}/approve"
    )
    assert response.status_code == 303
    assert "Wachtend antwoord" in text(client.get(f"/nl/consultations/{consultation.slug}/comments"))
    assert len(outbox(app, replier.email, "moderation_approved")) == 1
    assert len(outbox(app, author.email, "comment_reply")) == 1
    with app.app_context():
        assert (
            db.session.scalar(sa.select(AuditEntry.action).where(AuditEntry.target_id == pending_id))
            == "comment.approve"
        )


def test_appeal_is_decided_by_another_moderator(app, client, other_client):
    author = make_user(app)
    first, second = make_user(app, role=Role.MODERATOR), make_user(app, role=Role.MODERATOR)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author, body="Mijn mening")
    client.login(first.email, PASSWORD)
    assert (
        client.submit(
            f"/nl/moderate/comments/{comment.id}",
            {"reason": "off_topic"},
            action=f"/nl/moderate/comments/{comment.id}/hide",
        ).status_code
        == 303
    )
    other_client.login(author.email, PASSWORD)
    url = f"/nl/comments/{comment.id}/appeal"
    assert other_client.submit(url, {"text": "Dit was wel degelijk over het onderwerp."}).status_code == 303
    second_try = other_client.submit(url, {"text": "Nog een keer proberen dan."})
    assert second_try.status_code == 409  # one appeal per hidden comment
    thread = text(other_client.get(f"/en/consultations/{consultation.slug}"))
    assert "You appealed against this decision." in thread and f"/comments/{comment.id}/appeal" not in thread
    with app.app_context():
        appeal_id = db.session.scalar(sa.select(CommentAppeal.id))
    page = f"/nl/moderate/appeals/{appeal_id}"
    client.get(page)
    token_page = "/nl/moderate/log"
    assert client.submit(token_page, {"outcome": "granted"}, action=page).status_code == 403
    client.logout()
    client.login(second.email, PASSWORD)
    assert client.submit(page, {"outcome": "granted", "note": "Terecht"}).status_code == 303
    assert get(app, Comment, comment.id).state == CommentState.PUBLISHED
    mails = outbox(app, author.email, "moderation_appeal_decided")
    assert len(mails) == 1 and "Terecht" in mails[0].body_text
    public = text(client.get(f"/en/consultations/{consultation.slug}/moderation"))
    assert "Appeal granted: comment restored" in public


def test_suspend_ends_sessions_and_lift_restores(app, client, other_client):
    resident = make_user(app)
    moderator = make_user(app, role=Role.MODERATOR)
    other_client.login(resident.email, PASSWORD)
    client.login(moderator.email, PASSWORD, lang="en")
    url = f"/en/moderate/people/{resident.id}"
    response = client.submit(
        url,
        {"duration": "7", "reason": "Spam <b>bot</b>", "confirmed": "1"},
        action=f"/en/moderate/people/{resident.id}/suspend",
    )
    assert response.status_code == 303
    person = get(app, User, resident.id)
    assert person.is_suspended() and person.suspended_until is not None
    logged_out = other_client.get("/nl/account/")  # logged out everywhere: sent to the login page
    assert logged_out.status_code == 302 and "/account/login" in logged_out.headers["Location"]
    assert "Spam &lt;b&gt;bot&lt;/b&gt;" in text(client.get("/en/moderate/suspensions"))
    assert client.submit(url, action=f"/en/moderate/people/{resident.id}/lift").status_code == 303
    assert not get(app, User, resident.id).is_suspended()
    assert (
        client.submit(
            url,
            {"duration": "permanent", "reason": "x", "confirmed": "1"},
            action=f"/en/moderate/people/{moderator.id}/suspend",
        ).status_code
        == 409
    )
    with app.app_context():
        actions = set(db.session.scalars(sa.select(AuditEntry.action)))
    assert {"user.suspend", "user.lift_suspension"} <= actions


def test_moderator_cannot_suspend_staff(app, client):
    moderator = make_user(app, role=Role.MODERATOR)
    organiser = make_user(app, role=Role.ORGANISER)
    client.login(moderator.email, PASSWORD)
    url = f"/nl/moderate/people/{organiser.id}"
    assert (
        client.submit(
            url,
            {"duration": "1", "reason": "x", "confirmed": "1"},
            action=f"/nl/moderate/people/{organiser.id}/suspend",
        ).status_code
        == 403
    )
    assert get(app, User, organiser.id).suspended_at is None


def test_dismissing_reports_restores_an_auto_hidden_comment(app, client, other_client, monkeypatch):
    monkeypatch.setitem(app.config, "COMMENT_AUTO_HIDE_REPORTS", 1)
    author, reporter = make_user(app), make_user(app)
    moderator = make_user(app, role=Role.MODERATOR)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author, body="Omstreden")
    other_client.login(reporter.email, PASSWORD)
    assert other_client.submit(f"/nl/comments/{comment.id}/report", {"reason": "spam"}).status_code == 303
    assert get(app, Comment, comment.id).state == CommentState.HIDDEN
    client.login(moderator.email, PASSWORD)
    assert "Omstreden" in text(client.get("/nl/moderate/"))
    assert (
        client.submit(
            f"/nl/moderate/comments/{comment.id}", action=f"/nl/moderate/comments/{comment.id}/dismiss"
        ).status_code
        == 303
    )
    assert get(app, Comment, comment.id).state == CommentState.PUBLISHED
    assert "Omstreden" not in text(client.get("/nl/moderate/"))
