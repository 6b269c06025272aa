"""Issue 12 §5: the rules are said before people hit them.

The comment edit window on the form and next to the button (and a message, not a 409, after it);
the wording of a comment hidden automatically after reports; ballot receipts mailed, listed on
"my participation", in an alphabet without look-alikes (old codes still verify), with what the
fingerprint list proves; hints and labels that do not repeat themselves.
"""

from __future__ import annotations

import ast
import re
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from participation.comments.models import CommentState, HideReason
from participation.core.mail import OutboxMessage
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db
from participation.votes.models import Ballot
from participation.votes.receipts import ALPHABET, candidates, fingerprint, new_receipt_code, normalise
from tests.comments.factories import make_comment
from tests.comments.factories import make_consultation as make_comment_consultation
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import text
from tests.votes.factories import make_question, option_ids

ROOT = Path(__file__).resolve().parent.parent


def _login(client, app, **kwargs):
    user = make_user(app, **kwargs)
    client.login(user.email, PASSWORD)
    return user


def _vote(client, c, question, data, lang="en"):
    return client.submit(
        f"/{lang}/consultations/{c.slug}", data, action=f"/{lang}/consultations/{c.slug}/questions/{question.id}"
    )


def _receipt_code(client, response) -> str:
    return re.search(r'id="receipt-code">([0-9A-Z-]{19})<', text(client.get(response.headers["Location"]))).group(1)


def _set_fingerprint(app, question_id: int, user_id: int, code: str) -> None:
    with app.app_context():
        ballot = db.session.scalar(
            sa.select(Ballot).where(Ballot.question_id == question_id, Ballot.user_id == user_id)
        )
        ballot.receipt_fingerprint = fingerprint(code)
        db.session.commit()


# ---------- comments: the edit window ----------


def test_the_edit_window_is_shown_next_to_the_edit_button_and_on_the_form(app, client):
    author = _login(client, app, language="en")
    c = make_comment_consultation(app)
    comment = make_comment(app, c, author)
    thread = text(client.get(f"/en/consultations/{c.slug}/comments"))
    assert re.search(r'aria-describedby="comment-\d+-edit-until"', thread)
    assert "You can edit until" in thread
    form = text(client.get(f"/en/comments/{comment.id}/edit"))
    assert "You can edit a comment for 15 minutes after posting it: this one until" in form


def test_after_the_edit_window_the_author_lands_on_the_thread_with_a_message(app, client):
    author = _login(client, app, language="en")
    c = make_comment_consultation(app)
    comment = make_comment(app, c, author, created_at=utcnow() - timedelta(minutes=16))
    thread = text(client.get(f"/en/consultations/{c.slug}/comments"))
    assert "You can edit until" not in thread  # no button, no promise
    response = client.get(f"/en/comments/{comment.id}/edit")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"#comment-{comment.id}")
    landed = text(client.get(response.headers["Location"]))
    assert "You can edit a comment only in the first 15 minutes after posting it." in landed
    # A form sent too late (left open past the window) is not saved, and says so.
    token = client.token_from(f"/en/consultations/{c.slug}/comments")  # the session's token (any form)
    posted = client.post(
        f"/en/comments/{comment.id}/edit", data={"csrf_token": token, "body": "Te laat", "alignment": "for"}
    )
    assert posted.status_code == 303
    landed = text(client.get(posted.headers["Location"]))
    assert "Your changes were not saved." in landed
    with app.app_context():
        from participation.comments.models import Comment

        assert db.session.get(Comment, comment.id).body == "Een goed idee."


def test_someone_elses_comment_is_still_refused(app, client):
    _login(client, app, language="en")
    c = make_comment_consultation(app)
    comment = make_comment(app, c, make_user(app))
    assert client.get(f"/en/comments/{comment.id}/edit").status_code == 403


# ---------- comments: hidden after reports ----------


def test_a_comment_hidden_after_reports_does_not_say_a_moderator_hid_it(app, client):
    c = make_comment_consultation(app)
    now = utcnow()
    make_comment(app, c, make_user(app), state=CommentState.HIDDEN, hidden_reason=HideReason.REPORTED, hidden_at=now)
    make_comment(app, c, make_user(app), state=CommentState.HIDDEN, hidden_reason=HideReason.SPAM, hidden_at=now)
    thread = text(client.get(f"/en/consultations/{c.slug}/comments"))
    assert thread.count("Hidden automatically after several reports, until a moderator reviews it.") == 1
    assert thread.count("Hidden by a moderator:") == 1  # only the one a moderator hid
    assert "Hidden by a moderator: Reported by several people" not in thread


# ---------- ballot receipts ----------


def test_the_alphabet_has_no_look_alikes_and_typed_look_alikes_still_work():
    assert not set("ILOU") & set(ALPHABET) and len(set(ALPHABET)) == 32
    for _ in range(50):
        code = new_receipt_code()
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", code)
        typed = code.lower().replace("-", " ").replace("1", "l").replace("0", "O")
        assert normalise(typed) == code and candidates(typed)[0] == code
    assert normalise("7K3M-Q9XD-2HRT-B8VU") is None  # U is never part of a code
    assert normalise("I0O1-LLLL-0000-1111") == "1001-1111-0000-1111"


def test_receipts_are_mailed_to_the_voter_in_their_language(app, client):
    voter = _login(client, app, language="en")
    c = make_consultation(app)
    q = make_question(app, c)
    code = _receipt_code(client, _vote(client, c, q, {"option": str(option_ids(q)[0])}))
    with app.app_context():
        [mail] = db.session.scalars(sa.select(OutboxMessage).where(OutboxMessage.template == "vote_receipt")).all()
        assert mail.recipient == voter.email and mail.lang == "en"
        assert mail.subject.startswith("Your receipt code:")
        assert code in mail.body_text and code in mail.body_html
        assert f"/en/consultations/{c.slug}/results/check?code=" in mail.body_text


def test_receipts_are_listed_on_my_participation(app, client):
    voter = _login(client, app, language="en")
    c = make_consultation(app)
    q = make_question(app, c)
    code = _receipt_code(client, _vote(client, c, q, {"option": str(option_ids(q)[0])}))
    page = text(client.get("/en/account/participation"))
    assert "Your ballots" in page and fingerprint(code) in page
    assert code not in page  # the code itself is never stored, so never shown again
    assert f"/en/consultations/{c.slug}/results/check" in page
    assert voter  # the fingerprint shown is their own ballot's


def test_an_old_style_receipt_still_verifies(app, client):
    voter = _login(client, app, language="en")
    c = make_consultation(app)
    q = make_question(app, c)
    _vote(client, c, q, {"option": str(option_ids(q)[0])})
    legacy = "ABCD-EFGH-IJKL-MNOU"  # issued before: RFC 4648 base32, with I, L, O and U
    _set_fingerprint(app, q.id, voter.id, legacy)
    body = text(client.get(f"/en/consultations/{c.slug}/results/check", query_string={"code": "abcd efgh ijkl mnou"}))
    assert "Found: the ballot with this receipt code is counted." in body
    assert fingerprint(legacy) in body
    # A typed 0 for an old code's O works too.
    body = text(client.get(f"/en/consultations/{c.slug}/results/check", query_string={"code": "ABCD-EFGH-IJKL-MN0U"}))
    assert "Found:" in body


def test_the_receipt_check_says_what_the_fingerprint_list_proves(app, client):
    c = make_consultation(app)
    body = text(client.get(f"/en/consultations/{c.slug}/results/check", query_string={"code": "7K3M-Q9XD-2HRT-B8VN"}))
    assert "Not found" in body
    assert "What the list of fingerprints proves" in body
    assert "It does not show how anyone voted, nor who voted" in body
    assert "ABCD-EFGH-JKLM-NPQR" not in body  # the example itself holds no look-alike (L)


# ---------- hints and labels ----------


def _field_messages(body: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", " ", m) for m in re.findall(r'class="field-message"[^>]*>(.*?)<div class="accolade"', body)
    ]


def _sentences(message: str) -> list[str]:
    return [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", " ".join(message.split())) if s.strip()]


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_no_label_says_optional_twice_on_the_organiser_forms(app, client, lang):
    _login(client, app, role=Role.ADMIN, language=lang)
    c = make_consultation(app)
    pages = [
        f"/{lang}/organise/new",
        f"/{lang}/organise/events/new",
        f"/{lang}/organise/consultations/{c.slug}/questions/new",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        flat = " ".join(re.sub(r"<[^>]+>", " ", text(response)).split())
        for marker in ("(optional)", "(optioneel)", "(facultatif)", "(required)", "(verplicht)", "(obligatoire)"):
            assert f"{marker} {marker}" not in flat, (url, marker)


def test_no_form_label_carries_its_own_marker():
    """The form macros add "(optional)"/"(required)"; a label that says it too reads it twice."""
    found = []
    for path in (ROOT / "participation").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if re.search(r"\((optional|required)\)\s*$", node.value):
                    found.append(f"{path.relative_to(ROOT)}: {node.value}")
    assert found == []


def test_a_ballot_hint_is_not_repeated_by_the_demo_help_texts(app):
    """The demo's multiple-choice questions said "Choose up to two themes." above "Choose at most 2."."""
    import tomllib

    content = tomllib.loads((ROOT / "participation/demo/content/questions.toml").read_text())
    limit_words = re.compile(r"at most|up to|maximaal|au maximum|au plus", re.I)
    for question in content["questions"]:
        for lang, help_text in (question.get("help") or {}).items():
            assert not limit_words.search(help_text), (question["prompt"]["en"], lang, help_text)


def test_the_hints_on_a_ballot_do_not_repeat_a_sentence(app, client):
    _login(client, app, language="en")
    c = make_consultation(app)
    make_question(app, c, "multiple", options=4, max_choices=2)
    make_question(app, c, "multiple", options=4, max_choices=2, help={"nl": "Kies er twee.", "en": "Choose at most 2."})
    make_question(app, c, "ranking", options=3)
    body = text(client.get(f"/en/consultations/{c.slug}"))
    messages = _field_messages(body)
    assert sum("Choose at most 2." in m for m in messages) == 2  # the hint, or the help saying the same
    assert any("Give every option a different rank" in m for m in messages)
    for message in messages:
        sentences = _sentences(message)
        assert len(sentences) == len(set(sentences)), message


# ---------- the new pages are valid HTML ----------


@pytest.mark.html_validity
def test_the_pages_that_show_the_rules_are_valid_html(app, client, tmp_path):
    from tests.test_html_validity import VNU_JAR, _checker_missing, run_checker

    if _checker_missing():
        pytest.skip(_checker_missing())
    author = _login(client, app, language="en")
    c = make_consultation(app)
    q = make_question(app, c)
    _vote(client, c, q, {"option": str(option_ids(q)[0])})
    cc = make_comment_consultation(app, slug="rules-shown-discussion")
    comment = make_comment(app, cc, author)
    make_comment(
        app, cc, make_user(app), state=CommentState.HIDDEN, hidden_reason=HideReason.REPORTED, hidden_at=utcnow()
    )
    files = []
    for name, url in {
        "thread": f"/en/consultations/{cc.slug}/comments",
        "edit": f"/en/comments/{comment.id}/edit",
        "mine": "/en/account/participation",
        "check": f"/en/consultations/{c.slug}/results/check?code=7K3M-Q9XD-2HRT-B8VN",
    }.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(client.get(url).get_data())
        files.append(path)
    assert run_checker(VNU_JAR, files) == []
