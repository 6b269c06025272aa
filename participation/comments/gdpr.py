"""A person's comments, endorsements, reports and appeals: export and erasure.

On account deletion the comments stay (the discussion keeps its sense) but lose
their author, so they show as "Deleted participant"; endorsements and reports go.
What no reader sees loses its text: comments the person had deleted themselves, the
moderators' notes to them, their appeals (a decided appeal keeps its outcome, an open
one is withdrawn). When the person asks for it, every comment of theirs is deleted the
same way: the thread keeps a "Comment deleted" placeholder without their words.
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.comments.models import Comment, CommentAppeal, CommentEndorsement, CommentReport
from participation.core.time import utcnow
from participation.extensions import db

# What an erased comment's body becomes (the column requires some text; nobody is shown it).
ERASED_BODY = "\u2014"


def _iso(moment):
    return moment.isoformat() if moment else None


def export_comment_data(user) -> dict:
    comments = db.session.scalars(sa.select(Comment).where(Comment.author_id == user.id).order_by(Comment.id))
    endorsements = db.session.scalars(
        sa.select(CommentEndorsement).where(CommentEndorsement.user_id == user.id).order_by(CommentEndorsement.id)
    )
    reports = db.session.scalars(
        sa.select(CommentReport).where(CommentReport.reporter_id == user.id).order_by(CommentReport.id)
    )
    appeals = db.session.scalars(
        sa.select(CommentAppeal).where(CommentAppeal.author_id == user.id).order_by(CommentAppeal.id)
    )
    return {
        "comments": [
            {
                "id": c.id,
                "consultation_id": c.consultation_id,
                "reply_to": c.parent_id,
                "position": c.alignment.value,
                "text": c.body,
                "state": c.state.value,
                "created_at": _iso(c.created_at),
                "edited_at": _iso(c.edited_at),
                "deleted_at": _iso(c.deleted_at),
                "hidden": {"reason": c.hidden_reason.value, "at": _iso(c.hidden_at), "moderator_note": c.moderator_note}
                if c.hidden_reason
                else None,
            }
            for c in comments
        ],
        "endorsements": [{"comment_id": e.comment_id, "created_at": _iso(e.created_at)} for e in endorsements],
        "reports": [
            {"comment_id": r.comment_id, "reason": r.reason.value, "text": r.text, "created_at": _iso(r.created_at)}
            for r in reports
        ],
        "appeals": [
            {
                "comment_id": a.comment_id,
                "text": a.text,
                "created_at": _iso(a.created_at),
                "outcome": a.outcome.value if a.outcome else None,
                "decided_at": _iso(a.decided_at),
                "decision_note": a.decision_note,
            }
            for a in appeals
        ],
    }


def erase_comment_data(user, options=None) -> None:
    theirs = Comment.author_id == user.id
    if options is not None and options.remove_comment_texts:
        db.session.execute(sa.update(Comment).where(theirs, Comment.deleted_at.is_(None)).values(deleted_at=utcnow()))
    db.session.execute(sa.update(Comment).where(theirs, Comment.deleted_at.is_not(None)).values(body=ERASED_BODY))
    db.session.execute(sa.update(Comment).where(theirs).values(author_id=None, moderator_note=None))
    appeals = CommentAppeal.author_id == user.id
    db.session.execute(sa.delete(CommentAppeal).where(appeals, CommentAppeal.decided_at.is_(None)))
    db.session.execute(sa.update(CommentAppeal).where(appeals).values(author_id=None, text="", decision_note=None))
    db.session.execute(sa.delete(CommentEndorsement).where(CommentEndorsement.user_id == user.id))
    db.session.execute(sa.delete(CommentReport).where(CommentReport.reporter_id == user.id))
