"""The questions' part of a consultation's back office (the organisers' overview and its tab)."""

from __future__ import annotations

from flask import url_for

from participation.consultations.hub import HubPart, input_state, language_name
from participation.core.i18n import _, ngettext, offered_languages
from participation.extensions import db
from participation.votes import queries
from participation.votes.permissions import results_public


def _lacks(question, lang: str) -> bool:
    texts = [question.prompt, *(option.label for option in question.options)]
    return any(not ((text or {}).get(lang) or "").strip() for text in texts)


def questions_part(consultation, user) -> HubPart:
    """How many questions, how many voted, which translations are missing; two or three queries."""
    questions = list(db.session.scalars(queries.questions_of(consultation.id)))
    voters = queries.voters_per_question(consultation.id, [q.id for q in questions]) if questions else {}
    if questions:
        state = ngettext("%(num)d question", "%(num)d questions", len(questions))
        ballots = sum(voters.values())
        state += " · " + ngettext("%(num)d vote", "%(num)d votes", ballots)
    else:
        state = _("No questions yet.")
    details = [input_state(consultation, _("Voting"))]
    missing = {lang: sum(1 for q in questions if _lacks(q, lang)) for lang in offered_languages()}
    for lang, count in missing.items():
        if count:
            details.append(
                ngettext(
                    "%(language)s: %(num)d question lacks a translation.",
                    "%(language)s: %(num)d questions lack a translation.",
                    count,
                    language=language_name(lang),
                )
            )
    links = [
        (_("Manage the questions"), url_for("votes_manage.index", slug=consultation.slug)),
        (_("Add a question"), url_for("votes_manage.create", slug=consultation.slug)),
    ]
    if results_public(consultation):
        links.append((_("Results page"), url_for("votes.results", slug=consultation.slug)))
    return HubPart(key="questions", title=_("Questions"), state=state, details=details, links=links)


def questions_tab_url(consultation) -> str:
    return url_for("votes_manage.index", slug=consultation.slug)
