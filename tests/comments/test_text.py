"""The link maker of comment bodies: plain text escaped, web addresses (and only those) linked."""

from __future__ import annotations

import re

import pytest

from participation.comments.text import render_comment_body

REL = 'rel="nofollow ugc noopener"'


def _links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]*)" rel="nofollow ugc noopener">([^<]*)</a>', str(html))


def test_every_link_carries_rel_nofollow_ugc_noopener():
    html = str(render_comment_body("Zie https://stad.gent en http://example.org/a en www.gent.be"))
    assert html.count("<a ") == 3 and html.count(REL) == 3


@pytest.mark.parametrize(
    "text, href, shown",
    [
        ("https://stad.gent/nl/mobiliteit", "https://stad.gent/nl/mobiliteit", "https://stad.gent/nl/mobiliteit"),
        ("http://example.org/?a=1&b=2", "http://example.org/?a=1&amp;b=2", "http://example.org/?a=1&amp;b=2"),
        ("www.gent.be/plan", "https://www.gent.be/plan", "www.gent.be/plan"),
        ("HTTPS://STAD.GENT/X", "HTTPS://STAD.GENT/X", "HTTPS://STAD.GENT/X"),
    ],
)
def test_http_https_and_www_addresses_become_links(text, href, shown):
    assert _links(render_comment_body(text)) == [(href, shown)]


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "ftp://files.example.org/x",
        "mailto:iemand@example.org",
        "vbscript:msgbox(1)",
        "http://",
        "www.",
        "file:///etc/passwd",
    ],
)
def test_other_schemes_and_empty_addresses_stay_text(text):
    html = str(render_comment_body(text))
    assert "<a " not in html


def test_javascript_never_ends_up_in_an_href():
    text = "javascript:alert(1)//https://stad.gent en javascript://www.evil.example%0aalert(1)"
    html = str(render_comment_body(text))
    hrefs = [href for href, _shown in _links(html)]
    assert hrefs and all(href.lower().startswith(("http://", "https://")) for href in hrefs)
    assert 'href="javascript' not in html.lower()


@pytest.mark.parametrize(
    "text, link, after",
    [
        ("Zie https://stad.gent.", "https://stad.gent", "."),
        ("Kijk op www.gent.be, dan", "www.gent.be", ", dan"),
        ("Echt https://stad.gent/x!", "https://stad.gent/x", "!"),
        ("Waarom https://stad.gent/x?", "https://stad.gent/x", "?"),
        ("(zie https://stad.gent/plan)", "https://stad.gent/plan", ")"),
        ("Lees https://stad.gent/plan;", "https://stad.gent/plan", ";"),
        ("Citaat 'https://stad.gent/x'", "https://stad.gent/x", "'"),
    ],
)
def test_trailing_punctuation_stays_outside_the_link(text, link, after):
    html = str(render_comment_body(text))
    assert _links(html)[0][1] == link
    assert html.split("</a>", 1)[1].startswith(after.replace("'", "&#39;"))


def test_balanced_brackets_stay_inside_the_link():
    html = render_comment_body("https://nl.wikipedia.org/wiki/Gent_(stad)")
    assert _links(html) == [("https://nl.wikipedia.org/wiki/Gent_(stad)", "https://nl.wikipedia.org/wiki/Gent_(stad)")]


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">klik</a>',
        '" onmouseover="alert(1)',
    ],
)
def test_markup_is_escaped_and_cannot_break_out_of_a_link(payload):
    html = str(render_comment_body(f"https://stad.gent/{payload} {payload}"))
    assert "<script" not in html and "<img" not in html and 'onmouseover="' not in html
    assert 'href="javascript' not in html
    for href, _shown in _links(html):
        assert '"' not in href and "<" not in href


def test_paragraphs_and_line_breaks():
    html = str(render_comment_body("Eerste regel\nTweede regel\n\nNieuwe alinea"))
    assert html == "<p>Eerste regel<br>Tweede regel</p><p>Nieuwe alinea</p>"
