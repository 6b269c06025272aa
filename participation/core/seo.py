"""What search engines and link previews read in a page's <head>: description, canonical, languages.

Every address is absolute on PUBLIC_URL (never the request's Host, see core/urls.py). The
canonical address of a page is the page itself in its own language; the alternates name it in
every offered language, and `x-default` (for readers of another language) is the Dutch one.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import nh3
from flask import current_app, request

from participation.core.i18n import current_lang
from participation.core.navigation import layout_context
from participation.core.security import render_markdown
from participation.core.translated import Translation

DEFAULT_LANG = "nl"
# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160
# Open Graph wants a territory with the language: the city's languages as spoken in Belgium.
OG_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}


@dataclass(frozen=True)
class HeadLinks:
    lang: str
    canonical: str | None = None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (language, address)
    x_default: str | None = None


def _absolute(path: str) -> str:
    """A path from url_for as an address on PUBLIC_URL (as public_url_for does)."""
    root = request.script_root
    if root and path.startswith(root + "/"):
        path = path[len(root) :]
    return current_app.config["PUBLIC_URL"] + path


def head_links() -> HeadLinks:
    """Canonical and language alternates of the page; none for an address no route answers (404)."""

    lang = current_lang()
    links = layout_context()["languages"] if request.url_rule is not None else []
    if not links:
        return HeadLinks(lang)
    alternates = [(link.code, _absolute(link.url)) for link in links]
    by_code = dict(alternates)
    return HeadLinks(
        lang,
        canonical=by_code.get(lang),
        alternates=alternates,
        x_default=by_code.get(DEFAULT_LANG, alternates[0][1]),
    )


def description(text: Translation | None, default: str) -> str:
    """A content text (Markdown) as a page description: plain, one line, at most 160 characters.

    A text that is not in the page's language (the Dutch fallback) gives way to `default`: a
    description is read out of context, where no "only available in Dutch" note follows it.
    """
    if not text or text.is_fallback:
        return default
    plain = nh3.clean(str(render_markdown(text.text)), tags=set())
    plain = re.sub(r"\s+", " ", html.unescape(plain)).strip()
    if len(plain) <= DESCRIPTION_LENGTH:
        return plain or default
    cut = plain[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;:.–-")
    return cut + "…"


def og_locale(lang: str) -> str:
    return OG_LOCALES.get(lang, lang)


def register_seo_helpers(app) -> None:
    app.jinja_env.globals.update(head_links=head_links, meta_description=description, og_locale=og_locale)
