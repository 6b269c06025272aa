"""Text written only in Dutch is marked wherever it appears: lang="nl" on the Dutch part and a notice
in the reader's language after it (outside the Dutch part), on pages, in mails, CSV files and feeds."""

from __future__ import annotations

import base64
import csv
import io
import re
from xml.etree import ElementTree

import icalendar
import pytest

from participation.core.permissions import Role
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, outbox, text
from tests.votes.factories import bulk_ballots, make_question

NOTICE = {"en": "(only available in Dutch)", "fr": "(disponible uniquement en néerlandais)"}
DUTCH_ONLY_OPTIONS = [{"nl": "Fietspaden"}, {"nl": "Bomen"}, {"nl": "Pleinen"}]


def marked(dutch: str, lang: str) -> str:
    """The HTML of a Dutch fallback text on a page in `lang`."""
    return f'<span lang="nl">{dutch}</span> <span class="fallback-note">{NOTICE[lang]}</span>'


def _client(app, user) -> FormClient:
    client = FormClient(app.test_client())
    client.login(user.email, PASSWORD)
    return client


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("kind", ["single", "multiple", "ranking"])
def test_a_ballot_written_only_in_dutch_is_marked_on_the_ballot_form(app, lang, kind):
    c = make_consultation(app)
    make_question(app, c, kind, prompt={"nl": "Waar moet de stad in investeren?"}, labels=DUTCH_ONLY_OPTIONS)
    client = _client(app, make_user(app, language=lang))
    body = text(client.get(f"/{lang}/consultations/{c.slug}"))
    # The question (the form's legend) and every option (its label).
    assert marked("Waar moet de stad in investeren?", lang) in body
    for option in ("Fietspaden", "Bomen", "Pleinen"):
        assert re.search(rf'<label for="[^"]+">{re.escape(marked(option, lang))}</label>', body), option
    # The Dutch page has no notice.
    dutch = text(client.get(f"/nl/consultations/{c.slug}"))
    assert "Fietspaden" in dutch and 'lang="nl"' not in dutch.split("<main", 1)[1]


def test_a_ballot_in_the_page_language_is_not_marked(app):
    c = make_consultation(app)
    make_question(app, c)
    body = text(_client(app, make_user(app, language="en")).get(f"/en/consultations/{c.slug}"))
    assert "Question single?" in body and "Climate" in body and NOTICE["en"] not in body


def test_results_mark_dutch_only_questions_and_options(app, client):
    c = make_consultation(app, status="closed")
    q = make_question(app, c, prompt={"nl": "Waar moet de stad in investeren?"}, labels=DUTCH_ONLY_OPTIONS)
    bulk_ballots(app, q, 3)
    body = text(client.get(f"/en/consultations/{c.slug}/results"))
    assert marked("Waar moet de stad in investeren?", "en") in body
    assert f'<th scope="row">{marked("Fietspaden", "en")}</th>' in body


def test_the_results_heading_marks_a_dutch_only_consultation_title(app, client):
    c = make_consultation(app, status="closed", title={"nl": "Klimaatplan"})
    make_question(app, c)
    body = text(client.get(f"/fr/consultations/{c.slug}/results"))
    assert re.search(r"<h1>[^<]*" + re.escape(marked("Klimaatplan", "fr")) + "</h1>", body)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_events_own_question_written_only_in_dutch_is_marked_on_the_registration_form(app, lang):
    event = make_event(app, free_question={"nl": "Wat wil je bespreken?"})
    resident = _client(app, make_user(app, language=lang))
    body = text(resident.get(f"/{lang}/events/{event.id}"))
    assert re.search(rf'<label for="[^"]*free_answer">{re.escape(marked("Wat wil je bespreken?", lang))}</label>', body)
    # The form for visitors without an account too.
    visitor = text(FormClient(app.test_client()).get(f"/{lang}/events/{event.id}"))
    assert marked("Wat wil je bespreken?", lang) in visitor


def test_the_attendee_list_and_its_csv_mark_the_dutch_only_question(app):
    organiser = make_user(app, role=Role.ORGANISER)
    consultation = make_consultation(app, organisers=[organiser])
    event = make_event(app, consultation=consultation, free_question={"nl": "Wat wil je bespreken?"})
    resident = _client(app, make_user(app))
    resident.submit(f"/nl/events/{event.id}", {"free_answer": "Fietsen"}, action=f"/nl/events/{event.id}/register")
    client = _client(app, organiser)
    page = text(client.get(f"/en/organise/events/{event.id}/attendees"))
    assert f'<th scope="col">{marked("Wat wil je bespreken?", "en")}</th>' in page
    download = client.get(f"/en/organise/events/{event.id}/attendees.csv").get_data(as_text=True)
    header = next(csv.reader(io.StringIO(download.lstrip("\ufeff"))))
    assert "Wat wil je bespreken? (only available in Dutch)" in header


def test_the_results_csv_marks_dutch_only_questions_and_options(app, client):
    c = make_consultation(app, status="closed")
    q = make_question(app, c, prompt={"nl": "Waar investeren?"}, labels=DUTCH_ONLY_OPTIONS)
    bulk_ballots(app, q, 3)
    download = client.get(f"/fr/consultations/{c.slug}/results.csv")
    assert download.status_code == 200
    # French files use ";" between columns: the comma is the decimal mark.
    rows = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    assert rows[1][1] == "Waar investeren? (disponible uniquement en néerlandais)"
    assert [row[5] for row in rows[1:]] == ["33,3"] * 3
    assert {row[3] for row in rows[1:]} == {
        f"{o['nl']} (disponible uniquement en néerlandais)" for o in DUTCH_ONLY_OPTIONS
    }


def test_mails_mark_a_dutch_only_event_title_in_the_readers_language(app):
    event = make_event(app, title={"nl": "Burgerpanel"}, description={"nl": "Over het klimaat."})
    user = make_user(app, language="fr")
    client = _client(app, user)
    client.submit(f"/fr/events/{event.id}", {}, action=f"/fr/events/{event.id}/register")
    [mail] = outbox(app, user.email, "event_confirmed")
    assert mail.subject.endswith("Burgerpanel (disponible uniquement en néerlandais)")
    assert "« Burgerpanel (disponible uniquement en néerlandais) »" in mail.body_text or (
        '"Burgerpanel (disponible uniquement en néerlandais)"' in mail.body_text
    )
    assert marked("Burgerpanel", "fr") in mail.body_html
    assert '<html lang="fr" dir="ltr">' in mail.body_html
    # The calendar file says so too, in the reader's language.
    calendar = icalendar.Calendar.from_ical(base64.b64decode(mail.attachments[0]["data"]))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Burgerpanel (disponible uniquement en néerlandais)"


def test_the_feed_marks_a_dutch_only_title_with_a_notice_in_the_feeds_language(app, client):
    make_consultation(app, title={"nl": "Groene deal"}, summary={"nl": "Een samenvatting."}, slug="groene-deal")
    root = ElementTree.fromstring(client.get("/fr/consultations/feed.atom").get_data())  # noqa: S314 (our own feed)
    ns = {"a": "http://www.w3.org/2005/Atom", "x": "http://www.w3.org/1999/xhtml"}
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    [entry] = root.findall("a:entry", ns)
    title = entry.find("a:title", ns)
    assert title.get("type") == "xhtml"
    div = title.find("x:div", ns)
    span = div.find("x:span", ns)
    assert span.text == "Groene deal" and span.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    # The notice is outside the Dutch part, in the feed's language.
    assert span.tail.strip() == NOTICE["fr"]
    assert entry.find("a:summary/x:div/x:span", ns).text == "Een samenvatting."


def test_a_markdown_block_in_dutch_keeps_its_notice_in_the_page_language(app, client):
    c = make_consultation(app, body={"nl": "## Waarover\n\nDe tekst."})
    body = text(client.get(f"/en/consultations/{c.slug}"))
    assert re.search(r'<div class="rich-text[^"]*" lang="nl">\s*<p class="fallback-note" lang="en">', body)


def test_an_error_naming_a_dutch_only_option_keeps_it_marked(app):
    c = make_consultation(app)
    q = make_question(app, c, "ranking", labels=DUTCH_ONLY_OPTIONS)
    first, second, third = (o.id for o in q.options)
    client = _client(app, make_user(app, language="en"))
    response = client.submit(
        f"/en/consultations/{c.slug}",
        {f"rank_{first}": "1", f"rank_{second}": "", f"rank_{third}": "2"},
        action=f"/en/consultations/{c.slug}/questions/{q.id}",
    )
    assert response.status_code == 422
    body = text(response)
    # In the error summary and next to the field.
    assert body.count(f"Give “{marked('Bomen', 'en')}” a rank.") == 2
