"""Factories: create rows directly, commit, and hand back detached objects to read."""

from __future__ import annotations

import itertools
from datetime import timedelta

from participation.accounts.models import User
from participation.accounts.passwords import hash_password
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)


def detach(obj):
    db.session.refresh(obj)
    db.session.expunge(obj)
    return obj


def make_user(
    app,
    *,
    role: Role = Role.RESIDENT,
    verified: bool = True,
    email: str | None = None,
    name: str | None = None,
    language: str = "nl",
    password: str = PASSWORD,
) -> User:
    with app.app_context():
        n = next(_counter)
        user = User(
            email=email or f"person{n}@example.org",
            display_name=name or f"Person {n}",
            password_hash=hash_password(password),
            preferred_language=language,
            role=role,
            email_verified_at=utcnow() if verified else None,
            privacy_consent_at=utcnow(),
        )
        db.session.add(user)
        db.session.commit()
        return detach(user)


def suspend(app, user, *, days: int | None = 3, reason: str | None = "Herhaalde beledigingen") -> None:
    """Suspend the account now, for `days` (None: until further notice)."""
    with app.app_context():
        person = db.session.get(User, user.id)
        person.suspended_at = utcnow()
        person.suspended_until = utcnow() + timedelta(days=days) if days else None
        person.suspension_reason = reason
        db.session.commit()


def get(app, model, pk):
    """Load a row fresh from the database (detached)."""
    with app.app_context():
        obj = db.session.get(model, pk)
        return detach(obj) if obj is not None else None
