"""Erasure and export leave nothing behind (issue 10 §4).

A resident with data in every feature (comments, replies by others, endorsements, reports,
ballots, a hidden comment with an appeal, a suspension, event registrations with and without
logging in, mail in the outbox) downloads everything the platform keeps about them, then
deletes the account: afterwards no table holds their address, name or words, while the
moderation decisions stay in the append-only log.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa

from participation.accounts import services as accounts
from participation.accounts.models import User
from participation.comments import services as comments
from participation.comments.models import Comment, CommentAppeal
from participation.core.audit import AuditEntry, AuditPersonalDetail
from participation.core.mail import OutboxMessage
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.events.models import Registration, RegistrationStatus
from participation.events.registration import (
    Answers,
    confirm_guest_registration,
    register_resident,
    request_guest_registration,
)
from participation.extensions import db
from participation.moderation import services as moderation
from participation.votes.services import BallotInput, cast_ballot
from tests.comments.factories import make_comment, make_consultation
from tests.events.factories import make_event
from tests.factories import PASSWORD, make_user
from tests.support import text
from tests.votes.factories import make_question

EMAIL = "amira.zq@example.org"
NAME = "Amira Verstraetenzq"
TOPLEVEL_TEXT = "Haventekst zeventien kwartel"
REPLY_TEXT = "Antwoordtekst negentien meeuw"
DELIVERED_REPLY_TEXT = "Antwoordtekst twintig reiger"
REPORT_TEXT = "Meldtekst dertien fazant"
APPEAL_TEXT = "Bezwaartekst elf zwaluw"
DIETARY = "Dieetwens acht mus"
# What a moderator wrote about her: her name and a quote of her words.
HIDE_NOTE = f"Beste {NAME}, je schreef: {TOPLEVEL_TEXT}"
SUSPENSION_REASON = f"Herhaalde spam door {NAME}"
DECISION_NOTE = f"Afgewezen, {NAME}"
NEEDLES = (EMAIL, NAME, TOPLEVEL_TEXT, REPLY_TEXT, DELIVERED_REPLY_TEXT, REPORT_TEXT, APPEAL_TEXT, DIETARY, "amira.zq")


def _stringify(value) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def scan_every_table(needles=NEEDLES) -> list[str]:
    """Every row of every table, as text: where does any of the needles still appear?"""
    found = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(sa.select(table)).all():
            blob = " ".join(_stringify(value) for value in row).lower()
            found += [f"{table.name}: {needle!r} in {blob[:300]}" for needle in needles if needle.lower() in blob]
    return found


def rich_setup(app) -> dict:
    """Amira takes part everywhere; others reply, moderators act; some mail is delivered."""
    amira = make_user(app, email=EMAIL, name=NAME)
    bram, chloe = make_user(app, name="Bram Anders"), make_user(app, name="Chloe Anders")
    hider = make_user(app, role=Role.MODERATOR, name="Moderator Een")
    decider = make_user(app, role=Role.MODERATOR, name="Moderator Twee")
    consultation = make_consultation(app)
    question = make_question(app, consultation)
    bram_comment = make_comment(app, consultation, bram, body="Bram begint een draad")
    chloe_comment = make_comment(app, consultation, chloe, body="Chloe begint een draad")
    upcoming = make_event(app, ask_dietary=True)
    other_upcoming = make_event(app)
    past = make_event(app, when="past")
    with app.test_request_context("/nl/", method="POST"):
        get = db.session.get
        person = get(User, amira.id)
        own = comments.post_comment(person, get(type(consultation), consultation.id), TOPLEVEL_TEXT, "for")
        comments.post_comment(person, own.consultation, REPLY_TEXT, "against", parent=get(Comment, bram_comment.id))
        comments.post_comment(
            person, own.consultation, DELIVERED_REPLY_TEXT, "neutral", parent=get(Comment, chloe_comment.id)
        )
        db.session.flush()
        # Chloe already received the notice of Amira's reply; Bram's is still waiting.
        for message in db.session.scalars(sa.select(OutboxMessage).where(OutboxMessage.recipient == chloe.email)):
            message.sent_at = utcnow() - timedelta(days=1)
        comments.post_comment(get(User, bram.id), own.consultation, "Bram antwoordt Amira", "for", parent=own)
        comments.endorse(person, get(Comment, bram_comment.id))
        comments.report_comment(person, get(Comment, chloe_comment.id), "other", REPORT_TEXT)
        cast_ballot(question, person, BallotInput(option_ids=[question.options[0].id]))
        cast_ballot(question, get(User, bram.id), BallotInput(option_ids=[question.options[1].id]))
        moderation.hide_comment(get(User, hider.id), own, "offensive", HIDE_NOTE)
        moderation.hide_comment(get(User, hider.id), get(Comment, bram_comment.id), "spam", "Nota voor Bram")
        comments.appeal_hide(person, own, APPEAL_TEXT)
        appeal = db.session.scalar(sa.select(CommentAppeal).where(CommentAppeal.comment_id == own.id))
        moderation.decide_appeal(get(User, decider.id), appeal, "rejected", DECISION_NOTE)
        register_resident(upcoming.id, person, Answers(dietary_needs=DIETARY))
        # Without logging in, with the same address: one confirmed, one never confirmed, one past.
        request_guest_registration(other_upcoming.id, NAME, EMAIL, "nl", Answers())
        pending = db.session.scalar(sa.select(Registration).where(Registration.event_id == other_upcoming.id))
        confirm_guest_registration(pending.id, other_upcoming.id)
        db.session.add(
            Registration(
                event_id=past.id,
                name=NAME,
                email=EMAIL,
                status=RegistrationStatus.CONFIRMED,
                sequence=1,
                checked_in_at=utcnow(),
            )
        )
        moderation.suspend_user(get(User, hider.id), person, utcnow() + timedelta(days=3), SUSPENSION_REASON)
        # Some of her own mail was delivered long ago, the rest waits.
        for message in db.session.scalars(
            sa.select(OutboxMessage).where(OutboxMessage.recipient == EMAIL).order_by(OutboxMessage.id).limit(2)
        ):
            message.sent_at = utcnow() - timedelta(days=2)
        db.session.commit()
        return {
            "amira": amira,
            "bram": bram,
            "chloe": chloe,
            "own_comment": own.id,
            "bram_comment": bram_comment.id,
            "question": question,
            "events": (upcoming, other_upcoming, past),
        }


def test_the_append_only_log_holds_no_personal_text(app):
    rich_setup(app)
    with app.app_context():
        rows = " ".join(
            _stringify(v) for row in db.session.execute(sa.select(AuditEntry.__table__)).all() for v in row
        ).lower()
        for needle in (NAME, TOPLEVEL_TEXT, "nota voor bram", "afgewezen", "herhaalde spam"):
            assert needle.lower() not in rows
        kept = {(d.field, d.value) for d in db.session.scalars(sa.select(AuditPersonalDetail))}
        assert {
            ("note", HIDE_NOTE),
            ("reason", SUSPENSION_REASON),
            ("note", DECISION_NOTE),
            ("note", "Nota voor Bram"),
        } <= kept


def test_export_holds_every_kind_of_data(app):
    setup = rich_setup(app)
    with app.test_request_context("/nl/"):
        data = json.loads(json.dumps(accounts.export_user_data(db.session.get(User, setup["amira"].id))))
    assert data["account"]["email"] == EMAIL and data["account"]["suspension_reason"] == SUSPENSION_REASON
    registrations = data["events"]["registrations"]
    assert len(registrations) == 3
    assert sorted(r["as_visitor"] for r in registrations) == [False, True, True]
    assert any(r["dietary_needs"] == DIETARY for r in registrations)
    texts = {c["text"] for c in data["comments"]["comments"]}
    assert texts == {TOPLEVEL_TEXT, REPLY_TEXT, DELIVERED_REPLY_TEXT}
    hidden = next(c for c in data["comments"]["comments"] if c["text"] == TOPLEVEL_TEXT)["hidden"]
    assert hidden["reason"] == "offensive" and hidden["moderator_note"] == HIDE_NOTE
    assert [e["comment_id"] for e in data["comments"]["endorsements"]] == [setup["bram_comment"]]
    assert [r["text"] for r in data["comments"]["reports"]] == [REPORT_TEXT]
    [appeal] = data["comments"]["appeals"]
    assert (appeal["text"], appeal["outcome"], appeal["decision_note"]) == (APPEAL_TEXT, "rejected", DECISION_NOTE)
    [ballot] = data["votes"]["ballots"]
    assert ballot["question"] == setup["question"].prompt
    assert [c["option"] for c in ballot["choices"]] == [setup["question"].options[0].label]
    assert "count" not in json.dumps(data["votes"]), "only her own answers, never the counts of others"
    decisions = {(d["action"], d.get("note")) for d in data["moderation"]["decisions"]}
    assert ("comment.hide", HIDE_NOTE) in decisions and ("appeal.rejected", DECISION_NOTE) in decisions
    assert ("appeal.submitted", None) in decisions
    assert "Nota voor Bram" not in json.dumps(data), "decisions about others are not hers"
    [suspension] = data["moderation"]["suspensions"]
    assert suspension["action"] == "user.suspend" and suspension["reason"] == SUSPENSION_REASON
    mail = data["mail"]["messages"]
    assert {m["to"] for m in mail} == {EMAIL}
    kinds = {m["kind"] for m in mail}
    assert {
        "comment_reply",
        "moderation_hidden",
        "moderation_appeal_decided",
        "event_confirmed",
        "event_guest_confirm",
    } <= kinds
    assert any(m["sent_at"] for m in mail) and any(not m["sent_at"] for m in mail)
    assert any("Bram antwoordt Amira" in m["text"] for m in mail)


def test_deleting_the_account_leaves_nothing_behind_but_the_decisions(app, client):
    setup = rich_setup(app)
    with app.app_context():
        entries_before = [tuple(r) for r in db.session.execute(sa.select(AuditEntry.__table__).order_by(AuditEntry.id))]
        assert scan_every_table(), "the set-up does put her data everywhere"
        chloes_mail = db.session.scalar(
            sa.select(OutboxMessage.id).where(
                OutboxMessage.recipient == setup["chloe"].email, OutboxMessage.template == "comment_reply"
            )
        )
    with app.test_request_context("/nl/account/delete", method="POST"):
        accounts.delete_account(db.session.get(User, setup["amira"].id), PASSWORD, remove_comment_texts=True)
        db.session.commit()
    with app.app_context():
        assert scan_every_table() == []
        # The decisions stay, unchanged, in the append-only log.
        entries_after = [tuple(r) for r in db.session.execute(sa.select(AuditEntry.__table__).order_by(AuditEntry.id))]
        assert len(entries_after) == len(entries_before) == 5
        for before, after in zip(entries_before, entries_after, strict=True):
            assert before[:2] + before[3:] == after[:2] + after[3:]
            assert after[2] == (None if before[2] == setup["amira"].id else before[2])
        assert {e[3] for e in entries_after} >= {"comment.hide", "appeal.submitted", "appeal.rejected", "user.suspend"}
        # Personal details of others stay.
        assert db.session.scalar(sa.select(AuditPersonalDetail.value)) == "Nota voor Bram"
        # Bram's waiting notice of her reply is not sent; Chloe's delivered one keeps only its envelope.
        assert (
            db.session.scalar(
                sa.select(sa.func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.recipient == setup["bram"].email, OutboxMessage.template == "comment_reply")
            )
            == 0
        )
        delivered = db.session.get(OutboxMessage, chloes_mail)
        assert (delivered.recipient, delivered.body_text, delivered.body_html) == (setup["chloe"].email, "", None)
        # Her comments show as deleted; replies by others stay.
        own = db.session.get(Comment, setup["own_comment"])
        assert own.author_id is None and own.deleted_at is not None
        assert db.session.scalar(sa.select(Comment.body).where(Comment.body == "Bram antwoordt Amira"))
        # The past event keeps its attendance, without her.
        past = setup["events"][2]
        [attended] = db.session.scalars(sa.select(Registration).where(Registration.event_id == past.id))
        assert attended.checked_in_at is not None and attended.email is None and attended.name is None
    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD, lang="en")
    log = text(client.get("/en/moderate/log"))
    assert "Appeal rejected" in log and "Nota voor Bram" in log and NAME not in log


def test_without_the_option_only_her_published_comments_keep_their_text(app):
    setup = rich_setup(app)
    with app.test_request_context("/nl/account/delete", method="POST"):
        accounts.delete_account(db.session.get(User, setup["amira"].id), PASSWORD)
        db.session.commit()
    with app.app_context():
        left = scan_every_table()
        assert left and all(hit.startswith("comments: ") for hit in left), left
        assert not [hit for hit in left if repr(NAME) in hit or repr(EMAIL) in hit]


def test_deleting_through_the_page_with_the_option_removes_the_comment_texts(app, client):
    person = make_user(app, email=EMAIL, name=NAME)
    comment = make_comment(app, make_consultation(app), person, body=TOPLEVEL_TEXT)
    client.login(EMAIL, PASSWORD)
    page = text(client.get("/en/account/data"))
    assert "Also remove the text of my comments" in page
    response = client.submit(
        "/nl/account/data",
        {"password": PASSWORD, "confirm": "y", "remove_comment_texts": "y"},
        action="/nl/account/delete",
    )
    assert response.status_code == 303
    with app.app_context():
        stored = db.session.get(Comment, comment.id)
        assert stored.deleted_at is not None and TOPLEVEL_TEXT not in stored.body
        assert scan_every_table() == []


def test_an_unconfirmed_sign_up_cannot_read_or_erase_what_a_visitor_holds_under_that_address(app, runner):
    event = make_event(app)
    with app.test_request_context("/nl/", method="POST"):
        request_guest_registration(event.id, "Echte Bezoeker", EMAIL, "nl", Answers())
        db.session.commit()
    squatter = make_user(app, email=EMAIL, verified=False)
    with app.test_request_context("/nl/"):
        data = accounts.export_user_data(db.session.get(User, squatter.id))
        assert data["events"]["registrations"] == [] and data["mail"]["messages"] == []
        db.session.get(User, squatter.id).created_at = utcnow() - timedelta(days=8)
        db.session.commit()
    assert "unverified_accounts: 1 (" in runner.invoke(args=["purge"]).output
    with app.app_context():
        assert db.session.get(User, squatter.id) is None
        assert db.session.scalar(sa.select(Registration.email)) == EMAIL
        assert db.session.scalar(sa.select(OutboxMessage.template)) == "event_guest_confirm"


# --- retention ----------------------------------------------------------------------------------

NOW = utcnow().replace(microsecond=0)


def _mail(recipient: str, *, sent_days_ago: int | None, queued_days_ago: int = 0) -> int:
    message = OutboxMessage(
        recipient=recipient,
        subject="Onderwerp",
        body_text=f"Hallo {recipient}",
        body_html=f"<p>Hallo {recipient}</p>",
        lang="nl",
        template="verify_email",
        created_at=NOW - timedelta(days=queued_days_ago),
        sent_at=NOW - timedelta(days=sent_days_ago) if sent_days_ago is not None else None,
    )
    db.session.add(message)
    db.session.flush()
    return message.id


def test_delivered_mail_loses_its_body_then_its_address(app):
    from participation.core.retention import run_purges

    with app.app_context():
        fresh = _mail("vers@example.org", sent_days_ago=29)
        month = _mail("maand@example.org", sent_days_ago=31)
        half_year = _mail("halfjaar@example.org", sent_days_ago=181)
        waiting = _mail("wacht@example.org", sent_days_ago=None, queued_days_ago=400)
        db.session.commit()
        counts = {r.kind: r.count for r in run_purges(now=NOW)}
        assert counts["mail_bodies"] == 2 and counts["mail_addresses"] == 1
        rows = {m.id: (m.recipient, m.body_text, m.body_html) for m in db.session.scalars(sa.select(OutboxMessage))}
        assert rows[fresh] == ("vers@example.org", "Hallo vers@example.org", "<p>Hallo vers@example.org</p>")
        assert rows[month] == ("maand@example.org", "", None)
        assert rows[half_year] == ("", "", None)
        assert rows[waiting][0] == "wacht@example.org", "mail still waiting is never thinned out"
        # Applied again, nothing more to do.
        again = {r.kind: r.count for r in run_purges(now=NOW)}
        assert again["mail_bodies"] == again["mail_addresses"] == 0


def test_retention_periods_come_from_the_configuration(app, monkeypatch):
    from participation.core.retention import run_purges

    monkeypatch.setitem(app.config, "RETENTION_MAIL_BODY_DAYS", 3)
    monkeypatch.setitem(app.config, "RETENTION_MAIL_ADDRESS_DAYS", 10)
    with app.app_context():
        _mail("a@example.org", sent_days_ago=4)
        _mail("b@example.org", sent_days_ago=11)
        db.session.commit()
        results = {r.kind: r for r in run_purges(now=NOW)}
    assert results["mail_bodies"].count == 2 and results["mail_addresses"].count == 1
    assert results["mail_bodies"].description == "mail delivered over 3 days ago, text removed"


def test_purge_reports_each_kind_with_its_count(app, runner):
    with app.app_context():
        old_unverified = User(
            email="oud@example.org", display_name="Oud", password_hash="x", created_at=utcnow() - timedelta(days=8)
        )
        db.session.add(old_unverified)
        _mail("geleverd@example.org", sent_days_ago=200)
        db.session.commit()
    output = runner.invoke(args=["purge"]).output
    for line in (
        "unverified_accounts: 1 (accounts never confirmed within 7 days, deleted)",
        "mail_bodies: 1 (mail delivered over 30 days ago, text removed)",
        "mail_addresses: 1 (mail delivered over 180 days ago, address removed)",
        "unconfirmed_registrations: 0 (",
        "attendee_data: 0 (",
        "Purge done: 3 row(s)",
    ):
        assert line in output, output


def test_configuration_reads_retention_periods_from_the_environment():
    from participation.config import ConfigError, retention_periods

    assert retention_periods({})["RETENTION_MAIL_BODY_DAYS"] == 30
    assert retention_periods({"RETENTION_MAIL_ADDRESS_DAYS": "90"})["RETENTION_MAIL_ADDRESS_DAYS"] == 90
    for bad in ("0", "dertig", "-5"):
        with pytest.raises(ConfigError):
            retention_periods({"RETENTION_MAIL_BODY_DAYS": bad})


def test_privacy_statement_quotes_the_configured_periods(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RETENTION_MAIL_BODY_DAYS", 12)
    monkeypatch.setitem(app.config, "RETENTION_MAIL_ADDRESS_DAYS", 99)
    monkeypatch.setitem(app.config, "RETENTION_ATTENDEE_DATA_DAYS", 400)
    page = text(client.get("/en/privacy"))
    assert "Its text is removed 12 days after it was sent." in page
    assert "99 days after it was sent" in page
    assert "anonymised 400 days after the event" in page
    assert "Accounts whose e-mail address is never confirmed are deleted after 7 days." in page
    assert "What stays after you delete your account, and why" in page
