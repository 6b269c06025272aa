"""The search index can be rebuilt (`flask reindex-search`) and is rebuilt when a language is added."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from participation.consultations.models import ConsultationSearchVector
from participation.consultations.search_upkeep import keep_index_in_step, languages_out_of_step
from participation.core.scheduler import run_periodic
from participation.extensions import db
from tests.conftest import make_app
from tests.consultations.factories import make_consultation
from tests.support import text


@pytest.fixture
def app_with_languages(app, database_url):
    """Build another app on the test database with other LANGUAGES (a later deploy)."""
    built = []

    def build(*languages):
        built.append(make_app(database_url, LANGUAGES=languages))
        return built[-1]

    yield build
    for other in built:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def _vectors(app) -> set[tuple[int, str]]:
    with app.app_context():
        return set(
            db.session.execute(sa.select(ConsultationSearchVector.consultation_id, ConsultationSearchVector.lang)).all()
        )


def _postgresql(app) -> bool:
    with app.app_context():
        return db.engine.dialect.name == "postgresql"


def test_reindex_search_rebuilds_every_vector_on_postgresql_and_says_nothing_is_stored_on_sqlite(app, runner):
    first = make_consultation(app, status="open", title={"nl": "Haven van morgen"})
    second = make_consultation(app, status="draft", title={"nl": "Fietsstraten"})
    expected = {(c.id, lang) for c in (first, second) for lang in ("nl", "en", "fr")}
    if not _postgresql(app):
        result = runner.invoke(args=["reindex-search"])
        assert result.exit_code == 0 and "Nothing to rebuild" in result.output
        assert _vectors(app) == set()
        return
    with app.app_context():
        db.session.execute(sa.delete(ConsultationSearchVector))  # lost, or built by an older version
        db.session.commit()
    result = runner.invoke(args=["reindex-search"])
    assert result.exit_code == 0, result.output
    assert "2 consultation(s) in nl, en, fr" in result.output
    assert _vectors(app) == expected


def test_a_language_added_is_indexed_by_the_scheduler_and_one_removed_is_dropped(app, app_with_languages):
    consultation = make_consultation(app, status="open", title={"nl": "Circulaire haven"})
    with_turkish = app_with_languages("nl", "en", "fr", "tr")
    with with_turkish.app_context():
        if db.engine.dialect.name != "postgresql":
            assert keep_index_in_step() is None  # SQLite: each process indexes its own languages
            return
        assert languages_out_of_step() == ({"tr"}, set())
    client = with_turkish.test_client()
    assert "Circulaire haven" not in text(client.get("/tr/consultations/?q=haven"))
    with with_turkish.app_context():
        assert run_periodic("search-index") is True  # the scheduler's periodic job
        assert languages_out_of_step() == (set(), set())
        assert keep_index_in_step() is None  # in step: the next check does nothing
    assert (consultation.id, "tr") in _vectors(app)
    assert "Circulaire haven" in text(client.get("/tr/consultations/?q=haven"))
    without_french = app_with_languages("nl", "en")
    with without_french.app_context():
        assert languages_out_of_step() == (set(), {"tr", "fr"})
        assert keep_index_in_step() == 1
    assert _vectors(app) == {(consultation.id, "nl"), (consultation.id, "en")}
