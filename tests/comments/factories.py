"""Factories for consultations and comments (rows straight into the database)."""

from __future__ import annotations

import itertools
from contextlib import nullcontext
from datetime import timedelta

from flask import has_app_context

from participation.comments.models import Alignment, Comment, CommentState
from participation.consultations.models import Consultation, ConsultationState, ModerationMode
from participation.core.time import utcnow
from participation.extensions import db
from tests.factories import detach

_counter = itertools.count(1)


def _scope(app):
    """Reuse the test's own context (and session) when there is one: SQLite allows one writer."""
    return nullcontext() if has_app_context() else app.app_context()


def make_consultation(
    app,
    *,
    state=ConsultationState.PUBLISHED,
    open_now=True,
    pre_moderation=False,
    comments_enabled=True,
    organisers=(),
    slug=None,
    title=None,
):
    with _scope(app):
        n = next(_counter)
        now = utcnow()
        opens, closes = (
            (now - timedelta(days=1), now + timedelta(days=10))
            if open_now
            else (now - timedelta(days=20), now - timedelta(days=1))
        )
        consultation = Consultation(
            slug=slug or f"consultation-{n}",
            state=state,
            opens_at=opens,
            closes_at=closes,
            title=title or {"nl": f"Bevraging {n}", "en": f"Consultation {n}"},
            summary={"nl": "Samenvatting"},
            body={"nl": "Tekst"},
            moderation_mode=ModerationMode.PRE if pre_moderation else ModerationMode.POST,
            comments_enabled=comments_enabled,
            published_at=now,
        )
        from participation.accounts.models import User

        consultation.organisers = [db.session.get(User, u.id) for u in organisers]
        db.session.add(consultation)
        db.session.commit()
        return detach(consultation)


def make_comment(
    app,
    consultation,
    author,
    *,
    body="Een goed idee.",
    alignment=Alignment.FOR,
    parent=None,
    state=CommentState.PUBLISHED,
    created_at=None,
    **extra,
):
    with _scope(app):
        comment = Comment(
            consultation_id=consultation.id,
            author_id=author.id if author else None,
            body=body,
            alignment=alignment,
            state=state,
            parent_id=parent.id if parent else None,
            root_id=(parent.root_id or parent.id) if parent else None,
            depth=parent.depth + 1 if parent else 0,
            created_at=created_at or utcnow(),
            **extra,
        )
        db.session.add(comment)
        db.session.commit()
        return detach(comment)
