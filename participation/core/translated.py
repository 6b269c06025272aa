"""Content stored per language, one JSON column per translated field (as Decidim does).

A value looks like {"nl": "…", "en": "…", "fr": "…"}. Dutch is required; reading
a language that has no text falls back to Dutch, and the caller learns that it
did, so the page can mark the passage with lang="nl" and say so.

One rule wherever such a text is shown: a fallback text carries its language
(`lang="nl"` in HTML) and is followed by a notice in the reader's language, outside
the Dutch part. A Translation printed in a template does so by itself (`__html__`);
`as_plain()` is the same for plain text (text mails, CSV headers, calendar files).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from markupsafe import Markup
from sqlalchemy.dialects.postgresql import JSONB

from participation.core.i18n import _

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
        if not self.is_fallback:
            return Markup.escape(self.text)
        return Markup('<span lang="{}">{}</span> <span class="fallback-note">{}</span>').format(
            self.lang, self.text, fallback_notice()
        )

    def as_plain(self) -> str:
        """The text for plain-text output, followed by the notice when it is not in the asked language."""
        return f"{self.text} {fallback_notice()}" if self.is_fallback else self.text


def with_translations(message: str, **values) -> Markup:
    """A translated message (gettext without values) filled in with values that may be Translations,
    so that a Dutch fallback keeps its marking in an error message: gettext's own `%` would keep
    only the text. Plain values are escaped."""
    return Markup.escape(message) % values


def fallback_notice() -> str:
    """The notice after a fallback text, in the language of the page or mail being rendered."""
    return _("(only available in Dutch)")


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
