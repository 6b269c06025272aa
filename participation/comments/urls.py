"""Where a consultation's discussion lives: on the consultation page when it exists."""

from __future__ import annotations

from flask import current_app, url_for

CONSULTATION_ENDPOINT = "consultations.detail"


def thread_url(consultation, _external: bool = False, **args) -> str:
    """The discussion of a consultation, scrolled to the comments."""
    if CONSULTATION_ENDPOINT in current_app.view_functions:
        return url_for(CONSULTATION_ENDPOINT, slug=consultation.slug, _anchor="comments", _external=_external, **args)
    return url_for("comments.thread", slug=consultation.slug, _anchor="comments", _external=_external, **args)


def comment_url(comment, _external: bool = False, lang: str | None = None) -> str:
    """A link to one comment (its own anchor in the thread), in `lang` when given (mail)."""
    args = {"lang": lang} if lang else {}
    base = thread_url(comment.consultation, _external=_external, **args).split("#", 1)[0]
    return f"{base}#comment-{comment.id}"
