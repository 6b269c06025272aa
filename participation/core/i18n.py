"""The one place that talks to Flask-Babel: gettext helpers, locale and time-zone choice.

Every page lives under /<lang>/. The language in the URL wins; pages without one
(`/`, /healthz) fall back to the account's preference, the `lang` cookie, the
browser's Accept-Language and finally Dutch, the city's official language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote, unquote, urlsplit

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from flask import abort, current_app, g, request, url_for
from flask_babel import (
    force_locale,
    get_locale,
    get_timezone,
    get_translations,
    to_user_timezone,
)
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.routing import BuildError

from participation.core.storable_text import is_storable_text

# Placeholders that hold a quantity: written the locale's way ("1.250 mensen", "1,250 people"),
# in Python messages and in templates alike. Identifiers (%(id)d) and places in a queue
# (%(position)d) stay plain digits.
COUNT_PLACEHOLDERS = ("num", "present", "total", "top")


def with_local_counts(message: str, variables: dict) -> str:
    """`message` ready for `% variables`, the counts in `variables` formatted for the locale."""
    if "%(" not in message:
        return message
    for name in COUNT_PLACEHOLDERS:
        value = variables.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            continue
        for conversion in ("d", "s"):
            placeholder = f"%({name}){conversion}"
            if placeholder in message:
                variables[name] = format_decimal(value)
                message = message.replace(placeholder, f"%({name})s")
    return message


def _(string: str, **variables) -> str:
    """Flask-Babel's gettext, with the counts written the locale's way."""
    message = get_translations().ugettext(string)
    return with_local_counts(message, variables) % variables if variables else message


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """Flask-Babel's ngettext (the form chosen by `num`), with the counts written the locale's way."""
    variables.setdefault("num", num)
    message = get_translations().ungettext(singular, plural, num)
    return with_local_counts(message, variables) % variables


__all__ = [
    "_",
    "_l",
    "ngettext",
    "force_locale",
    "format_date",
    "format_datetime",
    "format_date_and_time",
    "format_decimal",
    "format_percent",
    "format_time",
    "iso_moment",
    "colon",
    "format_locale",
    "get_locale",
    "DEFAULT_LANG",
    "LANGUAGE_NAMES",
    "text_direction",
    "offered_languages",
    "current_lang",
    "select_locale",
    "select_timezone",
    "negotiate_language",
    "LanguageLink",
    "language_links",
    "link_languages_to",
    "link_query_args",
    "url_for_this_page",
    "register_url_language",
]

DEFAULT_LANG = "nl"
LANG_COOKIE = "lang"

# Each language named in itself, as a switcher should show it. Dutch, English and French are on;
# the languages of large communities in Ghent are built and switched on by configuration (LANGUAGES).
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "fr": "Français",
    "tr": "Türkçe",
    "ar": "العربية",
    "pl": "Polski",
    "bg": "Български",
}


# Dates and numbers follow each language's conventions as Babel (CLDR) has them, with two
# exceptions. English is the city's British/European English: Babel's bare "en" is American, so
# "12/6/26" would read as 12 June and times as "7:05 PM". Dutch writes a space before the percent
# sign (Taalunie: "33,3 %"), which CLDR's Dutch pattern leaves out.
_FORMAT_LOCALES = {"en": "en_GB"}
_PERCENT_PATTERNS = {"nl": "#,##0\u00a0%"}
# French puts a (narrow no-break) space before a colon; other languages put none.
_COLONS = {"fr": "\u202f:"}


def _lang() -> str:
    locale = get_locale()
    return locale.language if locale is not None else DEFAULT_LANG


def format_locale() -> Locale:
    """The Babel locale whose formats the current language uses."""
    locale = get_locale() or Locale.parse(DEFAULT_LANG)
    code = _FORMAT_LOCALES.get(str(locale))
    return Locale.parse(code) if code else locale


def _date_pattern(width: str) -> str:
    """Babel's date pattern of that width; "short" is the medium one ("6 Dec 2026"): all-digit
    dates read differently from one country to the next."""
    locale = format_locale()
    return locale.date_formats["medium" if width == "short" else width].pattern


def format_date(moment, width: str = "medium") -> str:
    """A date (of a moment: its Brussels date) in the page's language."""
    if isinstance(moment, datetime):
        moment = to_user_timezone(moment)
    return babel_dates.format_date(moment, _date_pattern(width), locale=format_locale())


def format_time(moment, width: str = "short") -> str:
    return babel_dates.format_time(moment, width, tzinfo=get_timezone(), locale=format_locale())


def format_datetime(moment, width: str = "medium") -> str:
    """A Brussels date and time: "short"/"medium"/"long" with hours and minutes (Babel's own medium
    and long carry seconds, which no deadline or meeting needs), "full" with the weekday, or a
    Babel pattern."""
    if width not in ("short", "medium", "long", "full"):
        return babel_dates.format_datetime(moment, width, tzinfo=get_timezone(), locale=format_locale())
    locale = format_locale()
    time_pattern = locale.time_formats["short"].pattern
    joined = locale.datetime_formats["medium" if width == "short" else width]
    pattern = joined.format(time_pattern, _date_pattern(width))
    return babel_dates.format_datetime(moment, pattern, tzinfo=get_timezone(), locale=locale)


def format_date_and_time(moment, width: str = "medium") -> str:
    """A date in Babel's `width` with the time in hours and minutes, joined the locale's way."""
    return format_datetime(moment, width)


def iso_moment(moment) -> str:
    """A moment for machines (`<time datetime>`): Brussels time with its offset, to the second.

    Microseconds are left out: HTML accepts at most three digits of a second's fraction.
    """
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        return to_user_timezone(moment).isoformat(timespec="seconds")
    return moment.isoformat()


def format_decimal(number, digits: int | None = None) -> str:
    """A number the page's way ("1.234,5" in Dutch); `digits`: exactly that many decimals."""
    pattern = None if digits is None else "#,##0" + ("." + "0" * digits if digits else "")
    return babel_numbers.format_decimal(number, pattern, locale=format_locale())


def format_percent(percent, digits: int = 1) -> str:
    """A percentage given in points (33.3 for a third): "33,3 %" in Dutch and French, "33.3%" in English."""
    locale = format_locale()
    pattern = _PERCENT_PATTERNS.get(_lang()) or locale.percent_formats[None].pattern
    if digits:
        pattern = pattern.replace("#,##0", "#,##0." + "0" * digits, 1)
    return babel_numbers.format_percent(percent / 100, pattern, locale=locale)


def format_duration(seconds: float | None) -> str:
    """A length of time in words, rounded the page's way ("3 dagen", "2 hours"); "" for None."""
    if seconds is None:
        return ""
    return babel_dates.format_timedelta(timedelta(seconds=seconds), threshold=1, locale=format_locale())


def text_direction(lang: str | None = None) -> str:
    """ "rtl" for a right-to-left language (Arabic), else "ltr": the page's `dir`."""
    return Locale.parse(lang or _lang()).text_direction


def colon() -> str:
    """The colon after a label ("Pour : 6" in French, "For: 6" in English)."""
    return _COLONS.get(_lang(), ":")


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


# url_for's own parameters: a query string must never reach them (`?_method=PUT` would make
# url_for look for a PUT rule, `?_external=1` would make links absolute, `?endpoint=` clashes).
_URL_FOR_PARAMETERS = frozenset({"endpoint"})


def link_query_args() -> dict[str, list[str]]:
    """The current query string as url_for values, for links back to this page.

    Repeated keys stay repeated. Dropped: keys starting with "_" and others url_for treats
    specially, keys the route itself fills in, and text no database could store.
    """

    taken = set(request.view_args or {}) | {"lang"}
    return {
        key: values
        for key, values in request.args.to_dict(flat=False).items()
        if not key.startswith("_")
        and key not in _URL_FOR_PARAMETERS
        and key not in taken
        and is_storable_text(key)
        and all(is_storable_text(value) for value in values)
    }


def url_for_this_page(**overrides) -> str:
    """The address of the current page (its GET form, with its query) with some values changed.

    Raises werkzeug's BuildError when the endpoint has no GET page (a POST-only action).
    """
    values = {**link_query_args(), **(request.view_args or {}), **overrides}
    return url_for(request.endpoint, _method="GET", **values)


def language_links() -> list[LanguageLink]:
    """Links to the current page in every offered language (for the switcher)."""
    here = current_lang()
    return [
        LanguageLink(code, LANGUAGE_NAMES.get(code, code), url, code == here)
        for code, url in _same_page_in_each_language().items()
    ]


def link_languages_to(endpoint: str, **values) -> None:
    """Declare the page a POST-only action shows (say, a form re-rendered with its errors),
    so the language switcher leads there instead of to the action."""
    g.language_page = (endpoint, values)


def _same_page_in_each_language() -> dict[str, str]:
    codes = offered_languages()
    return _same_page_urls(codes) or {code: url_for("pages.home", lang=code) for code in codes}


def _same_page_urls(codes: tuple[str, ...]) -> dict[str, str] | None:

    endpoint = request.endpoint
    if not is_storable_text(request.path):
        return None  # refused with a 400: do not link to it again
    if endpoint is None:
        # No route matched (a 404): the same address under the other language prefixes.
        return _swap_language_prefix(request.path, codes)
    if endpoint == "static" or not current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        return None
    declared = g.get("language_page")
    if declared is not None:
        declared_endpoint, values = declared
        return {code: url_for(declared_endpoint, **{**values, "lang": code}) for code in codes}
    try:
        # After a POST (a form shown again with its errors) this is the form's GET page.
        return {code: url_for_this_page(lang=code) for code in codes}
    except BuildError:
        # A POST-only action: the page the form was on, as the browser tells us.
        return _swap_language_prefix(_referring_path(), codes)


def _referring_path() -> str | None:
    referrer = request.referrer
    if not referrer:
        return None
    parts = urlsplit(referrer)
    if parts.scheme not in ("http", "https") or parts.netloc != request.host:
        return None
    return unquote(parts.path)


def _swap_language_prefix(path: str | None, codes: tuple[str, ...]) -> dict[str, str] | None:
    """{code: path under /code/} when the path starts with an offered language, else None."""
    if not path or not path.startswith("/"):
        return None
    first, sep, rest = path[1:].partition("/")
    if first not in codes:
        return None
    return {code: quote(f"/{code}{sep}{rest}", safe="/:@!$&'()*+,;=-._~") for code in codes}


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
                LANG_COOKIE,
                lang,
                max_age=365 * 24 * 3600,
                samesite="Lax",
                httponly=True,
                secure=app.config["SESSION_COOKIE_SECURE"],
            )
        return response
