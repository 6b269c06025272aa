"""The public catalogue, the consultation page, the networks page and the Atom feed."""

from __future__ import annotations

import itertools
import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa

from participation.consultations.models import Network
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db
from tests.consultations.factories import make_consultation, make_theme
from tests.factories import PASSWORD, make_user
from tests.support import count_queries, text


def test_catalogue_lists_published_consultations_open_first_and_hides_drafts(app, client):
    make_consultation(app, status="closed", title={"nl": "Gesloten bevraging"})
    make_consultation(app, status="open", title={"nl": "Open bevraging"})
    make_consultation(app, status="draft", title={"nl": "Geheim ontwerp"})
    body = text(client.get("/nl/consultations/"))
    assert "Open bevraging" in body and "Gesloten bevraging" in body
    assert body.index("Open bevraging") < body.index("Gesloten bevraging")
    assert "Geheim ontwerp" not in body


def test_catalogue_filters_by_theme_and_status_and_keeps_filters_in_links(app, client):
    climate = make_theme(app, "climate-green-deal")
    make_theme(app, "future-of-europe")
    make_consultation(app, status="open", title={"nl": "Klimaatplan"}, themes=[climate])
    make_consultation(app, status="open", title={"nl": "Europa morgen"})
    body = text(client.get("/nl/consultations/?theme=climate-green-deal"))
    assert "Klimaatplan" in body and "Europa morgen" not in body
    closed = text(client.get("/nl/consultations/?status=closed"))
    assert "Klimaatplan" not in closed and "0 bevragingen gevonden" in closed


def test_search_works_in_the_page_language_and_in_dutch(app, client):
    make_consultation(
        app,
        status="open",
        title={"nl": "Internationale school", "en": "International school"},
        body={"nl": "Een school voor kinderen van expats.", "en": "A school for children of expats."},
    )
    make_consultation(app, status="open", title={"nl": "Havenregio", "en": "Port region"})
    assert "Internationale school" in text(client.get("/nl/consultations/?q=school"))
    english = text(client.get("/en/consultations/?q=expats"))
    assert "International school" in english and "Port region" not in english


def test_bad_filter_values_are_refused_not_crashed(app, client):
    for query in ("status=nonsense", "theme=%3Cscript%3E", "q=" + "x" * 500):
        response = client.get(f"/nl/consultations/?{query}")
        assert response.status_code == 400
        assert "<script>" not in text(response)
    assert client.get("/nl/consultations/?page=-1").status_code == 400  # not a page number


def test_catalogue_is_paginated_with_filters_kept(app, client):
    for n in range(15):
        make_consultation(app, status="open", title={"nl": f"Bevraging nummer {n}"})
    first = text(client.get("/nl/consultations/?status=open"))
    assert "page=2" in first and "status=open" in first.split("page=2")[0][-200:] + first.split("page=2")[1][:200]
    second = text(client.get("/nl/consultations/?status=open&page=2"))
    assert second.count("teaser-title") == 3


def test_detail_shows_text_timeline_and_status_in_brussels_time(app, client):
    now = utcnow()
    consultation = make_consultation(
        app,
        status="open",
        slug="groene-deal",
        title={"nl": "De Green Deal in Gent", "en": "The Green Deal in Ghent"},
        body={"nl": "## Waarom\n\nOmdat het **dringend** is.", "en": "## Why\n\nBecause it is **urgent**."},
        phases=[
            (
                {"nl": "Infoavond", "en": "Information evening", "fr": "Soirée d'information"},
                now - timedelta(days=10),
                now - timedelta(days=9),
            ),
            (
                {"nl": "Online bevraging", "en": "Online consultation", "fr": "Consultation en ligne"},
                now - timedelta(days=1),
                now + timedelta(days=5),
            ),
        ],
    )
    body = text(client.get(f"/nl/consultations/{consultation.slug}"))
    assert "<h1>De Green Deal in Gent</h1>" in body
    assert "<strong>dringend</strong>" in body
    assert "Online bevraging" in body and "(huidige fase)" in body
    assert "open tot" in body


def test_missing_french_falls_back_to_dutch_and_says_so(app, client):
    consultation = make_consultation(
        app,
        status="open",
        title={"nl": "Technologiehoofdstad", "en": "Tech capital"},
        body={"nl": "Nederlandse tekst.", "en": "English text."},
    )
    body = text(client.get(f"/fr/consultations/{consultation.slug}"))
    assert '<span lang="nl">Technologiehoofdstad</span>' in body
    assert 'lang="nl"' in body and "Nederlandse tekst." in body
    assert "(disponible uniquement en néerlandais)" in body
    english = text(client.get(f"/en/consultations/{consultation.slug}"))
    assert "English text." in english and "only available in Dutch" not in english


def test_organiser_markdown_cannot_inject_script(app, client):
    consultation = make_consultation(
        app, status="open", body={"nl": "<script>alert(1)</script> [x](javascript:alert(1))"}
    )
    body = text(client.get(f"/nl/consultations/{consultation.slug}"))
    assert "<script>alert(1)" not in body and "&lt;script&gt;" in body
    assert 'href="javascript' not in body
    assert 'href="javascript' not in body


@pytest.mark.parametrize("role", ["anonymous", "resident", "moderator", "other_organiser"])
def test_drafts_are_not_found_for_people_who_do_not_run_them(app, client, role):
    organiser = make_user(app, role=Role.ORGANISER)
    draft = make_consultation(app, status="draft", organisers=[organiser])
    if role != "anonymous":
        user = make_user(
            app, role={"resident": Role.RESIDENT, "moderator": Role.MODERATOR, "other_organiser": Role.ORGANISER}[role]
        )
        client.login(user.email, PASSWORD)
    assert client.get(f"/nl/consultations/{draft.slug}").status_code == 404
    assert draft.slug not in text(client.get("/nl/consultations/?q=Bevraging"))
    assert draft.slug not in text(client.get("/nl/consultations/feed.atom"))


@pytest.mark.parametrize("role", ["organiser", "admin"])
def test_drafts_are_visible_to_their_organisers_and_admins(app, client, role):
    organiser = make_user(app, role=Role.ORGANISER)
    draft = make_consultation(app, status="draft", organisers=[organiser])
    viewer = organiser if role == "organiser" else make_user(app, role=Role.ADMIN)
    client.login(viewer.email, PASSWORD)
    response = client.get(f"/nl/consultations/{draft.slug}")
    assert response.status_code == 200 and "ontwerp" in text(response)


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Page not found"), ("nl", "Pagina niet gevonden"), ("fr", "Page introuvable")]
)
def test_unknown_slug_gives_a_translated_404(app, client, lang, title):
    response = client.get(f"/{lang}/consultations/no-such-thing")
    assert response.status_code == 404
    body = text(response)
    assert f"<h1>{title}</h1>" in body and f'<html lang="{lang}"' in body


def test_results_and_feedback_show_once_published(app, client):
    consultation = make_consultation(
        app,
        status="results",
        results={"nl": "Jullie vroegen meer fietspaden."},
        feedback={"nl": "De stad legt er drie aan."},
    )
    body = text(client.get(f"/nl/consultations/{consultation.slug}"))
    assert "Jullie vroegen meer fietspaden." in body and "De stad legt er drie aan." in body
    assert "Wat de stad met je inbreng deed" in body


def test_home_shows_what_is_open_now(app, client):
    make_consultation(app, status="open", title={"nl": "Klimaatplan in de steigers"})
    make_consultation(app, status="closed", title={"nl": "Al dicht"})
    body = text(client.get("/nl/"))
    assert "Klimaatplan in de steigers" in body and "Al dicht" not in body
    assert "Er is op dit moment geen bevraging open." not in body


def test_atom_feed_is_valid_and_in_the_page_language(app, client):
    make_consultation(app, status="open", title={"nl": "Groene deal", "en": "Green deal"}, slug="groene-deal")
    response = client.get("/en/consultations/feed.atom")
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.get_data())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    [entry] = root.findall("a:entry", ns)
    assert entry.find("a:title", ns).text == "Green deal"
    assert entry.find("a:link", ns).get("href").endswith("/en/consultations/groene-deal")


def test_networks_page_lists_networks_with_their_themes(app, client):
    theme = make_theme(app, "future-of-europe", {"nl": "Toekomst van Europa", "en": "Future of Europe"})
    with app.app_context():
        from participation.consultations.models import Theme

        db.session.add(
            Network(
                slug="eurocities",
                name="Eurocities",
                description={"nl": "Grote steden.", "en": "Big cities."},
                themes=[db.session.get(Theme, theme.id)],
            )
        )
        db.session.commit()
    body = text(client.get("/en/networks/"))
    assert 'id="eurocities"' in body and "Big cities." in body and "Future of Europe" in body


def count_page_queries(app, client, url):
    client.get(url)  # warm up
    with count_queries(app) as statements:
        assert client.get(url).status_code == 200
    return len(statements)


def add_networks(app, consultation_id, count, start=0):
    with app.app_context():
        from participation.consultations.models import Consultation, Theme

        consultation = db.session.get(Consultation, consultation_id)
        themes = list(db.session.scalars(sa.select(Theme)))
        for n in range(start, start + count):
            consultation.networks.append(
                Network(slug=f"net-{n}", name=f"Netwerk {n}", description={"nl": "N"}, position=n, themes=themes)
            )
        db.session.commit()


def add_phases(app, consultation_id, count):
    now = utcnow()
    with app.app_context():
        from participation.consultations.models import Consultation, ConsultationPhase

        consultation = db.session.get(Consultation, consultation_id)
        for n in range(count):
            consultation.phases.append(
                ConsultationPhase(
                    name={"nl": f"Fase {n}"}, starts_at=now + timedelta(days=n), ends_at=now + timedelta(days=n + 1)
                )
            )
        db.session.commit()


def test_catalogue_detail_and_networks_query_counts_do_not_grow_with_data(app, client):
    theme = make_theme(app)
    first = make_consultation(app, status="open", themes=[theme], slug="first")
    add_networks(app, first.id, 1)
    add_phases(app, first.id, 1)
    pages = [
        "/nl/consultations/",
        "/nl/consultations/first",
        "/fr/networks/",
        "/nl/consultations/feed.atom",
        "/nl/consultations/?q=bevraging&theme=climate-green-deal",
        "/nl/",
    ]
    small = [count_page_queries(app, client, url) for url in pages]
    for _ in range(25):
        make_consultation(app, status="open", themes=[make_theme(app, f"theme-{next(_theme_serial)}"), theme])
    add_networks(app, first.id, 10, start=1)
    add_phases(app, first.id, 10)
    large = [count_page_queries(app, client, url) for url in pages]
    assert small == large


_theme_serial = itertools.count(1)


def test_missing_translations_are_marked_on_cards_phases_and_tags(app, client):
    now = utcnow()
    theme = make_theme(app, "technology-capital", {"nl": "Technologiehoofdstad"})
    make_consultation(
        app,
        status="open",
        slug="alleen-nederlands",
        themes=[theme],
        title={"nl": "Digitale stad", "en": "Digital city"},
        summary={"nl": "Alleen in het Nederlands."},
        phases=[({"nl": "Infoavond", "en": "Information evening"}, now - timedelta(days=1), now + timedelta(days=1))],
    )
    card = text(client.get("/fr/consultations/"))
    note = '<span class="fallback-note">(disponible uniquement en néerlandais)</span>'
    assert f'<a href="/fr/consultations/alleen-nederlands"><span lang="nl">Digitale stad</span></a> {note}' in card
    assert '<span lang="nl">Alleen in het Nederlands.</span>' in card
    assert 'class="tag" lang="nl">Technologiehoofdstad</a>' in card
    detail = text(client.get("/fr/consultations/alleen-nederlands"))
    assert re.search(
        r'<h1><span lang="nl">Digitale stad</span></h1>\s*<p class="fallback-note">'
        r"\(disponible uniquement en néerlandais\)</p>",
        detail,
    )
    assert f'<p class="lead"><span lang="nl">Alleen in het Nederlands.</span> {note}</p>' in detail
    assert f'<span lang="nl">Infoavond</span> {note}' in detail
    english = text(client.get("/en/consultations/"))
    # The title has its English text; only the summary falls back, and says so.
    assert '<a href="/en/consultations/alleen-nederlands">Digital city</a></h3>' in english
    assert '<span lang="nl">Alleen in het Nederlands.</span> <span class="fallback-note">' in english
    assert "Information evening" in text(client.get("/en/consultations/alleen-nederlands"))


def test_plain_language_summary_comes_first(app, client):
    consultation = make_consultation(
        app,
        status="open",
        plain_summary={"nl": "Gent vraagt je mening. Het is kort."},
        summary={"nl": "De uitgebreide samenvatting."},
        body={"nl": "## Achtergrond\n\nDe lange tekst."},
    )
    page = text(client.get(f"/nl/consultations/{consultation.slug}"))
    body = page[page.index("<main") :]  # the head's meta description quotes the summary too
    plain = body.index("Gent vraagt je mening.")
    assert plain < body.index("De uitgebreide samenvatting.") < body.index("De lange tekst.")
    assert body.index('<h2 id="plain-heading">Kort gezegd</h2>') < plain
    assert "Kort gezegd" not in text(client.get(f"/nl/consultations/{make_consultation(app, status='open').slug}"))


def test_consultation_links_to_its_networks_and_the_network_page_has_their_anchor(app, client):
    consultation = make_consultation(app, status="open", slug="met-netwerken")
    add_networks(app, consultation.id, 2)
    body = text(client.get("/en/consultations/met-netwerken"))
    assert "Related international networks" in body
    assert (
        '<a href="/en/networks/#net-0">Netwerk 0</a>' in body and '<a href="/en/networks/#net-1">Netwerk 1</a>' in body
    )
    networks = text(client.get("/en/networks/"))
    assert 'id="net-0"' in networks and 'id="net-1"' in networks
    assert "Related international networks" not in text(
        client.get(f"/en/consultations/{make_consultation(app, status='open').slug}")
    )


def test_detail_shows_opening_and_closing_moments_in_brussels_time(app, client):
    from datetime import UTC, datetime

    consultation = make_consultation(app, status="upcoming", slug="met-data")
    with app.app_context():
        from participation.consultations.models import Consultation

        row = db.session.get(Consultation, consultation.id)
        row.opens_at = datetime(2031, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 in Brussels (winter time)
        row.closes_at = datetime(2031, 7, 1, 15, 30, tzinfo=UTC)  # 17:30 in Brussels (summer time)
        db.session.commit()
    body = text(client.get("/nl/consultations/met-data"))
    assert "<dt>Opent</dt>" in body and "zondag 2 maart 2031 09:00" in body
    assert "<dt>Sluit</dt>" in body and "dinsdag 1 juli 2031 17:30" in body
    assert "(Brusselse tijd)" in body
    assert "Sunday, 2 March 2031 09:00" in text(client.get("/en/consultations/met-data"))


def test_code_blocks_and_rules_are_shown_as_written(app, client):
    consultation = make_consultation(
        app, status="open", body={"nl": "## Stappen\n\n```\nstap 1\n  stap 2\n```\n\n---\n\n    ingesprongen code"}
    )
    body = text(client.get(f"/nl/consultations/{consultation.slug}"))
    assert "<pre><code>stap 1\n  stap 2\n</code></pre>" in body
    assert "<hr>" in body and "<pre><code>ingesprongen code\n</code></pre>" in body
