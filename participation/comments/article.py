"""One comment's article (meta, text, counts, what the viewer may do), rendered once per state.

A discussion page shows up to fifty comments; rendering each on every view was most of the
time the page took after a new comment (docs/speed.md, fourth pass). `ArticleFacts` is every
input of templates/comments/_article.html, and nothing else is in scope there, so the HTML kept
under those facts (`RenderMemo`) is always the HTML a fresh rendering would give: a change of the
comment, of its endorsements or of what the viewer may do is another key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app, render_template, url_for
from flask_babel import get_locale, get_timezone
from markupsafe import Markup

from participation.comments.labels import ALIGNMENT_LABELS
from participation.core.page_cache import RenderMemo

MEMO_ENTRIES = 4096  # about 2 KB each: under 10 MB per worker


@dataclass(frozen=True)
class ArticleFacts:
    id: int
    placeholder: str | None  # "deleted", "pending", "reported", "hidden": the text is not shown
    hidden_reason_label: str | None
    appeal_url: str | None
    appealed: bool
    parent_elsewhere: bool
    author_name: str | None  # None: the account was deleted
    alignment_label: str
    created_at: datetime
    edited: bool
    pending: bool
    body_html: Markup  # sanitised by comments.text.render_comment_body
    endorsements: int
    endorse_url: str | None
    unendorse_url: str | None
    reply_url: str | None
    edit_url: str | None
    edit_until: datetime | None
    delete_url: str | None
    report_url: str | None


def _placeholder(item) -> str | None:
    c = item.comment
    if c.is_deleted:
        return "deleted"
    if c.is_pending and not item.shows_text:
        return "pending"
    if c.is_hidden:
        return "reported" if c.hidden_reason.value == "reported" else "hidden"
    return None


def article_facts(item) -> ArticleFacts:
    """What the article of this CommentView shows, in the page's language."""
    c = item.comment
    return ArticleFacts(
        id=c.id,
        placeholder=_placeholder(item),
        hidden_reason_label=item.hidden_reason_label,
        appeal_url=url_for("comments.appeal", comment_id=c.id) if item.can_appeal else None,
        appealed=item.appealed,
        parent_elsewhere=item.parent_elsewhere,
        author_name=c.author.display_name if c.author else None,
        alignment_label=str(ALIGNMENT_LABELS[c.alignment.value]),
        created_at=c.created_at,
        edited=c.edited_at is not None,
        pending=c.is_pending,
        body_html=item.body_html,
        endorsements=item.endorsements,
        endorse_url=url_for("comments.endorse", comment_id=c.id) if item.can_endorse and not item.endorsed else None,
        unendorse_url=url_for("comments.unendorse", comment_id=c.id) if item.can_endorse and item.endorsed else None,
        reply_url=url_for("comments.reply", comment_id=c.id) if item.can_reply else None,
        edit_url=url_for("comments.edit", comment_id=c.id) if item.can_edit else None,
        edit_until=item.edit_until if item.can_edit else None,
        delete_url=url_for("comments.delete", comment_id=c.id) if item.can_delete else None,
        report_url=url_for("comments.report", comment_id=c.id) if item.can_report else None,
    )


def comment_article(item) -> Markup:
    """The article of one comment (a template global, used by templates/comments/_thread.html)."""
    memo: RenderMemo = current_app.extensions["comment_articles"]
    facts = article_facts(item)
    inputs = (str(get_locale()), str(get_timezone()), facts)
    html = memo.render(inputs, lambda: render_template("comments/_article.html", f=facts))
    return Markup(html)  # noqa: S704 - rendered by our autoescaped template
