"""What every page's header and footer need: navigation, languages, account links."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import current_app, g, request, url_for
from flask_login import current_user
from werkzeug.routing import BuildError

from participation.core.i18n import (
    LANGUAGE_NAMES,
    LanguageLink,
    _l,
    current_lang,
    language_links,
    offered_languages,
)
from participation.core.permissions import Role, has_role

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    is_current: bool


# (endpoint, label, roles or None for everyone). Items whose feature is not installed are skipped.
MAIN_NAV = [
    ("pages.home", _l("Home"), None),
    ("consultations.index", _l("Consultations"), None),
    ("events.index", _l("Events"), None),
    ("networks.index", _l("International networks"), None),
]
STAFF_NAV = [
    ("consultations_manage.index", _l("Organise"), (Role.ORGANISER,)),
    ("events_manage.index", _l("Organise events"), (Role.ORGANISER,)),
    ("moderation.queue", _l("Moderate"), (Role.MODERATOR,)),
    ("admin.users", _l("Administration"), (Role.ADMIN,)),
]
ACCOUNT_NAV = [
    ("accounts.profile", _l("My account"), ()),
    ("participation.mine", _l("My participation"), ()),
    ("events.mine", _l("My registrations"), ()),
    ("accounts.data", _l("My data"), ()),
]
ANONYMOUS_NAV = [
    ("accounts.login", _l("Log in"), None),
    ("accounts.signup", _l("Sign up"), None),
]


def _items(entries) -> list[NavItem]:
    items = []
    here = request.endpoint
    for endpoint, label, roles in entries:
        if endpoint not in current_app.view_functions:
            continue
        if roles and not has_role(current_user, *roles):
            continue
        section = endpoint.split(".")[0]
        is_current = here == endpoint or (
            endpoint.endswith(".index") and here is not None and here.split(".")[0] == section
        )
        items.append(NavItem(str(label), url_for(endpoint), is_current))
    return items


def _safe_language_links() -> list[LanguageLink]:
    """The switcher's links; whatever the address holds, the layout still renders."""
    if request.endpoint == "static":
        return []
    try:
        return language_links()
    except (BuildError, ValueError, TypeError):
        log.warning("language links fell back to the home page for %s", request.path, exc_info=True)
        here = current_lang()
        return [
            LanguageLink(code, LANGUAGE_NAMES.get(code, code), url_for("pages.home", lang=code), code == here)
            for code in offered_languages()
        ]


def layout_context() -> dict:
    """Context for base.html (see docs/templates.md).

    Built once per request: pages that render sections (home, consultation) call
    render_template several times, and each call runs the context processors.
    """
    if "layout_context" not in g:
        g.layout_context = _build_layout_context()
    return g.layout_context


def _build_layout_context() -> dict:
    lang = current_lang()
    links = _safe_language_links()
    signed_in = current_user.is_authenticated
    dutch_url = next((link.url for link in links if link.code == "nl"), None)
    return {
        "current_lang": lang,
        "languages": links,
        "main_nav": _items(MAIN_NAV),
        "account_nav": _items(ACCOUNT_NAV + STAFF_NAV) if signed_in else _items(ANONYMOUS_NAV),
        "logout_url": url_for("accounts.logout", lang=lang) if signed_in else None,
        "home_url": url_for("pages.home", lang=lang),
        "privacy_url": url_for("pages.privacy", lang=lang),
        "accessibility_url": url_for("pages.accessibility", lang=lang),
        "dutch_version_url": dutch_url if lang != "nl" else None,
    }
