"""Consultation rules: create, edit, publish, close, publish results, organisers, phases.

Every change is recorded in the audit log (who, what, when) and shown as the history.
Services flush; the caller commits.
"""

from __future__ import annotations

import re
from datetime import datetime

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from participation.accounts.models import User
from participation.consultations.models import (
    Consultation,
    ConsultationPhase,
    ConsultationState,
    ModerationMode,
    Network,
    Theme,
)
from participation.consultations.permissions import can_create_consultation, can_manage_consultation
from participation.core import audit, extension_points
from participation.core.errors import Conflict, NotAllowed, UserError
from participation.core.i18n import _
from participation.core.permissions import Role
from participation.core.security import refuse_disallowed_markdown
from participation.core.time import utcnow
from participation.core.translated import clean_translations
from participation.extensions import db

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TRANSLATED_FIELDS = ("title", "summary", "body", "plain_summary", "results", "feedback")
MARKDOWN_FIELDS = ("body", "plain_summary", "results", "feedback")


def _languages() -> tuple[str, ...]:
    return tuple(current_app.config["LANGUAGES"])


def _check_texts(texts: dict[str, dict]) -> dict[str, dict | None]:
    """Keep offered languages; Dutch title, summary and body are required; Markdown only."""
    cleaned = {name: clean_translations(texts.get(name), _languages()) or None for name in TRANSLATED_FIELDS}
    for name in ("title", "summary", "body"):
        if not (cleaned[name] or {}).get("nl"):
            raise UserError(_("Fill in the Dutch text: Dutch is required."), field=f"{name}_nl")
    for name in MARKDOWN_FIELDS:
        refuse_disallowed_markdown(cleaned[name], name)
    return cleaned


def _slug_taken_message() -> str:
    return _("Another consultation already uses this web address.")


def _check_schedule(slug: str, opens_at: datetime, closes_at: datetime, consultation_id: int | None) -> None:
    if not SLUG_RE.match(slug or ""):
        raise UserError(_("Use lowercase letters, digits and hyphens only, e.g. green-deal-2026."), field="slug")
    if closes_at <= opens_at:
        raise UserError(_("The closing moment must come after the opening moment."), field="closes_at")
    taken = db.session.scalar(sa.select(Consultation.id).where(Consultation.slug == slug))
    if taken is not None and taken != consultation_id:
        raise UserError(_slug_taken_message(), field="slug")


def _same_minute(a: datetime, b: datetime) -> bool:
    """The editor shows moments to the minute; seconds it cannot show are not a change."""
    return a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)


def _check_lifecycle(consultation: Consultation, data: dict) -> None:
    """What may no longer change once the consultation is published, closed or has results."""
    if consultation.state != ConsultationState.DRAFT and data["slug"] != consultation.slug:
        raise UserError(
            _(
                "The web address cannot change once the consultation is published: "
                "links, feeds and search engines already point to it."
            ),
            field="slug",
        )
    for name in ("opens_at", "closes_at"):
        if consultation.state == ConsultationState.RESULTS_PUBLISHED and not _same_minute(
            data[name], getattr(consultation, name)
        ):
            raise UserError(_("The dates cannot change once the results are published."), field=name)
    now = utcnow()
    if consultation.has_closed(now) and data["closes_at"] > now:
        raise UserError(
            _(
                "A closed consultation cannot be opened again: the votes of people who have "
                "since deleted their account are no longer linked to them, so they could vote "
                "twice. Start a new consultation instead."
            ),
            field="closes_at",
        )


def _apply(consultation: Consultation, data: dict) -> dict:
    """Copy the form's values onto the consultation; return what changed (for the history).

    Nothing is flushed meanwhile: the caller flushes once, in _flush_claiming_slug.
    """
    with db.session.no_autoflush:
        return _copy_values(consultation, data)


def _copy_values(consultation: Consultation, data: dict) -> dict:
    changed = {}
    texts = _check_texts(data)
    for name in TRANSLATED_FIELDS:
        if getattr(consultation, name) != texts[name]:
            setattr(consultation, name, texts[name])
            changed[name] = sorted((texts[name] or {}).keys())
    for name in ("opens_at", "closes_at"):
        if getattr(consultation, name) is None or not _same_minute(getattr(consultation, name), data[name]):
            setattr(consultation, name, data[name])
            changed[name] = str(data[name])
    for name in ("slug", "comments_enabled", "results_visible_while_open"):
        if getattr(consultation, name) != data[name]:
            setattr(consultation, name, data[name])
            changed[name] = str(data[name])
    mode = ModerationMode(data["moderation_mode"])
    if consultation.moderation_mode != mode:
        consultation.moderation_mode = mode
        changed["moderation_mode"] = mode.value
    themes = list(db.session.scalars(sa.select(Theme).where(Theme.id.in_(data["theme_ids"])).order_by(Theme.position)))
    if {t.id for t in consultation.themes} != {t.id for t in themes}:
        consultation.themes = themes
        changed["themes"] = [t.slug for t in themes]
    networks = list(db.session.scalars(sa.select(Network).where(Network.id.in_(data["network_ids"]))))
    if {n.id for n in consultation.networks} != {n.id for n in networks}:
        consultation.networks = networks
        changed["networks"] = [n.slug for n in networks]
    return changed


def _flush_claiming_slug() -> None:
    """Write now, so that a slug another organiser saved a moment ago is reported on the field.

    The check in _check_schedule cannot see a concurrent transaction; the unique constraint can.
    The failed transaction is rolled back here because nothing more can run in it.
    """
    try:
        db.session.flush()
    except IntegrityError as exc:
        db.session.rollback()
        if "slug" not in str(exc.orig).lower():
            raise
        raise UserError(_slug_taken_message(), field="slug") from None


def create_consultation(actor: User, data: dict) -> Consultation:
    """Create a draft; the creator becomes its first organiser."""
    if not can_create_consultation(actor):
        raise NotAllowed(_("Only organisers can create consultations."))
    _check_schedule(data["slug"], data["opens_at"], data["closes_at"], None)
    consultation = Consultation(
        state=ConsultationState.DRAFT,
        created_by_id=actor.id,
        organisers=[actor],
        title={},
        summary={},
        body={},
        slug=data["slug"],
    )
    changed = _apply(consultation, data)
    db.session.add(consultation)
    _flush_claiming_slug()
    audit.record(
        actor, "consultation.created", "consultation", consultation.id, consultation_id=consultation.id, details=changed
    )
    return consultation


def update_consultation(actor: User, consultation: Consultation, data: dict) -> dict:
    """Save edits; the web address, dates and texts are checked again.

    Once published the web address stays; once results are published the dates stay; a closed
    consultation cannot be reopened by moving its closing moment into the future.
    """
    _require_manage(actor, consultation)
    _check_lifecycle(consultation, data)
    _check_schedule(data["slug"], data["opens_at"], data["closes_at"], consultation.id)
    changed = _apply(consultation, data)
    if changed:
        _flush_claiming_slug()
        audit.record(
            actor,
            "consultation.edited",
            "consultation",
            consultation.id,
            consultation_id=consultation.id,
            details=changed,
        )
    return changed


def _require_manage(actor, consultation) -> None:
    if not can_manage_consultation(actor, consultation):
        raise NotAllowed(_("You do not run this consultation."))


def publish(actor: User, consultation: Consultation) -> None:
    """Make a draft public; with an opening moment in the future it is scheduled."""
    _require_manage(actor, consultation)
    if consultation.state != ConsultationState.DRAFT:
        raise Conflict(_("This consultation is already published."))
    consultation.state = ConsultationState.PUBLISHED
    consultation.published_at = utcnow()
    action = "consultation.scheduled" if consultation.opens_at > utcnow() else "consultation.published"
    audit.record(actor, action, "consultation", consultation.id, consultation_id=consultation.id)


def close_now(actor: User, consultation: Consultation) -> None:
    """End an open consultation at once."""
    _require_manage(actor, consultation)
    if not consultation.is_open():
        raise Conflict(_("Only an open consultation can be closed."))
    now = utcnow()
    consultation.closes_at = now
    audit.record(actor, "consultation.closed", "consultation", consultation.id, consultation_id=consultation.id)


def publish_results(actor: User, consultation: Consultation) -> None:
    """Publish results and feedback (Dutch required) once the consultation has closed."""
    _require_manage(actor, consultation)
    if consultation.state == ConsultationState.RESULTS_PUBLISHED:
        raise Conflict(_("The results are already published."))
    if not consultation.has_closed():
        raise Conflict(_("Results can be published once the consultation has closed."))
    if not (consultation.results or {}).get("nl") or not (consultation.feedback or {}).get("nl"):
        raise UserError(_("Write the results and what the city did with the input, at least in Dutch, first."))
    consultation.state = ConsultationState.RESULTS_PUBLISHED
    consultation.results_published_at = utcnow()
    audit.record(
        actor, "consultation.results_published", "consultation", consultation.id, consultation_id=consultation.id
    )
    for listener in extension_points.results_published.contributions():
        listener(consultation)


def set_organisers(actor: User, consultation: Consultation, user_ids: list[int]) -> None:
    """Choose the organiser team; at least one organiser stays."""
    _require_manage(actor, consultation)
    users = list(
        db.session.scalars(sa.select(User).where(User.id.in_(user_ids), User.role.in_([Role.ORGANISER, Role.ADMIN])))
    )
    if not users:
        raise UserError(_("Keep at least one organiser."), field="organiser_ids")
    consultation.organisers = users
    audit.record(
        actor,
        "consultation.organisers_changed",
        "consultation",
        consultation.id,
        consultation_id=consultation.id,
        details={"organisers": [u.id for u in users]},
    )


def add_phase(actor: User, consultation: Consultation, name: dict, starts_at: datetime, ends_at: datetime) -> None:
    _require_manage(actor, consultation)
    name = clean_translations(name, _languages())
    if not name.get("nl"):
        raise UserError(_("Fill in the Dutch text: Dutch is required."), field="name_nl")
    if ends_at < starts_at:
        raise UserError(_("The end must not come before the start."), field="ends_at")
    consultation.phases.append(ConsultationPhase(name=name, starts_at=starts_at, ends_at=ends_at))
    audit.record(
        actor,
        "consultation.phase_added",
        "consultation",
        consultation.id,
        consultation_id=consultation.id,
        details={"phase": name.get("nl")},
    )


def remove_phase(actor: User, consultation: Consultation, phase_id: int) -> None:
    _require_manage(actor, consultation)
    phase = next((p for p in consultation.phases if p.id == phase_id), None)
    if phase is None:
        raise UserError(_("This phase does not exist."))
    consultation.phases.remove(phase)
    audit.record(
        actor,
        "consultation.phase_removed",
        "consultation",
        consultation.id,
        consultation_id=consultation.id,
        details={"phase": phase.name.get("nl")},
    )
