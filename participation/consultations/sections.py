"""Extension point: features add sections (events, comments, questions) to a consultation page.

A provider is `fn(consultation, user) -> Section | None`, registered at start-up on the
extension point `consultation_sections` (core/extension_points.py) as a ConsultationSection,
with the families of tables it shows and an `order`. The page renders each section's
template with the section's context plus `consultation` (see render_sections). Providers run a fixed, small
number of queries whatever the amount of data (paginate, aggregate in SQL).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import render_template, request
from flask_login import current_user
from markupsafe import Markup

from participation.consultations import queries
from participation.core import extension_points, page_cache


@dataclass
class Section:
    """One block of the consultation page: a template to include with its context."""

    template: str
    context: dict = field(default_factory=dict)
    # Shown in the page's table of contents when set.
    anchor: str | None = None
    title: str | None = None


def consultation_sections(consultation, user) -> list[Section]:
    sections = []
    for contribution in extension_points.consultation_sections.contributions():
        section = contribution.provide(consultation, user)
        if section is not None:
            sections.append(section)
    return sections


@dataclass
class RenderedSection:
    html: Markup
    anchor: str | None
    title: str | None


def render_sections(consultation, user) -> list[RenderedSection]:
    """Render each section's template with its own context (plus the consultation).

    While the page is rendered for the page cache, each section is kept there on its own, under
    the versions of the families it shows (ConsultationSection.shows): after a ballot only the
    questions are rendered afresh. The HTML comes from our own autoescaped templates, so it is
    safe to embed.
    """
    rendered, parts = [], []
    for contribution in extension_points.consultation_sections.contributions():
        name = _name(contribution, consultation)
        stored = page_cache.fragment(
            name, contribution.shows, lambda contribution=contribution: _render(contribution, consultation, user)
        )
        parts.append((name, contribution.shows, stored["html"] if stored is not None else ""))
        if stored is not None:
            rendered.append(RenderedSection(Markup(stored["html"]), stored["anchor"], stored["title"]))  # noqa: S704
    page_cache.fragment_slot(parts)  # templates/consultations/detail.html shows them side by side
    return rendered


def rerender_sections(names: set[str]) -> dict[str, str]:
    """The named sections of the consultation at this address, for a page assembled from its frame
    (page_cache.register_frame): the rest of the page and the other sections are in the cache."""
    user = current_user._get_current_object()
    consultation = queries.consultation_visible_to(user, request.view_args["slug"])
    html = {}
    for contribution in extension_points.consultation_sections.contributions():
        name = _name(contribution, consultation)
        if name in names:
            stored = page_cache.fragment(
                name, contribution.shows, lambda contribution=contribution: _render(contribution, consultation, user)
            )
            html[name] = stored["html"] if stored is not None else ""
    return html


def _name(contribution, consultation) -> str:
    return f"section:{contribution.provide.__module__}.{contribution.provide.__qualname__}:{consultation.id}"


def _render(contribution, consultation, user) -> dict | None:
    section = contribution.provide(consultation, user)
    if section is None:
        return None
    html = render_template(section.template, **{"consultation": consultation, **section.context})
    title = str(section.title) if section.title is not None else None
    return {"html": html, "anchor": section.anchor, "title": title}
