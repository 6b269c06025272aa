"""Mail the receipt code to the voter, so it is not lost when the page that shows it once is closed."""

from __future__ import annotations

from participation.core.mail import queue_mail
from participation.core.translated import translated
from participation.core.urls import public_url_for


def mail_receipt(user, consultation, question, code: str, *, changed: bool, lang: str) -> None:
    """Queued in the vote's transaction. The mail (kept in the outbox until erased with the account)
    is the only place besides the voter's screen that holds the code; ballots keep only its hash."""
    lang = user.preferred_language or lang
    queue_mail(
        user.email,
        "vote_receipt",
        lang,
        account=user,
        name=user.display_name,
        title=translated(consultation.title, lang),
        prompt=translated(question.prompt, lang),
        code=code,
        changed=changed,
        check_url=public_url_for("votes.check_receipt", slug=consultation.slug, lang=lang, code=code),
        participation_url=public_url_for("participation.mine", lang=lang),
    )
