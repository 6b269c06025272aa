"""Where a consultation's discussion lives: on the consultation page when it exists."""

from __future__ import annotations

from flask import current_app, url_for

from participation.core.urls import public_url_for

CONSULTATION_ENDPOINT = "consultations.detail"


def thread_url(consultation, external: bool = False, **args) -> str:
    """The discussion of a consultation, scrolled to the comments (on PUBLIC_URL when external)."""
    endpoint = CONSULTATION_ENDPOINT if CONSULTATION_ENDPOINT in current_app.view_functions else "comments.thread"
    build = public_url_for if external else url_for
    return build(endpoint, slug=consultation.slug, _anchor="comments", **args)


def comment_url(comment, external: bool = False, lang: str | None = None) -> str:
    """A link to one comment (its own anchor in the thread), in `lang` when given (mail)."""
    args = {"lang": lang} if lang else {}
    base = thread_url(comment.consultation, external=external, **args).split("#", 1)[0]
    return f"{base}#comment-{comment.id}"
