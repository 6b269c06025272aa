"""What search engines and link previews read: each page's description in its own language, its
canonical address, its versions in the other languages, and Open Graph tags on consultations and
events, all on PUBLIC_URL whatever host the request named."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.consultations.factories import make_consultation
from tests.events.factories import make_event

PUBLIC = "http://participatie.test"  # TEST_CONFIG's PUBLIC_URL; the test client asks for localhost
LANGS = ("nl", "en", "fr")
SITE_DESCRIPTION = {
    "nl": "Lees de internationale plannen van Stad Gent, kom naar inspraakmomenten, reageer en stem.",
    "en": "Read the international plans of the City of Ghent, come to participation events, comment and vote.",
    "fr": "Découvrez les projets internationaux de la Ville de Gand, participez aux événements, commentez et votez.",
}
SUMMARY = {
    "nl": "Gent kiest nieuwe **fietsroutes** naar de Haven.",
    "en": "Ghent chooses new **cycle routes** to the port.",
    "fr": "Gand choisit de nouvelles **pistes cyclables** vers le port.",
}
TITLE = {"nl": "Fietsroutes naar de Haven", "en": "Cycle routes to the port", "fr": "Pistes cyclables vers le port"}
PLAIN_SUMMARY = {lang: text.replace("**", "") for lang, text in SUMMARY.items()}
OG_LOCALE = {"nl": "nl_BE", "en": "en_GB", "fr": "fr_BE"}


class Head(HTMLParser):
    """The <meta> and <link> tags of a page's head."""

    def __init__(self, html: str):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta.setdefault(attrs.get("name") or attrs["property"], []).append(attrs.get("content", ""))
        elif tag == "link":
            self.links.append(attrs)

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def canonical(self) -> str | None:
        found = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        assert len(found) <= 1, found
        return found[0] if found else None

    def alternates(self) -> dict[str, str]:
        pairs = [(link["hreflang"], link["href"]) for link in self.links if link.get("rel") == "alternate"]
        assert len(pairs) == len(dict(pairs)), f"a language named twice: {pairs}"
        return dict(pairs)


def head_of(client, path: str) -> Head:
    response = client.get(path)
    assert response.status_code == 200, path
    return Head(response.get_data(as_text=True))


@pytest.fixture
def pages(app):
    consultation = make_consultation(app, slug="fietsroutes", title=TITLE, summary=SUMMARY)
    # The event's description exists in Dutch and English only: French readers get the site's.
    event = make_event(
        app,
        consultation=consultation,
        description={"nl": "We praten over het **klimaatplan**.", "en": "We talk about the *climate plan*."},
    )
    return {
        "home": "/{lang}/",
        "consultation": "/{lang}/consultations/fietsroutes",
        "event": f"/{{lang}}/events/{event.id}",
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["home", "consultation", "event"])
def test_each_language_names_itself_canonical_and_every_language_as_alternate(client, pages, page, lang):
    head = head_of(client, pages[page].format(lang=lang))

    assert head.canonical() == PUBLIC + pages[page].format(lang=lang)
    assert head.alternates() == {
        **{code: PUBLIC + pages[page].format(lang=code) for code in LANGS},
        "x-default": PUBLIC + pages[page].format(lang="nl"),
    }


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_describes_the_site_in_its_language(client, pages, lang):
    assert head_of(client, f"/{lang}/").one("description") == SITE_DESCRIPTION[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_a_consultation_is_described_by_its_summary_in_the_page_language_without_markup(client, pages, lang):
    head = head_of(client, pages["consultation"].format(lang=lang))

    assert head.one("description") == PLAIN_SUMMARY[lang]


def test_an_event_without_a_translation_gets_the_site_description_not_the_dutch_text(client, pages):
    assert head_of(client, pages["event"].format(lang="en")).one("description") == "We talk about the climate plan."
    assert head_of(client, pages["event"].format(lang="fr")).one("description") == SITE_DESCRIPTION["fr"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_shared_consultation_link_previews_with_its_title_and_summary(client, pages, lang):
    head = head_of(client, pages["consultation"].format(lang=lang))

    assert head.one("og:title") == TITLE[lang]
    assert head.one("og:description") == PLAIN_SUMMARY[lang]
    assert head.one("og:url") == PUBLIC + pages["consultation"].format(lang=lang)
    assert head.one("og:type") == "website"
    assert head.one("og:locale") == OG_LOCALE[lang]
    assert sorted(head.meta["og:locale:alternate"]) == sorted(v for k, v in OG_LOCALE.items() if k != lang)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_shared_event_link_previews_with_its_title_and_description(client, pages, lang):
    head = head_of(client, pages["event"].format(lang=lang))

    assert head.one("og:title") == {"en": "Citizens' panel on climate", "fr": "Panel citoyen climat"}[lang]
    assert head.one("og:description") == head.one("description")
    assert head.one("og:url") == PUBLIC + pages["event"].format(lang=lang)
    assert head.one("og:locale") == OG_LOCALE[lang]


def test_the_home_page_has_no_open_graph_tags_of_a_consultation(client, pages):
    assert not [key for key in head_of(client, "/nl/").meta if key.startswith("og:")]


def test_a_long_summary_is_cut_at_a_word_for_the_description(app, client):
    words = "Gent werkt samen met steden in heel Europa aan klimaat, cultuur en talent. " * 5
    make_consultation(app, slug="lang", summary={"nl": words, "en": words, "fr": words})

    description = head_of(client, "/nl/consultations/lang").one("description")

    assert len(description) <= 160 and description.endswith("…")
    assert words.startswith(description[:-1]) and words[len(description) - 1] == " "


def test_links_stay_on_public_url_whatever_host_the_request_names(app, client, pages):
    app.config["TRUSTED_HOSTS"] = None  # accept any host, as a misconfigured proxy might pass on
    html = client.get("/en/consultations/fietsroutes", headers={"Host": "evil.example"}).get_data(as_text=True)

    assert "evil.example" not in html
    assert Head(html).canonical() == PUBLIC + "/en/consultations/fietsroutes"


def test_a_missing_page_names_no_canonical_address(client):
    response = client.get("/nl/consultations/bestaat-niet")

    assert response.status_code == 404
    head = Head(response.get_data(as_text=True))
    assert head.canonical() is None and not head.alternates()
    assert head.one("description") == SITE_DESCRIPTION["nl"]
