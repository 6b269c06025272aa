"""Comments, their endorsements, reports and appeals.

A comment belongs to one consultation; a reply points to a parent in the same
consultation (a composite foreign key on (parent_id, consultation_id) makes the
database refuse anything else). Comments are never removed: deleting keeps the
row as a placeholder, hiding keeps the text so it can be restored.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.accounts.models import User
from participation.consultations.models import Consultation
from participation.core.db import CreatedAt, IntPK
from participation.extensions import db

BODY_MIN = 2
BODY_MAX = 2000
REPORT_TEXT_MAX = 1000
APPEAL_TEXT_MAX = 2000
NOTE_MAX = 1000
# Depth of a top-level comment is 0; a comment at MAX_DEPTH takes no replies.
MAX_DEPTH = 3


class Alignment(StrEnum):
    FOR = "for"
    AGAINST = "against"
    NEUTRAL = "neutral"


class CommentState(StrEnum):
    PUBLISHED = "published"
    PENDING = "pending"  # pre-moderation: only its author sees it until approved
    HIDDEN = "hidden"


class HideReason(StrEnum):
    SPAM = "spam"
    OFFENSIVE = "offensive"
    PERSONAL_DATA = "personal_data"
    OFF_TOPIC = "off_topic"
    ILLEGAL = "illegal"
    OTHER = "other"
    # Set by the system when enough people reported the comment; a moderator decides next.
    REPORTED = "reported"


class ReportReason(StrEnum):
    SPAM = "spam"
    OFFENSIVE = "offensive"
    PERSONAL_DATA = "personal_data"
    OFF_TOPIC = "off_topic"
    OTHER = "other"


class AppealOutcome(StrEnum):
    GRANTED = "granted"  # the comment is restored
    REJECTED = "rejected"  # the comment stays hidden


def _enum(enum_cls, name):
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=20,
        name=name,
        values_callable=lambda members: [m.value for m in members],
    )


class Comment(db.Model):
    __tablename__ = "comments"
    __table_args__ = (
        # Target of the composite foreign key below.
        sa.UniqueConstraint("id", "consultation_id", name="uq_comments_id_consultation"),
        sa.ForeignKeyConstraint(
            ["parent_id", "consultation_id"],
            ["comments.id", "comments.consultation_id"],
            name="fk_comments_parent_same_consultation",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(f"depth >= 0 AND depth <= {MAX_DEPTH}", name="depth_range"),
        sa.CheckConstraint(
            "(parent_id IS NULL AND depth = 0 AND root_id IS NULL) "
            "OR (parent_id IS NOT NULL AND depth > 0 AND root_id IS NOT NULL)",
            name="parent_matches_depth",
        ),
        sa.CheckConstraint(f"length(body) >= 1 AND length(body) <= {BODY_MAX}", name="body_length"),
        sa.CheckConstraint("state != 'hidden' OR hidden_reason IS NOT NULL", name="hidden_has_reason"),
        sa.Index("ix_comments_thread", "consultation_id", "parent_id", "created_at"),
    )

    id: Mapped[IntPK]
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(index=True)
    # The top-level comment of the thread: a page loads all its replies in one query.
    root_id: Mapped[int | None] = mapped_column(sa.ForeignKey("comments.id", ondelete="CASCADE"), index=True)
    depth: Mapped[int] = mapped_column(default=0)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    alignment: Mapped[Alignment] = mapped_column(_enum(Alignment, "comment_alignment"))
    body: Mapped[str] = mapped_column(sa.Text)
    state: Mapped[CommentState] = mapped_column(
        _enum(CommentState, "comment_state"), default=CommentState.PUBLISHED, index=True
    )
    created_at: Mapped[CreatedAt] = mapped_column(index=True)
    edited_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]
    hidden_reason: Mapped[HideReason | None] = mapped_column(_enum(HideReason, "comment_hide_reason"))
    # The moderator's statement of reasons: mailed to the author, kept in the log, not public.
    moderator_note: Mapped[str | None] = mapped_column(sa.String(NOTE_MAX))
    hidden_at: Mapped[datetime | None]
    hidden_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)

    author = relationship(User, foreign_keys=[author_id])
    consultation = relationship(Consultation)
    parent = relationship("Comment", primaryjoin="foreign(Comment.parent_id) == remote(Comment.id)", viewonly=True)
    reports = relationship("CommentReport", viewonly=True, order_by="CommentReport.created_at")
    appeal = relationship("CommentAppeal", viewonly=True, uselist=False)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.state == CommentState.HIDDEN

    @property
    def is_pending(self) -> bool:
        return self.state == CommentState.PENDING

    @property
    def is_visible(self) -> bool:
        """Shown with its text to everyone."""
        return self.state == CommentState.PUBLISHED and self.deleted_at is None


class CommentEndorsement(db.Model):
    __tablename__ = "comment_endorsements"
    __table_args__ = (sa.UniqueConstraint("comment_id", "user_id", name="uq_comment_endorsements_comment_user"),)

    id: Mapped[IntPK]
    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[CreatedAt]


class CommentReport(db.Model):
    __tablename__ = "comment_reports"
    __table_args__ = (
        sa.UniqueConstraint("comment_id", "reporter_id", name="uq_comment_reports_comment_reporter"),
        sa.CheckConstraint("reason != 'other' OR (text IS NOT NULL AND length(text) > 0)", name="other_has_text"),
    )

    id: Mapped[IntPK]
    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id", ondelete="CASCADE"), index=True)
    reporter_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    reason: Mapped[ReportReason] = mapped_column(_enum(ReportReason, "comment_report_reason"))
    text: Mapped[str | None] = mapped_column(sa.String(REPORT_TEXT_MAX))
    created_at: Mapped[CreatedAt]
    # Set when a moderator acted on the comment (hid, restored, approved or dismissed).
    resolved_at: Mapped[datetime | None] = mapped_column(index=True)

    reporter = relationship(User, foreign_keys=[reporter_id])

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class CommentAppeal(db.Model):
    """The author's one appeal against a hide; another moderator decides."""

    __tablename__ = "comment_appeals"
    __table_args__ = (
        sa.UniqueConstraint("comment_id", name="uq_comment_appeals_comment_id"),
        sa.CheckConstraint("(decided_at IS NULL) = (outcome IS NULL)", name="decided_has_outcome"),
    )

    id: Mapped[IntPK]
    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    text: Mapped[str] = mapped_column(sa.String(APPEAL_TEXT_MAX))
    created_at: Mapped[CreatedAt]
    # The moderator whose hide is appealed: they may not decide the appeal.
    hidden_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(index=True)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    outcome: Mapped[AppealOutcome | None] = mapped_column(_enum(AppealOutcome, "comment_appeal_outcome"))
    decision_note: Mapped[str | None] = mapped_column(sa.String(NOTE_MAX))

    comment = relationship("Comment")
    author = relationship(User, foreign_keys=[author_id])
