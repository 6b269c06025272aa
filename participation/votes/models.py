"""Questions, their options, and ballots (one per resident and question)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.core.db import CreatedAt, IntPK
from participation.core.time import utcnow
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
    __table_args__ = (sa.CheckConstraint("max_choices IS NULL OR max_choices >= 1", name="max_choices_positive"),)

    id: Mapped[IntPK]
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[QuestionKind] = mapped_column(
        sa.Enum(
            QuestionKind,
            native_enum=False,
            create_constraint=True,
            length=20,
            name="question_kind",
            values_callable=lambda members: [m.value for m in members],
        )
    )
    max_choices: Mapped[int | None]
    prompt: Mapped[dict] = mapped_column(TranslatedText)
    help: Mapped[dict | None] = mapped_column(TranslatedText)
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    options: Mapped[list[Option]] = relationship(
        back_populates="question",
        order_by="Option.position",
        cascade="all, delete-orphan",
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
    __table_args__ = (
        sa.UniqueConstraint("question_id", "user_id"),
        # A results page's fingerprints in order, one question at a time (queries.fingerprint_page).
        sa.Index("ix_ballots_question_fingerprint", "question_id", "receipt_fingerprint"),
    )

    id: Mapped[IntPK]
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    receipt_fingerprint: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    choices: Mapped[list[BallotChoice]] = relationship(
        back_populates="ballot",
        cascade="all, delete-orphan",
        passive_deletes=True,
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


class FinalCount(db.Model):
    """That a closed consultation's counts are stored, for which closing moment, and its ballots.

    Written once, when voting has closed (final_counts.store_final_counts): afterwards no
    ballot can be cast or changed (the triggers below refuse it), so the numbers never change.
    """

    __tablename__ = "final_counts"

    consultation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    closes_at: Mapped[datetime]  # the closing moment they were counted for
    ballots: Mapped[int]
    computed_at: Mapped[CreatedAt]


class FinalCountRow(db.Model):
    """One question's voters (option_id NULL) or one option's tallies in a closed consultation."""

    __tablename__ = "final_count_rows"
    __table_args__ = (sa.Index("ix_final_count_rows_consultation", "consultation_id", "question_id", "option_id"),)

    id: Mapped[IntPK]
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("final_counts.consultation_id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    option_id: Mapped[int | None] = mapped_column(sa.ForeignKey("question_options.id", ondelete="CASCADE"), index=True)
    count: Mapped[int]  # voters (question row) or times chosen (option row)
    first_preferences: Mapped[int] = mapped_column(default=0)
    borda: Mapped[int] = mapped_column(default=0)


# The database refuses a ballot, or a change to one, once its consultation's voting has closed,
# whatever code path writes it (services check it first and give the friendly message). Deletes
# stay allowed: a consultation or question deleted with its ballots, choices replaced by cascade.
_CLOSED_PG = """
CREATE OR REPLACE FUNCTION ballots_refuse_after_closing() RETURNS trigger AS $$
DECLARE
    closed boolean;
BEGIN
    IF TG_TABLE_NAME = 'ballots' THEN
        SELECT c.closes_at <= clock_timestamp() INTO closed FROM questions q
          JOIN consultations c ON c.id = q.consultation_id WHERE q.id = NEW.question_id;
    ELSE
        SELECT c.closes_at <= clock_timestamp() INTO closed FROM ballots b JOIN questions q ON q.id = b.question_id
          JOIN consultations c ON c.id = q.consultation_id WHERE b.id = NEW.ballot_id;
    END IF;
    IF closed THEN
        RAISE EXCEPTION 'voting has closed: no ballot can be cast or changed' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql
"""
_CLOSED_PG_TRIGGERS = (
    "CREATE TRIGGER ballots_refuse_after_closing BEFORE INSERT OR UPDATE OF question_id, receipt_fingerprint, "
    "updated_at ON ballots FOR EACH ROW EXECUTE FUNCTION ballots_refuse_after_closing()",
    "CREATE TRIGGER ballot_choices_refuse_after_closing BEFORE INSERT OR UPDATE ON ballot_choices "
    "FOR EACH ROW EXECUTE FUNCTION ballots_refuse_after_closing()",
)
# SQLite stores moments as 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC; strftime('%f') gives SS.SSS, which
# compares the same way as text.
_SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
_CLOSED_SQLITE_TRIGGERS = tuple(
    # DDL built from the constants below, never from input.
    f"CREATE TRIGGER {name} BEFORE {when} ON {table} FOR EACH ROW WHEN EXISTS ("  # noqa: S608
    f"SELECT 1 FROM {source} JOIN consultations c ON c.id = q.consultation_id "
    f"WHERE {match} AND c.closes_at <= {_SQLITE_NOW}) "
    "BEGIN SELECT RAISE(ABORT, 'voting has closed: no ballot can be cast or changed'); END"
    for name, when, table, source, match in (
        ("ballots_refuse_insert_after_closing", "INSERT", "ballots", "questions q", "q.id = NEW.question_id"),
        (
            "ballots_refuse_update_after_closing",
            "UPDATE OF question_id, receipt_fingerprint, updated_at",
            "ballots",
            "questions q",
            "q.id = NEW.question_id",
        ),
        (
            "ballot_choices_refuse_insert_after_closing",
            "INSERT",
            "ballot_choices",
            "ballots b JOIN questions q ON q.id = b.question_id",
            "b.id = NEW.ballot_id",
        ),
        (
            "ballot_choices_refuse_update_after_closing",
            "UPDATE",
            "ballot_choices",
            "ballots b JOIN questions q ON q.id = b.question_id",
            "b.id = NEW.ballot_id",
        ),
    )
)
for _dialect, _statements in (("postgresql", (_CLOSED_PG, *_CLOSED_PG_TRIGGERS)), ("sqlite", _CLOSED_SQLITE_TRIGGERS)):
    for _statement in _statements:  # DDL formats its text with %: a literal % is written %%
        sa.event.listen(
            BallotChoice.__table__, "after_create", sa.DDL(_statement.replace("%", "%%")).execute_if(dialect=_dialect)
        )
sa.event.listen(
    BallotChoice.__table__,
    "after_drop",
    sa.DDL("DROP FUNCTION IF EXISTS ballots_refuse_after_closing()").execute_if(dialect="postgresql"),
)

# Stored final counts belong to one closing moment: any change of closes_at (reopening, closing
# again, even back to the same moment) deletes them, whatever code path writes it.
_FORGET_PG = """
CREATE OR REPLACE FUNCTION final_counts_forget() RETURNS trigger AS $$
BEGIN
    DELETE FROM final_counts WHERE consultation_id = NEW.id;
    RETURN NEW;
END
$$ LANGUAGE plpgsql
"""
_FORGET_PG_TRIGGER = (
    "CREATE TRIGGER consultations_forget_final_counts AFTER UPDATE OF closes_at ON consultations "
    "FOR EACH ROW WHEN (OLD.closes_at IS DISTINCT FROM NEW.closes_at) EXECUTE FUNCTION final_counts_forget()"
)
_FORGET_SQLITE_TRIGGER = (
    "CREATE TRIGGER consultations_forget_final_counts AFTER UPDATE OF closes_at ON consultations "
    "FOR EACH ROW WHEN OLD.closes_at IS NOT NEW.closes_at "
    "BEGIN DELETE FROM final_counts WHERE consultation_id = NEW.id; END"
)
for _dialect, _statements in (("postgresql", (_FORGET_PG, _FORGET_PG_TRIGGER)), ("sqlite", (_FORGET_SQLITE_TRIGGER,))):
    for _statement in _statements:
        sa.event.listen(FinalCount.__table__, "after_create", sa.DDL(_statement).execute_if(dialect=_dialect))
sa.event.listen(
    FinalCount.__table__,
    "after_drop",
    sa.DDL("DROP TRIGGER IF EXISTS consultations_forget_final_counts ON consultations").execute_if(
        dialect="postgresql"
    ),
)
sa.event.listen(
    FinalCount.__table__,
    "after_drop",
    sa.DDL("DROP FUNCTION IF EXISTS final_counts_forget()").execute_if(dialect="postgresql"),
)
sa.event.listen(
    FinalCount.__table__,
    "after_drop",
    sa.DDL("DROP TRIGGER IF EXISTS consultations_forget_final_counts").execute_if(dialect="sqlite"),
)
