"""Organiser Markdown: what the page would not show as written is refused with a reason."""

from __future__ import annotations

import pytest

from participation.core.permissions import Role
from participation.core.security import markdown_problem, render_markdown
from tests.consultations.test_back_office import editor_data
from tests.factories import PASSWORD, make_user
from tests.support import text

REFUSED = [
    ("# A level-1 heading", "Start headings at level 2 (##): the page title is the only level-1 heading."),
    ("Setext title\n============", "Start headings at level 2 (##): the page title is the only level-1 heading."),
    ("##### Five", "Use heading levels 2 to 4 only (## to ####)."),
    ("###### Six", "Use heading levels 2 to 4 only (## to ####)."),
    ("| a | b |\n|---|---|\n| 1 | 2 |", "Tables are not allowed; use a list instead."),
    ("Text with <b>HTML</b>", "Use Markdown only: HTML and images are not allowed."),
    ("<div>block</div>", "Use Markdown only: HTML and images are not allowed."),
    ("![a map](https://example.org/map.png)", "Use Markdown only: HTML and images are not allowed."),
    ("- list\n  - with ![nested](x.png) image", "Use Markdown only: HTML and images are not allowed."),
]
ALLOWED = [
    ("## Two\n\n### Three\n\n#### Four", ["<h2>Two</h2>", "<h3>Three</h3>", "<h4>Four</h4>"]),
    ("```\ncode\n```", ["<pre><code>code\n</code></pre>"]),
    ("    indented code", ["<pre><code>indented code\n</code></pre>"]),
    ("Above\n\n---\n\nBelow", ["<hr>"]),
    ("* * *", ["<hr>"]),
    ("Intro\n---", ["<h2>Intro</h2>"]),  # a setext level-2 heading
    (
        "> quoted **bold** [link](https://stad.gent)",
        ["<blockquote>", "<strong>bold</strong>", 'href="https://stad.gent"'],
    ),
]


@pytest.mark.parametrize(("markdown", "message"), REFUSED)
def test_markdown_the_page_would_mangle_is_refused_with_a_reason(app, markdown, message):
    with app.test_request_context("/en/"):
        assert markdown_problem(markdown) == message


@pytest.mark.parametrize(("markdown", "fragments"), ALLOWED)
def test_allowed_markdown_is_shown_as_written(app, markdown, fragments):
    with app.test_request_context("/en/"):
        assert markdown_problem(markdown) is None
        html = str(render_markdown(markdown))
    for fragment in fragments:
        assert fragment in html


@pytest.mark.parametrize(
    ("field", "markdown", "message"),
    [
        ("body_en", "# Title", "Start headings at level 2 (##)"),
        ("results_fr", "| a |\n|---|\n| 1 |", "Tables are not allowed; use a list instead."),
        ("plain_summary_nl", "##### Small", "Use heading levels 2 to 4 only (## to ####)."),
    ],
)
def test_editor_names_what_is_not_allowed_next_to_the_field(app, client, field, markdown, message):
    organiser = make_user(app, role=Role.ORGANISER)
    client.login(organiser.email, PASSWORD, lang="en")
    response = client.submit("/en/organise/new", editor_data(**{field: markdown}))
    assert response.status_code == 422
    body = text(response)
    error = body.split(f'id="{field}-error"')[1][:400]
    assert message in error
