"""Suspensions as decisions: one row per suspension, and at most one appeal against each.

The account's own columns (User.suspended_at, suspended_until, suspension_reason) stay the
current state that every feature's permission rules read; these rows are the record: who
suspended whom, why, from when until when, who lifted it early, and how an appeal ended.
The transparency figures count them (no names).

When the account is erased the rows stay, without the person (user_id NULL) and without
the words (reason, appeal text, decision note): the counts remain right.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.accounts.models import User
from participation.core.db import CreatedAt, IntPK
from participation.core.time import utcnow
from participation.extensions import db

SUSPENSION_REASON_MAX = 500
SUSPENSION_APPEAL_TEXT_MAX = 2000
SUSPENSION_NOTE_MAX = 1000


class SuspensionAppealOutcome(StrEnum):
    UPHELD = "upheld"  # the suspension stays
    LIFTED = "lifted"  # the suspension ends at once


class Suspension(db.Model):
    """One suspension of an account; `ends_at` None means until further notice."""

    __tablename__ = "suspensions"
    __table_args__ = (
        sa.CheckConstraint("ends_at IS NULL OR ends_at > starts_at", name="ends_after_start"),
        sa.CheckConstraint("(lifted_at IS NULL) OR (lifted_at >= starts_at)", name="lifted_after_start"),
    )

    id: Mapped[IntPK]
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    suspended_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    # None only once the person's account was erased.
    reason: Mapped[str | None] = mapped_column(sa.String(SUSPENSION_REASON_MAX))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime | None]
    # Ended early: lifted by a moderator, after an appeal, or replaced by a new suspension.
    lifted_at: Mapped[datetime | None]
    lifted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)

    user = relationship(User, foreign_keys=[user_id])
    suspended_by = relationship(User, foreign_keys=[suspended_by_id])
    appeal = relationship("SuspensionAppeal", back_populates="suspension", uselist=False)

    def in_force(self, now: datetime | None = None) -> bool:
        if self.lifted_at is not None:
            return False
        return self.ends_at is None or self.ends_at > (now or utcnow())


class SuspensionAppeal(db.Model):
    """The suspended person's one appeal; someone other than the suspending moderator decides."""

    __tablename__ = "suspension_appeals"
    __table_args__ = (
        sa.UniqueConstraint("suspension_id", name="uq_suspension_appeals_suspension_id"),
        sa.CheckConstraint("(decided_at IS NULL) = (outcome IS NULL)", name="decided_has_outcome"),
    )

    id: Mapped[IntPK]
    suspension_id: Mapped[int] = mapped_column(sa.ForeignKey("suspensions.id", ondelete="CASCADE"))
    # None only once the person's account was erased.
    text: Mapped[str | None] = mapped_column(sa.String(SUSPENSION_APPEAL_TEXT_MAX))
    created_at: Mapped[CreatedAt]
    decided_at: Mapped[datetime | None] = mapped_column(index=True)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    outcome: Mapped[SuspensionAppealOutcome | None] = mapped_column(
        sa.Enum(
            SuspensionAppealOutcome,
            native_enum=False,
            create_constraint=True,
            length=20,
            name="suspension_appeal_outcome",
            values_callable=lambda members: [m.value for m in members],
        )
    )
    decision_note: Mapped[str | None] = mapped_column(sa.String(SUSPENSION_NOTE_MAX))

    suspension = relationship(Suspension, back_populates="appeal")
    decided_by = relationship(User, foreign_keys=[decided_by_id])
