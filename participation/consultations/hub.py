"""The organisers' overview of one consultation: every part of its back office in one place.

The consultations feature owns the overview page and the consultation's navigation (tabs on
every per-consultation back-office page). Parts run by other features (questions, events,
comments, statements) come from the extension point `back_office_parts`
(core/extension_points.py): each gives a `HubPart` for the overview and, optionally, a tab.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import request, url_for

from participation.consultations.models import Consultation, PublicStatus
from participation.core import extension_points
from participation.core.i18n import LANGUAGE_NAMES, _, offered_languages
from participation.core.templating import local_date, local_datetime

# The texts a visitor reads on the public page, and the ones added when results are published.
PAGE_TEXTS = ("title", "summary", "body")
RESULT_TEXTS = ("results", "feedback")


@dataclass
class HubItem:
    """One line of a part (an event, a phase): a label, an optional link and its state."""

    label: object  # a string, or a Translation (a Dutch fallback is marked as such)
    url: str | None = None
    state: str | None = None
    when: str | None = None


@dataclass
class HubPart:
    """One part of the overview: its state in plain words, details, items and links."""

    key: str
    title: str
    state: str
    details: list[str] = field(default_factory=list)
    items: list[HubItem] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    # What waits for someone, in words (comments to approve); shown as a warning.
    todo: str | None = None


@dataclass
class Tab:
    label: str
    url: str
    current: bool


def status_sentence(consultation: Consultation) -> str:
    """The consultation's status in a plain sentence; a draft never reads as closed."""
    status = consultation.status()
    if status == PublicStatus.DRAFT:
        return _("Draft: not yet published. Only its organisers and administrators can see it.")
    if status == PublicStatus.UPCOMING:
        return _("Published; it opens on %(date)s.", date=local_datetime(consultation.opens_at, "medium"))
    if status == PublicStatus.OPEN:
        return _("Residents can take part until %(date)s.", date=local_datetime(consultation.closes_at, "medium"))
    if status == PublicStatus.CLOSED:
        return _(
            "Closed on %(date)s; the results are not published yet.", date=local_date(consultation.closes_at, "long")
        )
    return _(
        "Closed; the results were published on %(date)s.",
        date=local_date(consultation.results_published_at or consultation.closes_at, "long"),
    )


def input_state(consultation: Consultation, what: str) -> str:
    """Whether residents can take part (vote, comment...) now, in words; never 'closed' for a draft.

    `what` is the already translated name of the activity, e.g. "Voting".
    """
    status = consultation.status()
    if status == PublicStatus.DRAFT:
        return _("%(what)s: not yet open, because the consultation is not published yet.", what=what)
    if status == PublicStatus.UPCOMING:
        return _("%(what)s: opens on %(date)s.", what=what, date=local_datetime(consultation.opens_at, "medium"))
    if status == PublicStatus.OPEN:
        return _("%(what)s: open until %(date)s.", what=what, date=local_datetime(consultation.closes_at, "medium"))
    return _("%(what)s: closed on %(date)s.", what=what, date=local_date(consultation.closes_at, "long"))


def missing_translations(consultation: Consultation, fields=PAGE_TEXTS) -> dict[str, list[str]]:
    """Per offered language, the fields (by name) without text."""
    return {
        lang: [name for name in fields if not ((getattr(consultation, name) or {}).get(lang) or "").strip()]
        for lang in offered_languages()
    }


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang)


def feature_parts(consultation: Consultation, user) -> list[HubPart]:
    """The parts other features contribute, in their registered order."""
    parts = []
    for contribution in extension_points.back_office_parts.contributions():
        if contribution.summary is None:
            continue
        part = contribution.summary(consultation, user)
        if part is not None:
            parts.append(part)
    return parts


def _is_current(url: str, endpoints: tuple[str, ...]) -> bool:
    endpoint = request.endpoint or ""
    if endpoints:
        return any(endpoint == e or (e.endswith(".") and endpoint.startswith(e)) for e in endpoints)
    return request.script_root + request.path == url


def tabs(consultation: Consultation) -> list[Tab]:
    """The consultation's navigation: overview, texts, the features' tabs, history."""
    own = [
        (_("Overview"), url_for("consultations_manage.overview", consultation_id=consultation.id), ()),
        (
            _("Texts and settings"),
            url_for("consultations_manage.edit", consultation_id=consultation.id),
            (
                "consultations_manage.edit",
                "consultations_manage.organisers",
                "consultations_manage.add_phase",
                "consultations_manage.close",
            ),
        ),
    ]
    contributed = [
        (c.tab_label(), c.url(consultation), c.endpoints)
        for c in extension_points.back_office_parts.contributions()
        if c.tab_label is not None and c.url is not None
    ]
    history = [
        (
            _("History"),
            url_for("consultations_manage.history", consultation_id=consultation.id),
            ("consultations_manage.history",),
        )
    ]
    return [Tab(label, url, _is_current(url, endpoints)) for label, url, endpoints in [*own, *contributed, *history]]
