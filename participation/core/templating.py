"""Jinja helpers: layout context, local dates, translated content, Markdown."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from flask import Flask, g
from flask_babel import get_translations
from jinja2 import pass_context
from markupsafe import Markup
from werkzeug.routing import BuildError

from participation.core.i18n import (
    colon,
    current_lang,
    format_date,
    format_datetime,
    format_decimal,
    format_percent,
    format_time,
    iso_moment,
    link_query_args,
    text_direction,
    url_for_this_page,
    with_local_counts,
)
from participation.core.navigation import layout_context
from participation.core.security import render_markdown
from participation.core.seo import register_seo_helpers
from participation.core.translated import Translation, translated
from participation.core.urls import public_url_for


def local_datetime(moment: datetime | None, format: str = "medium") -> str:
    """A moment as Brussels local time in the page's language.

    'short' (the same as 'medium': "6 Dec 2026, 19:00"), 'medium', 'long', 'full' as Babel has them;
    'day_time' for the full date with a short time ("donderdag 3 december 2026 19:00"), 'time' for the time alone.
    """
    if moment is None:
        return ""
    if format == "time":
        return format_time(moment, "short")
    if format == "day_time":
        return f"{format_date(moment, 'full')} {format_time(moment, 'short')}"
    return format_datetime(moment, format)


def local_date(moment: datetime | None, format: str = "long") -> str:
    if moment is None:
        return ""
    return format_date(moment, format)


def tr(value: dict | None) -> Translation:
    """Translated content in the page's language (falls back to Dutch and says so)."""
    return translated(value, current_lang())


def plain(value) -> str:
    """Plain text of a Translation (followed by the fallback notice when it is Dutch instead), or of a string."""
    return value.as_plain() if isinstance(value, Translation) else ("" if value is None else str(value))


def url_for_page(number: int) -> str:
    """The current page's URL with another page number, keeping filters (repeated ones too)."""
    try:
        return url_for_this_page(page=number)
    except BuildError:  # a list shown again after a POST to an action without a GET page
        return "?" + urlencode({**link_query_args(), "page": number}, doseq=True)


def register_template_helpers(app: Flask) -> None:
    register_seo_helpers(app)
    app.context_processor(layout_context)
    app.jinja_env.globals.update(
        tr=tr,
        url_for_page=url_for_page,
        public_url_for=public_url_for,
        colon=colon,
        page_lang=current_lang,
        text_direction=text_direction,
    )
    app.jinja_env.filters.update(
        local_datetime=local_datetime,
        local_date=local_date,
        # Flask-Babel's own filters would format English the American way: the same as ours instead.
        datetimeformat=local_datetime,
        dateformat=local_date,
        timeformat=lambda moment: local_datetime(moment, "time"),
        # <time datetime="{{ moment|iso_datetime }}">: the one machine-readable form of a moment.
        iso_datetime=iso_moment,
        plain=plain,
        number=format_decimal,
        percent=format_percent,
        # An e-mail address or a code keeps its left-to-right order inside a right-to-left page.
        ltr=lambda value: Markup('<span dir="ltr">%s</span>') % value,
        markdown=lambda text: render_markdown(str(text) if text is not None else ""),
    )


def _translations():
    """Flask-Babel's translations for the current locale, remembered on the request's Babel context.

    Flask-Babel looks the locale and the catalogue up through several context proxies for every
    string; a page translates a few hundred. The memo is keyed by the locale object itself, so
    `force_locale` (mails in the recipient's language) and `refresh()` still switch catalogues.
    """
    if not g:  # no application context: Flask-Babel answers with its null translations
        return get_translations()
    ctx = g.get("_flask_babel")
    if ctx is not None:
        memo = getattr(ctx, "page_translations", None)
        locale = getattr(ctx, "babel_locale", None)
        if memo is not None and locale is not None and memo[0] is locale:
            return memo[1]
    translations = get_translations()
    ctx = g.get("_flask_babel")
    locale = getattr(ctx, "babel_locale", None) if ctx is not None else None
    if locale is not None:
        ctx.page_translations = (locale, translations)
    return translations


def install_template_gettext(app: Flask) -> None:
    """The same gettext callables Flask-Babel installs in Jinja, with the catalogue looked up once per request."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
    )
    app.jinja_env.globals.update(
        gettext=_gettext_with_local_counts, _=_gettext_with_local_counts, ngettext=_ngettext_with_local_counts
    )


# Jinja's newstyle gettext and ngettext (jinja2.ext), with the counts written the locale's way.
@pass_context
def _gettext_with_local_counts(context, string: str, **variables):
    message = _translations().ugettext(string)
    if variables:
        message = with_local_counts(message, variables)
    if context.eval_ctx.autoescape:
        message = Markup(message)  # noqa: S704 - as jinja2.ext: our catalogue; the values are escaped by %
    return message % variables


@pass_context
def _ngettext_with_local_counts(context, singular: str, plural: str, num: int, **variables):
    variables.setdefault("num", num)  # the form is chosen by the number itself
    message = with_local_counts(_translations().ungettext(singular, plural, num), variables)
    if context.eval_ctx.autoescape:
        message = Markup(message)  # noqa: S704 - as jinja2.ext: our catalogue; the values are escaped by %
    return message % variables
