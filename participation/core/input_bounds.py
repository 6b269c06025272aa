"""Numbers and texts from the address stay inside what the databases and headers can hold.

PostgreSQL's INTEGER, the type of our primary keys, ends at 2**31-1, SQLite's integers at
2**63-1: a larger number in an address reached a query and failed there with a 500 (on
PostgreSQL already from 2**31). So:

- every id in a route uses the `id` converter (`<id:event_id>`): 1..2**31-1, anything
  else matches no route and is a 404;
- every page number goes through `page_number()` (`paginate()` for the usual lists): a page
  that is not a number is a 400, one outside 1..MAX_PAGE a 404;
- an id in a query string goes through `id_arg()`: out of range is "not given".
"""

from __future__ import annotations

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

from participation.extensions import db

# The largest value of PostgreSQL's INTEGER: every primary key fits, on both databases.
MAX_ID = 2**31 - 1
# Far more pages than any list here has; its offset stays far inside a 64-bit integer.
MAX_PAGE = 1_000_000


def is_id_text(text: object) -> bool:
    """True for ASCII digits naming a possible id (1..MAX_ID)."""
    return (
        isinstance(text, str)
        and text.isascii()
        and text.isdigit()
        and len(text) <= len(str(MAX_ID))
        and 1 <= int(text) <= MAX_ID
    )


class IdConverter(IntegerConverter):
    """`<id:name>`: a primary key, 1..MAX_ID. Anything else (0, negative, too large) is a 404."""

    # No more digits than MAX_ID has, so no huge number is even converted.
    regex = rf"\d{{1,{len(str(MAX_ID))}}}"

    def __init__(self, map, *args, **kwargs) -> None:
        super().__init__(map, min=1, max=MAX_ID)


def register_id_converter(app: Flask) -> None:
    """Make `<id:...>` available to routes; call before any blueprint is registered."""
    app.url_map.converters["id"] = IdConverter


def page_number(args=None) -> int:
    """The `page` of the query string (1 when absent): 400 if it is no number, 404 out of range."""
    text = (request.args if args is None else args).get("page", "") or ""
    if not text:
        return 1
    if not (text.isascii() and text.isdigit()):
        abort(400)
    if len(text) > len(str(MAX_PAGE)) or not 1 <= int(text) <= MAX_PAGE:
        abort(404)
    return int(text)


def paginate(select, *, per_page: int, **kwargs):
    """Flask-SQLAlchemy's paginate() on the page the address asks for, bounded by page_number()."""

    return db.paginate(select, page=page_number(), per_page=per_page, error_out=False, **kwargs)


def id_arg(name: str, args=None) -> int | None:
    """An id from the query string, or None when it is absent or cannot be one."""
    text = (request.args if args is None else args).get(name, "")
    return int(text) if is_id_text(text) else None


def text_that_fits(value: str | None, max_length: int) -> str | None:
    """The value when it is at most max_length characters long, else None (never a cut-off part).

    For what a user typed that goes back into an address (a redirect's Location header).
    """
    if value is None or len(value) > max_length:
        return None
    return value
