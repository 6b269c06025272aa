"""Tell everyone who took part that the results and the city's feedback are published."""

from __future__ import annotations

from participation.core.mail import queue_mail
from participation.core.translated import translated
from participation.core.urls import public_url_for
from participation.extensions import db
from participation.participation.queries import participants_of


def mail_participants_results_published(consultation) -> int:
    """Queue one mail per participant, in their language (called inside the publish service)."""
    count = 0
    for user in db.session.scalars(participants_of(consultation.id)):
        lang = user.preferred_language or "nl"
        queue_mail(
            user.email, "results_published", lang, account=user,
            name=user.display_name,
            title=translated(consultation.title, lang).text,
            consultation_url=public_url_for("consultations.detail", slug=consultation.slug, lang=lang),
            results_url=public_url_for("votes.results", slug=consultation.slug, lang=lang),
            participation_url=public_url_for("participation.mine", lang=lang),
        )
        count += 1
    return count
