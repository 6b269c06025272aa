"""Output safety: Markdown rendering with a strict allow-list, safe redirects, headers."""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a", "code",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# Markdown as CommonMark without raw HTML; the sanitiser is a second line of defence.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")
# A parser that does see raw HTML, only to tell organisers that it is not allowed.
_detector = MarkdownIt("commonmark", {"html": True})


def render_markdown(text: str | None) -> Markup:
    """Render organiser Markdown to HTML that only holds allow-listed tags."""
    html = _markdown.render(text or "")
    return Markup(sanitize_html(html))


def sanitize_html(html: str) -> str:
    """Strip every tag, attribute and URL scheme that is not allow-listed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def markdown_has_disallowed_content(text: str) -> bool:
    """True when the text holds raw HTML or an image the renderer would drop."""
    tokens = _detector.parse(text or "")
    stack = list(tokens)
    while stack:
        token = stack.pop()
        if token.type in ("html_block", "html_inline", "image"):
            return True
        stack.extend(token.children or [])
    return False


def is_safe_redirect(target: str | None) -> bool:
    """Only same-site paths: no scheme, no host, no protocol-relative or backslash tricks."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


def register_security_headers(app) -> None:
    """Send the security headers with every response."""

    @app.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if app.config.get("SESSION_COOKIE_SECURE"):
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        return response
