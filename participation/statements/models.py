"""The opinion map of a consultation: statements, votes on them, reports, and the stored map.

- OpinionMap: the organiser switched statements on for a consultation, with their own opening
  and closing moments (within which residents vote and add statements), and the last computed
  map (groups and common ground) as JSON with the moment it was computed.
- Statement: a short claim (at most TEXT_MAX characters). `text` is stored like every translated
  field ({"nl": ..., "en": ...}); a resident's statement has one language, `language`, the one
  they wrote in; an organiser's seed statement may have several.
- StatementVote: agree (1), disagree (-1) or pass (0); one per person and statement (UNIQUE).
- StatementReport: one report per person and statement; moderators decide.
- StatementAppeal: the author's one appeal against hiding their statement; someone who is
  neither its author nor anyone who hid it decides.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum, StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.comments.models import APPEAL_TEXT_MAX, AppealOutcome, HideReason, ReportReason
from participation.core.db import CreatedAt, IntPK
from participation.core.time import utcnow
from participation.core.translated import TranslatedText
from participation.extensions import db

TEXT_MIN = 5
TEXT_MAX = 280
NOTE_MAX = 1000
REPORT_TEXT_MAX = 1000
APPEAL_TEXT_MIN = 10


class VoteValue(IntEnum):
    AGREE = 1
    DISAGREE = -1
    PASS = 0


class StatementState(StrEnum):
    PUBLISHED = "published"
    PENDING = "pending"  # pre-moderation: waits for a moderator, only its author knows of it
    HIDDEN = "hidden"


def _enum(enum_cls, name):
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=20,
        name=name,
        values_callable=lambda members: [m.value for m in members],
    )


class OpinionMap(db.Model):
    """Statements switched on for one consultation, and the last map computed from the votes."""

    __tablename__ = "opinion_maps"
    __table_args__ = (sa.CheckConstraint("closes_at > opens_at", name="closes_after_opening"),)

    consultation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    opens_at: Mapped[datetime]
    closes_at: Mapped[datetime]
    residents_may_add: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The stored map (analysis.compute_map's result) and when it was computed.
    result: Mapped[dict | None] = mapped_column(sa.JSON)
    computed_at: Mapped[datetime | None]
    # Set by a vote when the map is out of date; cleared by the job that recomputes it.
    recompute_requested_at: Mapped[datetime | None] = mapped_column(index=True)

    consultation = relationship("Consultation")

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or utcnow()
        return self.opens_at <= now < self.closes_at and self.consultation.is_open(now)

    def has_closed(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.closes_at


class Statement(db.Model):
    __tablename__ = "statements"
    __table_args__ = (
        sa.CheckConstraint("state != 'hidden' OR hidden_reason IS NOT NULL", name="hidden_has_reason"),
        sa.CheckConstraint("votes_count >= 0", name="votes_count_positive"),
        # The next statement to show: published ones of a consultation, fewest votes first.
        sa.Index("ix_statements_next", "consultation_id", "state", "votes_count"),
    )

    id: Mapped[IntPK]
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    language: Mapped[str] = mapped_column(sa.String(8))
    text: Mapped[dict] = mapped_column(TranslatedText)
    is_seed: Mapped[bool] = mapped_column(default=False)
    state: Mapped[StatementState] = mapped_column(
        _enum(StatementState, "statement_state"), default=StatementState.PUBLISHED, index=True
    )
    # Votes cast on it (a changed vote is not counted twice): the fairness order of `next_statement`.
    votes_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[CreatedAt]
    hidden_reason: Mapped[HideReason | None] = mapped_column(_enum(HideReason, "statement_hide_reason"))
    moderator_note: Mapped[str | None] = mapped_column(sa.String(NOTE_MAX))
    hidden_at: Mapped[datetime | None]
    hidden_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)

    consultation = relationship("Consultation")
    author = relationship("User", foreign_keys=[author_id])

    @property
    def is_visible(self) -> bool:
        return self.state == StatementState.PUBLISHED


class StatementVote(db.Model):
    __tablename__ = "statement_votes"
    __table_args__ = (
        sa.UniqueConstraint("statement_id", "user_id", name="uq_statement_votes_statement_user"),
        sa.CheckConstraint("value IN (-1, 0, 1)", name="value_range"),
        # The matrix of a consultation, and "which have I voted on", by index.
        sa.Index("ix_statement_votes_consultation_user", "consultation_id", "user_id"),
    )

    id: Mapped[IntPK]
    statement_id: Mapped[int] = mapped_column(sa.ForeignKey("statements.id", ondelete="CASCADE"))
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    value: Mapped[int] = mapped_column(sa.SmallInteger)
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class StatementReport(db.Model):
    __tablename__ = "statement_reports"
    __table_args__ = (
        sa.UniqueConstraint("statement_id", "reporter_id", name="uq_statement_reports_statement_reporter"),
        sa.CheckConstraint("reason != 'other' OR (text IS NOT NULL AND length(text) > 0)", name="other_has_text"),
    )

    id: Mapped[IntPK]
    statement_id: Mapped[int] = mapped_column(sa.ForeignKey("statements.id", ondelete="CASCADE"), index=True)
    reporter_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    reason: Mapped[ReportReason] = mapped_column(_enum(ReportReason, "statement_report_reason"))
    text: Mapped[str | None] = mapped_column(sa.String(REPORT_TEXT_MAX))
    created_at: Mapped[CreatedAt]
    resolved_at: Mapped[datetime | None] = mapped_column(index=True)


class StatementAppeal(db.Model):
    """The author's one appeal against hiding their statement (UNIQUE per statement)."""

    __tablename__ = "statement_appeals"
    __table_args__ = (
        sa.UniqueConstraint("statement_id", name="uq_statement_appeals_statement_id"),
        sa.CheckConstraint("(decided_at IS NULL) = (outcome IS NULL)", name="decided_has_outcome"),
    )

    id: Mapped[IntPK]
    statement_id: Mapped[int] = mapped_column(sa.ForeignKey("statements.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    text: Mapped[str] = mapped_column(sa.String(APPEAL_TEXT_MAX))
    created_at: Mapped[CreatedAt]
    # The moderator whose hide is appealed: they may not decide the appeal.
    hidden_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(index=True)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    outcome: Mapped[AppealOutcome | None] = mapped_column(_enum(AppealOutcome, "statement_appeal_outcome"))
    decision_note: Mapped[str | None] = mapped_column(sa.String(NOTE_MAX))

    statement = relationship("Statement")
    author = relationship("User", foreign_keys=[author_id])
