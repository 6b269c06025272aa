"""Commands: create-user, send-mail over a real SMTP server; the development outbox page."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller

from participation.accounts.models import User
from participation.core.mail import MAX_REJECTIONS, OutboxMessage
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db
from tests.factories import PASSWORD, make_user
from tests.support import outbox, text


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(app):
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    old = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = port
    yield inbox
    app.config["MAIL_PORT"] = old
    controller.stop()


def test_create_user_makes_a_verified_account_with_a_role(app, runner):
    result = runner.invoke(
        args=["create-user", "Admin@Example.org", "--role", "admin", "--password", "a sturdy admin passphrase"]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == "admin@example.org"))
        assert user.role == Role.ADMIN and user.is_verified


def test_create_user_asks_for_the_password_when_not_given(app, runner, client):
    result = runner.invoke(
        args=["create-user", "org@example.org", "--role", "organiser"],
        input="a sturdy organiser phrase\na sturdy organiser phrase\n",
    )
    assert result.exit_code == 0, result.output
    assert "a sturdy organiser phrase" not in result.output  # hidden while typed
    assert client.login("org@example.org", "a sturdy organiser phrase").status_code == 303
    assert client.get("/nl/organise/").status_code == 200


def test_create_user_prompt_repeats_until_both_entries_match(app, runner, client):
    result = runner.invoke(
        args=["create-user", "mod@example.org", "--role", "moderator"],
        input="first try phrase here\nsecond try differs\nthe agreed moderator phrase\nthe agreed moderator phrase\n",
    )
    assert result.exit_code == 0, result.output
    wrong = client.submit("/nl/account/login", {"email": "mod@example.org", "password": "first try phrase here"})
    assert wrong.status_code == 401
    assert client.login("mod@example.org", "the agreed moderator phrase").status_code == 303


@pytest.mark.parametrize("spelling", ["administrator", "Administrator", "admin"])
def test_create_user_accepts_administrator_spelled_out(app, runner, spelling):
    result = runner.invoke(
        args=["create-user", "boss@example.org", "--role", spelling, "--password", "a sturdy admin passphrase"]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(sa.select(User.role).where(User.email == "boss@example.org")) == Role.ADMIN


def test_create_user_refuses_a_weak_password_and_a_taken_address(app, runner):
    weak = runner.invoke(args=["create-user", "x@example.org", "--password", "short"])
    assert weak.exit_code != 0
    make_user(app, email="taken@example.org")
    taken = runner.invoke(args=["create-user", "taken@example.org", "--password", "a sturdy admin passphrase"])
    assert taken.exit_code != 0
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1


def test_send_mail_delivers_the_outbox_with_text_and_html(app, client, runner, smtp_server):
    client.submit(
        "/fr/account/signup",
        {
            "email": "camille@example.org",
            "display_name": "Camille",
            "password": "des tulipes sur le Kouter",
            "preferred_language": "fr",
            "consent": "y",
        },
    )
    result = runner.invoke(args=["send-mail"])
    assert result.exit_code == 0 and "Sent 1" in result.output
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["camille@example.org"]
    raw = envelope.content.decode()
    assert "text/plain" in raw and "text/html" in raw
    assert "Content-Language: fr" in raw
    assert outbox(app)[0].sent_at is not None
    again = runner.invoke(args=["send-mail"])
    assert "Sent 0" in again.output and len(smtp_server.messages) == 1


def test_send_mail_keeps_mail_when_the_server_is_down(app, client, runner):
    client.submit("/nl/account/reset", {"email": make_user(app).email})
    for _ in range(10):  # far more runs than the old limit of five attempts
        result = runner.invoke(args=["send-mail"])
        assert result.exit_code == 1
        assert "SMTP server unavailable" in result.output and "mail stays queued" in result.output
    [message] = outbox(app)
    assert message.sent_at is None and message.failed_at is None
    assert message.attempts == 0 and message.next_attempt_at is None  # not the message's fault


def queue_test_mail(app, *recipients):
    with app.app_context():
        for recipient in recipients:
            db.session.add(
                OutboxMessage(
                    recipient=recipient,
                    subject=f"Voor {recipient}",
                    body_text="Hallo",
                    body_html="<p>Hallo</p>",
                    lang="nl",
                    template="test",
                )
            )
        db.session.commit()


class StopLoop(Exception):
    pass


def test_send_mail_loop_delivers_everything_after_an_outage(app, runner, monkeypatch):
    """A two-minute outage used to cost every queued message five attempts, then dropped them."""
    queue_test_mail(app, "a@example.org", "b@example.org", "c@example.org")
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    waits = []

    def fake_sleep(seconds):
        waits.append(seconds)
        if sum(waits) >= 120 and not controller_started:
            controller.start()
            controller_started.append(True)
        if len(inbox.messages) == 3:
            raise StopLoop

    controller_started = []
    monkeypatch.setitem(app.config, "MAIL_PORT", port)
    monkeypatch.setattr("participation.core.commands.sleep", fake_sleep)
    try:
        result = runner.invoke(args=["send-mail", "--loop", "--interval", "5"])
    finally:
        if controller_started:
            controller.stop()
    assert isinstance(result.exception, StopLoop), result.output
    assert sorted(rcpt for envelope in inbox.messages for rcpt in envelope.rcpt_tos) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]
    assert all(message.sent_at is not None and message.attempts == 0 for message in outbox(app))
    outage = waits[: waits.index(max(waits)) + 1]
    assert outage[:4] == [5, 10, 20, 40]  # waits longer each time the server is down...
    assert max(waits) <= 300  # ...up to five minutes
    assert "Sent 3 message(s), 0 refused." in result.output


class PickyInbox(Inbox):
    """Accepts mail, except for addresses starting with "bounce"."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_refused_message_waits_is_retried_and_is_given_up_after_repeated_refusals(app, runner, caplog):
    queue_test_mail(app, "bounce@example.org", "fine@example.org")
    inbox, port = PickyInbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    old_port, app.config["MAIL_PORT"] = app.config["MAIL_PORT"], port
    try:
        first = runner.invoke(args=["send-mail"])
        assert first.exit_code == 1 and "Sent 1 message(s), 1 refused." in first.output
        bounce, fine = outbox(app)
        assert fine.sent_at is not None
        assert bounce.attempts == 1 and "550" in bounce.last_error and bounce.failed_at is None
        assert bounce.next_attempt_at > utcnow() + timedelta(seconds=30)
        # Not due yet: nothing is tried, nothing counted.
        again = runner.invoke(args=["send-mail"])
        assert again.exit_code == 0 and "Sent 0 message(s), 0 refused." in again.output
        assert outbox(app, "bounce@example.org")[0].attempts == 1
        waits = []
        for _ in range(MAX_REJECTIONS - 1):
            with app.app_context():
                row = db.session.get(OutboxMessage, bounce.id)
                waits.append(row.next_attempt_at - utcnow())
                row.next_attempt_at = utcnow() - timedelta(seconds=1)
                db.session.commit()
            runner.invoke(args=["send-mail"])
        assert waits == sorted(waits)  # each refusal waits at least as long as the one before
        [given_up] = outbox(app, "bounce@example.org")
        assert given_up.attempts == MAX_REJECTIONS and given_up.failed_at is not None
        assert given_up.sent_at is None
        assert "given up after 5 refusals" in caplog.text and "bounce@example.org" not in caplog.text
        assert "Sent 0 message(s), 0 refused." in runner.invoke(args=["send-mail"]).output
        assert len(inbox.messages) == 1
    finally:
        app.config["MAIL_PORT"] = old_port
        controller.stop()


def test_outbox_page_says_which_mail_was_given_up(app, client):
    queue_test_mail(app, "bounce@example.org")
    with app.app_context():
        db.session.scalars(sa.select(OutboxMessage)).one().failed_at = utcnow()
        db.session.commit()
    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD, lang="en")
    assert "No: the mail server refused it" in text(client.get("/en/admin/outbox"))


def test_outbox_page_is_for_administrators_only(app, client):
    resident = make_user(app)
    admin = make_user(app, role=Role.ADMIN)
    assert client.get("/nl/admin/outbox").status_code == 302
    client.login(resident.email, PASSWORD)
    assert client.get("/nl/admin/outbox").status_code == 403
    client.logout()
    client.submit("/nl/account/reset", {"email": resident.email})
    client.login(admin.email, PASSWORD)
    page = client.get("/nl/admin/outbox")
    assert page.status_code == 200 and resident.email in text(page)


def test_administration_links_to_outgoing_mail_when_the_page_is_on(app, client, monkeypatch):
    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD, lang="en")
    body = text(client.get("/en/admin/users"))
    assert '<a href="/en/admin/outbox">Outgoing mail</a>' in body
    assert 'href="/en/admin/users" aria-current="page">Accounts and roles</a>' in body
    outbox_page = text(client.get("/en/admin/outbox"))
    assert 'href="/en/admin/outbox" aria-current="page">Outgoing mail</a>' in outbox_page
    assert '<a href="/en/admin/users">Accounts and roles</a>' in outbox_page


def test_outgoing_mail_is_not_linked_and_not_found_when_the_page_is_off(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "SHOW_OUTBOX_PAGE", False)
    queue_test_mail(app, "someone@example.org")
    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD, lang="en")
    assert "/admin/outbox" not in text(client.get("/en/admin/users"))
    assert client.get("/en/admin/outbox").status_code == 404
    with app.app_context():
        message_id = db.session.scalars(sa.select(OutboxMessage.id)).one()
    assert client.get(f"/en/admin/outbox/{message_id}").status_code == 404


def test_administrator_changes_a_role_and_the_person_is_logged_out(app, client, other_client):
    resident = make_user(app)
    admin = make_user(app, role=Role.ADMIN)
    other_client.login(resident.email, PASSWORD)
    client.login(admin.email, PASSWORD)
    response = client.submit(
        "/nl/admin/users", {"role": "organiser", "confirmation": PASSWORD}, action=f"/nl/admin/users/{resident.id}/role"
    )
    assert response.status_code == 303
    with app.app_context():
        assert db.session.get(User, resident.id).role == Role.ORGANISER
    assert other_client.get("/nl/account/").status_code == 302


def test_administrator_cannot_change_their_own_role(app, client):
    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD)
    client.submit(
        "/nl/admin/users", {"role": "resident", "confirmation": PASSWORD}, action=f"/nl/admin/users/{admin.id}/role"
    )
    with app.app_context():
        assert db.session.get(User, admin.id).role == Role.ADMIN
