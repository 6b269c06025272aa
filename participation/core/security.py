"""Output safety: Markdown rendering with a strict allow-list, safe redirects, headers."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from participation.core.errors import UserError
from participation.core.i18n import _

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "a",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# The page's own title is its only level-1 heading; levels 5 and 6 have no style of their own.
ALLOWED_HEADINGS = {"h2", "h3", "h4"}

# Markdown as CommonMark without raw HTML; the sanitiser is a second line of defence.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")
# A parser that does see raw HTML and tables, only to tell organisers what is not allowed.
_detector = MarkdownIt("commonmark", {"html": True}).enable("table")


def render_markdown(text: str | None) -> Markup:
    """Render organiser Markdown to HTML that only holds allow-listed tags."""
    return _rendered_markdown(str(text or ""))


# The HTML depends on the text alone, so it is cached by the text: an edit is another key, never a
# stale page. A consultation page renders its body (and its description) on every signed-in view.
@lru_cache(maxsize=512)
def _rendered_markdown(text: str) -> Markup:
    return Markup(sanitize_html(_markdown.render(text)))  # noqa: S704 - allow-listed by the sanitiser


def sanitize_html(html: str) -> str:
    """Strip every tag, attribute and URL scheme that is not allow-listed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def _problem_of(token) -> str | None:
    if token.type in ("html_block", "html_inline", "image"):
        return _("Use Markdown only: HTML and images are not allowed.")
    if token.type == "heading_open" and token.tag == "h1":
        return _("Start headings at level 2 (##): the page title is the only level-1 heading.")
    if token.type == "heading_open" and token.tag not in ALLOWED_HEADINGS:
        return _("Use heading levels 2 to 4 only (## to ####).")
    if token.type == "table_open":
        return _("Tables are not allowed; use a list instead.")
    return None


def markdown_problem(text: str | None) -> str | None:
    """What the text holds that the page would not show as written (translated), or None.

    Raw HTML, images, level-1, -5 and -6 headings and tables are refused rather than
    silently dropped or mangled by the sanitiser; code blocks and horizontal rules are shown.
    """
    stack = list(reversed(_detector.parse(text or "")))
    while stack:
        token = stack.pop()
        problem = _problem_of(token)
        if problem:
            return problem
        stack.extend(reversed(token.children or []))
    return None


def refuse_disallowed_markdown(texts: dict[str, str] | None, field: str) -> None:
    """Raise a UserError on `<field>_<lang>` for the first translation markdown_problem() refuses."""
    for lang, text in (texts or {}).items():
        problem = markdown_problem(text)
        if problem:
            raise UserError(problem, field=f"{field}_{lang}")


# A redirect's target goes into the Location header: longer than this, it was not ours.
MAX_LOCATION_LENGTH = 2000


def is_safe_redirect(target: str | None) -> bool:
    """Only same-site paths of sane length: no scheme, host, protocol-relative or backslash tricks."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if len(target) > MAX_LOCATION_LENGTH:
        return False
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def content_security_policy(frame_ancestors: str = "'none'") -> str:
    """The site's CSP; only the embeds (participation/embeds) name other frame ancestors."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
            "base-uri 'self'",
            "object-src 'none'",
        ]
    )


CONTENT_SECURITY_POLICY = content_security_policy()


def bound_location(response) -> None:
    """Keep what a user typed from growing a Location header without limit.

    Views bound their own input; this catches the rest (Flask-Login's `next=` carries the
    whole requested address, a slash redirect its query string): a Location longer than
    MAX_LOCATION_LENGTH loses its query string, or, if still too long, becomes the home page.
    """
    location = response.headers.get("Location")
    if location is None or len(location) <= MAX_LOCATION_LENGTH:
        return
    location = location.split("?", 1)[0]
    response.headers["Location"] = location if len(location) <= MAX_LOCATION_LENGTH else "/"


def register_security_headers(app) -> None:
    """Send the security headers with every response."""

    @app.after_request
    def _headers(response):
        bound_location(response)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        # Old browsers' frame guard, for every page whose CSP forbids framing (all but the embeds).
        if "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]:
            response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if app.config.get("SESSION_COOKIE_SECURE"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response
