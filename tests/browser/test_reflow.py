"""The reflow measurement itself (tests/browser/reflow.py) finds what it must: the axe walk
(tests/browser/test_axe_every_page.py) applies it to every page state in every language."""

from __future__ import annotations

import pytest

from tests.browser.reflow import reflow_problems

pytestmark = pytest.mark.browser


def test_overflow_check_finds_a_wide_element(page):
    """The check itself: a page with a wide box fails, the same box in a scroll region passes."""
    wide = '<div style="width: 600px" class="too-wide">wide</div>'
    page.set_viewport_size({"width": 320, "height": 640})
    page.set_content(f"<!DOCTYPE html><html><body>{wide}</body></html>")
    problems = reflow_problems(page)["320 px"]
    assert any("the page scrolls sideways" in p for p in problems)
    assert any("div.too-wide" in p for p in problems)

    page.set_content(
        '<!DOCTYPE html><html><body><h1 style="font-size: 40px">Toegankelijkheidsverklaring</h1></body></html>'
    )
    problems = reflow_problems(page)["320 px"]
    assert any("h1" in p and "Toegankelijkheidsverklaring" in p for p in problems)

    page.set_content(
        f'<!DOCTYPE html><html><body><h2 id="t">Table</h2><div style="overflow-x: auto">{wide}</div></body></html>'
    )
    problems = reflow_problems(page)["320 px"]
    assert any("without being a named, focusable region" in p for p in problems)

    page.set_content(
        '<!DOCTYPE html><html><body><h2 id="t">Table</h2><div style="overflow-x: auto" role="region"'
        f' tabindex="0" aria-labelledby="t">{wide}</div></body></html>'
    )
    assert reflow_problems(page) == {}
