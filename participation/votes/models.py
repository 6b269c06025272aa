"""Questions, their options, and ballots (one per resident and question)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.core.db import CreatedAt, IntPK, utcnow
from participation.core.translated import TranslatedText
from participation.extensions import db


class QuestionKind(StrEnum):
    SINGLE = "single"  # one option
    MULTIPLE = "multiple"  # up to max_choices options
    RANKING = "ranking"  # every option gets a distinct rank 1..n (Borda count)
    SCALE = "scale"  # a statement on a five-point agree-disagree scale


class Question(db.Model):
    """A question the organisers ask in a consultation, shown in `position` order."""

    __tablename__ = "questions"
    __table_args__ = (
        sa.CheckConstraint("max_choices IS NULL OR max_choices >= 1", name="max_choices_positive"),
    )

    id: Mapped[IntPK]
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[QuestionKind] = mapped_column(
        sa.Enum(QuestionKind, native_enum=False, create_constraint=True, length=20, name="question_kind",
                values_callable=lambda members: [m.value for m in members])
    )
    max_choices: Mapped[int | None]
    prompt: Mapped[dict] = mapped_column(TranslatedText)
    help: Mapped[dict | None] = mapped_column(TranslatedText)
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    options: Mapped[list[Option]] = relationship(
        back_populates="question", order_by="Option.position", cascade="all, delete-orphan",
        passive_deletes=True,
    )

    def choice_limit(self) -> int:
        """How many options one ballot may hold."""
        if self.kind == QuestionKind.MULTIPLE:
            return self.max_choices or len(self.options)
        if self.kind == QuestionKind.RANKING:
            return len(self.options)
        return 1


class Option(db.Model):
    """One answer a resident can choose (or rank)."""

    __tablename__ = "question_options"

    id: Mapped[IntPK]
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    label: Mapped[dict] = mapped_column(TranslatedText)

    question: Mapped[Question] = relationship(back_populates="options")


class Ballot(db.Model):
    """One resident's answer to one question.

    user_id becomes NULL when the voter deletes their account after the consultation
    closed: the ballot still counts, but belongs to nobody. Only the SHA-256 fingerprint
    of the receipt code is stored, so the code itself proves nothing to anyone but its holder.
    """

    __tablename__ = "ballots"
    __table_args__ = (sa.UniqueConstraint("question_id", "user_id"),)

    id: Mapped[IntPK]
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    receipt_fingerprint: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    choices: Mapped[list[BallotChoice]] = relationship(
        back_populates="ballot", cascade="all, delete-orphan", passive_deletes=True,
        order_by="BallotChoice.rank, BallotChoice.option_id",
    )


class BallotChoice(db.Model):
    """An option on a ballot; `rank` (1 = first) only for ranking questions."""

    __tablename__ = "ballot_choices"
    __table_args__ = (
        sa.UniqueConstraint("ballot_id", "option_id"),
        sa.UniqueConstraint("ballot_id", "rank"),  # NULL ranks never clash
        sa.CheckConstraint("rank IS NULL OR rank >= 1", name="rank_positive"),
        # Covers the results tallies (count, first preferences, Borda) without reading the table.
        sa.Index("ix_ballot_choices_option_rank", "option_id", "rank"),
    )

    id: Mapped[IntPK]
    # ballot_id is covered by the (ballot_id, option_id) unique constraint's index.
    ballot_id: Mapped[int] = mapped_column(sa.ForeignKey("ballots.id", ondelete="CASCADE"))
    option_id: Mapped[int] = mapped_column(sa.ForeignKey("question_options.id", ondelete="CASCADE"))
    rank: Mapped[int | None]

    ballot: Mapped[Ballot] = relationship(back_populates="choices")
