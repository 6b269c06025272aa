"""Reference data (themes, networks) for every site, from consultations/reference/*.toml (idempotent)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from participation.consultations.models import Network, Theme
from participation.consultations.reference_data import NETWORKS, THEMES
from participation.extensions import db


@dataclass
class ReferenceDataReport:
    """What seed_reference_data did, for the command's output."""

    themes_created: int = 0
    networks_created: int = 0
    updated: int = 0

    def __str__(self) -> str:
        return (
            f"Themes: {self.themes_created} created; networks: {self.networks_created} created; "
            f"{self.updated} existing updated with missing translations or themes."
        )


def _merge_missing(current: dict | None, reference: dict | None) -> dict | None:
    """Add the reference translations a row lacks; never overwrite text someone may have edited."""
    merged = {**(reference or {}), **{k: v for k, v in (current or {}).items() if (v or "").strip()}}
    return merged or None


def seed_reference_data() -> tuple[dict, dict, ReferenceDataReport]:
    """Create Ghent's themes and international networks, with their translations (idempotent).

    Rows are found by slug. Missing rows are created; existing ones only gain the translations
    and theme links they lack, so running it again changes nothing.
    """

    report = ReferenceDataReport()
    themes = {t.slug: t for t in db.session.scalars(sa.select(Theme))}
    for position, data in enumerate(THEMES):
        theme = themes.get(data["slug"])
        if theme is None:
            theme = Theme(
                slug=data["slug"],
                name=dict(data["name"]),
                description=dict(data.get("description") or {}) or None,
                position=position,
            )
            db.session.add(theme)
            themes[theme.slug] = theme
            report.themes_created += 1
            continue
        name, description = (
            _merge_missing(theme.name, data["name"]),
            _merge_missing(theme.description, data.get("description")),
        )
        if (name, description) != (theme.name, theme.description):
            theme.name, theme.description = name, description
            report.updated += 1
    networks = {n.slug: n for n in db.session.scalars(sa.select(Network).options(selectinload(Network.themes)))}
    for position, data in enumerate(NETWORKS):
        related = [themes[s] for s in data.get("themes", []) if s in themes]
        network = networks.get(data["slug"])
        if network is None:
            network = Network(
                slug=data["slug"],
                name=data["name"],
                description=dict(data["description"]),
                website=data.get("website"),
                position=position,
                themes=related,
            )
            db.session.add(network)
            networks[network.slug] = network
            report.networks_created += 1
            continue
        description = _merge_missing(network.description, data["description"])
        missing_themes = [t for t in related if t not in network.themes]
        if description != network.description or missing_themes:
            network.description = description
            network.themes.extend(missing_themes)
            report.updated += 1
    db.session.flush()
    return themes, networks, report
