"""Who may decide what: no self-moderation, appeals decided by someone who did not hide the comment;
restore, the appeal log entry, the log's filters, the queue's order and context, XSS in mails and pages."""

from __future__ import annotations

import re
from datetime import timedelta

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

XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>"]


def _hide(client, comment, reason="off_topic", note="", lang="en"):
    url = f"/{lang}/moderate/comments/{comment.id}"
    return client.submit(url, {"reason": reason, "note": note}, action=url + "/hide")


def _act(client, comment, action, lang="en"):
    url = f"/{lang}/moderate/comments/{comment.id}"
    return client.submit(url, action=f"{url}/{action}")


def _appeal(client, comment, text_="Dit was wel degelijk over het onderwerp."):
    return client.submit(f"/en/comments/{comment.id}/appeal", {"text": text_})


def _appeal_id(app, comment):
    with app.app_context():
        return db.session.scalar(sa.select(CommentAppeal.id).where(CommentAppeal.comment_id == comment.id))


def _decide(client, appeal_id, outcome="granted", note=""):
    url = f"/en/moderate/appeals/{appeal_id}"
    return client.submit(url, {"outcome": outcome, "note": note})


def _actions(app):
    with app.app_context():
        return [(e.action, e.actor_id) for e in db.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id))]


# --- no self-moderation -----------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.ADMIN])
def test_nobody_moderates_their_own_comment(app, client, role):
    moderator = make_user(app, role=role)
    consultation = make_consultation(app, pre_moderation=True)
    pending = make_comment(app, consultation, moderator, body="Eigen wachtende", state=CommentState.PENDING)
    reported = make_comment(app, consultation, moderator, body="Eigen gemelde")
    hidden = make_comment(
        app,
        consultation,
        moderator,
        body="Eigen verborgen",
        state=CommentState.HIDDEN,
        hidden_reason=HideReason.REPORTED,
        hidden_at=utcnow(),
    )
    with app.app_context():
        from participation.comments.models import CommentReport

        db.session.add(CommentReport(comment_id=reported.id, reporter_id=make_user(app).id, reason="spam"))
        db.session.add(CommentReport(comment_id=hidden.id, reporter_id=make_user(app).id, reason="spam"))
        db.session.commit()
    client.login(moderator.email, PASSWORD, lang="en")
    message = "You cannot moderate your own comment: another moderator decides."
    page = text(client.get(f"/en/moderate/comments/{pending.id}"))
    assert message in page and "Approve and publish" not in page and "Hide comment" not in page
    for comment, action in ((pending, "approve"), (reported, "dismiss"), (hidden, "restore"), (hidden, "dismiss")):
        response = _act(client, comment, action)
        assert response.status_code == 303
        assert message in text(client.get(response.headers["Location"]))
    response = _hide(client, reported, "spam")
    assert response.status_code == 403 and message in text(response)
    assert get(app, Comment, pending.id).state == CommentState.PENDING
    assert get(app, Comment, reported.id).state == CommentState.PUBLISHED
    assert get(app, Comment, hidden.id).state == CommentState.HIDDEN
    assert _actions(app) == []


def test_a_suspended_moderator_cannot_moderate_or_lift_their_own_suspension(app, client):
    moderator = make_user(app, role=Role.MODERATOR)
    admin = make_user(app, role=Role.ADMIN)
    comment = make_comment(app, make_consultation(app), make_user(app), body="Iets")
    client.login(admin.email, PASSWORD, lang="en")
    url = f"/en/moderate/people/{moderator.id}"
    assert (
        client.submit(
            url, {"duration": "7", "reason": "Misbruik", "confirmed": "1"}, action=url + "/suspend"
        ).status_code
        == 303
    )
    client.login(moderator.email, PASSWORD, lang="en")
    response = _hide(client, comment, "spam")
    assert response.status_code == 403 and "Your account is suspended, so you cannot moderate." in text(response)
    response = client.submit(url, action=url + "/lift")
    assert "Your account is suspended, so you cannot moderate." in text(client.get(response.headers["Location"]))
    assert get(app, User, moderator.id).is_suspended()
    assert get(app, Comment, comment.id).state == CommentState.PUBLISHED


def test_only_administrators_lift_a_staff_suspension(app, client, other_client):
    organiser = make_user(app, role=Role.ORGANISER)
    moderator, admin = make_user(app, role=Role.MODERATOR), make_user(app, role=Role.ADMIN)
    other_client.login(admin.email, PASSWORD, lang="en")
    url = f"/en/moderate/people/{organiser.id}"
    assert (
        other_client.submit(
            url, {"duration": "7", "reason": "x", "confirmed": "1"}, action=url + "/suspend"
        ).status_code
        == 303
    )
    client.login(moderator.email, PASSWORD, lang="en")
    response = client.submit(url, action=url + "/lift")
    assert "Only administrators can lift the suspension of staff accounts." in text(
        client.get(response.headers["Location"])
    )
    assert get(app, User, organiser.id).is_suspended()
    assert other_client.submit(url, action=url + "/lift").status_code == 303
    assert not get(app, User, organiser.id).is_suspended()


# --- appeals ----------------------------------------------------------------------------------


def test_confirming_an_automatic_hide_makes_the_moderator_unable_to_decide_the_appeal(
    app, client, other_client, monkeypatch
):
    """Auto-hide, then appeal (nobody hid it yet), then a moderator hides it properly: that
    moderator hid it, so another one decides."""
    monkeypatch.setitem(app.config, "COMMENT_AUTO_HIDE_REPORTS", 1)
    author, reporter = make_user(app), make_user(app)
    first, second = make_user(app, role=Role.MODERATOR), make_user(app, role=Role.MODERATOR)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author, body="Omstreden")
    other_client.login(reporter.email, PASSWORD)
    assert other_client.submit(f"/nl/comments/{comment.id}/report", {"reason": "spam"}).status_code == 303
    other_client.login(author.email, PASSWORD, lang="en")
    assert _appeal(other_client, comment).status_code == 303
    appeal_id = _appeal_id(app, comment)
    assert get(app, CommentAppeal, appeal_id).hidden_by_id is None
    client.login(first.email, PASSWORD, lang="en")
    assert _hide(client, comment, "spam").status_code == 303
    page = text(client.get(f"/en/moderate/appeals/{appeal_id}"))
    assert "You hid this comment, so another moderator decides on the appeal." in page
    assert 'name="outcome"' not in page
    response = _decide(client, appeal_id, "rejected")
    assert response.status_code == 403 and "You hid this comment" in text(response)
    assert get(app, CommentAppeal, appeal_id).decided_at is None
    client.login(second.email, PASSWORD, lang="en")
    assert _decide(client, appeal_id, "rejected", "Blijft verborgen").status_code == 303
    decided = get(app, CommentAppeal, appeal_id)
    assert decided.outcome.value == "rejected" and decided.decided_by_id == second.id


def test_a_moderator_who_hid_the_comment_earlier_cannot_decide_either(app, client, other_client):
    """First hid, restored by another, hidden again by a third: the appeal goes to a fourth."""
    author = make_user(app)
    first, second, third, fourth = (make_user(app, role=Role.MODERATOR) for _ in range(4))
    comment = make_comment(app, make_consultation(app), author, body="Heen en weer")
    client.login(first.email, PASSWORD, lang="en")
    assert _hide(client, comment, "spam").status_code == 303
    client.login(second.email, PASSWORD, lang="en")
    assert _act(client, comment, "restore").status_code == 303
    client.login(third.email, PASSWORD, lang="en")
    assert _hide(client, comment, "offensive").status_code == 303
    other_client.login(author.email, PASSWORD, lang="en")
    assert _appeal(other_client, comment).status_code == 303
    appeal_id = _appeal_id(app, comment)
    for moderator in (first, third):
        client.login(moderator.email, PASSWORD, lang="en")
        assert _decide(client, appeal_id).status_code == 403
    client.login(fourth.email, PASSWORD, lang="en")
    assert _decide(client, appeal_id, "granted").status_code == 303
    assert get(app, Comment, comment.id).state == CommentState.PUBLISHED


def test_a_moderator_cannot_decide_the_appeal_about_their_own_comment(app, client):
    author_moderator = make_user(app, role=Role.MODERATOR)
    hider = make_user(app, role=Role.MODERATOR)
    comment = make_comment(app, make_consultation(app), author_moderator, body="Mijn mening als moderator")
    client.login(hider.email, PASSWORD, lang="en")
    assert _hide(client, comment, "off_topic").status_code == 303
    client.login(author_moderator.email, PASSWORD, lang="en")
    assert _appeal(client, comment).status_code == 303
    appeal_id = _appeal_id(app, comment)
    page = text(client.get(f"/en/moderate/appeals/{appeal_id}"))
    assert "You cannot decide on an appeal about your own comment." in page
    response = _decide(client, appeal_id)
    assert response.status_code == 403 and "your own comment" in text(response)
    assert get(app, CommentAppeal, appeal_id).decided_at is None
    assert get(app, Comment, comment.id).state == CommentState.HIDDEN


def test_restoring_a_comment_grants_its_waiting_appeal(app, client, other_client):
    author = make_user(app, language="en")
    first, second = make_user(app, role=Role.MODERATOR), make_user(app, role=Role.MODERATOR)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author, body="Terug van weg")
    client.login(first.email, PASSWORD, lang="en")
    assert _hide(client, comment, "spam").status_code == 303
    other_client.login(author.email, PASSWORD, lang="en")
    assert _appeal(other_client, comment).status_code == 303
    client.login(second.email, PASSWORD, lang="en")
    assert _act(client, comment, "restore").status_code == 303
    appeal = get(app, CommentAppeal, _appeal_id(app, comment))
    assert appeal.outcome.value == "granted" and appeal.decided_by_id == second.id
    assert "No appeals wait for a decision." in text(client.get("/en/moderate/appeals"))
    mails = outbox(app, author.email, "moderation_appeal_decided")
    assert len(mails) == 1 and "granted" in mails[0].body_text
    assert ("appeal.granted", second.id) in _actions(app)
    public = text(client.get(f"/en/consultations/{consultation.slug}/moderation"))
    assert re.search(r"Appeal granted: comment restored</th><td>1</td>", public)


def test_dismissing_the_reports_behind_an_automatic_hide_grants_the_waiting_appeal(
    app, client, other_client, monkeypatch
):
    monkeypatch.setitem(app.config, "COMMENT_AUTO_HIDE_REPORTS", 1)
    author, moderator = make_user(app, language="en"), make_user(app, role=Role.MODERATOR)
    comment = make_comment(app, make_consultation(app), author, body="Onterecht gemeld")
    other_client.login(make_user(app).email, PASSWORD)
    assert other_client.submit(f"/nl/comments/{comment.id}/report", {"reason": "spam"}).status_code == 303
    other_client.login(author.email, PASSWORD, lang="en")
    assert _appeal(other_client, comment).status_code == 303
    client.login(moderator.email, PASSWORD, lang="en")
    assert _act(client, comment, "dismiss").status_code == 303
    assert get(app, Comment, comment.id).state == CommentState.PUBLISHED
    appeal = get(app, CommentAppeal, _appeal_id(app, comment))
    assert appeal.outcome.value == "granted" and appeal.decided_by_id == moderator.id
    assert len(outbox(app, author.email, "moderation_appeal_decided")) == 1


# --- restore, log, queue ----------------------------------------------------------------------


def test_restore_over_http_shows_the_comment_again_mails_and_logs(app, client, other_client):
    author = make_user(app, language="fr")
    moderator = make_user(app, role=Role.MODERATOR)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author, body="Weer zichtbaar")
    client.login(moderator.email, PASSWORD, lang="en")
    assert _hide(client, comment, "spam").status_code == 303
    assert "Weer zichtbaar" not in text(other_client.get(f"/en/consultations/{consultation.slug}/comments"))
    page = text(client.get(f"/en/moderate/comments/{comment.id}"))
    assert "Restore" in page
    response = _act(client, comment, "restore")
    assert response.status_code == 303
    assert "The comment is visible again." in text(client.get(response.headers["Location"]))
    restored = get(app, Comment, comment.id)
    assert restored.state == CommentState.PUBLISHED and restored.hidden_reason is None
    assert "Weer zichtbaar" in text(other_client.get(f"/en/consultations/{consultation.slug}/comments"))
    mails = outbox(app, author.email, "moderation_approved")
    assert len(mails) == 1 and mails[0].lang == "fr" and "/fr/consultations/" in mails[0].body_text
    assert _actions(app)[-1] == ("comment.restore", moderator.id)
    again = _act(client, comment, "restore")
    assert "This comment is not hidden." in text(client.get(again.headers["Location"]))


@pytest.mark.parametrize("outcome, label", [("granted", "Appeal granted"), ("rejected", "Appeal rejected")])
def test_deciding_an_appeal_is_logged(app, client, other_client, outcome, label):
    author = make_user(app)
    hider, decider = make_user(app, role=Role.MODERATOR), make_user(app, role=Role.MODERATOR, name="Beslisser")
    comment = make_comment(app, make_consultation(app), author)
    client.login(hider.email, PASSWORD, lang="en")
    assert _hide(client, comment).status_code == 303
    other_client.login(author.email, PASSWORD, lang="en")
    assert _appeal(other_client, comment).status_code == 303
    client.login(decider.email, PASSWORD, lang="en")
    assert _decide(client, _appeal_id(app, comment), outcome, "Na herlezing").status_code == 303
    with app.app_context():
        entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == f"appeal.{outcome}"))
        assert entry.actor_id == decider.id and entry.target_id == comment.id
        # The note is personal data: beside the append-only entry, where erasure can remove it.
        assert entry.reason is None and entry.personal == {"note": "Na herlezing"}
        assert entry.consultation_id == comment.consultation_id
    log = text(client.get(f"/en/moderate/log?action=appeal.{outcome}"))
    assert label in log and "Beslisser" in log and "Na herlezing" in log
    assert _decide(client, _appeal_id(app, comment), outcome).status_code == 409  # once only


def test_log_filters_by_moderator_and_date(app, client):
    one, two = (
        make_user(app, role=Role.MODERATOR, name="Moderator Een"),
        make_user(app, role=Role.MODERATOR, name="Moderator Twee"),
    )
    consultation = make_consultation(app)
    first, second = make_comment(app, consultation, make_user(app)), make_comment(app, consultation, make_user(app))
    client.login(one.email, PASSWORD, lang="en")
    assert _hide(client, first, "spam").status_code == 303
    client.login(two.email, PASSWORD, lang="en")
    assert _hide(client, second, "offensive").status_code == 303

    def rows(query):
        response = client.get(f"/en/moderate/log?{query}")
        assert response.status_code == 200, query
        return re.findall(r"<bdi>(Moderator \w+)</bdi>", text(response))

    assert sorted(rows("")) == ["Moderator Een", "Moderator Twee"]
    assert rows(f"moderator={one.id}") == ["Moderator Een"]
    assert rows(f"moderator={two.id}&action=comment.hide") == ["Moderator Twee"]
    assert rows(f"moderator={one.id}&action=comment.restore") == []
    today = utcnow().astimezone(__import__("zoneinfo").ZoneInfo("Europe/Brussels")).date()
    day = timedelta(days=1)
    assert len(rows(f"date_from={today}&date_to={today}")) == 2
    assert len(rows(f"date_from={today - day}")) == 2
    assert rows(f"date_from={today + day}") == []
    assert rows(f"date_to={today - day}") == []
    assert rows(f"moderator={two.id}&date_from={today}&date_to={today}") == ["Moderator Twee"]
    assert client.get("/en/moderate/log?moderator=99999").status_code == 400  # not a moderator


def test_queue_lists_oldest_first_with_reports_and_thread_context(app, client):
    moderator = make_user(app, role=Role.MODERATOR)
    consultation = make_consultation(app, pre_moderation=True)
    author = make_user(app)
    start = utcnow() - timedelta(hours=3)
    root = make_comment(app, consultation, author, body="De oorspronkelijke vraag", created_at=start)
    child = make_comment(
        app, consultation, author, body="Een tussenantwoord", parent=root, created_at=start + timedelta(minutes=1)
    )
    newer = make_comment(
        app,
        consultation,
        author,
        body="Nieuwere wachtende",
        state=CommentState.PENDING,
        created_at=start + timedelta(hours=2),
    )
    older = make_comment(
        app,
        consultation,
        author,
        body="Oudere wachtende reply",
        state=CommentState.PENDING,
        parent=child,
        created_at=start + timedelta(hours=1),
    )
    reported = make_comment(app, consultation, author, body="Gemelde reactie", created_at=start + timedelta(minutes=30))
    with app.app_context():
        from participation.comments.models import CommentReport

        db.session.add(
            CommentReport(
                comment_id=reported.id, reporter_id=make_user(app).id, reason="other", text="Persoonsgegevens erin"
            )
        )
        db.session.commit()
    client.login(moderator.email, PASSWORD, lang="en")
    queue = text(client.get("/en/moderate/"))
    positions = [queue.index(body) for body in ("Gemelde reactie", "Oudere wachtende reply", "Nieuwere wachtende")]
    assert positions == sorted(positions)
    assert "Something else (explain below): Persoonsgegevens erin" in queue
    assert "In reply to:" in queue and "Een tussenantwoord" in queue
    assert "De oorspronkelijke vraag" not in queue  # the queue quotes the parent; the review page the thread
    review = text(client.get(f"/en/moderate/comments/{older.id}"))
    assert "Thread context" in review
    assert (
        review.index("De oorspronkelijke vraag")
        < review.index("Een tussenantwoord")
        < review.index("Oudere wachtende reply")
    )
    assert newer.id  # listed above


# --- XSS in the moderators' pages and the mails -----------------------------------------------


@pytest.mark.parametrize("payload", XSS)
def test_markup_is_text_in_the_appeal_page_person_page_and_decision_mail(app, client, other_client, payload):
    author = make_user(app, name=payload, language="en")
    hider, decider = make_user(app, role=Role.MODERATOR), make_user(app, role=Role.MODERATOR)
    consultation = make_consultation(app, title={"nl": payload, "en": payload})
    comment = make_comment(app, consultation, author, body=f"Tekst {payload}")
    client.login(hider.email, PASSWORD, lang="en")
    assert _hide(client, comment, "spam", note=payload).status_code == 303
    other_client.login(author.email, PASSWORD, lang="en")
    assert _appeal(other_client, comment, f"Bezwaar {payload}").status_code == 303
    client.login(decider.email, PASSWORD, lang="en")
    appeal_id = _appeal_id(app, comment)
    for url in (
        f"/en/moderate/appeals/{appeal_id}",
        "/en/moderate/appeals",
        f"/en/moderate/people/{author.id}",
        f"/en/moderate/comments/{comment.id}",
        "/en/moderate/log",
    ):
        page = text(client.get(url))
        assert payload not in page and "&lt;" in page, url
    url = f"/en/moderate/people/{author.id}"
    assert (
        client.submit(url, {"duration": "7", "reason": payload, "confirmed": "1"}, action=url + "/suspend").status_code
        == 303
    )
    for url in (f"/en/moderate/people/{author.id}", "/en/moderate/suspensions"):
        page = text(client.get(url))
        assert payload not in page and "&lt;" in page, url
    assert _decide(client, appeal_id, "rejected", payload).status_code == 303
    for template in ("moderation_hidden", "moderation_appeal_decided"):
        mails = outbox(app, author.email, template)
        assert len(mails) == 1, template
        assert payload not in mails[0].body_html and "&lt;" in mails[0].body_html, template
