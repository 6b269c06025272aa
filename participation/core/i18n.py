"""The one place that talks to Flask-Babel: gettext helpers, locale and time-zone choice.

Every page lives under /<lang>/. The language in the URL wins; pages without one
(`/`, /healthz) fall back to the account's preference, the `lang` cookie, the
browser's Accept-Language and finally Dutch, the city's official language.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app, g, request, url_for
from flask_babel import (
    force_locale,
    format_date,
    format_datetime,
    format_decimal,
    format_time,
    get_locale,
    ngettext,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

__all__ = [
    "_",
    "_l",
    "ngettext",
    "force_locale",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_time",
    "get_locale",
    "DEFAULT_LANG",
    "LANGUAGE_NAMES",
    "offered_languages",
    "current_lang",
    "select_locale",
    "select_timezone",
    "negotiate_language",
    "LanguageLink",
    "language_links",
    "register_url_language",
]

DEFAULT_LANG = "nl"
LANG_COOKIE = "lang"

# Each language named in itself, as a switcher should show it.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "fr": "Français", "de": "Deutsch"}


def offered_languages() -> tuple[str, ...]:
    """Return the configured interface languages, Dutch first."""
    return tuple(current_app.config["LANGUAGES"])


def current_lang() -> str:
    """Return the language of the current page."""
    return g.get("lang") or str(select_locale())


def negotiate_language() -> str:
    """Pick a language for a visitor who did not ask for one in the URL."""
    offered = offered_languages()
    preferred = getattr(current_user, "preferred_language", None) if current_user else None
    if preferred in offered:
        return preferred
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in offered:
        return cookie
    return request.accept_languages.best_match(offered) or DEFAULT_LANG


def _lang_from_path() -> str | None:
    """For pages no route matched (404s), the language the address asked for."""
    first = request.path.strip("/").split("/", 1)[0]
    return first if first in offered_languages() else None


def select_locale() -> str:
    """Flask-Babel locale selector: the URL's language, else negotiation."""
    lang = g.get("lang")
    if lang:
        return lang
    try:
        return _lang_from_path() or negotiate_language()
    except RuntimeError:  # outside a request (CLI, mail rendering without force_locale)
        return DEFAULT_LANG


def select_timezone() -> str:
    """Everyone sees Ghent's local time."""
    return "Europe/Brussels"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    native_name: str
    url: str
    is_current: bool


def language_links() -> list[LanguageLink]:
    """Links to the current page in every offered language (for the switcher)."""
    endpoint = request.endpoint
    view_args = dict(request.view_args or {})
    localised = bool(endpoint) and current_app.url_map.is_endpoint_expecting(endpoint, "lang")
    here = current_lang()
    links = []
    for code in offered_languages():
        if localised and request.method == "GET":
            url = url_for(endpoint, **{**request.args.to_dict(), **view_args, "lang": code})
        else:
            url = url_for("pages.home", lang=code)
        links.append(LanguageLink(code, LANGUAGE_NAMES.get(code, code), url, code == here))
    return links


def register_url_language(app) -> None:
    """Take the language out of /<lang>/ URLs and put it back when building them."""

    @app.url_value_preprocessor
    def _pull_lang(endpoint, values):
        if values and "lang" in values:
            lang = values.pop("lang")
            if lang not in app.config["LANGUAGES"]:
                g.lang = None
                abort(404)
            g.lang = lang
            g.lang_in_url = True

    @app.url_defaults
    def _add_lang(endpoint, values):
        if "lang" in values or not app.url_map.is_endpoint_expecting(endpoint, "lang"):
            return
        values["lang"] = current_lang()

    @app.after_request
    def _remember_lang(response):
        lang = g.get("lang") if g.get("lang_in_url") else None
        if lang and request.cookies.get(LANG_COOKIE) != lang and response.status_code < 400:
            response.set_cookie(
                LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                secure=app.config["SESSION_COOKIE_SECURE"],
            )
        return response
