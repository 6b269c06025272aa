"""Full-text search over the text a visitor sees: title, summary, plain-language summary, body.

What is searched in a language is what the page shows in it: each field in that language, or in
Dutch where the translation is missing. A query is split into words; every word must occur (AND),
as a word or the start of one, accents and case ignored. Quotes, operators and other punctuation
in the query are only word separators, so no input can break the query.

- PostgreSQL: one tsvector per consultation and language in `consultation_search_vectors` (GIN
  index), built with a per-language text search configuration that folds accents and stems
  (see search_schema). It is rewritten whenever a consultation's texts are flushed.
- SQLite: an FTS5 table (tokenizer `unicode61 remove_diacritics 2`) held in memory by each
  process. It mirrors the published consultations and is rebuilt when a cheap signature of the
  consultations table (row count, latest change) differs from the one it was built from, so it
  is never stale, also with several worker processes. It lives outside the database file because
  FTS5's shadow tables would make the schema differ from the models (tests/test_migrations.py).
"""

from __future__ import annotations

import re
import sqlite3
import threading

import sqlalchemy as sa
from flask import current_app, has_app_context
from sqlalchemy.dialects.postgresql import REGCONFIG
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from participation.consultations.models import Consultation, ConsultationSearchVector, ConsultationState
from participation.consultations.search_schema import configuration_for
from participation.core.translated import DEFAULT_LANG, translated
from participation.extensions import db

SEARCHED_FIELDS = ("title", "summary", "plain_summary", "body")
# Longer queries are refused by the form; these bound what reaches the database anyway.
MAX_WORDS = 12
MAX_WORD_LENGTH = 60
_WORD = re.compile(r"[^\W_]+")


def query_words(search: str | None) -> list[str]:
    """The words of a query: letters and digits only, at most MAX_WORDS of them."""
    words = [word[:MAX_WORD_LENGTH] for word in _WORD.findall(search or "")]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def visible_text(consultation, lang: str) -> dict[str, str]:
    """Each searched field as a visitor of the `lang` pages reads it (Dutch where missing)."""
    return {name: translated(getattr(consultation, name), lang).text for name in SEARCHED_FIELDS}


def _languages() -> tuple[str, ...]:
    if has_app_context():
        return tuple(current_app.config["LANGUAGES"])
    return (DEFAULT_LANG,)


def matching(search: str, lang: str) -> sa.ColumnElement[bool]:
    """A WHERE clause on Consultation: every word of `search` occurs in its `lang` text."""
    words = query_words(search)
    if not words:
        return sa.true()
    if db.session.get_bind().dialect.name == "postgresql":
        return _postgresql_matching(words, lang)
    return Consultation.id.in_(_sqlite_index().matching_ids(words, lang))


# ---------------------------------------------------------------------------------- PostgreSQL


def _postgresql_matching(words: list[str], lang: str) -> sa.ColumnElement[bool]:
    # Words hold letters and digits only, so joining them cannot form tsquery syntax.
    tsquery = sa.func.to_tsquery(sa.cast(configuration_for(lang), REGCONFIG), " & ".join(f"{w}:*" for w in words))
    vectors = ConsultationSearchVector
    return Consultation.id.in_(
        sa.select(vectors.consultation_id).where(vectors.lang == lang, vectors.document.op("@@")(tsquery))
    )


def index_consultations(session: Session, consultations) -> None:
    """Rewrite the search vectors of these consultations, in every offered language."""
    rows = []
    for consultation in consultations:
        for lang in _languages():
            text = "\n".join(visible_text(consultation, lang).values())
            rows.append(
                {
                    "consultation_id": consultation.id,
                    "lang": lang,
                    "document": sa.func.to_tsvector(sa.cast(configuration_for(lang), REGCONFIG), text),
                }
            )
    if not rows:
        return
    statement = pg_insert(ConsultationSearchVector).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=["consultation_id", "lang"], set_={"document": statement.excluded.document}
    )
    session.connection().execute(statement)


def _texts_changed(consultation) -> bool:
    state = sa.inspect(consultation)
    return any(state.attrs[name].history.has_changes() for name in SEARCHED_FIELDS)


def _index_after_flush(session: Session, _flush_context) -> None:
    if session.connection().dialect.name != "postgresql":
        return
    changed = [obj for obj in session.new if isinstance(obj, Consultation)]
    changed += [obj for obj in session.dirty if isinstance(obj, Consultation) and _texts_changed(obj)]
    index_consultations(session, changed)


def register() -> None:
    """Keep the PostgreSQL vectors in step with every flush of a consultation (once per process)."""
    if not sa.event.contains(Session, "after_flush", _index_after_flush):
        sa.event.listen(Session, "after_flush", _index_after_flush)


# -------------------------------------------------------------------------------------- SQLite


class _MemoryIndex:
    """An FTS5 copy of the published consultations' visible texts, for one database."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._signature = None
        self._connection = sqlite3.connect(":memory:", check_same_thread=False)
        self._connection.execute(
            "CREATE VIRTUAL TABLE documents USING fts5("
            "consultation_id UNINDEXED, lang UNINDEXED, title, summary, plain_summary, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )

    def matching_ids(self, words: list[str], lang: str) -> list[int]:
        published = Consultation.state != ConsultationState.DRAFT
        signature = tuple(
            db.session.execute(
                sa.select(sa.func.count(), sa.func.max(Consultation.updated_at), sa.func.sum(Consultation.id)).where(
                    published
                )
            ).one()
        )
        # Each word as a quoted prefix: FTS5 reads nothing inside quotes as an operator.
        expression = " ".join(f'"{word}"*' for word in words)
        with self._lock:
            if signature != self._signature:
                self._rebuild(db.session.scalars(sa.select(Consultation).where(published)))
                self._signature = signature
            rows = self._connection.execute(
                "SELECT consultation_id FROM documents WHERE documents MATCH ? AND lang = ?", (expression, lang)
            )
            return [row[0] for row in rows]

    def _rebuild(self, consultations) -> None:
        rows = [(c.id, lang, *visible_text(c, lang).values()) for c in consultations for lang in _languages()]
        with self._connection:
            self._connection.execute("DELETE FROM documents")
            self._connection.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)", rows)


_indexes: dict[str, _MemoryIndex] = {}
_indexes_lock = threading.Lock()


def _sqlite_index() -> _MemoryIndex:
    key = db.engine.url.render_as_string(hide_password=False)
    with _indexes_lock:
        if key not in _indexes:
            _indexes[key] = _MemoryIndex()
        return _indexes[key]
