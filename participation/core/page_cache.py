"""Whole public pages, rendered once for every anonymous visitor, keyed by a content version.

What is cached: the HTML of an allow-listed public page (PAGE_CACHE_ENDPOINTS) answered 200 to
a GET that carried no cookie but the language one, whose rendering neither read an identity nor
changed the session (no CSRF token, no flash, no log-in). Such a page is the same for every
anonymous visitor, so it holds nobody's data. Requests with any other cookie (a session, a
remember-me token) are never served from the cache, and never stored.

The key: scheme, host, path and query, the page's language, a time bucket (PAGE_CACHE_SECONDS,
60 by default: statuses and phases that change with the clock are at most that late), and the
content versions the page depends on: rows in `content_version`, one per *family* of tables,
that every write bumps *in the same transaction* (Session hooks below: any INSERT, UPDATE or
DELETE through the session, flushed objects or Core statements, on a table that can show on a
page). Each request reads the versions first (one query of at most six rows); a page rendered
from data older than the versions it read cannot exist, because a version is only visible
together with the data of the write that bumped it. So after a write commits, the next view on
every app server renders afresh: nothing is stale after a write, whichever server took the write.
Writes outside db.session (raw engine connections) do not bump it: the application does not make
any; scripts that do must call bump_content_version().

Families keep the frequent writes of participation (a comment, a ballot, a vote on a statement, a
registration) from emptying the cache of pages that never show them: a ballot renders the
consultation page and its results afresh, not the home page, the catalogue or another
consultation's event. Every table belongs to the family "content" unless TABLE_FAMILIES names it,
and every page depends on "content": a new table nobody thought of makes every page fresh, never
stale. A page depends on every family unless ENDPOINT_FAMILIES narrows it, and a test renders
each cached page (anonymous and signed in, on the demo content) recording the tables its SQL
reads, and fails when one belongs to a family the page does not declare
(tests/test_page_cache_families.py).

Where: Redis when PAGE_CACHE_REDIS_URL is set (shared by every worker and server), otherwise a
small in-process LRU per worker (PAGE_CACHE_ENTRIES). Either way the version lives in the
database, so two servers with separate in-process caches are never stale either.

The version has a random token besides its number, so a database that is emptied or restored
(and its counter restarted) never meets the pages of its former life.

Signed-in visitors, and anonymous ones holding a session (a CSRF token), get the same pages from
the cache too, under a key that also names the viewer: the account's id, or "anonymous". A page
stored for one account is only ever served to that account. What differs between two views of the
same page by the same viewer is only what the request itself makes: the CSRF token and the
one-time anti-spam token of each form. Those are rendered as *holes* (markers derived from the
secret key, so no text a person writes can forge one) and filled in for every view, hit or miss
(`register_hole`). A request whose session holds anything else (a flashed message, a log-in in
progress) is neither served from the cache nor stored, nor is a page whose rendering changed the
session, set a cookie or loaded another identity.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from flask import Flask, Response, current_app, g, request, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from participation.core.i18n import LANG_COOKIE
from participation.extensions import db

# Public pages that are the same for every anonymous visitor (endpoint names).
DEFAULT_ENDPOINTS = frozenset(
    {
        "pages.home",
        "pages.privacy",
        "pages.accessibility",
        "consultations.index",
        "consultations.detail",
        "networks.index",
        "votes.results",
        "events.index",
        "events.detail",
        "comments.transparency",
        "transparency.page",
    }
)
# Tables whose rows never show on a cached page: writing them bumps no version. Two are read
# by pages: content_version itself, and the final counts, which hold the same numbers as the
# ballots they were counted from (a ballot bumps "ballots"). The test of the families checks that
# no cached page reads the others.
UNSEEN_TABLES = frozenset(
    {
        "content_version",
        "final_counts",
        "final_count_rows",
        "outbox_messages",
        "outbox_message_people",
        "audit_personal_details",
        "scheduled_jobs",
        "fan_outs",
        "fan_out_deliveries",
        "two_factor_credentials",
        "two_factor_recovery_codes",
    }
)
READ_BUT_UNSEEN_TABLES = frozenset({"content_version", "final_counts", "final_count_rows"})

# Families of tables (see the module's docstring) and the row of `content_version` of each.
FAMILY_ROWS = {"content": 1, "discussion": 2, "ballots": 3, "statements": 4, "registrations": 5, "audit": 6}
ALL_FAMILIES = frozenset(FAMILY_ROWS)
TABLE_FAMILIES = {
    "comments": "discussion",
    "comment_endorsements": "discussion",
    "comment_reports": "discussion",
    "comment_appeals": "discussion",
    "ballots": "ballots",
    "ballot_choices": "ballots",
    "statements": "statements",
    "statement_votes": "statements",
    "statement_reports": "statements",
    "statement_appeals": "statements",
    "opinion_maps": "statements",
    "event_registrations": "registrations",
    # The log of decisions: the transparency pages count from it (the times to a decision).
    "audit_entries": "audit",
}
# Columns kept for another family's sake: an UPDATE changing only these belongs to that family.
# An event's last_sequence numbers its registrations (the order of the waiting list).
BOOKKEEPING_COLUMNS = {"events": (frozenset({"last_sequence"}), "registrations")}
# What each cached page shows besides "content" (omitted: every family). Checked by a test.
ENDPOINT_FAMILIES = {
    "pages.home": frozenset({"content", "registrations"}),
    "pages.privacy": frozenset({"content"}),
    "pages.accessibility": frozenset({"content"}),
    "consultations.index": frozenset({"content"}),
    "networks.index": frozenset({"content"}),
    "votes.results": frozenset({"content", "ballots", "audit"}),
    "events.index": frozenset({"content", "registrations"}),
    "events.detail": frozenset({"content", "registrations"}),
    "comments.transparency": frozenset({"content", "discussion", "audit"}),
    "transparency.page": frozenset({"content", "discussion", "audit"}),
}


def family_of(table_name: str) -> str:
    return TABLE_FAMILIES.get(table_name, "content")


def families_of_endpoint(endpoint: str | None) -> frozenset[str]:
    return ENDPOINT_FAMILIES.get(endpoint or "", ALL_FAMILIES)


_DML = re.compile(r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)
_CHANGED = "page_cache.content_changed"


class ContentVersion(db.Model):
    """One row per family of tables (FAMILY_ROWS): bumped by every write to one of its tables."""

    __tablename__ = "content_version"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    token: Mapped[str] = mapped_column(sa.String(32))
    version: Mapped[int] = mapped_column(sa.BigInteger, default=0)


_READ = sa.select(ContentVersion.id, ContentVersion.token, ContentVersion.version)


def bump_content_version(session_or_conn=None, families=ALL_FAMILIES) -> None:
    """Mark the cached pages showing these families old, in the caller's transaction.

    An upsert, in the same order every time: two transactions creating a family's row at once
    do not fail, and two bumping several rows do not wait on each other in a cycle."""
    target = session_or_conn or db.session
    dialect = target.get_bind().dialect.name if isinstance(target, Session) else target.dialect.name
    for family in sorted(families, key=FAMILY_ROWS.__getitem__):
        row = {"id": FAMILY_ROWS[family], "token": secrets.token_hex(16), "version": 1}
        if dialect in ("sqlite", "postgresql"):
            insert = (sqlite_insert if dialect == "sqlite" else postgresql_insert)(ContentVersion).values(**row)
            target.execute(
                insert.on_conflict_do_update(
                    index_elements=[ContentVersion.id], set_={"version": ContentVersion.version + 1}
                )
            )
        elif (
            target.execute(
                sa.update(ContentVersion)
                .where(ContentVersion.id == row["id"])
                .values(version=ContentVersion.version + 1)
            ).rowcount
            == 0
        ):
            target.execute(sa.insert(ContentVersion).values(**row))


# --- bumping: every session transaction that wrote a visible table --------------------------------


def _mark_if_visible(session: Session, table_name: str | None) -> None:
    if table_name is None:
        session.info.setdefault(_CHANGED, set()).update(ALL_FAMILIES)
    elif table_name not in UNSEEN_TABLES:
        session.info.setdefault(_CHANGED, set()).add(family_of(table_name))


@sa.event.listens_for(Session, "after_flush")
def _after_flush(session, _context) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(getattr(type(obj), "__table__", None), "name", None)
        if table in BOOKKEEPING_COLUMNS and obj in session.dirty and obj not in session.deleted:
            columns, family = BOOKKEEPING_COLUMNS[table]
            changed = {attr.key for attr in sa.inspect(obj).attrs if attr.history.has_changes()}
            if changed <= columns:
                session.info.setdefault(_CHANGED, set()).add(family)
                continue
        _mark_if_visible(session, table)


@sa.event.listens_for(Session, "do_orm_execute")
def _on_execute(state) -> None:
    if state.is_select:
        return
    statement = state.statement
    table = getattr(statement, "table", None)
    if table is not None:
        if state.is_insert or state.is_update or state.is_delete:
            _mark_if_visible(state.session, getattr(table, "name", None))
        return
    match = _DML.match(str(statement))
    if match:
        _mark_if_visible(state.session, match.group(1).lower())


@sa.event.listens_for(Session, "before_commit")
def _bump_before_commit(session) -> None:
    if session.info.get("page_cache.bumping"):
        return
    session.flush()  # the commit's own flush comes after this hook: flush now to see its writes
    families = session.info.pop(_CHANGED, None)
    if families:
        session.info["page_cache.bumping"] = True
        try:
            bump_content_version(session, families)
        finally:
            session.info.pop("page_cache.bumping", None)
            session.info.pop(_CHANGED, None)


@sa.event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session) -> None:
    session.info.pop(_CHANGED, None)


# --- stores -----------------------------------------------------------------------------------


class MemoryStore:
    """A bounded LRU per worker process, entries expiring after `seconds`."""

    def __init__(self, entries: int, seconds: int):
        self.entries, self.seconds = entries, seconds
        self._data: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return None
            if item[0] < time.monotonic():
                del self._data[key]
                return None
            self._data.move_to_end(key)
            return item[1]

    def set(self, key: str, body: bytes) -> None:
        with self._lock:
            self._data[key] = (time.monotonic() + self.seconds, body)
            self._data.move_to_end(key)
            while len(self._data) > self.entries:
                self._data.popitem(last=False)

    def values(self) -> list[bytes]:
        with self._lock:
            return [body for _, body in self._data.values()]

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


class RedisStore:
    """Shared by every worker and server; a failing Redis means rendering, never an error page."""

    PREFIX = "participation:page:"

    def __init__(self, url: str, seconds: int):
        import redis

        self.seconds = seconds
        self.client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)

    def get(self, key: str) -> bytes | None:
        try:
            return self.client.get(self.PREFIX + key)
        except Exception:  # noqa: BLE001 - the cache is an optimisation only
            return None

    def set(self, key: str, body: bytes) -> None:
        # A page that could not be stored is rendered again next time: no error for the visitor.
        with contextlib.suppress(Exception):
            self.client.set(self.PREFIX + key, body, ex=self.seconds)

    def values(self) -> list[bytes]:
        keys = list(self.client.scan_iter(self.PREFIX + "*"))
        return [v for v in self.client.mget(keys) if v is not None] if keys else []

    def clear(self) -> None:
        for key in self.client.scan_iter(self.PREFIX + "*"):
            self.client.delete(key)


def page_store(app: Flask | None = None):
    return (app or current_app).extensions["page_cache"]


# --- holes: per-view values inside a cached page ----------------------------------------------

# Session keys that do not change what a page shows: the CSRF secret and Flask-Login's own.
NEUTRAL_SESSION_KEYS = frozenset({"csrf_token", "_user_id", "_fresh", "_id", "_remember"})
_HOLES: dict[str, Callable[[], str]] = {}


def register_hole(name: str, fill: Callable[[], str]) -> None:
    """A value made anew for every view (a token): rendered as a marker, filled in when served."""
    _HOLES[name] = fill


def hole(name: str) -> str | None:
    """The marker to render instead of the value while a page is rendered for the cache, else None."""
    if g.get("page_cache_key") is None and not g.get("page_cache_tokens_as_holes"):
        return None
    return _marker(name)


def _marker(name: str) -> str:
    # Derived from the secret key: the same on every server, unguessable for whoever writes text.
    digest = hmac.new(current_app.secret_key.encode(), f"page-hole:{name}".encode(), hashlib.sha256)
    return f"hole{digest.hexdigest()[:24]}"


# --- fragments: parts of a page kept under the versions of what they show ------------------------


def fragment(name: str, shows: frozenset[str], render: Callable[[], dict | None]) -> dict | None:
    """`render()` (a JSON-ready dict, or None), kept in the cache while the page around it is
    rendered for the cache: under the page's viewer, address, language and time bucket, and the
    versions of "content" and the families in `shows` only. So when a write renders a page
    afresh, its parts that cannot show the write come from the cache. Outside such a rendering
    (the cache is off, a flashed message, a POST), it is simply `render()`."""
    if g.get("page_cache_key") is None:
        return render()
    key = _fragment_key(name, shows)
    store = page_store()
    stored = store.get(key)
    if stored is not None:
        return json.loads(stored)
    value = render()
    if not session.modified:  # like a page: nothing of this view's session in what is kept
        store.set(key, json.dumps(value).encode())
    return value


@contextlib.contextmanager
def tokens_as_holes():
    """Render HTML that will be reused for other views (see `RenderMemo`) with the per-view tokens
    as holes, whether or not the page around it is rendered for the cache."""
    had, saved = "csrf_token" in g, g.get("csrf_token")
    g.csrf_token = _marker("csrf")
    g.page_cache_tokens_as_holes = True  # `hole()`: the other tokens (anti-spam) as well
    try:
        yield
    finally:
        g.pop("page_cache_tokens_as_holes", None)
        if had:
            g.csrf_token = saved
        else:
            g.pop("csrf_token", None)


def tokens_for_this_view(html: str) -> str:
    """Fill the holes of reused HTML with this view's tokens; while the page around it is rendered
    for the cache they stay holes, filled in when the page is served."""
    if g.get("page_cache_key") is not None:
        return html
    return _fill_holes(html.encode()).decode()


class RenderMemo:
    """HTML kept in-process per worker under everything it is rendered from (its *inputs*).

    For parts of a page that many renderings share: one comment of a discussion is rendered
    once per state and viewer's rights, not on every view. A key made of all the inputs needs no
    invalidation: a change of the comment, its counts or the viewer's rights is another key. The
    caller passes inputs that the template alone reads (nothing else in scope), plus the locale.
    Tokens are kept as holes and filled per view."""

    def __init__(self, entries: int):
        self._store = MemoryStore(entries, seconds=24 * 3600)

    def render(self, inputs: tuple, render: Callable[[], str]) -> str:
        key = hashlib.blake2b(repr(inputs).encode(), digest_size=20).hexdigest()
        kept = self._store.get(key)
        if kept is None:
            with tokens_as_holes():
                html = render()
            self._store.set(key, html.encode())
        else:
            html = kept.decode()
        return tokens_for_this_view(html)


def _fragment_key(name: str, shows) -> str:
    versions = _versions_of(g.page_cache_rows, frozenset(shows) | {"content"})
    return f"fragment:{name}:{_key(versions, current_app.config['PAGE_CACHE_SECONDS'], g.page_cache_viewer)}"


# --- frames: a page assembled from its kept parts, without running its view -----------------------

# Endpoint -> rerender(names): renders (through `fragment`) the named fragments of the page at the
# request's address and returns their HTML by name.
_FRAMES: dict[str, Callable[[set[str]], dict[str, str]]] = {}
# What a frame (the page without its fragments) shows. The test of the families checks it.
FRAME_FAMILIES = frozenset({"content"})


def register_frame(endpoint: str, rerender: Callable[[set[str]], dict[str, str]]) -> None:
    """Keep the pages of `endpoint` also as a *frame*: the page without its fragments, under the
    versions of `content` only. A write that changes only what some fragments show (a ballot, a
    comment) then makes the next view an assembly: the frame, the fragments still in the cache, and
    `rerender(names)` for those that are not, without running the view. The page shows its
    fragments one after another in one place (`fragment_slot`)."""
    _FRAMES[endpoint] = rerender


def fragment_slot(parts: list[tuple[str, frozenset[str], str]]) -> None:
    """Where a framed page shows its fragments: (name, shows, HTML) in the order shown, side by side."""
    if g.get("page_cache_key") is not None:
        g.page_cache_slot = parts


def _frame_of(body: bytes) -> bytes | None:
    """The frame of a page just rendered for the cache (JSON), or None: no slot, or not found once."""
    parts = g.get("page_cache_slot")
    if not parts:
        return None
    joined = "".join(html for _name, _shows, html in parts).encode()
    if not joined or body.count(joined) != 1:
        return None
    before, after = body.split(joined)
    return json.dumps(
        {
            "before": before.decode(),
            "after": after.decode(),
            "parts": [[name, sorted(shows)] for name, shows, _html in parts],
        }
    ).encode()


def _assemble(frame: bytes) -> bytes | None:
    """The page from its frame and its fragments, rendering only those not in the cache; None when
    the frame names a fragment the page no longer has (a frame kept in Redis across a deployment)."""
    kept = json.loads(frame)
    store = page_store()
    html: dict[str, str] = {}
    for name, shows in kept["parts"]:
        stored = store.get(_fragment_key(name, shows))
        if stored is not None:
            value = json.loads(stored)
            html[name] = value["html"] if value else ""
    missing = {name for name, _shows in kept["parts"] if name not in html}
    if missing:
        html.update(_FRAMES[request.endpoint](missing))
        if not missing <= html.keys():
            return None
    return (kept["before"] + "".join(html[name] for name, _shows in kept["parts"]) + kept["after"]).encode()


def _fill_holes(body: bytes) -> bytes:
    for name, fill in _HOLES.items():
        marker = _marker(name).encode()
        if marker in body:
            body = re.sub(re.escape(marker), lambda _match, fill=fill: fill().encode(), body)
    return body


def _fresh_csrf_token() -> str:
    if g.get("csrf_token") == _marker("csrf"):
        del g.csrf_token
    return generate_csrf()


register_hole("csrf", _fresh_csrf_token)


# --- serving ----------------------------------------------------------------------------------


def _viewer(app: Flask) -> str | None:
    """Who the page is rendered for ("anonymous" or the account), or None: not from the cache.

    A GET carrying only cookies that do not change the page (language, session, remember-me,
    those in PAGE_CACHE_NEUTRAL_COOKIES), with a session that holds nothing but the CSRF secret
    and the log-in itself (no flashed message, nothing in progress)."""
    if request.method != "GET":
        return None
    neutral = {
        LANG_COOKIE,
        app.config.get("SESSION_COOKIE_NAME", "session"),
        app.config.get("REMEMBER_COOKIE_NAME", "remember_token"),
        *app.config["PAGE_CACHE_NEUTRAL_COOKIES"],
    }
    if any(name not in neutral for name in request.cookies):
        return None
    if any(name not in NEUTRAL_SESSION_KEYS for name in session):
        return None
    user = current_user._get_current_object()
    if getattr(user, "is_authenticated", False):
        return f"account-{user.id}"
    return "anonymous"


def _key(versions: str, seconds: int, viewer: str) -> str:
    bucket = int(time.time() // seconds)
    lang = g.get("lang") or ""
    build = current_app.config["PAGE_CACHE_BUILD"]
    return f"{build}:{versions}:{bucket}:{lang}:{viewer}:{request.scheme}://{request.host}{request.full_path}"


def build_id(root: Path | None = None) -> str:
    """What this deployment renders pages with: its code, templates, catalogues and the names of its
    static files. Part of every key, so that pages, frames and sections kept in Redis by the
    previous deployment (its markup, its hashed stylesheet names) are never served by this one."""
    if root is None:
        return _this_build()
    digest = hashlib.blake2b(digest_size=8)
    patterns = (
        ("participation", "*.py"),
        ("templates", "*"),
        ("translations", "*.mo"),
        ("build/static", "manifest.json"),
    )
    for folder, pattern in patterns:
        for path in sorted((root / folder).rglob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def _this_build() -> str:
    return build_id(Path(__file__).resolve().parents[2])


def _versions_of(rows, families: frozenset[str]) -> str | None:
    """The versions of these families as part of a key, or None before the first write."""
    by_id = {row.id: row for row in rows}
    if FAMILY_ROWS["content"] not in by_id:
        return None  # nothing is cached before the first write
    parts = []
    for family in sorted(families, key=FAMILY_ROWS.__getitem__):
        row = by_id.get(FAMILY_ROWS[family])
        parts.append(f"{row.token}.{row.version}" if row else "-")  # "-": not written yet
    return "/".join(parts)


def register_page_cache(app: Flask) -> None:
    """Serve allow-listed pages from the cache (see the module's docstring)."""
    app.config.setdefault(
        "PAGE_CACHE",
        os.environ.get("PAGE_CACHE", "true").lower() not in {"0", "false", "no", "off"}
        and not app.config.get("TESTING"),
    )
    app.config.setdefault("PAGE_CACHE_REDIS_URL", os.environ.get("PAGE_CACHE_REDIS_URL") or None)
    app.config.setdefault("PAGE_CACHE_SECONDS", int(os.environ.get("PAGE_CACHE_SECONDS", "60")))
    app.config.setdefault("PAGE_CACHE_ENTRIES", 1000)
    app.config.setdefault("PAGE_CACHE_ENDPOINTS", DEFAULT_ENDPOINTS)
    app.config.setdefault("PAGE_CACHE_NEUTRAL_COOKIES", set())
    app.config.setdefault("PAGE_CACHE_BUILD", build_id() if app.config["PAGE_CACHE"] else "")
    seconds = app.config["PAGE_CACHE_SECONDS"]
    url = app.config["PAGE_CACHE_REDIS_URL"]
    app.extensions["page_cache"] = (
        RedisStore(url, seconds) if url else MemoryStore(app.config["PAGE_CACHE_ENTRIES"], seconds)
    )

    @app.before_request
    def _serve_from_cache():
        if not app.config["PAGE_CACHE"] or request.endpoint not in app.config["PAGE_CACHE_ENDPOINTS"]:
            return None
        viewer = _viewer(app)
        if viewer is None:
            return None
        rows = db.session.execute(_READ).all()
        versions = _versions_of(rows, families_of_endpoint(request.endpoint))
        if versions is None:
            return None
        key = _key(versions, seconds, viewer)
        body = page_store(app).get(key)
        if body is not None:
            g.page_cache = "hit"
            return Response(_fill_holes(body), 200, mimetype="text/html")
        g.page_cache_key, g.page_cache_viewer, g.page_cache_rows = key, viewer, rows
        g.csrf_token = _marker("csrf")  # every form of this rendering gets the hole
        if request.endpoint in _FRAMES:
            g.page_cache_frame_key = "frame:" + _key(_versions_of(rows, FRAME_FAMILIES), seconds, viewer)
            frame = page_store(app).get(g.page_cache_frame_key)
            body = _assemble(frame) if frame is not None else None
            if body is not None:
                # Stored and its holes filled by _store_in_cache, like a page the view rendered.
                g.page_cache = "assembled"
                return Response(body, 200, mimetype="text/html")
        return None

    @app.after_request
    def _store_in_cache(response):
        key = g.pop("page_cache_key", None)
        if key is None:
            return response
        if (
            response.status_code == 200
            and response.mimetype == "text/html"
            and not response.is_streamed
            and _rendered_for(app, response, g.page_cache_viewer)
        ):
            body = response.get_data()
            page_store(app).set(key, body)
            frame_key = g.pop("page_cache_frame_key", None)
            frame = _frame_of(body) if frame_key is not None and g.get("page_cache") != "assembled" else None
            if frame is not None:
                page_store(app).set(frame_key, frame)
        if not response.is_streamed and response.mimetype.startswith("text/"):
            response.set_data(_fill_holes(response.get_data()))
        return response


def _rendered_for(app: Flask, response, viewer: str) -> bool:
    """The page shows what every view by `viewer` shows: the session unchanged (no flash, no
    log-in), the identity the key names, no cookie but the language one set by the view or a hook."""

    if session.modified:
        return False
    user = g.get("_login_user")
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    if (f"account-{user.id}" if authenticated else "anonymous") != viewer:
        return False
    for header in response.headers.getlist("Set-Cookie"):
        if header.split("=", 1)[0].strip() != LANG_COOKIE:
            return False
    return True
