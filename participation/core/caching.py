"""No shared cache (a proxy, a CDN, a browser on a shared computer) keeps a personal page.

A response gets `Cache-Control: no-store`, unless its view set a Cache-Control of its own, when
any of these holds:

- the request carried the session cookie or the remember-me cookie: the page may show who is
  logged in, their flashed messages, or hold their CSRF token. (A visitor who once opened a
  form has a session cookie: their pages are no longer stored either. Simple beats clever here.)
- the session was changed, or a session or remember-me cookie is set: the response carries
  a cookie, for instance the CSRF token of a form an anonymous visitor opens for the first time;
- the user is logged in;
- the address is private: under /<lang>/account/, /organise/, /moderate/ or /admin/, any
  address carrying a token (ticket, reset, verification, check-in links) and exports (.csv, .json).

Everything else, a public page seen by an anonymous visitor without a session cookie, is the
same for every such visitor and stays cacheable (Flask adds `Vary: Cookie` when the session
was read). The `lang` cookie such a page may set holds only the language of its own address,
so it does not make the page personal. Public pages holding a form (an event with the
visitor's registration form, a consultation's discussion) put a CSRF token in the session and
so are no-store: the price of the token.
"""

from __future__ import annotations

from flask import Flask, current_app, g, request, session

NO_STORE = "no-store"

# The first part of the address after /<lang>/ of the back office and the account pages.
PRIVATE_SECTIONS = frozenset({"account", "organise", "moderate", "admin"})
# Route arguments that make an address a personal link.
SECRET_ARGUMENTS = frozenset({"token"})
EXPORT_SUFFIXES = (".csv", ".json")


def is_private_address() -> bool:
    """True for the back office, the account pages, token links and exports."""
    rule = request.url_rule
    if rule is None:
        return False
    if SECRET_ARGUMENTS & set(rule.arguments):
        return True
    parts = rule.rule.strip("/").split("/")
    if len(parts) > 1 and parts[0] == "<lang>" and parts[1] in PRIVATE_SECTIONS:
        return True
    return rule.rule.endswith(EXPORT_SUFFIXES)


def _identity_cookies() -> tuple[str, str]:
    app = current_app._get_current_object()
    return (app.session_interface.get_cookie_name(app), app.config.get("REMEMBER_COOKIE_NAME", "remember_token"))


def _sets_identity_cookie(response, names) -> bool:
    return any(header.split("=", 1)[0].strip() in names for header in response.headers.getlist("Set-Cookie"))


def depends_on_visitor(response) -> bool:
    """True when the response may differ per visitor (see the module's docstring)."""
    names = _identity_cookies()
    if any(name in request.cookies for name in names):
        return True
    if session.modified or _sets_identity_cookie(response, names):
        return True
    user = g.get("_login_user")  # only when Flask-Login loaded it: no query just for this
    return bool(user is not None and getattr(user, "is_authenticated", False))


def register_cache_policy(app: Flask) -> None:
    """Send `Cache-Control: no-store` with every personal or private response."""

    @app.after_request
    def _no_store_personal_pages(response):
        if "Cache-Control" in response.headers:
            return response  # the view decided (static files, pages that already say no-store)
        if depends_on_visitor(response) or is_private_address():
            response.headers["Cache-Control"] = NO_STORE
        return response
