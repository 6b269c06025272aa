"""Extension point: features add sections (events, comments, questions) to a consultation page.

A provider is `fn(consultation, user) -> Section | None`, registered at start-up on the
extension point `consultation_sections` (core/extension_points.py) with an `order`. The page renders each section's
template with the section's context plus `consultation` (see render_sections). Providers run a fixed, small
number of queries whatever the amount of data (paginate, aggregate in SQL).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import render_template
from markupsafe import Markup

from participation.core import extension_points


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
    for provider in extension_points.consultation_sections.contributions():
        section = provider(consultation, user)
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

    The HTML comes from our own autoescaped templates, so it is safe to embed.
    """
    rendered = []
    for section in consultation_sections(consultation, user):
        html = render_template(section.template, **{"consultation": consultation, **section.context})
        rendered.append(RenderedSection(Markup(html), section.anchor, section.title))  # noqa: S704 - autoescaped template
    return rendered
