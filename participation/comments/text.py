"""Comment bodies are plain text: escape everything, then make web addresses clickable.

The text is split on addresses; every piece (and every address) is escaped with
markupsafe before it is put into HTML, so nothing a person types becomes markup.
Only http(s) addresses and ones starting with www. become links.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

# An address runs until white space or a character that cannot be in a URL written in text.
_URL_RE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'`{}|\\^\[\]]+")
_TRAILING = ".,;:!?)'\""
_LINK = '<a href="{href}" rel="nofollow ugc noopener">{text}</a>'


def _split_trailing(url: str) -> tuple[str, str]:
    """Leave sentence punctuation after an address outside the link; keep balanced brackets."""
    tail = ""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        tail = url[-1] + tail
        url = url[:-1]
    return url, tail


def _linkify_line(line: str) -> Markup:
    out = Markup("")
    position = 0
    for match in _URL_RE.finditer(line):
        url, tail = _split_trailing(match.group(0))
        if len(url) <= len("www.") or url.lower() in ("http://", "https://"):
            continue
        href = url if url.lower().startswith(("http://", "https://")) else "https://" + url
        out += escape(line[position : match.start()])
        out += Markup(_LINK).format(href=href, text=url)  # noqa: S704 - a constant; format() escapes both values
        out += escape(tail)
        position = match.end()
    out += escape(line[position:])
    return out


def render_comment_body(text: str | None) -> Markup:
    """Plain text to safe HTML: paragraphs on blank lines, <br> on single line breaks, links."""
    return _rendered_body(text or "")


# Depends on the text alone: cached by the text (an edited comment is another key).
@lru_cache(maxsize=4096)
def _rendered_body(text: str) -> Markup:
    paragraphs = [p for p in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()) if p.strip()]
    html = Markup("")
    for paragraph in paragraphs:
        lines = [_linkify_line(line) for line in paragraph.split("\n")]
        html += Markup("<p>") + Markup("<br>").join(lines) + Markup("</p>")
    return html
