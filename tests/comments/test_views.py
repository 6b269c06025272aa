"""Comment pages over HTTP: posting, threads, filters, XSS, anti-spam, limits, exports."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from participation.accounts.models import User
from participation.comments.models import (
    Comment,
    CommentAppeal,
    CommentEndorsement,
    CommentReport,
    CommentState,
    HideReason,
)
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db
from tests.comments.factories import make_comment, make_consultation
from tests.factories import PASSWORD, get, make_user, suspend
from tests.support import outbox, text

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '"><a href="javascript:alert(1)">x</a>',
]


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
    assert "Een prima voorstel" in page and "Je reactie is gepubliceerd." in page


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

    response = client.submit(
        "/en/account/signup",
        {
            "email": "bot@example.org",
            "display_name": "Bot",
            "password": "a long enough passphrase",
            "preferred_language": "en",
            "consent": "y",
            "website": "http://spam.example",
        },
    )
    assert response.status_code == 422 and "We could not accept this form" in text(response)
    assert _count(app, User) == 0


def test_posting_is_rate_limited(app, client, rate_limits):
    user = make_user(app)
    consultation = make_consultation(app)
    client.login(user.email, PASSWORD)
    statuses = [_post(client, consultation, body=f"Reactie {n}").status_code for n in range(11)]
    assert statuses[:10] == [303] * 10 and statuses[10] == 429


@pytest.mark.parametrize(
    "query", ["sort=password_hash", "sort=id;select", "alignment=<svg onload=1>", "page=-1", "page=abc"]
)
def test_bad_sort_filter_or_page_is_a_400(app, client, query):
    consultation = make_consultation(app)
    response = client.get(f"/nl/consultations/{consultation.slug}/comments?{query}")
    assert response.status_code == 400 and "<svg onload=1>" not in text(response)


def test_sort_and_filter(app, client):
    user, other = make_user(app), make_user(app)
    consultation = make_consultation(app)
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
        assert client.submit(url, {"confirmed": "1"}).status_code == 303  # from the page that asks first
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


def test_edit_after_window_is_refused_with_the_reason(app, client):
    author = make_user(app)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author, body="Te laat", created_at=utcnow() - timedelta(minutes=20))
    client.login(author.email, PASSWORD, lang="en")
    url = f"/en/comments/{comment.id}/edit"
    # Back on the thread, at the comment, with the reason (issue 12 §5: not a bare 409 page).
    response = client.get(url)
    assert response.status_code == 303 and response.headers["Location"].endswith(f"#comment-{comment.id}")
    assert "You can edit a comment only in the first 15 minutes after posting it." in text(
        client.get(response.headers["Location"])
    )
    response = client.submit(
        f"/en/consultations/{consultation.slug}/comments", {"body": "Toch", "alignment": "for"}, action=url
    )
    assert response.status_code == 303
    assert "only in the first 15 minutes" in text(client.get(response.headers["Location"]))
    assert get(app, Comment, comment.id).body == "Te laat"
    fresh = make_comment(app, consultation, author, body="Origineel")
    url = f"/en/comments/{fresh.id}/edit"
    assert client.submit(url, {"body": "Aangepast", "alignment": "against"}).status_code == 303
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Aangepast" in page and "(edited)" in page


def test_edit_window_message_is_translated(app, client):
    author = make_user(app)
    comment = make_comment(app, make_consultation(app), author, created_at=utcnow() - timedelta(minutes=20))
    client.login(author.email, PASSWORD)
    response = client.get(f"/nl/comments/{comment.id}/edit")
    assert response.status_code == 303
    assert "Je kan een reactie alleen bewerken in de eerste 15 minuten" in text(
        client.get(response.headers["Location"])
    )


def test_suspended_author_is_told_why_and_until_when_they_cannot_edit(app, client):
    author = make_user(app)
    comment = make_comment(app, make_consultation(app), author, body="Mijn tekst")
    client.login(author.email, PASSWORD, lang="en")
    suspend(app, author)
    client.login(author.email, PASSWORD, lang="en")  # suspension ended the session
    response = client.get(f"/en/comments/{comment.id}/edit")
    assert response.status_code == 403
    body = text(response)
    assert "Your account is suspended until" in body and "Herhaalde beledigingen" in body


def test_editing_someone_elses_comment_by_post_is_refused(app, client):
    author, other = make_user(app), make_user(app)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author, body="Van mij")
    client.login(other.email, PASSWORD, lang="en")
    response = client.submit(
        f"/en/consultations/{consultation.slug}/comments",
        {"body": "Gekaapt", "alignment": "against"},
        action=f"/en/comments/{comment.id}/edit",
    )
    assert response.status_code == 403 and "You can only edit your own comments." in text(response)
    stored = get(app, Comment, comment.id)
    assert stored.body == "Van mij" and stored.edited_at is None and stored.alignment.value == "for"


def test_csv_export_for_organisers_with_bom_and_no_formulas(app, client):
    organiser = make_user(app, role=Role.ORGANISER)
    author = make_user(app, name='=HYPERLINK("http://evil")', email="secret-author@example.org")
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


def test_transparency_page_counts_hide_decisions_and_appeals_without_names(app, client, other_client, monkeypatch):
    monkeypatch.setitem(app.config, "COMMENT_AUTO_HIDE_REPORTS", 1)
    author = make_user(app, name="Geheime Naam")
    first, second = make_user(app, role=Role.MODERATOR, name="Moderator Een"), make_user(app, role=Role.MODERATOR)
    consultation, elsewhere = make_consultation(app), make_consultation(app)
    spam = make_comment(app, consultation, author, body="Koop nu")
    rude = make_comment(app, consultation, author, body="Onbeleefd")
    reported = make_comment(app, consultation, author, body="Gemeld")
    other = make_comment(app, elsewhere, author, body="Elders")
    client.login(first.email, PASSWORD, lang="en")

    def hide(comment, reason, note="interne nota"):
        url = f"/en/moderate/comments/{comment.id}"
        assert client.submit(url, {"reason": reason, "note": note}, action=url + "/hide").status_code == 303

    hide(spam, "spam")
    assert (
        client.submit(f"/en/moderate/comments/{spam.id}", action=f"/en/moderate/comments/{spam.id}/restore").status_code
        == 303
    )
    hide(spam, "spam")  # hidden, restored, hidden again: two decisions
    hide(rude, "offensive")
    hide(other, "offensive")  # another consultation: not counted here
    other_client.login(make_user(app).email, PASSWORD)
    assert other_client.submit(f"/nl/comments/{reported.id}/report", {"reason": "spam"}).status_code == 303
    other_client.login(author.email, PASSWORD)
    for comment in (spam, rude):
        assert (
            other_client.submit(
                f"/nl/comments/{comment.id}/appeal", {"text": "Dit was helemaal niet zo bedoeld."}
            ).status_code
            == 303
        )
    with app.app_context():
        appeals = {a.comment_id: a.id for a in db.session.scalars(sa.select(CommentAppeal))}
    client.login(second.email, PASSWORD, lang="en")
    url = f"/en/moderate/appeals/{appeals[spam.id]}"
    assert client.submit(url, {"outcome": "rejected", "note": "Blijft weg"}).status_code == 303

    page = text(other_client.get(f"/en/consultations/{consultation.slug}/moderation"))
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', page))
    assert rows["Spam or advertising"] == "2"
    assert rows["Offensive, hateful or discriminating"] == "1"
    assert rows["Comment hidden automatically after reports"] == "1"
    assert rows["Appeal rejected: comment stays hidden"] == "1"
    assert rows["Not decided yet"] == "1" and rows["Appeal granted: comment restored"] == "0"
    for private in ("Geheime Naam", "Moderator Een", "interne nota", "Blijft weg", "Koop nu", "helemaal niet"):
        assert private not in page


def test_transparency_page_without_decisions(app, client):
    consultation = make_consultation(app)
    make_comment(app, consultation, make_user(app))
    page = text(client.get(f"/en/consultations/{consultation.slug}/moderation"))
    assert "No comment has been hidden." in page


def test_hidden_comment_shows_the_public_reason(app, client):
    author = make_user(app)
    consultation = make_consultation(app)
    make_comment(
        app, consultation, author, body="Verborgen tekst", state=CommentState.HIDDEN, hidden_reason=HideReason.OFFENSIVE
    )
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Hidden by a moderator: Offensive, hateful or discriminating" in page
    assert "Verborgen tekst" not in page


def test_suspended_person_sees_why_and_until_when(app, client):
    user = make_user(app)
    consultation = make_consultation(app)
    suspend(app, user)
    client.login(user.email, PASSWORD, lang="en")
    page = text(client.get(f"/en/consultations/{consultation.slug}/comments"))
    assert "Your account is suspended until" in page and "Herhaalde beledigingen" in page
    url = f"/en/consultations/{consultation.slug}/comments"
    response = client.submit(url, {"body": "Toch proberen", "alignment": "for"}, action=url)
    assert response.status_code == 403 and _count(app) == 0
    assert "Your account is suspended until" in text(response) and "Herhaalde beledigingen" in text(response)


def test_profile_tells_a_suspended_person_why_and_until_when(app, client):
    user = make_user(app)
    suspend(app, user, reason="Spam <b>links</b>")
    client.login(user.email, PASSWORD, lang="en")
    page = text(client.get("/en/account/"))
    assert "Your account is suspended until" in page and "Spam &lt;b&gt;links&lt;/b&gt;" in page
    with app.app_context():
        person = db.session.get(User, user.id)
        person.suspended_until = None
        db.session.commit()
    page = text(client.get("/en/account/"))
    assert "Your account is suspended until further notice. Reason: Spam &lt;b&gt;links&lt;/b&gt;" in page
    lifted = make_user(app)
    client.login(lifted.email, PASSWORD, lang="en")
    assert "suspended" not in text(client.get("/en/account/"))


@pytest.mark.parametrize(
    "lang, message",
    [
        ("en", "You can only comment while the consultation is open."),
        ("nl", "Je kan alleen reageren zolang de bevraging loopt."),
    ],
)
def test_commenting_on_a_closed_consultation_says_why(app, client, lang, message):
    consultation = make_consultation(app, open_now=False)
    parent = make_comment(app, consultation, make_user(app))
    client.login(make_user(app).email, PASSWORD, lang=lang)
    page = f"/{lang}/consultations/{consultation.slug}/comments"
    assert "Post comment" not in text(client.get(page.replace("/comments", "")))
    for action in (page, f"/{lang}/comments/{parent.id}/reply"):
        response = client.submit(page, {"body": "Te laat nog", "alignment": "for"}, action=action)
        assert response.status_code == 409 and message in text(response)
    assert _count(app) == 1


@pytest.mark.parametrize(
    "lang, message",
    [("en", "Tell us what is wrong with this comment."), ("nl", "Vertel ons wat er mis is met deze reactie.")],
)
def test_report_of_type_other_needs_a_text(app, client, lang, message):
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, make_user(app))
    client.login(make_user(app).email, PASSWORD, lang=lang)
    url = f"/{lang}/comments/{comment.id}/report"
    response = client.submit(url, {"reason": "other", "text": "   "})
    assert response.status_code == 422 and message in text(response)
    assert _count(app, CommentReport) == 0
    assert client.submit(url, {"reason": "other", "text": "Reclame"}).status_code == 303
    assert _count(app, CommentReport) == 1


def test_endorse_and_withdraw_over_http(app, client):
    author, fan = make_user(app), make_user(app)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author, body="Steunwaardig")
    thread = f"/en/consultations/{consultation.slug}/comments"
    client.login(fan.email, PASSWORD, lang="en")

    def act(action):
        response = client.submit(thread, action=f"/en/comments/{comment.id}/{action}")
        assert response.status_code == 303
        return text(client.get(response.headers["Location"]))

    page = act("endorse")
    assert "Thank you for your support." in page and "1 endorsement" in page and "Withdraw support" in page
    assert "You already endorsed this comment." in act("endorse")
    assert _count(app, CommentEndorsement) == 1
    page = act("unendorse")
    assert "Your support is withdrawn." in page and "0 endorsements" in page
    assert "You had not endorsed this comment." in act("unendorse")
    assert _count(app, CommentEndorsement) == 0
    client.login(author.email, PASSWORD, lang="en")
    assert "You cannot endorse your own comment." in act("endorse")
    assert _count(app, CommentEndorsement) == 0


def test_endorse_needs_a_token_and_a_login(app, client):
    comment = make_comment(app, make_consultation(app), make_user(app))
    assert client.post(f"/en/comments/{comment.id}/endorse").status_code == 400  # the token is checked first
    client.login(make_user(app).email, PASSWORD, lang="en")
    assert client.post(f"/en/comments/{comment.id}/endorse").status_code == 400
    assert _count(app, CommentEndorsement) == 0


def test_counts_per_alignment_on_the_consultation_page(app, client):
    consultation = make_consultation(app)
    author = make_user(app)
    root = make_comment(app, consultation, author, alignment="for")
    make_comment(app, consultation, author, alignment="for", parent=root)
    make_comment(app, consultation, author, alignment="against")
    # not counted: hidden, pending, deleted
    make_comment(
        app, consultation, author, alignment="neutral", state=CommentState.HIDDEN, hidden_reason=HideReason.SPAM
    )
    make_comment(app, consultation, author, alignment="neutral", state=CommentState.PENDING)
    make_comment(app, consultation, author, alignment="against", deleted_at=utcnow())
    page = text(client.get(f"/en/consultations/{consultation.slug}"))
    counts = re.search(r'aria-label="Comments per position">(.*?)</ul>', page, re.S).group(1)
    assert re.findall(r"<li>([^<]+)</li>", counts) == ["For: 2", "Against: 1", "Neutral: 0"]


def test_page_two_shows_other_comments(app, client):
    consultation = make_consultation(app)
    author = make_user(app)
    start = utcnow() - timedelta(hours=1)
    for n in range(25):
        make_comment(
            app, consultation, author, body=f"Reactie nummer {n:02d}.", created_at=start + timedelta(minutes=n)
        )
    base = f"/en/consultations/{consultation.slug}/comments"
    first, second = text(client.get(base)), text(client.get(base + "?page=2"))

    def bodies(page):
        return set(re.findall(r"Reactie nummer (\d\d)\.", page))

    assert bodies(first) == {f"{n:02d}" for n in range(5, 25)}
    assert bodies(second) == {f"{n:02d}" for n in range(5)}
    oldest_second = text(client.get(base + "?sort=oldest&page=2"))
    assert bodies(oldest_second) == {f"{n:02d}" for n in range(20, 25)}
    assert "sort=oldest" in oldest_second and "page=1" in oldest_second  # pager keeps the order


def test_replies_are_rate_limited(app, client, rate_limits):
    consultation = make_consultation(app)
    parent = make_comment(app, consultation, make_user(app))
    client.login(make_user(app).email, PASSWORD, lang="en")
    url = f"/en/comments/{parent.id}/reply"
    statuses = [client.submit(url, {"body": f"Antwoord {n}", "alignment": "for"}).status_code for n in range(11)]
    assert statuses[:10] == [303] * 10 and statuses[10] == 429
    assert _count(app) == 11  # the parent and ten replies


@pytest.mark.parametrize("payload", XSS)
def test_reply_mail_shows_markup_as_text(app, client, payload):
    author = make_user(app, language="en")
    replier = make_user(app, name=payload[:80])
    consultation = make_consultation(app, title={"nl": payload, "en": payload})
    parent = make_comment(app, consultation, author)
    client.login(replier.email, PASSWORD)
    assert client.submit(f"/nl/comments/{parent.id}/reply", {"body": payload, "alignment": "for"}).status_code == 303
    mails = outbox(app, author.email, "comment_reply")
    assert len(mails) == 1
    html = mails[0].body_html
    assert payload not in html and "&lt;" in html
    assert payload in mails[0].body_text  # the plain-text part is text


def test_signup_form_sent_too_fast_is_refused(app, client, monkeypatch):
    """The minimum fill time of core/antispam.py on the sign-up form."""
    import time as real_time

    from participation.core import antispam

    monkeypatch.setitem(app.config, "ANTISPAM_MIN_SECONDS", 3)
    page = text(client.get("/nl/account/signup"))
    started = re.search(r'name="form_started" type="hidden" value="([^"]+)"', page).group(1)
    data = {
        "email": "snel@example.org",
        "display_name": "Snelle Sam",
        "password": "a long enough passphrase",
        "preferred_language": "nl",
        "consent": "y",
        "form_started": started,
    }
    response = client.submit("/nl/account/signup", data)
    with app.test_request_context("/nl/account/signup"):
        expected = antispam.antispam_message()
    assert response.status_code == 422 and expected in text(response)
    assert 'value="snel@example.org"' in text(response)  # what was typed stays
    assert _count(app, User) == 0
    # no start time at all (a bot posting directly) is refused too
    response = client.submit("/nl/account/signup", {**data, "form_started": ""})
    assert response.status_code == 422 and _count(app, User) == 0

    class Later:
        @staticmethod
        def time():
            return real_time.time() + 5

    monkeypatch.setattr(antispam, "time", Later)
    response = client.submit("/nl/account/signup", data)
    assert response.status_code == 303 and _count(app, User) == 1
