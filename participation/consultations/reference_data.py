"""Reference data: the City of Ghent's policy themes and the international networks it belongs to.

Not demo content: a production site needs these too. `flask --app wsgi seed-reference-data`
loads them (idempotent), and `seed-demo` does the same before adding its consultations.
The texts live in reference/themes.toml and reference/networks.toml, which people at the city
edit; this module reads and checks them. THEMES, NETWORKS and NETWORK_COUNT_NOTE keep the
shape other code uses (dicts with slug, name, description, themes, website).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from participation.core.datafile import ContentError, entries, read_toml

FOLDER = Path(__file__).resolve().parent / "reference"


@cache
def load_themes(folder: Path = FOLDER) -> tuple[dict, ...]:
    path = folder / "themes.toml"
    themes = []
    for entry in entries(path, read_toml(path), "themes", ident="slug"):
        themes.append(
            {
                "slug": entry.text("slug"),
                "name": entry.translated("name"),
                "description": entry.translated("description"),
            }
        )
        entry.done()
    _unique(path, "themes", [t["slug"] for t in themes])
    return tuple(themes)


@cache
def _networks_file(folder: Path) -> tuple[dict, tuple[dict, ...]]:
    path = folder / "networks.toml"
    data = read_toml(path)
    note = data.get("count_note")
    if not isinstance(note, dict) or set(note) != {"nl", "en", "fr"}:
        raise ContentError(f"{path.name}: count_note needs count_note.nl, count_note.en and count_note.fr.")
    theme_slugs = {t["slug"] for t in load_themes(folder)}
    networks = []
    for entry in entries(path, data, "networks", ident="slug"):
        network = {
            "slug": entry.text("slug"),
            "name": entry.text("name"),
            "description": entry.translated("description"),
            "themes": list(entry.texts("themes", ())),
            "website": entry.text("website", None),
        }
        entry.done()
        unknown = [slug for slug in network["themes"] if slug not in theme_slugs]
        if unknown:
            raise entry.error(f"unknown theme(s) {', '.join(unknown)}: use the slugs of themes.toml.")
        if network["website"] and not network["website"].startswith("https://"):
            raise entry.error('"website" must start with https://.')
        networks.append(network)
    _unique(path, "networks", [n["slug"] for n in networks])
    return dict(note), tuple(networks)


def load_networks(folder: Path = FOLDER) -> tuple[dict, ...]:
    return _networks_file(folder)[1]


def _unique(path: Path, name: str, slugs: list[str]) -> None:
    doubles = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if doubles:
        raise ContentError(f"{path.name}: more than one [[{name}]] entry has the slug {', '.join(doubles)}.")


def __getattr__(name: str):
    # Read on first use, not at import: a mistake in a file then names itself where it is used,
    # and importing the app never depends on the files.
    if name == "THEMES":
        return [dict(t) for t in load_themes()]
    if name == "NETWORKS":
        return [dict(n) for n in load_networks()]
    if name == "NETWORK_COUNT_NOTE":
        return dict(_networks_file(FOLDER)[0])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
