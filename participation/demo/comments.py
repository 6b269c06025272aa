"""Demo discussion (demo/content/comments.toml), posted through the comment rules (idempotent).

Each comment and reply is posted by its author with `post_comment`, while the consultation is
open: consultations whose story has already closed stay open until every feature's demo is in
(demo/consultations.py closes them afterwards). A comment that already exists (same author,
text and parent) is not posted again; one for a consultation that is not open is left out.
"""

from __future__ import annotations

import sqlalchemy as sa

from participation.comments.models import Comment
from participation.comments.services import post_comment
from participation.consultations.models import Consultation
from participation.demo.loader import load_comments, refused_by_the_rules
from participation.extensions import db


def _post(spec, consultation, accounts: dict, parent: Comment | None) -> None:

    author = accounts[spec.author]
    comment = db.session.scalar(
        sa.select(Comment)
        .where(
            Comment.consultation_id == consultation.id,
            Comment.author_id == author.id,
            Comment.body == spec.body.strip(),
            Comment.parent_id.is_(None) if parent is None else Comment.parent_id == parent.id,
        )
        .limit(1)
    )
    if comment is None:
        if not consultation.is_open():
            return
        comment = post_comment(author, consultation, spec.body, spec.alignment, parent)
    for reply in spec.replies:
        _post(reply, consultation, accounts, comment)


def seed_comments(accounts: dict) -> None:

    specs = load_comments()
    slugs = {spec.consultation for spec in specs}
    consultations = {c.slug: c for c in db.session.scalars(sa.select(Consultation).where(Consultation.slug.in_(slugs)))}
    for spec in specs:
        consultation = consultations.get(spec.consultation)
        if consultation is not None:
            with refused_by_the_rules(spec):
                _post(spec, consultation, accounts, None)
    db.session.flush()
