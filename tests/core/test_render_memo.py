"""page_cache.RenderMemo: HTML kept under its inputs, with the per-view tokens as holes."""

from __future__ import annotations

from flask import render_template_string
from flask_wtf.csrf import generate_csrf

from participation.core import antispam
from participation.core.page_cache import RenderMemo

TEMPLATE = "{{ csrf_token() }}|{{ spam_token() }}|{{ n }}"


def _view(app, memo, inputs, n, session_secret):
    with app.test_request_context("/nl/"):
        from flask import session

        session["csrf_token"] = session_secret
        app.preprocess_request()
        html = memo.render(inputs, lambda: render_template_string(TEMPLATE, spam_token=antispam.new_form_token, n=n))
        return html, generate_csrf()


def test_kept_html_gets_each_views_own_tokens(app):
    memo = RenderMemo(8)
    first, first_csrf = _view(app, memo, ("same",), 1, "a" * 40)
    second, second_csrf = _view(app, memo, ("same",), 2, "b" * 40)
    assert first.split("|")[2] == second.split("|")[2] == "1"  # the second view took the kept HTML
    assert first.split("|")[0] == first_csrf and second.split("|")[0] == second_csrf != first_csrf
    assert first.split("|")[1] != second.split("|")[1]  # a fresh anti-spam token each time
    with app.app_context():
        assert all(antispam._started_at(html.split("|")[1]) is not None for html in (first, second))  # real tokens
    assert "hole" not in first + second


def test_other_inputs_render_afresh(app):
    memo = RenderMemo(8)
    assert _view(app, memo, ("one",), 1, "a" * 40)[0].endswith("|1")
    assert _view(app, memo, ("two",), 2, "a" * 40)[0].endswith("|2")


def test_the_oldest_entry_goes_when_full(app):
    memo = RenderMemo(2)
    for n in range(3):
        _view(app, memo, (n,), n, "a" * 40)
    assert _view(app, memo, (2,), 99, "a" * 40)[0].endswith("|2")  # still kept
    assert _view(app, memo, (0,), 99, "a" * 40)[0].endswith("|99")  # evicted: rendered again
