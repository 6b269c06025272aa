"""Tell everyone who took part that the results and the city's feedback are published."""

from __future__ import annotations

from participation.accounts.models import User
from participation.consultations.models import Consultation
from participation.core.fan_out import start_fan_out
from participation.core.mail import queue_mail
from participation.core.translated import translated
from participation.core.urls import public_url_for
from participation.extensions import db
from participation.my_participation.queries import participants_of

FAN_OUT_KIND = "results_published"


def mail_participants_results_published(consultation) -> None:
    """Queue the mail to every participant as a fan-out (called inside the publish service).

    Only a row is written here, in the publication's transaction; a job renders the mail in
    batches once it has committed (core.fan_out), so publishing answers at once.
    """
    start_fan_out(FAN_OUT_KIND, consultation.id)


def participants_after(fan_out, after_user_id: int, limit: int) -> list[tuple[int, object]]:
    """The next participants (by account id) of the fan-out's consultation."""
    users = db.session.scalars(participants_of(fan_out.subject_id).where(User.id > after_user_id).limit(limit))
    return [(user.id, user) for user in users]


def mail_results_published(fan_out, user):
    """One participant's mail, in their language."""
    consultation = db.session.get(Consultation, fan_out.subject_id)
    lang = user.preferred_language or "nl"
    return queue_mail(
        user.email,
        "results_published",
        lang,
        account=user,
        name=user.display_name,
        title=translated(consultation.title, lang),  # a Translation: a Dutch fallback is marked in the mail
        consultation_url=public_url_for("consultations.detail", slug=consultation.slug, lang=lang),
        results_url=public_url_for("votes.results", slug=consultation.slug, lang=lang),
        participation_url=public_url_for("participation.mine", lang=lang),
    )
