"""The rules of statements: switching them on, adding, voting, reporting, moderating.

Services flush, never commit (the view or job does). Who may add statements and vote: the
same residents as may comment (comments.services.check_participant: signed in, address
confirmed, not suspended), while the opinion map is open.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from participation.comments.models import HideReason, ReportReason
from participation.comments.services import check_participant
from participation.consultations.models import ModerationMode
from participation.core import audit
from participation.core.errors import Conflict, NotAllowed, UserError
from participation.core.i18n import _
from participation.core.jobs import enqueue_after_commit
from participation.core.locking import lock_for_update
from participation.core.time import utcnow
from participation.extensions import db
from participation.statements.models import (
    TEXT_MAX,
    TEXT_MIN,
    OpinionMap,
    Statement,
    StatementReport,
    StatementState,
    StatementVote,
    VoteValue,
)
from participation.statements.permissions import can_moderate_statements

RECOMPUTE_JOB = "opinion-map-recompute"
# After a vote the map is recomputed at once when it is older than this; otherwise the
# periodic job picks it up (votes coming in quickly cost one computation, not one each).
DEFAULT_DEBOUNCE_SECONDS = 120
DEFAULT_AUTO_HIDE_REPORTS = 3

VOTE_VALUES = {"agree": VoteValue.AGREE, "disagree": VoteValue.DISAGREE, "pass": VoteValue.PASS}


def opinion_map_of(consultation_id: int) -> OpinionMap | None:
    return db.session.get(OpinionMap, consultation_id)


def configure(
    organiser, consultation, *, enabled: bool, opens_at: datetime, closes_at: datetime, residents_may_add: bool
) -> OpinionMap | None:
    """Switch statements on (with their moments) or off. Off keeps nothing: statements go too."""
    current = opinion_map_of(consultation.id)
    if not enabled:
        if current is not None:
            if db.session.scalar(sa.select(sa.func.count()).where(StatementVote.consultation_id == consultation.id)):
                raise Conflict(_("Residents have voted on statements: the opinion map can no longer be switched off."))
            db.session.execute(sa.delete(Statement).where(Statement.consultation_id == consultation.id))
            db.session.delete(current)
            audit.record(
                organiser, "statements.disabled", "consultation", consultation.id, consultation_id=consultation.id
            )
            db.session.flush()
        return None
    if closes_at <= opens_at:
        raise UserError(_("The closing moment must come after the opening moment."), field="closes_at")
    if current is None:
        current = OpinionMap(consultation_id=consultation.id)
        db.session.add(current)
        action = "statements.enabled"
    else:
        action = "statements.changed"
    current.opens_at, current.closes_at, current.residents_may_add = opens_at, closes_at, residents_may_add
    audit.record(organiser, action, "consultation", consultation.id, consultation_id=consultation.id)
    db.session.flush()
    return current


def _check_open(opinion_map: OpinionMap | None) -> OpinionMap:
    if opinion_map is None:
        raise Conflict(_("This consultation has no statements."))
    if not opinion_map.is_open():
        raise Conflict(_("You can only vote on and add statements while they are open."))
    return opinion_map


def voting_block_reason(user, opinion_map: OpinionMap | None) -> str | None:
    """Why this person cannot vote or add statements now, or None."""
    try:
        check_participant(user)
        _check_open(opinion_map)
    except UserError as exc:
        return exc.message
    return None


def clean_text(text: str | None) -> str:
    return " ".join((text or "").split())


def check_can_add(user, opinion_map: OpinionMap | None) -> None:
    check_participant(user)
    _check_open(opinion_map)
    if not opinion_map.residents_may_add:
        raise Conflict(_("Only the organisers add statements to this consultation."))


def add_statement(author, opinion_map: OpinionMap | None, text: str, language: str) -> Statement:
    """A resident's statement, in the language they wrote it in. Under pre-moderation it waits
    for a moderator; otherwise it is published at once (and can be reported)."""
    check_can_add(author, opinion_map)
    text = clean_text(text)
    if not TEXT_MIN <= len(text) <= TEXT_MAX:
        raise UserError(_("Write between %(min)d and %(max)d characters.", min=TEXT_MIN, max=TEXT_MAX), field="text")
    if language not in current_app.config["LANGUAGES"]:
        raise UserError(_("Choose one of the languages offered."), field="language")
    pre = opinion_map.consultation.moderation_mode == ModerationMode.PRE
    statement = Statement(
        consultation_id=opinion_map.consultation_id,
        author_id=author.id,
        language=language,
        text={language: text},
        state=StatementState.PENDING if pre else StatementState.PUBLISHED,
    )
    db.session.add(statement)
    db.session.flush()
    return statement


def seed_statement(organiser, consultation, texts: dict[str, str]) -> Statement:
    """An organiser's statement, in one or more languages (Dutch required), published at once."""
    texts = {lang: clean_text(value) for lang, value in texts.items() if clean_text(value)}
    if not texts.get("nl"):
        raise UserError(_("Fill in the Dutch text: Dutch is required."), field="text_nl")
    for lang, value in texts.items():
        if len(value) > TEXT_MAX or len(value) < TEXT_MIN:
            raise UserError(
                _("Write between %(min)d and %(max)d characters.", min=TEXT_MIN, max=TEXT_MAX), field=f"text_{lang}"
            )
    statement = Statement(consultation_id=consultation.id, author_id=None, language="nl", text=texts, is_seed=True)
    db.session.add(statement)
    db.session.flush()
    audit.record(organiser, "statement.seeded", "statement", statement.id, consultation_id=consultation.id)
    return statement


def cast_vote(user, statement: Statement, value: str) -> bool:
    """Agree, disagree or pass; a second vote on the same statement replaces the first.

    One vote per person and statement is the database's rule (a UNIQUE constraint): the insert
    runs in a savepoint, and when a concurrent or earlier vote is there it is updated instead.
    On PostgreSQL a concurrent insert of the same pair waits for the first to commit and then
    fails the constraint; on SQLite writers are serialised (BEGIN IMMEDIATE). Returns True when
    the vote is new (the statement's `votes_count` then grows by one), False when changed.
    """
    check_participant(user)
    opinion_map = _check_open(opinion_map_of(statement.consultation_id))
    if value not in VOTE_VALUES:
        raise UserError(_("Choose agree, disagree or pass."), field="value")
    if not statement.is_visible:
        raise Conflict(_("This statement can no longer be voted on."))
    number = int(VOTE_VALUES[value])
    now = utcnow()
    try:
        with db.session.begin_nested():
            db.session.add(
                StatementVote(
                    statement_id=statement.id,
                    consultation_id=statement.consultation_id,
                    user_id=user.id,
                    value=number,
                    created_at=now,
                    updated_at=now,
                )
            )
            db.session.flush()
        created = True
    except IntegrityError:
        db.session.execute(
            sa.update(StatementVote)
            .where(StatementVote.statement_id == statement.id, StatementVote.user_id == user.id)
            .values(value=number, updated_at=now)
        )
        created = False
    if created:
        db.session.execute(
            sa.update(Statement).where(Statement.id == statement.id).values(votes_count=Statement.votes_count + 1)
        )
    request_recompute(opinion_map)
    return created


def request_recompute(opinion_map: OpinionMap) -> None:
    """Mark the map out of date; queue its computation unless one ran within the debounce time."""
    now = utcnow()
    marked = db.session.execute(
        sa.update(OpinionMap)
        .where(OpinionMap.consultation_id == opinion_map.consultation_id, OpinionMap.recompute_requested_at.is_(None))
        .values(recompute_requested_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    debounce = timedelta(seconds=current_app.config.get("OPINION_MAP_DEBOUNCE_SECONDS", DEFAULT_DEBOUNCE_SECONDS))
    if marked and (opinion_map.computed_at is None or now - opinion_map.computed_at >= debounce):
        enqueue_after_commit(RECOMPUTE_JOB, opinion_map.consultation_id)


# --- Reports and moderation --------------------------------------------------------------------


def report_statement(user, statement: Statement, reason: str, text: str | None) -> StatementReport:
    """One report per person and statement; at STATEMENT_AUTO_HIDE_REPORTS open reports the
    statement is hidden until a moderator decides."""
    check_participant(user)
    reason = ReportReason(reason)
    text = (text or "").strip() or None
    if reason == ReportReason.OTHER and not text:
        raise UserError(_("Tell us what is wrong with this statement."), field="text")
    statement = lock_for_update(Statement, statement.id)
    if not statement.is_visible:
        raise Conflict(_("This statement cannot be reported."))
    if statement.author_id is not None and statement.author_id == user.id:
        raise Conflict(_("You cannot report your own statement."))
    report = StatementReport(statement_id=statement.id, reporter_id=user.id, reason=reason, text=text)
    try:
        with db.session.begin_nested():
            db.session.add(report)
            db.session.flush()
    except IntegrityError:
        raise Conflict(_("You already reported this statement. A moderator will look at it.")) from None
    open_reports = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(StatementReport)
        .where(StatementReport.statement_id == statement.id, StatementReport.resolved_at.is_(None))
    )
    threshold = int(current_app.config.get("STATEMENT_AUTO_HIDE_REPORTS", DEFAULT_AUTO_HIDE_REPORTS))
    if open_reports >= threshold:
        _hide(statement, None, HideReason.REPORTED)
        audit.record(
            None,
            "statement.auto_hidden",
            "statement",
            statement.id,
            consultation_id=statement.consultation_id,
            details={"open_reports": open_reports},
        )
    db.session.flush()
    return report


def _check_moderator(user) -> None:

    if not can_moderate_statements(user):
        raise NotAllowed(_("Only moderators can do this."))


def _hide(statement: Statement, moderator, reason: HideReason, note: str | None = None) -> None:
    statement.state = StatementState.HIDDEN
    statement.hidden_reason = reason
    statement.moderator_note = note
    statement.hidden_at = utcnow()
    statement.hidden_by_id = getattr(moderator, "id", None)


def _resolve_reports(statement: Statement) -> None:
    db.session.execute(
        sa.update(StatementReport)
        .where(StatementReport.statement_id == statement.id, StatementReport.resolved_at.is_(None))
        .values(resolved_at=utcnow())
    )


def hide_statement(moderator, statement: Statement, reason: str, note: str | None) -> None:
    """A moderator hides a statement, with a reason from the list and a statement of reasons."""
    _check_moderator(moderator)
    reason = HideReason(reason)
    if reason == HideReason.REPORTED:
        raise UserError(_("Choose a reason."), field="reason")
    note = (note or "").strip() or None
    if not note:
        raise UserError(_("Explain the decision: the author receives this text."), field="note")
    statement = lock_for_update(Statement, statement.id)
    if statement.state == StatementState.HIDDEN and statement.hidden_reason != HideReason.REPORTED:
        raise Conflict(_("This statement is already hidden."))
    _hide(statement, moderator, reason, note)
    _resolve_reports(statement)
    audit.record(
        moderator,
        "statement.hidden",
        "statement",
        statement.id,
        consultation_id=statement.consultation_id,
        reason=reason.value,
        personal={"note": note},
        about=statement.author_id,
    )
    _map_changed(statement)
    db.session.flush()


def restore_statement(moderator, statement: Statement) -> None:
    """Show a hidden statement again (also: approve a pending one, dismiss the reports)."""
    _check_moderator(moderator)
    statement = lock_for_update(Statement, statement.id)
    if statement.state == StatementState.PUBLISHED:
        if not _resolve_open_reports_count(statement):
            raise Conflict(_("This statement is already shown."))
        action = "statement.reports_dismissed"
    else:
        action = "statement.approved" if statement.state == StatementState.PENDING else "statement.restored"
    statement.state = StatementState.PUBLISHED
    statement.hidden_reason = statement.moderator_note = statement.hidden_at = statement.hidden_by_id = None
    _resolve_reports(statement)
    audit.record(moderator, action, "statement", statement.id, consultation_id=statement.consultation_id)
    _map_changed(statement)
    db.session.flush()


def _resolve_open_reports_count(statement: Statement) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(StatementReport)
        .where(StatementReport.statement_id == statement.id, StatementReport.resolved_at.is_(None))
    )


def _map_changed(statement: Statement) -> None:
    opinion_map = opinion_map_of(statement.consultation_id)
    if opinion_map is not None:
        request_recompute(opinion_map)
