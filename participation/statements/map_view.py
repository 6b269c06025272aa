"""What the map page, its CSV and the consultation page's section show (from the stored map)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from flask import url_for

from participation.consultations.sections import Section
from participation.core.csv_export import csv_safe
from participation.core.i18n import _, current_lang
from participation.core.translated import Translation, translated
from participation.statements import queries, services
from participation.statements.models import Statement
from participation.statements.permissions import can_manage_statements, can_moderate_statements

# The picture: circles side by side, their area proportional to the group's size.
SVG_WIDTH, SVG_HEIGHT, MAX_RADIUS, MIN_RADIUS = 640, 240, 100, 18


@dataclass
class Distinctive:
    text: Translation
    direction: str  # "agree" | "disagree"
    in_group: float  # percent
    outside: float


@dataclass
class GroupView:
    number: int
    size: int
    share: float  # percent of the people placed on the map
    cx: float = 0
    cy: float = 0
    r: float = 0
    distinctive: list[Distinctive] = field(default_factory=list)


@dataclass
class CommonGround:
    text: Translation
    lowest_agreement: float  # percent


def _layout(groups: list[GroupView]) -> None:
    """Side by side, area proportional to size (the largest gets MAX_RADIUS)."""
    if not groups:
        return
    largest = max(g.size for g in groups)
    radii = [max(MIN_RADIUS, MAX_RADIUS * math.sqrt(g.size / largest)) for g in groups]
    scale = min(1.0, (SVG_WIDTH - 20 * (len(groups) + 1)) / (2 * sum(radii)))
    x = 20.0
    for group, radius in zip(groups, radii, strict=True):
        group.r = round(radius * scale, 1)
        group.cx = round(x + group.r, 1)
        group.cy = SVG_HEIGHT / 2
        x += 2 * group.r + 20


def map_context(consultation, opinion_map, lang: str) -> dict:
    """The stored map with statement texts, in two queries (the map row came with the page)."""
    result = opinion_map.result or {}
    texts = {str(s.id): translated(s.text, lang) for s in queries.published_statements(consultation.id)}
    placed = result.get("placed", 0) or 1
    groups = []
    for group in result.get("groups", []):
        view = GroupView(group["number"], group["size"], round(100 * group["size"] / placed, 1))
        for d in group["distinctive"]:
            if str(d["statement_id"]) in texts:
                view.distinctive.append(
                    Distinctive(
                        texts[str(d["statement_id"])],
                        d["direction"],
                        round(100 * d["in_group"], 1),
                        round(100 * d["outside"], 1),
                    )
                )
        groups.append(view)
    _layout(groups)
    common = [
        CommonGround(texts[str(c["statement_id"])], round(100 * c["lowest_agreement"], 1))
        for c in result.get("common_ground", [])
        if str(c["statement_id"]) in texts
    ]
    return {
        "opinion_map": opinion_map,
        "computed": opinion_map.computed_at is not None,
        "computed_at": opinion_map.computed_at,
        "groups": groups,
        "common_ground": common,
        "participants": result.get("participants", 0),
        "placed": result.get("placed", 0),
        "not_shown": result.get("not_shown", 0),
        "min_votes": result.get("min_votes", 0),
        "min_group": result.get("min_group", 0),
        "svg_width": SVG_WIDTH,
        "svg_height": SVG_HEIGHT,
        "csv_url": url_for("statements.map_csv", slug=consultation.slug),
        "vote_url": url_for("statements.vote_page", slug=consultation.slug),
        "is_open": opinion_map.is_open(),
    }


@dataclass
class StatementFigures:
    """One published statement on the stored map: the CSV's row and the API's item."""

    statement: Statement
    counts: list[int]  # agree, disagree, pass (everyone, shown groups or not)
    group_counts: dict[int, list[int]]  # per shown group number: agree, disagree, pass
    common_ground: bool
    distinctive_for: list[int]  # the shown groups it sets apart (as on the map page)


def shown_groups(opinion_map) -> list[dict]:
    """The groups the map shows ({"number", "size"}): groups below the minimum size were never stored."""
    return [{"number": g["number"], "size": g["size"]} for g in (opinion_map.result or {}).get("groups", [])]


def statement_figures(opinion_map) -> list[StatementFigures]:
    """Every published statement with its counts from the stored map (the page's numbers), in one query.

    A statement published after the last computation has no counts yet: zeros, as on the page.
    """
    result = opinion_map.result or {}
    numbers = [g["number"] for g in shown_groups(opinion_map)]
    counts = result.get("counts", {})
    group_counts = result.get("group_counts", {})
    common = {str(c["statement_id"]) for c in result.get("common_ground", [])}
    distinctive: dict[str, list[int]] = {}
    for group in result.get("groups", []):
        for d in group["distinctive"]:
            distinctive.setdefault(str(d["statement_id"]), []).append(group["number"])
    figures = []
    for statement in queries.published_statements(opinion_map.consultation_id):
        key = str(statement.id)
        figures.append(
            StatementFigures(
                statement,
                list(counts.get(key, [0, 0, 0])),
                {n: list(group_counts.get(str(n), {}).get(key, [0, 0, 0])) for n in numbers},
                key in common,
                distinctive.get(key, []),
            )
        )
    return figures


def csv_rows(opinion_map, lang: str):
    """Header, then per published statement: text, language, overall and per-group counts.

    Counts come from the stored map (the same numbers as the page). Groups below the minimum
    size have no columns; their members are in the overall counts only.
    """
    numbers = [g["number"] for g in shown_groups(opinion_map)]
    header = [_("Statement"), _("Language"), _("Agree"), _("Disagree"), _("Pass")]
    for number in numbers:
        header += [
            _("Group %(num)s: agree", num=number),
            _("Group %(num)s: disagree", num=number),
            _("Group %(num)s: pass", num=number),
        ]
    yield header
    for figures in statement_figures(opinion_map):
        text = translated(figures.statement.text, lang)
        row = [csv_safe(text.text), text.lang, *figures.counts]
        for number in numbers:
            row += figures.group_counts[number]
        yield row


def statements_section(consultation, user) -> Section | None:
    """The consultation page's block: what the map is, a link to vote, the map's headline."""
    opinion_map = services.opinion_map_of(consultation.id)
    if opinion_map is None:
        return None
    result = opinion_map.result or {}
    return Section(
        "statements/_section.html",
        {
            "opinion_map": opinion_map,
            "groups_count": len(result.get("groups", [])),
            "common_count": len(result.get("common_ground", [])),
            "placed": result.get("placed", 0),
            "is_open": opinion_map.is_open(),
            "vote_url": url_for("statements.vote_page", slug=consultation.slug, lang=current_lang()),
            "map_url": url_for("statements.map_page", slug=consultation.slug, lang=current_lang()),
            "can_manage": can_manage_statements(user, consultation),
            "manage_url": url_for("statements_manage.index", slug=consultation.slug),
            "moderation_url": url_for("statements_moderation.queue") if can_moderate_statements(user) else None,
        },
        anchor="statements",
        title=_("Statements"),
    )
