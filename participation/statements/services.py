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

from participation.comments.labels import HIDE_REASON_LABELS
from participation.comments.models import AppealOutcome, HideReason, ReportReason
from participation.comments.services import check_participant
from participation.consultations.models import ModerationMode
from participation.core import audit, reports
from participation.core.errors import Conflict, NotAllowed, NotFound, UserError
from participation.core.i18n import _
from participation.core.jobs import enqueue_after_commit
from participation.core.locking import lock_for_update
from participation.core.mail import queue_mail
from participation.core.time import utcnow
from participation.core.translated import translated
from participation.core.urls import public_url_for
from participation.extensions import db
from participation.statements.models import (
    APPEAL_TEXT_MIN,
    TEXT_MAX,
    TEXT_MIN,
    OpinionMap,
    Statement,
    StatementAppeal,
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
#
# Like comments (moderation.services): every action is in the audit log; the author of a statement
# a moderator hid is mailed the public reason and the statement of reasons in their language, with
# how to appeal; they may appeal once, and someone who is neither the author nor anyone who hid the
# statement decides.


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
    report = reports.insert_once(
        StatementReport(statement_id=statement.id, reporter_id=user.id, reason=reason, text=text),
        _("You already reported this statement. A moderator will look at it."),
    )
    open_reports = reports.count_open_reports(StatementReport.statement_id, statement.id)
    threshold = int(current_app.config.get("STATEMENT_AUTO_HIDE_REPORTS", DEFAULT_AUTO_HIDE_REPORTS))
    if open_reports >= threshold:
        reports.mark_hidden(statement, StatementState.HIDDEN, HideReason.REPORTED)
        audit.record(
            None,
            "statement.auto_hidden",
            "statement",
            statement.id,
            consultation_id=statement.consultation_id,
            details={"open_reports": open_reports},
        )
        _map_changed(statement)
    db.session.flush()
    return report


def _check_moderator(user) -> None:
    if not can_moderate_statements(user):
        raise NotAllowed(_("Only moderators can do this."))
    if user.is_suspended():
        raise NotAllowed(_("Your account is suspended, so you cannot moderate."))


def _check_not_own(moderator, statement: Statement) -> None:
    if statement.author_id is not None and statement.author_id == moderator.id:
        raise NotAllowed(_("You cannot moderate your own statement: another moderator decides."))


def _resolve_reports(statement: Statement) -> int:
    return reports.resolve_open_reports(StatementReport.statement_id, statement.id)


def _mail_author(statement: Statement, template: str, **context) -> None:
    """Mail the author (not of a seed statement, nor of one whose author left) in their language."""
    author = statement.author
    if author is None:
        return
    lang = author.preferred_language
    consultation = statement.consultation
    queue_mail(
        author.email,
        template,
        lang,
        person=author,
        statement_text=translated(statement.text, lang),
        consultation_title=translated(consultation.title, lang),
        reason_labels=HIDE_REASON_LABELS,
        url=public_url_for("statements.vote_page", slug=consultation.slug, lang=lang),
        appeal_url=public_url_for("statements.appeal", slug=consultation.slug, statement_id=statement.id, lang=lang),
        **context,
    )


def hide_statement(moderator, statement: Statement, reason: str, note: str | None) -> None:
    """A moderator hides a statement, with a reason from the list and a statement of reasons,
    which the author receives by mail with how to appeal."""
    _check_moderator(moderator)
    reason = HideReason(reason)
    if reason == HideReason.REPORTED:
        raise UserError(_("Choose a reason."), field="reason")
    note = (note or "").strip() or None
    if not note:
        raise UserError(_("Explain the decision: the author receives this text."), field="note")
    statement = lock_for_update(Statement, statement.id)
    _check_not_own(moderator, statement)
    if statement.state == StatementState.HIDDEN and statement.hidden_reason != HideReason.REPORTED:
        raise Conflict(_("This statement is already hidden."))
    reports.mark_hidden(statement, StatementState.HIDDEN, reason, moderator, note)
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
    _mail_author(statement, "statement_hidden", reason=reason.value, note=note)


def _show(statement: Statement) -> None:
    statement.state = StatementState.PUBLISHED
    statement.hidden_reason = statement.moderator_note = statement.hidden_at = statement.hidden_by_id = None


def restore_statement(moderator, statement: Statement) -> None:
    """Show a hidden statement again (also: approve a pending one, dismiss the reports).
    An appeal still waiting is thereby granted (logged, and the author is mailed)."""
    _check_moderator(moderator)
    statement = lock_for_update(Statement, statement.id)
    _check_not_own(moderator, statement)
    if statement.state == StatementState.PUBLISHED:
        if not reports.count_open_reports(StatementReport.statement_id, statement.id):
            raise Conflict(_("This statement is already shown."))
        action = "statement.reports_dismissed"
    else:
        action = "statement.approved" if statement.state == StatementState.PENDING else "statement.restored"
    _show(statement)
    _resolve_reports(statement)
    audit.record(moderator, action, "statement", statement.id, consultation_id=statement.consultation_id)
    appeal = _grant_open_appeal(moderator, statement) if action == "statement.restored" else None
    _map_changed(statement)
    db.session.flush()
    if appeal is not None:
        _mail_author(statement, "statement_appeal_decided", outcome=AppealOutcome.GRANTED.value, note=None)


def _grant_open_appeal(moderator, statement: Statement) -> StatementAppeal | None:
    appeal = db.session.scalar(
        sa.select(StatementAppeal).where(
            StatementAppeal.statement_id == statement.id, StatementAppeal.decided_at.is_(None)
        )
    )
    if appeal is None:
        return None
    reports.record_decision(appeal, moderator, AppealOutcome.GRANTED)
    audit.record(
        moderator,
        "appeal.granted",
        "statement",
        statement.id,
        consultation_id=statement.consultation_id,
        details={"appeal_id": appeal.id, "by": "restore"},
    )
    return appeal


# --- Appeals -----------------------------------------------------------------------------------


def check_can_appeal(user, statement: Statement) -> None:
    """Only the author, only against a hide, only once."""
    if statement.author_id is None or getattr(user, "id", None) != statement.author_id:
        raise NotFound(_("This statement does not exist."))
    if statement.state != StatementState.HIDDEN:
        raise Conflict(_("Only a hidden statement can be appealed."))
    if db.session.scalar(sa.select(StatementAppeal.id).where(StatementAppeal.statement_id == statement.id)):
        raise Conflict(_("You already appealed against hiding this statement."))


def appeal_hide(user, statement: Statement, text: str) -> StatementAppeal:
    """The author appeals a hide once (the database's UNIQUE rule); another moderator decides."""
    check_can_appeal(user, statement)
    text = (text or "").strip()
    if len(text) < APPEAL_TEXT_MIN:
        raise UserError(_("Explain why you disagree with the decision."), field="text")
    appeal = reports.insert_once(
        StatementAppeal(statement_id=statement.id, author_id=user.id, text=text, hidden_by_id=statement.hidden_by_id),
        _("You already appealed against hiding this statement."),
    )
    audit.record(user, "appeal.submitted", "statement", statement.id, consultation_id=statement.consultation_id)
    return appeal


def appeal_refusal(moderator, appeal: StatementAppeal) -> str | None:
    """Why this moderator may not decide this appeal (None when they may)."""
    statement = appeal.statement
    if moderator.id in (appeal.author_id, statement.author_id):
        return _("You cannot decide on an appeal about your own statement.")
    if moderator.id == appeal.hidden_by_id or moderator.id in reports.hider_ids(
        "statement", "statement.hidden", statement
    ):
        return _("You hid this statement, so another moderator decides on the appeal.")
    return None


def decide_appeal(moderator, appeal: StatementAppeal, outcome: str, note: str | None) -> None:
    """Someone who is neither the statement's author nor anyone who hid it decides; granted shows
    the statement again (and the map is computed again), rejected keeps it hidden. The author is mailed."""
    _check_moderator(moderator)
    appeal = lock_for_update(StatementAppeal, appeal.id)
    if appeal.decided_at is not None:
        raise Conflict(_("This appeal was already decided."))
    refusal = appeal_refusal(moderator, appeal)
    if refusal:
        raise NotAllowed(refusal)
    statement = lock_for_update(Statement, appeal.statement_id)
    if statement.state != StatementState.HIDDEN:
        raise Conflict(_("This statement is not hidden."))
    outcome = AppealOutcome(outcome)
    reports.record_decision(appeal, moderator, outcome, note)
    if outcome == AppealOutcome.GRANTED:
        _show(statement)
        _resolve_reports(statement)
        _map_changed(statement)
    audit.record(
        moderator,
        f"appeal.{outcome.value}",
        "statement",
        statement.id,
        consultation_id=statement.consultation_id,
        details={"appeal_id": appeal.id},
        personal={"note": appeal.decision_note},
        about=statement.author_id,
    )
    db.session.flush()
    _mail_author(statement, "statement_appeal_decided", outcome=outcome.value, note=appeal.decision_note)


def _map_changed(statement: Statement) -> None:
    opinion_map = opinion_map_of(statement.consultation_id)
    if opinion_map is not None:
        request_recompute(opinion_map)
