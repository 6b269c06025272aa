"""Rebuilding the consultation search index: `flask reindex-search`, and after a language is added.

PostgreSQL stores one vector per consultation and offered language (consultations.search). They
are written whenever a consultation's texts change, so two events leave them incomplete or stale:

- a language is added to LANGUAGES: no consultation has a vector in it yet, so searching the new
  language's pages finds nothing; a language removed leaves vectors nobody reads;
- a change to how text is indexed (a text search configuration, the searched fields).

The periodic job `search-index` (every 10 minutes, from the scheduler) compares what is stored with
LANGUAGES: one grouped count of vectors per language against the number of consultations. No
fingerprint needs storing, because the vectors themselves show which languages are indexed. When
a language lacks vectors or one that is no longer offered has some, it rebuilds everything, in
committed batches. So a deploy that adds a language is indexed within minutes of the scheduler's
restart, with no step to remember. `flask --app wsgi reindex-search` rebuilds at once, e.g. after
changing a text search configuration.

SQLite keeps no vectors: each process builds its FTS index in memory from the consultations, in
the languages it was started with, so there is nothing to rebuild.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import click
import sqlalchemy as sa
from flask import Flask, current_app
from flask.cli import with_appcontext

from participation.consultations.models import Consultation, ConsultationSearchVector
from participation.consultations.search import index_consultations
from participation.core.scheduler import register_periodic
from participation.extensions import db

log = logging.getLogger(__name__)

BATCH = 200
CHECK_EVERY = timedelta(minutes=10)


def stores_vectors() -> bool:
    return db.session.get_bind().dialect.name == "postgresql"


def languages_out_of_step() -> tuple[set[str], set[str]]:
    """(offered languages some consultation has no vector in, stored languages no longer offered)."""
    offered = set(current_app.config["LANGUAGES"])
    consultations = db.session.scalar(sa.select(sa.func.count()).select_from(Consultation))
    stored = dict(
        db.session.execute(
            sa.select(ConsultationSearchVector.lang, sa.func.count()).group_by(ConsultationSearchVector.lang)
        ).all()
    )
    missing = {lang for lang in offered if stored.get(lang, 0) < consultations}
    return missing, set(stored) - offered


def reindex_all() -> int:
    """Rewrite every consultation's vectors in every offered language; drop the others.

    Each batch commits on its own: searches keep working (with the old vectors) meanwhile, and a
    run cut off half-way is finished by the next one. Returns the number of consultations.
    """

    db.session.execute(
        sa.delete(ConsultationSearchVector).where(ConsultationSearchVector.lang.not_in(current_app.config["LANGUAGES"]))
    )
    db.session.commit()
    done, after = 0, 0
    while True:
        batch = list(
            db.session.scalars(
                sa.select(Consultation).where(Consultation.id > after).order_by(Consultation.id).limit(BATCH)
            )
        )
        if not batch:
            return done
        index_consultations(db.session, batch)
        db.session.commit()
        done, after = done + len(batch), batch[-1].id


def keep_index_in_step() -> int | None:
    """The periodic job: rebuild when LANGUAGES and the stored vectors disagree; else nothing."""
    if not stores_vectors():
        return None
    missing, stale = languages_out_of_step()
    if not (missing or stale):
        return None
    log.info(
        "search index: languages without vectors %s, vectors of languages no longer offered %s: rebuilding",
        sorted(missing),
        sorted(stale),
    )
    count = reindex_all()
    log.info("search index rebuilt for %d consultation(s)", count)
    return count


@click.command("reindex-search")
@with_appcontext
def reindex_search_command():
    """Rebuild the consultation search index in every offered language (PostgreSQL)."""
    if not stores_vectors():
        click.echo(
            "Nothing to rebuild: on SQLite each process builds its search index in memory, "
            "from the consultations, when it first searches."
        )
        return
    count = reindex_all()
    click.echo(f"Search index rebuilt: {count} consultation(s) in {', '.join(current_app.config['LANGUAGES'])}.")


def init_search_upkeep(app: Flask) -> None:

    app.cli.add_command(reindex_search_command)
    register_periodic(app, "search-index", CHECK_EVERY, keep_index_in_step, lease=timedelta(hours=1))
