"""Reference data (themes, networks) on every site; demo consultations cover the issue's topics."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from participation.consultations.models import Consultation, ConsultationState, Network, PublicStatus, Theme
from participation.consultations.reference_data import NETWORKS, THEMES
from participation.extensions import db
from tests.conftest import make_app
from tests.support import text

GHENT_THEMES = {
    "climate-green-deal",
    "future-of-europe",
    "youth-capital",
    "culture-capital-2030",
    "technology-capital",
    "international-talent",
    "north-sea-port-district",
    "sdgs",
    "partner-cities",
}


def reference_rows(app):
    with app.app_context():
        themes = list(db.session.scalars(sa.select(Theme).order_by(Theme.position)))
        networks = list(db.session.scalars(sa.select(Network).options(selectinload(Network.themes))))
        return (
            [(t.slug, dict(t.name), dict(t.description or {})) for t in themes],
            [(n.slug, dict(n.description), sorted(t.slug for t in n.themes)) for n in networks],
        )


def test_seed_reference_data_loads_the_nine_themes_and_the_networks_in_three_languages(app, runner):
    result = runner.invoke(args=["seed-reference-data"])
    assert result.exit_code == 0, result.output
    assert f"Themes: 9 created; networks: {len(NETWORKS)} created" in result.output
    themes, networks = reference_rows(app)
    assert {slug for slug, _name, _description in themes} == GHENT_THEMES
    for slug, name, description in themes:
        assert set(name) == set(description) == {"nl", "en", "fr"}, slug
    assert len(networks) == len(NETWORKS) > 30
    assert all(set(description) == {"nl", "en", "fr"} for _slug, description, _related in networks)
    assert dict((slug, related) for slug, _d, related in networks)["eurocities"] == [
        "climate-green-deal",
        "future-of-europe",
    ]


def test_seed_reference_data_twice_changes_nothing(app, runner):
    runner.invoke(args=["seed-reference-data"])
    first = reference_rows(app)
    again = runner.invoke(args=["seed-reference-data"])
    assert again.exit_code == 0
    assert "Themes: 0 created; networks: 0 created; 0 existing updated" in again.output
    assert reference_rows(app) == first


def test_seed_reference_data_completes_rows_without_overwriting_them(app, runner):
    with app.app_context():
        db.session.add(Theme(slug="partner-cities", name={"nl": "Onze zustersteden"}, position=0))
        db.session.commit()
    result = runner.invoke(args=["seed-reference-data"])
    assert "Themes: 8 created" in result.output and "1 existing updated" in result.output
    themes, _networks = reference_rows(app)
    name = next(name for slug, name, _d in themes if slug == "partner-cities")
    assert name == {
        "nl": "Onze zustersteden",
        "en": "Partner and sister cities",
        "fr": "Villes partenaires et jumelées",
    }


def test_a_production_site_can_load_reference_data_but_not_demo_content(app, database_url):
    production = make_app(database_url, TESTING=False, APP_ENV="production", ALLOW_PER_PROCESS_RATE_LIMITS=True)
    try:
        runner = production.test_cli_runner()
        refused = runner.invoke(args=["seed-demo"])
        assert refused.exit_code != 0 and "development" in refused.output
        loaded = runner.invoke(args=["seed-reference-data"])
        assert loaded.exit_code == 0, loaded.output
        with production.app_context():
            assert db.session.scalar(sa.select(sa.func.count()).select_from(Theme)) == len(THEMES)
            assert db.session.scalar(sa.select(sa.func.count()).select_from(Consultation)) == 0
    finally:
        with production.app_context():
            db.session.remove()
            db.engine.dispose()


def test_networks_page_and_theme_filter_work_from_reference_data_alone(app, client, runner):
    runner.invoke(args=["seed-reference-data"])
    networks = text(client.get("/fr/networks/"))
    assert "Eurocities" in networks and 'id="eurocities"' in networks
    assert "Le plus grand réseau de villes européennes" in networks
    assert "L&#39;avenir de l&#39;Europe" in networks  # a related theme, in French
    catalogue = text(client.get("/en/consultations/"))
    assert "Partner and sister cities" in catalogue and "European Youth Capital" in catalogue


# ------------------------------------------------------------------------------- demo coverage

ISSUE_TOPICS = {
    # topic of the issue -> (theme slug, a word the Dutch text must hold)
    "European Youth Capital (top priority)": ("youth-capital", "Jongerenhoofdstad"),
    "European Capital of Culture 2030 (top priority)": ("culture-capital-2030", "Culturele Hoofdstad"),
    "technology capital (top priority)": ("technology-capital", "technologiehoofdstad"),
    "climate neutral (top priority) and the European Green Deal": ("climate-green-deal", "Green Deal"),
    "the EU climate plan": ("climate-green-deal", "klimaatplan"),
    "the Conference on the Future of Europe": ("future-of-europe", "Conferentie over de toekomst van Europa"),
    "international talent and an international school": ("international-talent", "internationale school"),
    "the North Sea Port District": ("north-sea-port-district", "North Sea Port"),
    "the sister-city partnerships around Kanazawa": ("partner-cities", "Kanazawa"),
}


def test_seed_demo_covers_every_state_every_topic_and_three_languages(app):
    from participation.demo.seed import seed_demo

    with app.app_context():
        seed_demo()
        consultations = list(db.session.scalars(sa.select(Consultation).options(selectinload(Consultation.themes))))
        public = [c for c in consultations if c.state != ConsultationState.DRAFT]
        assert len(public) >= 8
        assert {c.status() for c in consultations} == set(PublicStatus)
        for topic, (theme, words) in ISSUE_TOPICS.items():
            assert any(
                theme in {t.slug for t in c.themes}
                and words.lower() in (c.title["nl"] + c.summary["nl"] + c.body["nl"]).lower()
                for c in public
            ), topic
        for c in public:
            for field in ("title", "summary"):
                assert set(getattr(c, field)) == {"nl", "en", "fr"}, (c.slug, field)
            assert {"nl", "en"} <= set(c.body), c.slug
        # One consultation lacks French on purpose, to show the Dutch fallback.
        assert any("fr" not in c.body for c in public)
        assert all(
            set(c.results) >= {"nl", "en", "fr"} and set(c.feedback) >= {"nl", "en", "fr"}
            for c in public
            if c.state == ConsultationState.RESULTS_PUBLISHED
        )
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Theme)) == 9
