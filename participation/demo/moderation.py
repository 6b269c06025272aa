"""Demo moderation states, written with the features' own services (rules, audit log, mail).

Without them every demo comment is published and the moderation workspace is empty.
Built from the demo residents and consultations, idempotent like the rest of the demo:

- one consultation is pre-moderated, and a comment there waits for a moderator;
- a comment has open reports (fewer than the automatic hiding threshold);
- a comment was hidden by the moderator for personal data (its author may still appeal);
- another was hidden by the administrator and its author appealed: the demo moderator decides;
- a person who is not a demo login account posted advertising, was hidden and suspended;
- a visitor asked for a place at an event and has not clicked the confirmation link yet.

The content is in demo/content/moderation.toml (people who do not log in: accounts.toml).
Texts come per language; the author's (or the moderator's addressee's) language is used.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

import sqlalchemy as sa

from participation.accounts.models import User
from participation.accounts.services import create_user
from participation.comments.models import Comment, CommentAppeal, CommentReport
from participation.comments.services import appeal_hide, post_comment, report_comment
from participation.consultations.models import Consultation, ModerationMode
from participation.consultations.services import update_consultation
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.demo import loader
from participation.demo.consultations import editor_data
from participation.demo.loader import load_accounts, load_consultations, load_events, load_moderation
from participation.events.models import Event, Registration
from participation.events.registration import Answers, closed_reason, request_guest_registration
from participation.extensions import db
from participation.moderation.services import appeal_suspension, hide_comment, suspend_user


def __getattr__(name: str):
    # The content of demo/content/moderation.toml and accounts.toml, under the names tests use;
    # read on first use, so that importing this module never depends on the files.

    if name == "PRE_MODERATED":
        return loader.load_moderation().pre_moderated
    if name == "PENDING_GUEST":
        return loader.load_moderation().pending_guest
    if name == "COMMENTS":
        return list(loader.load_moderation().comments)
    if name == "DEMO_PEOPLE":
        return list(loader.load_accounts()[1])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _in(texts: dict, lang: str) -> str:
    return texts.get(lang) or texts["nl"]


def seed_demo_people() -> dict:
    """The demo people who do not log in (a password nobody knows); returns them by key."""

    people = {}
    for person in load_accounts()[1]:
        user = db.session.scalar(sa.select(User).where(User.email == person.email))
        if user is None:
            user = create_user(person.email, Role.RESIDENT, secrets.token_urlsafe(24), person.name, person.language)
        people[person.key] = user
    return people


def _pre_moderate(slug: str, accounts: dict) -> None:
    """The organiser picks pre-moderation in the consultation editor."""

    consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))
    if consultation is None or consultation.moderation_mode == ModerationMode.PRE:
        return
    spec = next(spec for spec in load_consultations() if spec.slug == slug)
    data = editor_data(spec, consultation, moderation_mode=ModerationMode.PRE.value)
    update_consultation(accounts[spec.organisers[0]], consultation, data)


def _comments(moderation, people: dict) -> dict:

    made = {}
    for spec in moderation.comments:
        author = people[spec.author]
        consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == spec.consultation))
        if consultation is None:
            continue
        body = _in(spec.body, author.preferred_language)
        comment = db.session.scalar(
            sa.select(Comment).where(
                Comment.consultation_id == consultation.id, Comment.author_id == author.id, Comment.body == body
            )
        )
        if comment is None:
            if not consultation.is_open():
                continue
            comment = post_comment(author, consultation, body, spec.alignment)
            # Posted now under the rules; in the story it went up a while ago (display only).
            comment.created_at = utcnow() - timedelta(hours=spec.hours_ago)
            db.session.flush()
        made[spec.key] = comment
    return made


def _reports(moderation, comments: dict, people: dict) -> None:

    for report in moderation.reports:
        comment, reporter = comments.get(report.comment), people[report.reporter]
        if comment is None:
            continue
        done = db.session.scalar(
            sa.select(CommentReport.id).where(
                CommentReport.comment_id == comment.id, CommentReport.reporter_id == reporter.id
            )
        )
        if done is None and comment.is_visible:
            report_comment(reporter, comment, report.reason, _in(report.text, reporter.preferred_language))


def _hides(moderation, comments: dict, people: dict) -> None:

    for hide in moderation.hides:
        comment, moderator = comments.get(hide.comment), people[hide.moderator]
        if comment is None or comment.is_hidden or comment.is_deleted:
            continue
        hide_comment(moderator, comment, hide.reason, _in(hide.note, comment.author.preferred_language))


def _appeals(moderation, comments: dict) -> None:

    for appeal in moderation.appeals:
        comment = comments.get(appeal.comment)
        if comment is None or not comment.is_hidden or comment.author is None:
            continue
        if db.session.scalar(sa.select(CommentAppeal.id).where(CommentAppeal.comment_id == comment.id)) is None:
            appeal_hide(comment.author, comment, _in(appeal.text, comment.author.preferred_language))


def _suspensions(moderation, people: dict) -> None:

    for suspension in moderation.suspensions:
        person, moderator = people[suspension.person], people[suspension.moderator]
        if person.suspended_at is not None:
            continue
        until = utcnow() + timedelta(days=suspension.days)
        record = suspend_user(moderator, person, until, _in(suspension.reason, person.preferred_language))
        if suspension.appeal:
            appeal_suspension(person, record, _in(suspension.appeal, person.preferred_language))


def _pending_guest(guest) -> None:

    title = next(spec.title["nl"] for spec in load_events() if spec.key == guest.event)
    event = next((e for e in db.session.scalars(sa.select(Event)) if e.title.get("nl") == title), None)
    if event is None or closed_reason(event):
        return
    asked = db.session.scalar(
        sa.select(Registration.id).where(Registration.event_id == event.id, Registration.email == guest.email)
    )
    if asked is None:
        request_guest_registration(event.id, guest.name, guest.email, guest.language, Answers())


def seed_moderation_states(accounts: dict) -> None:
    """Runs after the features' seeders: it needs their consultations, comments and events."""

    moderation = load_moderation()
    people = {**accounts, **seed_demo_people()}
    _pre_moderate(moderation.pre_moderated, accounts)
    comments = _comments(moderation, people)
    _reports(moderation, comments, people)
    _hides(moderation, comments, people)
    _appeals(moderation, comments)
    # Suspend last: a suspended person cannot post, so the advertising went up before.
    _suspensions(moderation, people)
    _pending_guest(moderation.pending_guest)
    db.session.flush()
