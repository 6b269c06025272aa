"""Commands: create-user, send-mail over a real SMTP server; the development outbox page."""

from __future__ import annotations

import socket

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller

from participation.accounts.models import User
from participation.core.permissions import Role
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
    result = runner.invoke(args=["create-user", "Admin@Example.org", "--role", "admin",
                                 "--password", "a sturdy admin passphrase"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == "admin@example.org"))
        assert user.role == Role.ADMIN and user.is_verified


def test_create_user_asks_for_the_password_when_not_given(app, runner):
    result = runner.invoke(args=["create-user", "org@example.org", "--role", "organiser"],
                           input="a sturdy organiser phrase\na sturdy organiser phrase\n")
    assert result.exit_code == 0, result.output


def test_create_user_refuses_a_weak_password_and_a_taken_address(app, runner):
    weak = runner.invoke(args=["create-user", "x@example.org", "--password", "short"])
    assert weak.exit_code != 0
    make_user(app, email="taken@example.org")
    taken = runner.invoke(args=["create-user", "taken@example.org", "--password", "a sturdy admin passphrase"])
    assert taken.exit_code != 0
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1


def test_send_mail_delivers_the_outbox_with_text_and_html(app, client, runner, smtp_server):
    client.submit("/fr/account/signup", {"email": "camille@example.org", "display_name": "Camille",
                                         "password": "des tulipes sur le Kouter", "preferred_language": "fr",
                                         "consent": "y"})
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
    result = runner.invoke(args=["send-mail"])
    assert result.exit_code == 1
    [message] = outbox(app)
    assert message.sent_at is None and message.attempts == 1 and "SMTP" in message.last_error


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


def test_administrator_changes_a_role_and_the_person_is_logged_out(app, client, other_client):
    resident = make_user(app)
    admin = make_user(app, role=Role.ADMIN)
    other_client.login(resident.email, PASSWORD)
    client.login(admin.email, PASSWORD)
    response = client.submit("/nl/admin/users", {"role": "organiser"},
                             action=f"/nl/admin/users/{resident.id}/role")
    assert response.status_code == 303
    with app.app_context():
        assert db.session.get(User, resident.id).role == Role.ORGANISER
    assert other_client.get("/nl/account/").status_code == 302


def test_administrator_cannot_change_their_own_role(app, client):
    admin = make_user(app, role=Role.ADMIN)
    client.login(admin.email, PASSWORD)
    client.submit("/nl/admin/users", {"role": "resident"}, action=f"/nl/admin/users/{admin.id}/role")
    with app.app_context():
        assert db.session.get(User, admin.id).role == Role.ADMIN
