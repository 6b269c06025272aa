"""Shared set-up for statement tests."""

from __future__ import annotations

import pytest

from participation.core.permissions import Role
from participation.extensions import db
from tests.factories import make_user


@pytest.fixture
def ctx(app):
    """An app and request context in which services run (they flush; the test commits)."""
    with app.test_request_context("/nl/", method="POST"):
        yield
        db.session.rollback()


@pytest.fixture
def people(app):
    return {
        "resident": make_user(app, name="Lotte"),
        "resident2": make_user(app, name="Priya"),
        "resident3": make_user(app, name="Camille"),
        "unverified": make_user(app, verified=False),
        "organiser": make_user(app, role=Role.ORGANISER),
        "moderator": make_user(app, role=Role.MODERATOR, name="Mo"),
    }
