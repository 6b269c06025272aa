"""Each comment's article is rendered once per state and kept (comments/article.py).

What must hold: the kept HTML is what a fresh rendering gives (its inputs are its key, and the
template reads nothing else), and it never carries one person's token or rights to another.
"""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest
import sqlalchemy as sa
from jinja2 import meta

from participation.comments.models import CommentEndorsement
from participation.extensions import db
from tests.comments.factories import make_comment, make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import TOKEN_RE, templates_rendered, text

ARTICLE = "comments/_article.html"


@pytest.fixture
def rendered_articles(app):
    """How many times the template was rendered (not taken from the memo)."""
    with templates_rendered(app, ARTICLE) as counts:
        yield counts


def test_the_article_template_reads_nothing_but_its_facts(app):
    """Anything else in scope would be missing from the key, and the kept HTML could be stale."""
    source = (Path(app.root_path).parent / "templates" / ARTICLE).read_text()
    names = meta.find_undeclared_variables(app.jinja_env.parse(source))
    # Translations (`_`, `ngettext`) and the date filters depend on the locale and time zone,
    # which are part of the key; the imported post_button reads the CSRF token, kept as a hole.
    assert names == {"f"}


def test_a_second_view_takes_every_article_from_the_memo(app, client, rendered_articles):
    consultation = make_consultation(app)
    author = make_user(app)
    for n in range(3):
        make_comment(app, consultation, author, body=f"Bijdrage {n}")
    page = f"/nl/consultations/{consultation.slug}"
    first = text(client.get(page))
    assert rendered_articles["n"] == 3
    second = text(client.get(page))
    assert rendered_articles["n"] == 3
    assert second.count('class="comment__body"') == 3 and "Bijdrage 2" in second
    assert TOKEN_RE.sub("", first) == TOKEN_RE.sub("", second)


def test_a_new_comment_renders_only_its_own_article(app, client, rendered_articles):
    consultation = make_consultation(app)
    author = make_user(app)
    make_comment(app, consultation, author, body="De eerste")
    page = f"/nl/consultations/{consultation.slug}"
    client.get(page)
    before = rendered_articles["n"]
    make_comment(app, consultation, author, body="De tweede")
    shown = text(client.get(page))
    assert "De eerste" in shown and "De tweede" in shown
    assert rendered_articles["n"] == before + 1


def test_each_person_gets_their_own_token_and_rights(app, client, other_client):
    """Two residents see the same comment with the same buttons: the kept HTML is shared, the
    tokens are not. Each one's endorsement goes through with the token of their own page."""
    consultation = make_consultation(app)
    author, lotte, priya = make_user(app), make_user(app, name="Lotte"), make_user(app, name="Priya")
    comment = make_comment(app, consultation, author, body="Steunwaardig")
    page = f"/en/consultations/{consultation.slug}"
    client.login(lotte.email, PASSWORD, lang="en")
    other_client.login(priya.email, PASSWORD, lang="en")
    endorse = f'action="/en/comments/{comment.id}/endorse"'

    tokens = []
    for browser in (client, other_client):
        shown = text(browser.get(page))
        assert endorse in shown and 'value="hole' not in shown  # no unfilled hole
        form = shown[shown.index(endorse) :]
        tokens.append(unescape(TOKEN_RE.search(form).group(1)))
    assert tokens[0] != tokens[1]
    for browser, token in zip((client, other_client), tokens, strict=True):
        answer = browser.post(f"/en/comments/{comment.id}/endorse", data={"csrf_token": token})
        assert answer.status_code == 303
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(CommentEndorsement)) == 2

    # Now their rights differ from a third resident's, and from the author's.
    for browser in (client, other_client):
        shown = text(browser.get(page))
        assert "Withdraw support" in shown and "2 endorsements" in shown
    client.login(author.email, PASSWORD, lang="en")
    own = text(client.get(page))
    assert "2 endorsements" in own and "Withdraw support" not in own and endorse not in own
    assert f'href="/en/comments/{comment.id}/edit"' in own and "You can edit until" in own
    other_client.login(make_user(app).email, PASSWORD, lang="en")
    third = text(other_client.get(page))
    assert endorse in third and "Withdraw support" not in third and "/edit" not in third


def test_the_kept_article_follows_the_language_and_an_edit(app, client):
    consultation = make_consultation(app)
    author = make_user(app, name="Lotte")
    comment = make_comment(app, consultation, author, body="Eerste versie", alignment="against")
    nl = text(client.get(f"/nl/consultations/{consultation.slug}"))
    fr = text(client.get(f"/fr/consultations/{consultation.slug}"))
    assert "Tegen" in nl and "0 steunbetuigingen" in nl
    assert "Contre" in fr and "0 soutien" in fr
    with app.app_context():
        db.session.execute(
            sa.text("UPDATE comments SET body = 'Tweede versie', edited_at = created_at WHERE id = :id"),
            {"id": comment.id},
        )
        db.session.commit()
    again = text(client.get(f"/nl/consultations/{consultation.slug}"))
    assert "Tweede versie" in again and "Eerste versie" not in again and "(bewerkt)" in again
