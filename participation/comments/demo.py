"""Demo discussion from participation/demo/participation.py COMMENTS (idempotent).

Each entry: consultation (slug), author (demo account key), alignment, body (text,
or texts per language), replies (entries of the same shape). Entries for
consultations that do not exist are skipped.
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.comments.models import Alignment, Comment, CommentState
from participation.consultations.models import Consultation
from participation.extensions import db


def _body(value, author) -> str:
    if isinstance(value, dict):
        return value.get(author.preferred_language) or value.get("nl") or next(iter(value.values()), "")
    return str(value or "")


def _add(entry: dict, consultation, accounts: dict, parent: Comment | None) -> None:
    author = accounts.get(entry.get("author"))
    body = _body(entry.get("body"), author) if author else ""
    if author is None or not body.strip():
        return
    existing = db.session.scalar(
        sa.select(Comment)
        .where(
            Comment.consultation_id == consultation.id,
            Comment.author_id == author.id,
            Comment.body == body,
            Comment.parent_id.is_(None) if parent is None else Comment.parent_id == parent.id,
        )
        .limit(1)
    )
    comment = existing
    if comment is None and (parent is None or parent.depth < 3):
        comment = Comment(
            consultation_id=consultation.id,
            parent_id=parent.id if parent else None,
            root_id=(parent.root_id or parent.id) if parent else None,
            depth=parent.depth + 1 if parent else 0,
            author_id=author.id,
            alignment=Alignment(entry.get("alignment") or "neutral"),
            body=body[:2000],
            state=CommentState.PUBLISHED,
        )
        db.session.add(comment)
        db.session.flush()
    if comment is not None:
        for reply in entry.get("replies") or []:
            _add(reply, consultation, accounts, comment)


def seed_comments(accounts: dict) -> None:
    try:
        from participation.demo.participation import COMMENTS
    except ImportError:
        return
    for entry in COMMENTS:
        consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == entry.get("consultation")))
        if consultation is not None:
            _add(entry, consultation, accounts, None)
