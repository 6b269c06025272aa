"""The rules of commenting, enforced by the services and the database."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participation.comments import services
from participation.comments.models import Comment, CommentEndorsement, CommentReport, CommentState, HideReason
from participation.consultations.models import ConsultationState
from participation.core.errors import Conflict, NotAllowed, UserError
from participation.core.i18n import _
from participation.core.time import utcnow
from participation.extensions import db
from tests.comments.conftest import Consultation, User, load
from tests.comments.factories import make_comment, make_consultation
from tests.support import outbox


def test_post_publishes_at_once_under_post_moderation(app, ctx, people):
    consultation = load(Consultation, make_consultation(app))
    comment = services.post_comment(load(User, people["resident"]), consultation, "  Goed plan  ", "for")
    assert comment.state == CommentState.PUBLISHED and comment.body == "Goed plan" and comment.depth == 0


def test_post_waits_for_review_under_pre_moderation(app, ctx, people):
    consultation = load(Consultation, make_consultation(app, pre_moderation=True))
    comment = services.post_comment(load(User, people["resident"]), consultation, "Goed plan", "against")
    assert comment.state == CommentState.PENDING


@pytest.mark.parametrize(
    "kwargs", [{"open_now": False}, {"state": ConsultationState.DRAFT}, {"comments_enabled": False}]
)
def test_no_comments_on_closed_draft_or_disabled_consultations(app, ctx, people, kwargs):
    consultation = load(Consultation, make_consultation(app, **kwargs))
    with pytest.raises(Conflict):
        services.post_comment(load(User, people["resident"]), consultation, "Te laat", "for")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == 0


def test_unverified_and_suspended_people_cannot_comment(app, ctx, people):
    consultation = load(Consultation, make_consultation(app))
    with pytest.raises(NotAllowed):
        services.post_comment(load(User, people["unverified"]), consultation, "Hallo", "for")
    suspended = load(User, people["resident"])
    suspended.suspended_at = utcnow()
    suspended.suspended_until = utcnow() + timedelta(days=2)
    suspended.suspension_reason = "Scheldwoorden"
    with pytest.raises(NotAllowed) as exc:
        services.post_comment(suspended, consultation, "Hallo", "for")
    assert "Scheldwoorden" in exc.value.message


def test_replies_stay_in_the_consultation_and_within_depth(app, ctx, people):
    first = make_consultation(app)
    other = load(Consultation, make_consultation(app))
    author = load(User, people["resident"])
    parent = load(Comment, make_comment(app, first, people["resident2"]))
    with pytest.raises(UserError):
        services.post_comment(author, other, "Verkeerde plek", "for", parent=parent)
    current = parent
    for _level in range(3):
        current = services.post_comment(author, load(Consultation, first), "Dieper", "neutral", parent=current)
    assert current.depth == 3 and current.root_id == parent.id
    with pytest.raises(Conflict):
        services.post_comment(author, load(Consultation, first), "Te diep", "neutral", parent=current)


def test_no_reply_to_a_hidden_comment(app, ctx, people):
    consultation = make_consultation(app)
    hidden = load(
        Comment,
        make_comment(app, consultation, people["resident2"], state=CommentState.HIDDEN, hidden_reason=HideReason.SPAM),
    )
    with pytest.raises(Conflict):
        services.post_comment(
            load(User, people["resident"]), load(Consultation, consultation), "Hoi", "for", parent=hidden
        )


def test_database_refuses_a_reply_across_consultations(app, people):
    one, two = make_consultation(app), make_consultation(app)
    parent = make_comment(app, one, people["resident"])
    with app.app_context(), pytest.raises(IntegrityError):
        db.session.add(
            Comment(
                consultation_id=two.id,
                parent_id=parent.id,
                root_id=parent.id,
                depth=1,
                author_id=people["resident"].id,
                body="x",
                alignment="for",
            )
        )
        db.session.flush()


def test_edit_only_by_author_within_the_window(app, ctx, people):
    consultation = make_consultation(app)
    mine = load(Comment, make_comment(app, consultation, people["resident"]))
    with pytest.raises(NotAllowed):
        services.edit_comment(load(User, people["resident2"]), mine, "Gekaapt", "for")
    services.edit_comment(load(User, people["resident"]), mine, "Verbeterd", "against")
    assert mine.edited_at is not None and mine.body == "Verbeterd"
    old = load(
        Comment, make_comment(app, consultation, people["resident"], created_at=utcnow() - timedelta(minutes=16))
    )
    with pytest.raises(Conflict):
        services.edit_comment(load(User, people["resident"]), old, "Te laat", "for")


def test_delete_keeps_a_placeholder(app, ctx, people):
    consultation = make_consultation(app)
    comment = load(Comment, make_comment(app, consultation, people["resident"]))
    with pytest.raises(NotAllowed):
        services.delete_comment(load(User, people["resident2"]), comment)
    services.delete_comment(load(User, people["resident"]), comment)
    assert comment.deleted_at is not None and comment.body


def test_one_endorsement_per_person_and_it_can_be_withdrawn(app, ctx, people):
    comment = load(Comment, make_comment(app, make_consultation(app), people["resident"]))
    fan = load(User, people["resident2"])
    services.endorse(fan, comment)
    with pytest.raises(Conflict):
        services.endorse(fan, comment)
    with pytest.raises(Conflict):
        services.endorse(load(User, people["resident"]), comment)
    services.withdraw_endorsement(fan, comment)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CommentEndorsement)) == 0


def test_one_report_per_person_and_auto_hide_at_the_threshold(app, ctx, people, monkeypatch):
    monkeypatch.setitem(app.config, "COMMENT_AUTO_HIDE_REPORTS", 2)
    comment = load(Comment, make_comment(app, make_consultation(app), people["resident"]))
    services.report_comment(load(User, people["resident2"]), comment, "spam", None)
    with pytest.raises(Conflict):
        services.report_comment(load(User, people["resident2"]), comment, "offensive", None)
    with pytest.raises(UserError):
        services.report_comment(load(User, people["resident3"]), comment, "other", "  ")
    assert load(Comment, comment).state == CommentState.PUBLISHED
    services.report_comment(load(User, people["resident3"]), comment, "offensive", None)
    comment = load(Comment, comment)
    assert comment.state == CommentState.HIDDEN and comment.hidden_reason == HideReason.REPORTED
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CommentReport)) == 2


def test_reply_mails_the_parent_author_unless_switched_off(app, ctx, people):
    consultation = make_consultation(app)
    parent = load(Comment, make_comment(app, consultation, people["resident"]))
    services.post_comment(
        load(User, people["resident2"]), load(Consultation, consultation), "Eens!", "for", parent=parent
    )
    db.session.commit()
    mails = outbox(app, people["resident"].email, "comment_reply")
    assert len(mails) == 1 and "Eens!" in mails[0].body_text and "/nl/" in mails[0].body_text
    quiet = load(User, people["resident3"])
    quiet.notify_on_reply = False
    other_parent = load(Comment, make_comment(app, consultation, people["resident3"]))
    services.post_comment(
        load(User, people["resident2"]), load(Consultation, consultation), "Ook", "for", parent=other_parent
    )
    db.session.commit()
    assert outbox(app, people["resident3"].email) == []


def test_account_erasure_unlinks_comments_and_removes_endorsements_and_reports(app, ctx, people):
    from participation.comments.gdpr import erase_comment_data, export_comment_data

    consultation = make_consultation(app)
    mine = make_comment(app, consultation, people["resident"], body="Mijn mening")
    theirs = load(Comment, make_comment(app, consultation, people["resident2"]))
    me = load(User, people["resident"])
    services.endorse(me, theirs)
    services.report_comment(me, theirs, "spam", None)
    data = export_comment_data(me)
    assert data["comments"][0]["text"] == "Mijn mening" and len(data["endorsements"]) == 1
    assert data["reports"][0]["reason"] == "spam"
    erase_comment_data(me)
    db.session.commit()
    assert load(Comment, mine).author_id is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CommentEndorsement)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CommentReport)) == 0


def test_consultation_ids_for_user(app, ctx, people):
    from participation.comments.queries import consultation_ids_for_user

    one, two, _three = make_consultation(app), make_consultation(app), make_consultation(app)
    make_comment(app, one, people["resident"])
    make_comment(app, one, people["resident"])
    make_comment(app, two, people["resident"])
    ids = set(db.session.scalars(consultation_ids_for_user(people["resident"].id)))
    assert ids == {one.id, two.id}


def test_edit_under_pre_moderation_sends_the_comment_back_to_review(app, ctx, people):
    from participation.core.audit import AuditEntry
    from participation.moderation import services as moderation

    consultation = make_consultation(app, pre_moderation=True)
    parent = make_comment(app, consultation, people["resident2"], body="Vraag")
    author = load(User, people["resident"])
    reply = services.post_comment(
        author, load(Consultation, consultation), "Netjes", "for", parent=load(Comment, parent)
    )
    moderation.approve_comment(load(User, people["moderator"]), reply)
    db.session.commit()
    assert len(outbox(app, people["resident2"].email, "comment_reply")) == 1
    services.edit_comment(load(User, people["resident"]), load(Comment, reply), "Nu iets heel anders", "against")
    db.session.commit()
    edited = load(Comment, reply)
    assert edited.state == CommentState.PENDING and edited.body == "Nu iets heel anders" and edited.edited_at
    assert db.session.scalar(sa.select(AuditEntry.action).where(AuditEntry.action == "comment.resubmitted"))
    moderation.approve_comment(load(User, people["moderator"]), load(Comment, reply))
    db.session.commit()
    assert load(Comment, reply).state == CommentState.PUBLISHED
    db.session.rollback()  # end the read before the outbox helper opens its own (SQLite: one writer)
    assert len(outbox(app, people["resident"].email, "moderation_approved")) == 2
    # the parent's author heard of the reply when it first appeared, not again
    assert len(outbox(app, people["resident2"].email, "comment_reply")) == 1


def test_edit_of_a_pending_comment_keeps_it_pending_and_a_position_change_needs_no_review(app, ctx, people):
    consultation = make_consultation(app, pre_moderation=True)
    pending = make_comment(app, consultation, people["resident"], body="Wacht", state=CommentState.PENDING)
    services.edit_comment(load(User, people["resident"]), load(Comment, pending), "Wacht nog", "for")
    assert load(Comment, pending).state == CommentState.PENDING
    published = make_comment(app, consultation, people["resident"], body="Vast")
    services.edit_comment(load(User, people["resident"]), load(Comment, published), "Vast", "neutral")
    assert load(Comment, published).state == CommentState.PUBLISHED
    unchanged = make_comment(app, consultation, people["resident"], body="Zelfde")
    services.edit_comment(load(User, people["resident"]), load(Comment, unchanged), "Zelfde", "for")
    assert load(Comment, unchanged).edited_at is None  # nothing changed: not marked as edited


def test_edit_under_post_moderation_stays_published_and_open_reports_stay_open(app, ctx, people):
    consultation = make_consultation(app)
    comment = load(Comment, make_comment(app, consultation, people["resident"], body="Eerst"))
    services.report_comment(load(User, people["resident2"]), comment, "offensive", None)
    services.edit_comment(load(User, people["resident"]), load(Comment, comment), "Daarna", "for")
    db.session.commit()
    assert load(Comment, comment).state == CommentState.PUBLISHED
    report = db.session.scalar(sa.select(CommentReport))
    assert report.resolved_at is None  # the moderator still looks, at the new text


def test_edit_refusals_say_why(app, ctx, people):
    consultation = make_consultation(app)
    hidden = load(
        Comment,
        make_comment(app, consultation, people["resident"], state=CommentState.HIDDEN, hidden_reason=HideReason.SPAM),
    )
    with pytest.raises(Conflict) as exc:
        services.edit_comment(load(User, people["resident"]), hidden, "Toch", "for")
    assert exc.value.message == _("This comment can no longer be edited.")
    with pytest.raises(NotAllowed):
        services.edit_comment(load(User, people["unverified"]), hidden, "Toch", "for")
