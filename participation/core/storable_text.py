"""Which text the databases can store (a pure check, used before anything reaches a query).

PostgreSQL text cannot hold NUL (U+0000), and psycopg cannot encode lone UTF-16
surrogates (U+D800-U+DFFF) to UTF-8.
"""

from __future__ import annotations

import re

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def is_storable_text(value: object) -> bool:
    """False for a string holding NUL or a lone surrogate; True for anything else."""
    return not (isinstance(value, str) and _UNSTORABLE.search(value))
