"""Voting and question management: the rules, enforced before anything is written.

Services flush but never commit; the caller (view, command, test) commits once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participation.accounts.suspension import suspension_message
from participation.consultations.models import Consultation, PublicStatus
from participation.core.audit import record
from participation.core.errors import Conflict, NotAllowed, UserError
from participation.core.i18n import _, current_lang, ngettext
from participation.core.locking import lock_for_update
from participation.core.time import utcnow
from participation.core.translated import translated, with_translations
from participation.extensions import db
from participation.votes import queries, wording
from participation.votes.models import Ballot, BallotChoice, Option, Question, QuestionKind
from participation.votes.permissions import can_manage_questions
from participation.votes.receipt_mail import mail_receipt
from participation.votes.receipts import fingerprint, new_receipt_code
from participation.votes.scale import scale_labels

MAX_OPTIONS = 10


@dataclass
class BallotInput:
    """What the form sent, already shaped: chosen option ids, or a rank per option id."""

    option_ids: list[int] = field(default_factory=list)
    ranks: dict[int, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class CastResult:
    ballot: Ballot
    receipt_code: str
    changed: bool


# ----------------------------------------------------------------------------- voting


def voting_block_reason(user, consultation: Consultation) -> str | None:
    """Why this person cannot vote in this consultation now (None when they can)."""
    if not getattr(user, "is_authenticated", False):
        return _("Log in to vote.")
    if not user.is_verified:
        return _("Confirm your e-mail address before you vote.")
    if user.is_suspended():
        return suspension_message(user)
    status = consultation.status()
    if status == PublicStatus.UPCOMING:
        return _("Voting has not started yet.")
    if status in (PublicStatus.CLOSED, PublicStatus.RESULTS):
        return _("Voting is closed.")
    if status == PublicStatus.DRAFT:
        return _("This consultation is not published yet.")
    return None


def _check_voter(user, consultation: Consultation) -> None:
    reason = voting_block_reason(user, consultation)
    if reason is None:
        return
    if not getattr(user, "is_authenticated", False) or not user.is_verified or user.is_suspended():
        raise NotAllowed(reason)
    raise Conflict(reason)


def _choice_rows(question: Question, data: BallotInput) -> list[tuple[int, int | None]]:
    """Check the choice against the question; return (option_id, rank) pairs. Messages say what is wrong."""
    options = {option.id: option for option in question.options}
    n = len(options)
    if question.kind == QuestionKind.RANKING:
        unknown = [oid for oid in data.ranks if oid not in options]
        if unknown:
            raise UserError(_("One of the options you ranked is not part of this question."), field="form")
        seen: dict[int, int] = {}
        for option in question.options:
            rank = data.ranks.get(option.id)
            label = translated(option.label, _lang())  # a Dutch fallback stays marked in the message
            if rank is None:
                raise UserError(
                    with_translations(_("Give “%(option)s” a rank."), option=label), field=f"rank_{option.id}"
                )
            if not 1 <= rank <= n:
                raise UserError(
                    with_translations(_("Choose a rank from 1 to %(num)d for “%(option)s”."), num=n, option=label),
                    field=f"rank_{option.id}",
                )
            if rank in seen:
                raise UserError(
                    _("Rank %(rank)d is given to more than one option; give each option a different rank.", rank=rank),
                    field=f"rank_{option.id}",
                )
            seen[rank] = option.id
        return [(option_id, rank) for rank, option_id in sorted(seen.items())]

    chosen = list(dict.fromkeys(data.option_ids))
    if any(oid not in options for oid in chosen):
        raise UserError(_("That answer is not one of the options of this question."), field="option")
    if not chosen:
        message = _("Choose one or more options.") if question.kind == QuestionKind.MULTIPLE else _("Choose an answer.")
        raise UserError(message, field="option")
    limit = question.choice_limit()
    if len(chosen) > limit:
        if limit == 1:
            raise UserError(_("Choose only one answer."), field="option")
        raise UserError(
            ngettext(
                "You chose %(chosen)d options; choose at most %(num)d.",
                "You chose %(chosen)d options; choose at most %(num)d.",
                limit,
                chosen=len(chosen),
            ),
            field="option",
        )
    return [(option_id, None) for option_id in chosen]


def _lang() -> str:

    try:
        return current_lang()
    except RuntimeError:
        return "nl"


def cast_ballot(question: Question, user, data: BallotInput) -> CastResult:
    """Store (or replace) this person's ballot on a question.

    Rules: a verified, unsuspended resident; the consultation is open by the server's
    clock; every option belongs to the question; the choice fits the question's kind.
    One ballot per (question, person) is guaranteed by a unique constraint: a first
    vote inserts inside a savepoint, and when a parallel request won the race the
    IntegrityError turns into an update of that ballot. Changing a vote keeps the row,
    replaces its choices in this transaction and issues a new receipt code.
    """
    # Shared lock: voters do not block each other, but an organiser changing the
    # question (FOR UPDATE) waits for them, and they for it.
    question = db.session.execute(
        sa.select(Question)
        .where(Question.id == question.id)
        .with_for_update(read=True)
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if question is None:
        raise UserError(_("This question no longer exists."))
    consultation = db.session.get(Consultation, question.consultation_id)
    _check_voter(user, consultation)
    rows = _choice_rows(question, data)

    code = new_receipt_code()
    now = utcnow()
    ballot = _own_ballot(question.id, user.id)
    changed = ballot is not None
    if ballot is None:
        try:
            with db.session.begin_nested():
                ballot = Ballot(
                    question_id=question.id,
                    user_id=user.id,
                    receipt_fingerprint=fingerprint(code),
                    created_at=now,
                    updated_at=now,
                )
                db.session.add(ballot)
                db.session.flush()
        except IntegrityError:
            # A parallel request of the same person inserted first: update that ballot instead.
            ballot = _own_ballot(question.id, user.id)
            if ballot is None:
                raise Conflict(_("Your vote could not be saved. Please try again.")) from None
            changed = True
    if changed:
        db.session.execute(sa.delete(BallotChoice).where(BallotChoice.ballot_id == ballot.id))
        ballot.receipt_fingerprint = fingerprint(code)
        ballot.updated_at = now
        db.session.expire(ballot, ["choices"])
    for option_id, rank in rows:
        db.session.add(BallotChoice(ballot_id=ballot.id, option_id=option_id, rank=rank))
    db.session.flush()
    mail_receipt(user, consultation, question, code, changed=changed, lang=_lang())
    return CastResult(ballot, code, changed)


def _own_ballot(question_id: int, user_id: int) -> Ballot | None:
    return db.session.execute(
        sa.select(Ballot)
        .where(Ballot.question_id == question_id, Ballot.user_id == user_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()


# ----------------------------------------------------------------------- organisers


@dataclass
class QuestionInput:
    kind: QuestionKind
    max_choices: int | None
    prompt: dict
    help: dict | None
    option_labels: list[dict]


def has_ballots(question_id: int) -> bool:
    return db.session.scalar(sa.select(sa.exists().where(Ballot.question_id == question_id)))


def _check_shape(data: QuestionInput) -> list[dict]:
    """The options the question will have; raises with a message on the field at fault."""
    if not (data.prompt or {}).get("nl", "").strip():
        raise UserError(_("Write the question in Dutch."), field="prompt_nl")
    if data.kind == QuestionKind.SCALE:
        if data.max_choices is not None:
            raise UserError(_("A statement on a scale takes one answer; leave the maximum empty."), field="max_choices")
        return scale_labels()
    labels = data.option_labels
    if len(labels) < 2:
        raise UserError(_("Give at least two options, one per line."), field="options_nl")
    if len(labels) > MAX_OPTIONS:
        raise UserError(_("Give at most %(num)d options.", num=MAX_OPTIONS), field="options_nl")
    if data.kind == QuestionKind.MULTIPLE:
        if data.max_choices is None or not 1 <= data.max_choices <= len(labels):
            raise UserError(
                _(
                    "For multiple choice, give a maximum between 1 and the number of options (%(num)d).",
                    num=len(labels),
                ),
                field="max_choices",
            )
    elif data.max_choices is not None:
        raise UserError(_("Only multiple-choice questions have a maximum; leave it empty."), field="max_choices")
    return labels


def _require_manage_questions(actor, consultation: Consultation) -> None:
    if not can_manage_questions(actor, consultation):
        raise NotAllowed(_("You do not run this consultation."))


def create_question(consultation: Consultation, actor, data: QuestionInput) -> Question:
    """Add a question at the end of the consultation's list."""
    _require_manage_questions(actor, consultation)
    labels = _check_shape(data)
    last = (
        db.session.scalar(sa.select(sa.func.max(Question.position)).where(Question.consultation_id == consultation.id))
        or 0
    )
    question = Question(
        consultation_id=consultation.id,
        position=last + 1,
        kind=data.kind,
        max_choices=data.max_choices,
        prompt=dict(data.prompt),
        help=dict(data.help or {}) or None,
    )
    question.options = [Option(position=i, label=dict(label)) for i, label in enumerate(labels, start=1)]
    db.session.add(question)
    db.session.flush()
    record(actor, "question.create", "question", question.id, consultation_id=consultation.id)
    return question


def update_question(question: Question, actor, data: QuestionInput) -> Question:
    """Change a question. Before anyone voted: anything. After: small corrections of the wording only.

    Once ballots exist, the kind, the maximum and the number of options stay fixed, options
    keep their places, and the prompt, help and option labels only take corrections as
    defined in votes/wording.py, checked against the current wording and against the
    wording people saw when voting started. A correction is written to the audit log with
    the old texts, which is also how the question shows that it was corrected.
    """
    _require_manage_questions(actor, db.session.get(Consultation, question.consultation_id))
    question = lock_for_update(Question, question.id)
    labels = _check_shape(data)
    action = "question.update"
    details = None
    if has_ballots(question.id):
        _check_meaning_kept(question, data, labels)
        details = wording_of(question)
        action = queries.CORRECTION_ACTION
    question.kind = data.kind
    question.max_choices = data.max_choices
    question.prompt = dict(data.prompt)
    question.help = dict(data.help or {}) or None
    existing = list(question.options)
    for i, label in enumerate(labels, start=1):
        if i <= len(existing):
            existing[i - 1].label = dict(label)
            existing[i - 1].position = i
        else:
            question.options.append(Option(position=i, label=dict(label)))
    for option in existing[len(labels) :]:
        question.options.remove(option)
    db.session.flush()
    if details is None or details != wording_of(question):
        record(actor, action, "question", question.id, consultation_id=question.consultation_id, details=details)
    return question


def wording_of(question: Question) -> dict:
    """The texts people answer: prompt, help and option labels (kept in the audit log on correction)."""
    return {
        "prompt": dict(question.prompt or {}),
        "help": dict(question.help or {}),
        "options": [dict(o.label or {}) for o in question.options],
    }


def _check_meaning_kept(question: Question, data: QuestionInput, labels: list[dict]) -> None:
    """Refuse, with a message on the field at fault, any change that would alter what ballots answered."""
    if data.kind != question.kind:
        raise Conflict(
            _(
                "People have already voted, so the kind of question cannot change. "
                "Only the wording can still be corrected."
            ),
            field="kind",
        )
    if data.max_choices != question.max_choices:
        raise Conflict(
            _("People have already voted, so the maximum number of choices cannot change."), field="max_choices"
        )
    if len(labels) != len(question.options):
        raise Conflict(
            _(
                "People have already voted, so options cannot be added or removed. "
                "You can still correct their wording, one per line in the same order."
            ),
            field="options_nl",
        )
    references = [wording_of(question)]
    started = queries.wording_when_voting_started(question.id)
    if started is not None:
        references.append(started)
    for before in references:
        for key in ("prompt", "help"):
            refused = wording.text_change(before.get(key), getattr(data, key))
            if refused is not None:
                raise Conflict(_refusal_message(refused), field=f"{key}_{refused.lang}")
        if question.kind != QuestionKind.SCALE:  # the scale's labels come from the platform, not the organiser
            refused = wording.option_change(before.get("options") or [], labels)
            if refused is not None:
                raise Conflict(_refusal_message(refused), field=f"options_{refused.lang}")


def _refusal_message(refused: wording.RefusedChange) -> str:
    if refused.reason == "moved":
        return _(
            "People have already voted on this question, so options cannot change places: option %(num)d "
            "would get the wording of option %(other)d (“%(new)s”). Keep every option on its own line, "
            "in the same order.",
            num=refused.position,
            other=refused.other_position,
            new=refused.new,
        )
    if refused.position is None:
        if refused.reason == "removed":
            return _(
                "People have already voted on this question, so this translation cannot be removed: "
                "“%(old)s”. You can still correct it.",
                old=refused.old,
            )
        return _(
            "People have already voted on this question, so its wording only takes small corrections "
            "(at most one letter per word, no words added or removed). “%(old)s” cannot become “%(new)s”.",
            old=refused.old,
            new=refused.new,
        )
    if refused.reason == "removed":
        return _(
            "People have already voted on this question, so the translation of option %(num)d cannot be "
            "removed: “%(old)s”. You can still correct it.",
            num=refused.position,
            old=refused.old,
        )
    return _(
        "People have already voted on this question, so option %(num)d only takes small corrections "
        "(at most one letter per word, no words added or removed). “%(old)s” cannot become “%(new)s”.",
        num=refused.position,
        old=refused.old,
        new=refused.new,
    )


def delete_question(question: Question, actor) -> None:
    """Remove a question nobody voted on yet."""
    _require_manage_questions(actor, db.session.get(Consultation, question.consultation_id))
    question = lock_for_update(Question, question.id)
    if has_ballots(question.id):
        raise Conflict(_("People have already voted on this question, so it cannot be deleted."))
    consultation_id = question.consultation_id
    db.session.delete(question)
    db.session.flush()
    record(actor, "question.delete", "question", question.id, consultation_id=consultation_id)


def move_question(question: Question, actor, direction: str) -> None:
    """Swap the question with its neighbour above ('up') or below ('down')."""
    _require_manage_questions(actor, db.session.get(Consultation, question.consultation_id))
    siblings = list(
        db.session.scalars(
            sa.select(Question)
            .where(Question.consultation_id == question.consultation_id)
            .order_by(Question.position, Question.id)
            .with_for_update()
        )
    )
    index = next(i for i, q in enumerate(siblings) if q.id == question.id)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(siblings):
        raise UserError(_("This question cannot move further."))
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        sibling.position = position
    db.session.flush()
    record(actor, f"question.move_{direction}", "question", question.id, consultation_id=question.consultation_id)
