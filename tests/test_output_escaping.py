"""Every place that turns off HTML escaping is on a short, reviewed allow-list (XSS guard)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# file -> why it may produce unescaped HTML
ALLOWED_MARKUP = {
    "participation/core/security.py": "renders organiser Markdown through the nh3 allow-list",
    "participation/core/translated.py": "Translation.__html__ escapes its text",
    "participation/consultations/sections.py": "embeds the output of our own autoescaped section templates",
    "participation/comments/text.py": "escapes the comment, then adds links with Markup.format (escapes values)",
    "participation/comments/article.py": "a comment's article from our own autoescaped template",
    "participation/votes/ballot_view.py": "a question's ballot form from our own autoescaped template",
    "participation/pages/views.py": "embeds the output of our own autoescaped home-section templates",
    "participation/core/qr.py": "segno's SVG of a QR code: paths only, the data never becomes markup",
    "participation/core/templating.py": "the ltr filter and gettext (as jinja2.ext) format with Markup %: escaped",
}
UNSAFE_TEMPLATE = re.compile(r"\|\s*safe\b|autoescape\s+false")


def test_no_template_marks_text_safe():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if UNSAFE_TEMPLATE.search(path.read_text())
    ]
    assert offenders == []


def test_markup_is_built_only_where_reviewed():
    offenders = []
    for path in (ROOT / "participation").rglob("*.py"):
        relative = str(path.relative_to(ROOT))
        if re.search(r"\bMarkup\(", path.read_text()) and relative not in ALLOWED_MARKUP:
            offenders.append(relative)
    assert offenders == [], "review these and add them to ALLOWED_MARKUP with a reason"
