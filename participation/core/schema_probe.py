"""Whether the database has a table yet (for features whose migration may not have run).

A table added by a newer migration (the page cache's content_version, the stored final counts)
is used only once it exists: a database upgraded without that migration keeps working the
slower way. A positive answer is remembered per engine; a negative one is asked again.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa

_present: set[tuple[int, str]] = set()
_lock = threading.Lock()


def table_exists(session, name: str) -> bool:
    """Asked on the session's own connection (a second one could wait for this one's write lock
    on SQLite)."""
    key = (id(session.get_bind()), name)
    if key in _present:
        return True
    found = sa.inspect(session.connection()).has_table(name)
    if found:
        with _lock:
            _present.add(key)
    return found
