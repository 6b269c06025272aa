"""Comment pages over HTTP: posting, threads, filters, XSS, anti-spam, limits, exports."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from participation.comments.models import Comment, CommentState, HideReason
from participation.core.db import utcnow
from participation.core.permissions import Role
from participation.extensions import db
from tests.comments.factories import make_comment, make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import text

XSS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>',
       '"><a href="javascript:alert(1)">x</a>']


def _count(app, model=Comment):
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _post(client, consultation, body="Een prima voorstel", alignment="for", **extra):
    url = f"/nl/consultations/{consultation.slug}/comments"
    return client.submit(url, {"body": body, "alignment": alignment, **extra}, action=url)


def test_resident_posts_a_comment_and_sees_it(app, client):
    user = make_user(app)
    consultation = make_consultation(app)
    client.login(user.email, PASSWORD)
    response = _post(client, consultation)
    assert response.status_code == 303
    page = text(client.get(response.headers["Location"]))
    assert "Een prima voorstel" in page and "Uw reactie is gepubliceerd" in page or "Een prima voorstel" in page


def test_too_long_comment_is_refused_and_the_text_kept(app, client):
    user = make_user(app)
    consultation = make_consultation(app)
    client.login(user.email, PASSWORD, lang="en")
    body = "lang " * 500
    url = f"/en/consultations/{consultation.slug}/comments"
    response = client.submit(url, {"body": body, "alignment": "for"}, action=url)
    assert response.status_code == 422
    assert "Write between 2 and 2000 characters." in text(response)
    assert body.strip()[:100] in text(response)
    assert _count(app) == 0


@pytest.mark.parametrize("data", [{"website": "http://spam.example"}])
def test_honeypot_rejects_and_stores_nothing(app, client, data):
    user = make_user(app)
    consultation = make_consultation(app)
    client.login(user.email, PASSWORD, lang="en")
    url = f"/en/consultations/{consultation.slug}/comments"
    response = client.submit(url, {"body": "Koop nu", "alignment": "for", **data}, action=url)
    assert response.status_code == 422 and "We could not accept this form" in text(response)
    assert _count(app) == 0


def test_form_sent_too_fast_is_refused(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "ANTISPAM_MIN_SECONDS", 3)
    user = make_user(app)
    consultation = make_consultation(app)
    client.login(user.email, PASSWORD, lang="en")
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    import re

    started = re.search(r'name="form_started" type="hidden" value="([^"]+)"', page).group(1)
    url = f"/en/consultations/{consultation.slug}/comments"
    response = client.submit(url, {"body": "Snel snel", "alignment": "for", "form_started": started}, action=url)
    assert response.status_code == 422 and "We could not accept this form" in text(response)
    response = client.submit(url, {"body": "Zonder tijd", "alignment": "for"}, action=url)
    assert response.status_code == 422
    assert _count(app) == 0


def test_signup_honeypot_stores_nothing(app, client):
    from participation.accounts.models import User

    response = client.submit("/en/account/signup", {
        "email": "bot@example.org", "display_name": "Bot", "password": "a long enough passphrase",
        "preferred_language": "en", "consent": "y", "website": "http://spam.example"})
    assert response.status_code == 422 and "We could not accept this form" in text(response)
    assert _count(app, User) == 0


def test_posting_is_rate_limited(app, client, rate_limits):
    user = make_user(app)
    consultation = make_consultation(app)
    client.login(user.email, PASSWORD)
    statuses = [_post(client, consultation, body=f"Reactie {n}").status_code for n in range(11)]
    assert statuses[:10] == [303] * 10 and statuses[10] == 429


@pytest.mark.parametrize("query", ["sort=password_hash", "sort=id;select", "alignment=<svg onload=1>",
                                   "page=-1", "page=abc"])
def test_bad_sort_filter_or_page_is_a_400(app, client, query):
    consultation = make_consultation(app)
    response = client.get(f"/nl/consultations/{consultation.slug}/comments?{query}")
    assert response.status_code == 400 and "<svg onload=1>" not in text(response)


def test_sort_and_filter(app, client):
    user, other = make_user(app), make_user(app)
    consultation = make_consultation(app)
    from datetime import timedelta

    old = make_comment(app, consultation, user, body="Oudste voor", created_at=utcnow() - timedelta(hours=2))
    make_comment(app, consultation, user, body="Nieuwste tegen", alignment="against")
    make_comment(app, consultation, other, body="Antwoord", parent=old)
    base = f"/nl/consultations/{consultation.slug}/comments"
    newest = text(client.get(base))
    assert newest.index("Nieuwste tegen") < newest.index("Oudste voor")
    oldest = text(client.get(base + "?sort=oldest"))
    assert oldest.index("Oudste voor") < oldest.index("Nieuwste tegen")
    replies = text(client.get(base + "?sort=replies"))
    assert replies.index("Oudste voor") < replies.index("Nieuwste tegen")
    only_against = text(client.get(base + "?alignment=against"))
    assert "Nieuwste tegen" in only_against and "Oudste voor" not in only_against


def test_pending_comment_only_visible_to_its_author(app, client, other_client):
    author, other = make_user(app), make_user(app)
    consultation = make_consultation(app, pre_moderation=True)
    client.login(author.email, PASSWORD, lang="en")
    url = f"/en/consultations/{consultation.slug}/comments"
    assert client.submit(url, {"body": "Wacht op keuring", "alignment": "neutral"}, action=url).status_code == 303
    mine = text(client.get(url))
    assert "Wacht op keuring" in mine and "Awaiting review" in mine
    other_client.login(other.email, PASSWORD)
    assert "Wacht op keuring" not in text(other_client.get(url))


def test_deleted_comment_leaves_a_placeholder_when_it_has_replies(app, client):
    author, other = make_user(app), make_user(app)
    consultation = make_consultation(app)
    parent = make_comment(app, consultation, author, body="Te verwijderen")
    make_comment(app, consultation, other, body="Een antwoord", parent=parent)
    lonely = make_comment(app, consultation, author, body="Alleen")
    client.login(author.email, PASSWORD, lang="en")
    for comment in (parent, lonely):
        url = f"/en/comments/{comment.id}/delete"
        assert client.submit(f"/en/consultations/{consultation.slug}/comments", action=url).status_code == 303
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Comment deleted" in page and "Een antwoord" in page
    assert "Te verwijderen" not in page and "Alleen" not in page


def test_erased_author_shows_as_deleted_participant(app, client):
    from participation.comments.gdpr import erase_comment_data

    author = make_user(app, name="Weg Persoon")
    consultation = make_consultation(app)
    make_comment(app, consultation, author, body="Blijft staan")
    with app.app_context():
        from participation.accounts.models import User

        erase_comment_data(db.session.get(User, author.id))
        db.session.commit()
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Blijft staan" in page and "Deleted participant" in page and "Weg Persoon" not in page


@pytest.mark.parametrize("payload", XSS)
def test_xss_in_comment_body_and_names_is_shown_as_text(app, client, payload):
    author = make_user(app, name=payload[:80])
    consultation = make_consultation(app)
    make_comment(app, consultation, author, body=payload)
    page = text(client.get(f"/nl/consultations/{consultation.slug}/comments"))
    assert payload not in page
    assert "&lt;" in page
    assert "javascript:alert" not in page.replace("&#34;&gt;&lt;a href=&#34;javascript:alert", "")


def test_reporting_twice_is_refused_with_a_message(app, client):
    author, reporter = make_user(app), make_user(app)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author)
    client.login(reporter.email, PASSWORD, lang="en")
    url = f"/en/comments/{comment.id}/report"
    assert client.submit(url, {"reason": "spam"}).status_code == 303
    response = client.submit(url, {"reason": "offensive"})
    assert response.status_code == 409 and "You already reported this comment" in text(response)


def test_edit_after_window_is_forbidden(app, client):
    from datetime import timedelta

    author = make_user(app)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author, created_at=utcnow() - timedelta(minutes=20))
    client.login(author.email, PASSWORD)
    assert client.get(f"/nl/comments/{comment.id}/edit").status_code == 403
    fresh = make_comment(app, consultation, author, body="Origineel")
    url = f"/nl/comments/{fresh.id}/edit"
    assert client.submit(url, {"body": "Aangepast", "alignment": "against"}).status_code == 303
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Aangepast" in page and "(edited)" in page


def test_csv_export_for_organisers_with_bom_and_no_formulas(app, client):
    organiser = make_user(app, role=Role.ORGANISER)
    author = make_user(app, name="=HYPERLINK(\"http://evil\")", email="secret-author@example.org")
    consultation = make_consultation(app, organisers=[organiser])
    make_comment(app, consultation, author, body="=1+1 en @SUM(A1)")
    client.login(organiser.email, PASSWORD)
    response = client.get(f"/nl/consultations/{consultation.slug}/comments.csv")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    body = response.get_data()
    assert body.startswith("\ufeff".encode())
    decoded = body.decode("utf-8-sig")
    assert "'=HYPERLINK" in decoded and "'=1+1" in decoded and "secret-author@example.org" not in decoded


def test_statistics_per_week(app, client):
    organiser = make_user(app, role=Role.ORGANISER)
    author = make_user(app)
    consultation = make_consultation(app, organisers=[organiser])
    for _ in range(3):
        make_comment(app, consultation, author)
    client.login(organiser.email, PASSWORD, lang="en")
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments/statistics"))
    assert "<td>3</td>" in page


def test_transparency_page_counts_without_names(app, client):
    author = make_user(app, name="Geheime Naam")
    consultation = make_consultation(app)
    make_comment(app, consultation, author, state=CommentState.HIDDEN, hidden_reason=HideReason.SPAM,
                 moderator_note="interne nota")
    page = text(client.get(f"/en/consultations/{consultation.slug}/moderation"))
    assert "Spam or advertising" in page and "<td>1</td>" in page
    assert "Geheime Naam" not in page and "interne nota" not in page


def test_hidden_comment_shows_the_public_reason(app, client):
    author = make_user(app)
    consultation = make_consultation(app)
    make_comment(app, consultation, author, body="Verborgen tekst", state=CommentState.HIDDEN,
                 hidden_reason=HideReason.OFFENSIVE)
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Hidden by a moderator: Offensive, hateful or discriminating" in page
    assert "Verborgen tekst" not in page


def test_suspended_person_sees_why_and_until_when(app, client):
    from datetime import timedelta

    from participation.accounts.models import User

    user = make_user(app)
    consultation = make_consultation(app)
    with app.app_context():
        person = db.session.get(User, user.id)
        person.suspended_at = utcnow()
        person.suspended_until = utcnow() + timedelta(days=3)
        person.suspension_reason = "Herhaalde beledigingen"
        db.session.commit()
    client.login(user.email, PASSWORD, lang="en")
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Your account is suspended until" in page and "Herhaalde beledigingen" in page
    url = f"/en/consultations/{consultation.slug}/comments"
    response = client.submit(url, {"body": "Toch proberen", "alignment": "for"}, action=url)
    assert response.status_code == 403 and _count(app) == 0
