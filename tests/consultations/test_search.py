"""Full-text search in the catalogue: the visible language, every word, accents folded, no 500."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from participation.consultations.models import Consultation, ConsultationSearchVector
from participation.consultations.search import query_words
from participation.core.permissions import Role
from participation.core.storable_text import is_storable_text
from participation.core.time import to_brussels, utcnow
from participation.extensions import db
from tests.consultations.factories import make_consultation, make_theme
from tests.factories import PASSWORD, make_user
from tests.support import count_queries, text


def found(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return text(response)


@pytest.fixture
def economy(app):
    return make_consultation(
        app,
        status="open",
        slug="circulaire-economie",
        title={
            "nl": "Circulaire economie in de haven",
            "en": "Circular economy in the port",
            "fr": "Économie circulaire dans le port",
        },
        summary={
            "nl": "Minder afval, meer hergebruik.",
            "en": "Less waste, more reuse.",
            "fr": "Moins de déchets, plus de réemploi.",
        },
        body={
            "nl": "## Waarover\n\nDe stad wil grondstoffen langer gebruiken.",
            "en": "## About\n\nThe city wants to use raw materials for longer.",
        },
        plain_summary={
            "nl": "Spullen herstellen in plaats van weggooien.",
            "en": "Repairing things instead of throwing them away.",
        },
    )


def test_words_are_anded_in_any_order_not_only_as_a_phrase(app, client, economy):
    make_consultation(app, status="open", title={"nl": "Economie van de toekomst", "en": "Economy of tomorrow"})
    both = found(client, "/en/consultations/?q=port+circular")
    assert "Circular economy in the port" in both and "Economy of tomorrow" not in both
    assert "1 consultation found" in both
    one_word = found(client, "/en/consultations/?q=economy")
    assert "Circular economy in the port" in one_word and "Economy of tomorrow" in one_word
    assert "Circular economy" not in found(client, "/en/consultations/?q=port+festival")


def test_accents_and_case_are_folded_in_the_french_catalogue(app, client, economy):
    for query in ("économie", "economie", "ECONOMIE", "Économie+circulaire", "dechets"):
        page = found(client, f"/fr/consultations/?q={query}")
        assert "Économie circulaire dans le port" in page, query


def test_a_word_also_finds_longer_forms_of_it(app, client, economy):
    assert "Circular economy in the port" in found(client, "/en/consultations/?q=materials+econom")
    assert "Circular economy in the port" in found(client, "/en/consultations/?q=material")


def test_the_plain_language_summary_is_searched(app, client, economy):
    page = found(client, "/en/consultations/?q=repairing")
    assert "Circular economy in the port" in page
    assert "Circulaire economie in de haven" in found(client, "/nl/consultations/?q=herstellen+weggooien")


def test_dutch_fallback_text_is_searched_where_a_translation_is_missing(app, client, economy):
    # No French body: the French page shows the Dutch one, so its words find the consultation.
    assert "Économie circulaire dans le port" in found(client, "/fr/consultations/?q=grondstoffen")
    # English has its own body: Dutch words that the English page does not show find nothing.
    assert "0 consultations found" in found(client, "/en/consultations/?q=grondstoffen")


def test_search_respects_drafts_filters_and_pagination(app, client):
    climate = make_theme(app, "climate-green-deal")
    organiser = make_user(app, role=Role.ORGANISER)
    make_consultation(app, status="draft", title={"nl": "Geheime fietsbrug"}, organisers=[organiser])
    make_consultation(app, status="closed", title={"nl": "Oude fietsbrug"}, themes=[climate])
    for n in range(14):
        make_consultation(app, status="open", title={"nl": f"Nieuwe fietsbrug {n}"}, themes=[climate])
    first = found(client, "/nl/consultations/?q=fietsbrug&theme=climate-green-deal&status=open")
    assert "14 bevragingen gevonden" in first and "Oude fietsbrug" not in first
    assert "Geheime fietsbrug" not in first
    assert first.count("teaser-title") == 12
    assert "q=fietsbrug" in first.split("page=2")[0][-300:] + first.split("page=2")[1][:300]
    second = found(client, "/nl/consultations/?q=fietsbrug&theme=climate-green-deal&status=open&page=2")
    assert second.count("teaser-title") == 2
    client.login(organiser.email, PASSWORD)  # not even its organiser finds a draft in the catalogue
    assert "Geheime fietsbrug" not in found(client, "/nl/consultations/?q=geheime")


def test_search_follows_edits_made_through_the_editor(app, client, economy):
    organiser = make_user(app, role=Role.ORGANISER)
    with app.app_context():
        from participation.accounts.models import User

        consultation = db.session.get(Consultation, economy.id)
        consultation.organisers.append(db.session.get(User, organiser.id))
        db.session.commit()
    assert "Circular economy" in found(client, "/en/consultations/?q=economy")  # the index is warm
    client.login(organiser.email, PASSWORD)
    form = {
        "slug": economy.slug,
        "opens_at": to_brussels(economy.opens_at).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": to_brussels(economy.closes_at).strftime("%Y-%m-%dT%H:%M"),
        "title_nl": "Deeleconomie",
        "summary_nl": "Delen.",
        "body_nl": "Tekst.",
        "title_en": "Sharing economy",
        "summary_en": "Sharing.",
        "body_en": "Text about bicycles.",
        "moderation_mode": "post",
    }
    response = client.submit(f"/en/organise/{economy.id}", form)
    assert response.status_code == 303
    assert "0 consultations found" in found(client, "/en/consultations/?q=circular")
    assert "Sharing economy" in found(client, "/en/consultations/?q=bicycles")
    assert "Deeleconomie" in found(client, "/fr/consultations/?q=deeleconomie")


def test_search_runs_a_fixed_number_of_queries(app, client):
    theme = make_theme(app)
    make_consultation(app, status="open", themes=[theme], title={"nl": "Haven en klimaat"})
    url = "/nl/consultations/?q=haven+klimaat"
    client.get(url)
    with count_queries(app) as small:
        assert client.get(url).status_code == 200
    for n in range(20):
        make_consultation(app, status="open", themes=[theme], title={"nl": f"Haven en klimaat {n}"})
    client.get(url)  # the first search after a change may rebuild SQLite's in-memory index
    with count_queries(app) as large:
        assert "21 bevragingen gevonden" in text(client.get(url))
    assert len(small) == len(large)


def test_search_vectors_are_stored_per_language_on_postgresql(app, backend, economy):
    with app.app_context():
        rows = dict(
            db.session.execute(
                sa.select(ConsultationSearchVector.lang, ConsultationSearchVector.document).where(
                    ConsultationSearchVector.consultation_id == economy.id
                )
            ).all()
        )
    if backend == "sqlite":
        assert rows == {}  # SQLite searches an in-memory FTS5 index instead of this table
        return
    assert set(rows) == {"nl", "en", "fr"}
    assert "'econom'" in rows["fr"] and "'dechet'" in rows["fr"]  # stemmed and unaccented
    assert "'grondstoffen'" in rows["fr"]  # the Dutch body the French page shows


def test_consultations_from_before_the_search_migration_are_found(backend, tmp_path):
    """Migration 0002 indexes what the database already held (PostgreSQL stores the vectors)."""
    from flask_migrate import upgrade

    from participation import create_app
    from tests.conftest import TEST_CONFIG, create_postgres_database

    if backend == "sqlite":
        url, drop = f"sqlite:///{tmp_path}/migrated.db", None
    else:
        url, drop = create_postgres_database()
    try:
        migrated = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url})
        with migrated.app_context():
            upgrade(revision="25efe10804c1")
            now = utcnow()
            # On the engine, not the session: the session's commit hooks (the page cache's
            # content version) expect the current schema, not revision 25efe10804c1's.
            with db.engine.begin() as connection:
                connection.execute(
                    sa.text(
                        "INSERT INTO consultations (slug, state, opens_at, closes_at, title, summary, body, "
                        "moderation_mode, comments_enabled, results_visible_while_open, created_at, updated_at) "
                        "VALUES ('oud', 'published', :opens, :closes, "
                        '\'{"nl": "Oude haven", "fr": "Vieux port"}\', '
                        '\'{"nl": "Samenvatting"}\', \'{"nl": "Tekst"}\', \'post\', true, false, :opens, :opens)'
                    ),
                    {"opens": now - timedelta(days=1), "closes": now + timedelta(days=1)},
                )
            upgrade()
            if backend == "postgresql":
                documents = dict(
                    db.session.execute(sa.text("SELECT lang, document::text FROM consultation_search_vectors")).all()
                )
                assert "'vieux'" in documents["fr"] and "'samenvatting'" in documents["fr"]
                assert "'hav'" in documents["nl"] and "'haven'" in documents["en"]  # stemmed per language
        client = migrated.test_client()
        assert "/consultations/oud" in found(client, "/fr/consultations/?q=vieux")
        assert "/consultations/oud" in found(client, "/nl/consultations/?q=haven")
        with migrated.app_context():
            db.session.remove()
            db.engine.dispose()
    finally:
        if drop:
            drop()


def test_query_words_keep_letters_and_digits_only():
    assert query_words('"économie" AND (port*) -NEAR/2 x_y 2030') == [
        "économie",
        "AND",
        "port",
        "NEAR",
        "2",
        "x",
        "y",
        "2030",
    ]
    assert query_words("a " * 100) == ["a"]
    assert len(query_words(" ".join(f"w{n}" for n in range(50)))) == 12


SEARCH_TEXT = st.one_of(
    st.text(max_size=100),
    st.lists(
        st.sampled_from(
            [
                '"',
                "*",
                "NEAR",
                "NEAR(",
                "-",
                "(",
                ")",
                "AND",
                "OR",
                "NOT",
                "^",
                ":",
                "'",
                "&",
                "|",
                "!",
                "<->",
                "\\",
                "{",
                "}",
                "col:",
                "économie",
                "%",
                "_",
                "\x00",
            ]
        ),
        max_size=12,
    ).map(" ".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=SEARCH_TEXT, lang=st.sampled_from(["nl", "en", "fr"]))
@example(query="x" * 5000, lang="nl")
@example(query='"unterminated', lang="fr")
@example(query="NEAR(a b, 2) * -port", lang="en")
def test_any_search_input_gets_an_answer_never_a_server_error(app, client, economy, query, lang):
    response = client.get(f"/{lang}/consultations/", query_string={"q": query})
    # Refused (with a message saying what is wrong) only when the database could not store the
    # text or it is longer than the search field allows; any other input is searched.
    refused = not is_storable_text(query) or (bool(query.strip()) and len(query) > 100)
    assert response.status_code == (400 if refused else 200), (query, response.status_code)
    body = text(response)
    if refused:
        assert 'class="field-message error"' in body or "messages--error" in body
