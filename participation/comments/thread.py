"""The discussion block of a consultation: counts, the form, one page of threads.

Used by the consultation page (as a section) and by the comments page. Whatever
the number of comments, it runs the same queries: alignment counts, the page of
top-level comments (count + rows), the first replies of each (with each thread's
number of replies), endorsement counts and, for a signed-in person, what they
endorsed. A thread with more replies links to its own page (`conversation_context`),
which pages through all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from flask import abort, request, url_for
from markupsafe import Markup

from participation.accounts.suspension import suspension_message
from participation.comments import queries
from participation.comments.forms import CommentForm
from participation.comments.labels import ALIGNMENT_LABELS, HIDE_REASON_LABELS
from participation.comments.models import Alignment, Comment, CommentAppeal
from participation.comments.permissions import (
    can_appeal,
    can_comment,
    can_delete_comment,
    can_edit_comment,
    can_endorse,
    can_export_comments,
    can_reply,
    can_report,
    comments_open,
    edit_deadline,
    is_author,
)
from participation.comments.text import render_comment_body
from participation.consultations.models import PublicStatus
from participation.consultations.sections import Section
from participation.core.i18n import _, format_datetime
from participation.core.input_bounds import page_number
from participation.core.time import utcnow
from participation.extensions import db


@dataclass
class CommentView:
    """One comment as the template shows it, with what the viewer may do."""

    comment: Comment
    body_html: Markup
    endorsements: int
    endorsed: bool
    mine: bool
    can_reply: bool
    can_edit: bool
    can_delete: bool
    can_endorse: bool
    can_report: bool
    can_appeal: bool
    appealed: bool
    hidden_reason_label: str | None
    # The text is shown (published, or the viewer's own pending comment); otherwise a placeholder.
    shows_text: bool = True
    # Its parent is on an earlier page of the thread (thread page only).
    parent_elsewhere: bool = False
    # Top-level comments: all replies of the thread, and where to read them when not all are shown.
    reply_total: int = 0
    all_replies_url: str | None = None
    children: list[CommentView] = field(default_factory=list)
    # Until when its author may still edit it (shown next to the edit button), when they may.
    edit_until: datetime | None = None


@dataclass(frozen=True)
class ThreadArgs:
    sort: str = "newest"
    alignment: str = ""
    page: int = 1


def parse_thread_args(args) -> ThreadArgs:
    """Sort, filter and page come from the address; anything not on the allow-list is a 400."""
    sort = args.get("sort", "newest") or "newest"
    alignment = args.get("alignment", "") or ""
    if sort not in queries.SORTS or (alignment and alignment not in {a.value for a in Alignment}):
        abort(400)
    return ThreadArgs(sort, alignment, page_number(args))


def _block_message(user, consultation) -> str | None:
    """Why this person cannot comment here (None when they can)."""
    if not consultation.comments_enabled:
        return _("This consultation does not take comments.")
    if not consultation.is_public():
        return _("Comments open once the consultation is published.")
    if consultation.status() == PublicStatus.UPCOMING:
        return _(
            "Comments open on %(moment)s, when the consultation opens.", moment=format_datetime(consultation.opens_at)
        )
    if not consultation.is_open():
        return _("Comments are closed: you can only comment while the consultation is open.")
    if not getattr(user, "is_authenticated", False):
        return None  # the template offers log-in and sign-up links
    if not user.is_verified:
        return _("Confirm your e-mail address before you take part in the discussion.")
    if user.is_suspended():
        return suspension_message(user)
    return None


def _appealed(user_id: int | None, comments: list[Comment]) -> set[int]:
    """Which of the viewer's hidden comments they already appealed (one appeal each)."""

    hidden_mine = [c.id for c in comments if c.is_hidden and c.author_id == user_id]
    if not user_id or not hidden_mine:
        return set()
    return set(db.session.scalars(sa.select(CommentAppeal.comment_id).where(CommentAppeal.comment_id.in_(hidden_mine))))


def _shows_text(user, c: Comment) -> bool:
    if c.is_deleted or c.is_hidden:
        return False
    return not c.is_pending or bool(is_author(user, c))


def _comment_views(user, comments: list[Comment]) -> dict[int, CommentView]:
    """Views of the given comments with what the viewer may do (a fixed number of queries)."""
    user_id = user.id if getattr(user, "is_authenticated", False) else None
    ids = [c.id for c in comments]
    counts = queries.endorsement_counts(ids)
    endorsed = queries.endorsed_by(user_id, ids) if user_id else set()
    appealed = _appealed(user_id, comments)
    now = utcnow()

    def view(c: Comment) -> CommentView:
        shows_text = _shows_text(user, c)
        return CommentView(
            comment=c,
            # Hidden, deleted and other people's pending comments never reach the page.
            body_html=render_comment_body(c.body if shows_text else ""),
            endorsements=counts.get(c.id, 0),
            endorsed=c.id in endorsed,
            mine=bool(is_author(user, c)),
            can_reply=can_reply(user, c, now),
            can_edit=(editable := can_edit_comment(user, c, now)),
            edit_until=edit_deadline(c) if editable else None,
            can_delete=can_delete_comment(user, c),
            can_endorse=can_endorse(user, c, now),
            can_report=can_report(user, c),
            can_appeal=can_appeal(user, c) and c.id not in appealed,
            appealed=c.id in appealed,
            hidden_reason_label=str(HIDE_REASON_LABELS[c.hidden_reason.value]) if c.hidden_reason else None,
            shows_text=shows_text,
        )

    return {c.id: view(c) for c in comments}


def _attach(views: dict[int, CommentView], root: CommentView, replies: list[Comment]) -> None:
    """Hang replies under their parents; one whose parent is not here hangs under the root."""
    for reply in replies:
        parent = views.get(reply.parent_id)
        if parent is None:
            parent = root
            views[reply.id].parent_elsewhere = True
        parent.children.append(views[reply.id])


def thread_context(consultation, user, args: ThreadArgs, form: CommentForm | None = None) -> dict:
    user_id = user.id if getattr(user, "is_authenticated", False) else None
    stmt = queries.top_level_comments(
        consultation.id, sort=args.sort, alignment=args.alignment or None, user_id=user_id
    )
    page = db.paginate(stmt, page=args.page, per_page=queries.PER_PAGE, error_out=False, count=True)
    roots = list(page.items)
    rows = db.session.execute(queries.replies_for([c.id for c in roots], user_id)).unique().all()
    replies = [reply for reply, _total in rows]
    totals = {reply.root_id: total for reply, total in rows}
    views = _comment_views(user, roots + replies)
    for root in roots:
        views[root.id].reply_total = totals.get(root.id, 0)
        if totals.get(root.id, 0) > queries.REPLIES_SHOWN:
            views[root.id].all_replies_url = url_for("comments.conversation", comment_id=root.id)
    for reply in replies:
        _attach(views, views[reply.root_id], [reply])
    now = utcnow()
    lang_args = {
        k: v
        for k, v in (("sort", args.sort if args.sort != "newest" else None), ("alignment", args.alignment or None))
        if v
    }
    return {
        "consultation": consultation,
        "threads": [views[c.id] for c in roots],
        "page": page,
        "args": args,
        "sorts": [("newest", _("Newest first")), ("oldest", _("Oldest first")), ("replies", _("Most replies"))],
        "alignment_labels": ALIGNMENT_LABELS,
        "alignment_counts": queries.alignment_counts(consultation.id),
        "can_comment": (may_comment := can_comment(user, consultation, now)),
        "comments_open": comments_open(consultation, now),
        "signed_in": user_id is not None,
        "block_message": _block_message(user, consultation),
        "can_export": can_export_comments(user, consultation),
        # Only built when shown: a form makes a CSRF token, which would make the page personal.
        "form": form or (CommentForm(formdata=None) if may_comment else None),
        "filter_action": request.path,
        "page_url": lambda n: (
            request.path + "?" + "&".join(f"{k}={v}" for k, v in {**lang_args, "page": n}.items()) + "#comments"
        ),
        "login_url": url_for("accounts.login", next=request.path),
        "signup_url": url_for("accounts.signup"),
    }


def parse_page(args) -> int:
    return page_number(args)


def conversation_context(root: Comment, user, page_number: int) -> dict:
    """One thread: its top-level comment and all its replies, a page at a time."""
    user_id = user.id if getattr(user, "is_authenticated", False) else None
    page = db.paginate(
        queries.thread_replies(root.id, user_id),
        page=page_number,
        per_page=queries.REPLIES_PER_PAGE,
        error_out=False,
        count=True,
    )
    replies = list(page.items)
    views = _comment_views(user, [root, *replies])
    views[root.id].reply_total = page.total
    _attach(views, views[root.id], replies)
    return {
        "consultation": root.consultation,
        "thread": views[root.id],
        "page": page,
        "page_url": lambda n: f"{request.path}?page={n}",
        "alignment_labels": ALIGNMENT_LABELS,
    }


def comments_section(consultation, user) -> Section | None:
    """Provider for the consultation page (register_consultation_section, order 60)."""
    args = parse_thread_args(request.args)
    context = thread_context(consultation, user, args)
    if not consultation.comments_enabled and context["page"].total == 0:
        return None
    return Section("comments/_section.html", context, anchor="comments", title=_("Comments"))
