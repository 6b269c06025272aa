"""Arabic pages read right to left; Dutch passages in them (fallbacks) keep reading left to right."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DUTCH_TITLE_PAGE = "/ar/consultations/groene-deal-gent"  # no Arabic content in the demo: Dutch fallback


def test_a_dutch_fallback_in_an_arabic_page_keeps_its_own_direction(page):
    page.goto(DUTCH_TITLE_PAGE)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    directions = page.evaluate(
        """() => [...document.querySelectorAll('main [lang]')].map(el => [el.lang, getComputedStyle(el).direction])"""
    )
    assert directions, "the page marks its Dutch passages"
    assert {direction for lang, direction in directions if lang == "nl"} == {"ltr"}
    assert {direction for lang, direction in directions if lang == "ar"} <= {"rtl"}
    # The title's question mark is drawn at the end of the Dutch words (their right), not before them.
    ends_right = page.evaluate(
        """() => {
            const span = document.querySelector('h1 [lang=nl]');
            const text = span.firstChild;
            const range = document.createRange();
            range.setStart(text, text.length - 1);
            range.setEnd(text, text.length);
            const mark = range.getBoundingClientRect();
            const words = span.getBoundingClientRect();
            const last = text.textContent.trim().slice(-1);
            return [last, Math.abs(words.right - mark.right) < 2, mark.left > words.left + 20];
        }"""
    )
    assert ends_right == ["?", True, True]
    # The notice saying it is only in Dutch is itself Arabic and right to left.
    note = page.locator("main .fallback-note").first
    assert note.evaluate("el => getComputedStyle(el).direction") == "rtl"
