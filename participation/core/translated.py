"""Content stored per language, one JSON column per translated field (as Decidim does).

A value looks like {"nl": "…", "en": "…", "fr": "…"}. Dutch is required; reading
a language that has no text falls back to Dutch, and the caller learns that it
did, so the page can mark the passage with lang="nl" and say so.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from markupsafe import Markup
from sqlalchemy.dialects.postgresql import JSONB

DEFAULT_LANG = "nl"

# JSONB on PostgreSQL (indexable), JSON text on SQLite. In-place edits are not tracked (no
# MutableDict: its bookkeeping on every loaded value cost more than a page's SQL): services
# assign a new dict, e.g. `event.title = {**event.title, "en": text}`.
TranslatedText = sa.JSON().with_variant(JSONB(), "postgresql")


@dataclass(frozen=True)
class Translation:
    """A text in the language we could find it in."""

    text: str
    lang: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    def __html__(self) -> str:
        return Markup.escape(self.text)


def translated(value: dict | None, lang: str) -> Translation:
    """Return the text for `lang`, else Dutch, else the first language present, else ''."""
    value = value or {}
    text = (value.get(lang) or "").strip()
    if text:
        return Translation(value[lang], lang, False)
    for fallback in (DEFAULT_LANG, *sorted(value)):
        if (value.get(fallback) or "").strip():
            return Translation(value[fallback], fallback, True)
    return Translation("", lang, False)


def clean_translations(value: dict | None, languages: tuple[str, ...]) -> dict[str, str]:
    """Keep only offered languages with non-blank text, stripped."""
    value = value or {}
    return {code: value[code].strip() for code in languages if (value.get(code) or "").strip()}


def completeness(values: list[dict | None], languages: tuple[str, ...]) -> dict[str, bool]:
    """For each language: is every given field filled in?"""
    return {code: all((v or {}).get(code, "").strip() for v in values if v is not None) for code in languages}
