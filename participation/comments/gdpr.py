"""A person's comments, endorsements, reports and appeals: export and erasure.

On account deletion the comments stay (the discussion keeps its sense) but lose
their author, so they show as "Deleted participant"; endorsements and reports go.
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.comments.models import Comment, CommentAppeal, CommentEndorsement, CommentReport
from participation.extensions import db


def _iso(moment):
    return moment.isoformat() if moment else None


def export_comment_data(user) -> dict:
    comments = db.session.scalars(sa.select(Comment).where(Comment.author_id == user.id).order_by(Comment.id))
    endorsements = db.session.scalars(
        sa.select(CommentEndorsement).where(CommentEndorsement.user_id == user.id).order_by(CommentEndorsement.id))
    reports = db.session.scalars(
        sa.select(CommentReport).where(CommentReport.reporter_id == user.id).order_by(CommentReport.id))
    appeals = db.session.scalars(
        sa.select(CommentAppeal).where(CommentAppeal.author_id == user.id).order_by(CommentAppeal.id))
    return {
        "comments": [{"id": c.id, "consultation_id": c.consultation_id, "reply_to": c.parent_id,
                      "position": c.alignment.value, "text": c.body, "state": c.state.value,
                      "created_at": _iso(c.created_at), "edited_at": _iso(c.edited_at),
                      "deleted_at": _iso(c.deleted_at)} for c in comments],
        "endorsements": [{"comment_id": e.comment_id, "created_at": _iso(e.created_at)} for e in endorsements],
        "reports": [{"comment_id": r.comment_id, "reason": r.reason.value, "text": r.text,
                     "created_at": _iso(r.created_at)} for r in reports],
        "appeals": [{"comment_id": a.comment_id, "text": a.text, "created_at": _iso(a.created_at),
                     "outcome": a.outcome.value if a.outcome else None} for a in appeals],
    }


def erase_comment_data(user) -> None:
    db.session.execute(sa.update(Comment).where(Comment.author_id == user.id).values(author_id=None))
    db.session.execute(sa.update(CommentAppeal).where(CommentAppeal.author_id == user.id).values(author_id=None))
    db.session.execute(sa.delete(CommentEndorsement).where(CommentEndorsement.user_id == user.id))
    db.session.execute(sa.delete(CommentReport).where(CommentReport.reporter_id == user.id))
