"""The account of a person using the platform."""

from __future__ import annotations

import secrets
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from participation.core.db import CreatedAt, IntPK
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db


def new_session_token() -> str:
    return secrets.token_urlsafe(24)


class User(db.Model):
    """A resident or a member of city staff.

    `session_token` is part of the login cookie: rotating it ends every session of
    this account on the server (log-out, password change, suspension, deletion).
    """

    __tablename__ = "users"
    __table_args__ = (
        sa.CheckConstraint("email = lower(email)", name="email_lowercase"),
        # Never hand a deleted person's id to someone new.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[IntPK]
    email: Mapped[str] = mapped_column(sa.String(320), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(80))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    preferred_language: Mapped[str] = mapped_column(sa.String(8), default="nl")
    role: Mapped[Role] = mapped_column(
        sa.Enum(
            Role,
            native_enum=False,
            create_constraint=True,
            length=20,
            values_callable=lambda roles: [r.value for r in roles],
        ),
        default=Role.RESIDENT,
    )
    email_verified_at: Mapped[datetime | None]
    privacy_consent_at: Mapped[datetime | None]
    session_token: Mapped[str] = mapped_column(sa.String(64), default=new_session_token)
    created_at: Mapped[CreatedAt]
    suspended_at: Mapped[datetime | None]
    # None with suspended_at set means suspended until further notice.
    suspended_until: Mapped[datetime | None]
    suspension_reason: Mapped[str | None] = mapped_column(sa.String(500))
    notify_on_reply: Mapped[bool] = mapped_column(default=True)

    # Flask-Login protocol -------------------------------------------------
    is_anonymous = False

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return True

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    # Read-only helpers ----------------------------------------------------
    @property
    def is_verified(self) -> bool:
        return self.email_verified_at is not None

    def is_suspended(self, now: datetime | None = None) -> bool:
        if self.suspended_at is None:
            return False
        return self.suspended_until is None or self.suspended_until > (now or utcnow())

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


def normalise_email(email: str) -> str:
    """How an address is stored and compared: trimmed, lower case."""
    return (email or "").strip().lower()
