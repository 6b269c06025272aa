"""Dates, numbers and punctuation the way each language writes them; consultation choices by title in
the page's language; machine-readable moments that HTML accepts."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from participation.core.i18n import colon, format_decimal, format_percent
from participation.core.permissions import Role
from participation.core.templating import local_date, local_datetime
from tests.comments.factories import make_comment
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, text
from tests.votes.factories import bulk_ballots, make_question

NBSP, NNBSP = "\u00a0", "\u202f"
# 6 December 2026, 19:05 in Brussels (winter time).
MOMENT = datetime(2026, 12, 6, 18, 5, 30, 123456, tzinfo=UTC)


def in_lang(app, lang, function, *args):
    with app.test_request_context(f"/{lang}/"):
        app.preprocess_request()
        return function(*args)


@pytest.mark.parametrize(
    "lang, short, long, day_time",
    [
        ("en", "6 Dec 2026, 19:05", "6 December 2026", "Sunday, 6 December 2026 19:05"),
        ("nl", "6 dec 2026, 19:05", "6 december 2026", "zondag 6 december 2026 19:05"),
        ("fr", "6 déc. 2026, 19:05", "6 décembre 2026", "dimanche 6 décembre 2026 19:05"),
    ],
)
def test_dates_never_read_as_all_digits_and_english_is_european(app, lang, short, long, day_time):
    assert in_lang(app, lang, local_datetime, MOMENT, "short") == short
    assert in_lang(app, lang, local_datetime, MOMENT, "medium") == short
    assert in_lang(app, lang, local_date, MOMENT, "short") == short.split(",")[0]
    assert in_lang(app, lang, local_date, MOMENT) == long
    assert in_lang(app, lang, local_datetime, MOMENT, "day_time") == day_time
    assert in_lang(app, lang, local_datetime, MOMENT, "time") == "19:05"


def test_english_never_shows_month_first_or_am_pm(app):
    for width in ("short", "medium", "long", "full"):
        shown = in_lang(app, "en", local_datetime, MOMENT, width)
        assert "12/6" not in shown and "Dec 6" not in shown and "December 6" not in shown, shown
        assert "PM" not in shown and "AM" not in shown, shown


@pytest.mark.parametrize(
    "lang, third, half, whole, big",
    [
        ("nl", f"33,3{NBSP}%", f"50,0{NBSP}%", f"100{NBSP}%", "1.234,5"),
        ("fr", f"33,3{NBSP}%", f"50,0{NBSP}%", f"100{NBSP}%", f"1{NNBSP}234,5"),
        ("en", "33.3%", "50.0%", "100%", "1,234.5"),
    ],
)
def test_numbers_and_percentages_follow_the_language(app, lang, third, half, whole, big):
    assert in_lang(app, lang, format_percent, 100 / 3) == third
    assert in_lang(app, lang, format_percent, 50.0) == half
    assert in_lang(app, lang, format_percent, 100, 0) == whole
    assert in_lang(app, lang, format_decimal, 1234.5) == big


@pytest.mark.parametrize("lang, expected", [("nl", ":"), ("en", ":"), ("fr", f"{NNBSP}:")])
def test_french_puts_a_space_before_a_colon(app, lang, expected):
    assert in_lang(app, lang, colon) == expected


def normalised(body: str) -> str:
    return body.replace(NBSP, " ").replace(NNBSP, " ")


def test_results_show_percentages_the_languages_way(app, client):
    c = make_consultation(app, status="closed")
    q = make_question(app, c)
    bulk_ballots(app, q, 3)  # one vote for each of three options
    for lang, third in (("nl", "33,3 %"), ("fr", "33,3 %"), ("en", "33.3%")):
        body = normalised(text(client.get(f"/{lang}/consultations/{c.slug}/results")))
        assert f"<td>{third}<svg" in body, lang  # the figure, then its bar
    assert "33.3 %" not in normalised(text(client.get(f"/en/consultations/{c.slug}/results")))


def test_counts_in_sentences_are_grouped_the_languages_way(app, client):
    """ngettext in templates chooses the plural by the number and writes it like the number filter."""
    c = make_consultation(app, status="closed")
    q = make_question(app, c)
    bulk_ballots(app, q, 1_250)
    for lang, sentence in (
        ("nl", "1.250 mensen stemden op deze vraag."),
        ("en", "1,250 people voted on this question."),
        ("fr", "1 250 personnes ont voté sur cette question."),
    ):
        body = normalised(text(client.get(f"/{lang}/consultations/{c.slug}/results")))
        assert sentence in body, lang
        assert "1250" not in body, lang


def test_a_count_of_one_still_takes_the_singular(app):
    from flask import render_template_string

    template = "{{ ngettext('%(num)d endorsement', '%(num)d endorsements', n) }}"
    shown = [in_lang(app, "nl", lambda n: render_template_string(template, n=n), n) for n in (1, 2, 12_345)]
    assert shown == ["1 steunbetuiging", "2 steunbetuigingen", "12.345 steunbetuigingen"]
    # An identifier is not a quantity: no grouping.
    comment = in_lang(app, "nl", lambda: render_template_string("{{ _('Comment %(id)d', id=12345) }}"))
    assert comment.endswith(" 12345")


def test_counts_in_messages_made_in_python_are_grouped_too(app):
    from participation.core.i18n import _, ngettext

    def moved(n):
        return ngettext(
            "%(num)d person moved from the waiting list to a place and was told by e-mail.",
            "%(num)d people moved from the waiting list to a place and were told by e-mail.",
            n,
        )

    assert in_lang(app, "en", moved, 1) == "1 person moved from the waiting list to a place and was told by e-mail."
    assert in_lang(app, "en", moved, 1_250).startswith("1,250 people moved")
    assert normalised(in_lang(app, "fr", moved, 1_250)).startswith("1 250 ")
    assert in_lang(app, "nl", lambda: _("The %(num)d next and latest are listed here.", num=1_250)).count("1.250") == 1


def test_comment_counts_have_french_punctuation(app, client):
    c = make_consultation(app)
    author = make_user(app)
    for alignment in ("for", "for", "against"):
        make_comment(app, c, author, alignment=alignment)
    french = normalised(text(client.get(f"/fr/consultations/{c.slug}")))
    assert "<li>Pour : 2</li>" in french
    english = text(client.get(f"/en/consultations/{c.slug}"))
    assert "<li>For: 2</li>" in english and "<li>Against: 1</li>" in english


def test_time_elements_carry_a_moment_html_accepts(app, client):
    c = make_consultation(app)
    make_comment(app, c, make_user(app))
    body = text(client.get(f"/en/consultations/{c.slug}"))
    values = re.findall(r'<time datetime="([^"]+)"', body)
    assert len(values) >= 3  # opens, closes and the comment
    for value in values:
        # A global date and time to the second with the Brussels offset: no six-digit fractions.
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value), value


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_organisers_choose_consultations_by_their_title_in_the_forms_language(app, lang):
    organiser = make_user(app, role=Role.ORGANISER)
    make_consultation(
        app, organisers=[organiser], title={"nl": "Klimaatplan", "en": "Climate plan", "fr": "Plan climat"}
    )
    make_consultation(app, organisers=[organiser], title={"nl": "Havenvisie"})
    client = FormClient(app.test_client())
    client.login(organiser.email, PASSWORD)
    form = text(client.get(f"/{lang}/organise/events/new"))
    select = form.split('name="consultation_id"', 1)[1].split("</select>", 1)[0]
    options = re.findall(r"<option[^>]*>([^<]*)</option>", select)
    expected = {"nl": "Klimaatplan", "en": "Climate plan", "fr": "Plan climat"}[lang]
    assert expected in options
    others = {"nl": "Klimaatplan", "en": "Climate plan", "fr": "Plan climat"}
    assert not [t for code, t in others.items() if code != lang and t in options]
    # A title written only in Dutch says so, in the form's language.
    harbour = [o for o in options if o.startswith("Havenvisie")]
    if lang == "nl":
        assert harbour == ["Havenvisie"]
    else:
        assert harbour == [
            f"Havenvisie {'(only available in Dutch)' if lang == 'en' else '(disponible uniquement en néerlandais)'}"
        ]
