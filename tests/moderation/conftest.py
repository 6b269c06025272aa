"""Shared set-up for moderation tests (same as tests/comments)."""

from __future__ import annotations

import pytest

from participation.accounts.models import User
from participation.comments.models import Comment
from participation.consultations.models import Consultation
from participation.core.permissions import Role
from participation.extensions import db
from tests.factories import make_user


@pytest.fixture
def ctx(app):
    """An app and request context in which services run (they flush; the test commits)."""
    with app.test_request_context("/nl/", method="POST"):
        yield
        db.session.rollback()


def load(model, obj):
    return db.session.get(model, obj.id)


@pytest.fixture
def people(app):
    return {
        "resident": make_user(app, name="Lotte"),
        "resident2": make_user(app, name="Priya"),
        "resident3": make_user(app, name="Camille"),
        "unverified": make_user(app, verified=False),
        "organiser": make_user(app, role=Role.ORGANISER),
        "moderator": make_user(app, role=Role.MODERATOR, name="Mo"),
        "moderator2": make_user(app, role=Role.MODERATOR, name="Mia"),
        "admin": make_user(app, role=Role.ADMIN),
    }


__all__ = ["load", "User", "Comment", "Consultation"]
