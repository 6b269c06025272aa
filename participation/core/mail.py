"""E-mail outbox: mail is written in the same transaction as the change that causes it,
then delivered over SMTP by `flask send-mail` (once, or in a loop).

Two kinds of failure are kept apart. When the SMTP server cannot be reached (or drops the
connection), nothing is wrong with the mail: it stays queued, untouched, and the worker
tries again later. When the server refuses one message, that message counts an attempt
and waits longer before each retry; after MAX_REJECTIONS it is given up and logged.
"""

from __future__ import annotations

import base64
import logging
import smtplib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid

import sqlalchemy as sa
from flask import current_app, has_request_context, render_template
from sqlalchemy.orm import Mapped, mapped_column

from participation.core.db import CreatedAt, IntPK
from participation.core.i18n import force_locale
from participation.core.time import utcnow
from participation.extensions import db

log = logging.getLogger(__name__)


class OutboxMessage(db.Model):
    """One e-mail waiting for (or done with) delivery."""

    __tablename__ = "outbox_messages"

    id: Mapped[IntPK]
    recipient: Mapped[str] = mapped_column(sa.String(320))
    subject: Mapped[str] = mapped_column(sa.String(300))
    body_text: Mapped[str] = mapped_column(sa.Text)
    body_html: Mapped[str | None] = mapped_column(sa.Text)
    lang: Mapped[str] = mapped_column(sa.String(8))
    template: Mapped[str] = mapped_column(sa.String(80))
    # [{"filename": ..., "content_type": "text/calendar", "data": base64}]
    attachments: Mapped[list | None] = mapped_column(sa.JSON)
    created_at: Mapped[CreatedAt] = mapped_column(index=True)
    sent_at: Mapped[datetime | None] = mapped_column(index=True)
    # Times the SMTP server refused this message (not counted: the server being unreachable).
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(sa.String(500))
    # After a refusal: not before this moment. None: as soon as possible.
    next_attempt_at: Mapped[datetime | None]
    # Given up after MAX_REJECTIONS refusals; never sent.
    failed_at: Mapped[datetime | None]

    people = db.relationship("OutboxPerson", cascade="all, delete-orphan", passive_deletes=True)


class OutboxPerson(db.Model):
    """An account whose personal data a message holds: its recipient, or someone it quotes.

    Erasing an account finds its mail through these rows (also mail sent to an earlier
    address) and the mail to others that names or quotes it (see core.mail_privacy).
    """

    __tablename__ = "outbox_message_people"
    __table_args__ = (sa.CheckConstraint("role IN ('recipient', 'mentioned')", name="role_known"),)

    message_id: Mapped[int] = mapped_column(sa.ForeignKey("outbox_messages.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(sa.String(10))


def queue_mail(
    recipient: str,
    template: str,
    lang: str,
    attachments: list[tuple[str, str, bytes]] | None = None,
    *,
    account=None,
    mentions=(),
    **context,
) -> OutboxMessage:
    """Render templates/emails/<template>.{subject.txt,txt,html} in `lang` and queue it.

    The caller's transaction commits the message together with the change it reports.
    `account` is the recipient's account (default: the `user` or `person` the template
    greets); `mentions` the other accounts whose name or words the message carries. Both
    are remembered so that erasing one of those accounts finds this message.
    """
    if account is None:
        account = context.get("user") or context.get("person")
    people = {_account_id(account): "recipient"} if _account_id(account) else {}
    for other in mentions:
        if _account_id(other) and _account_id(other) not in people:
            people[_account_id(other)] = "mentioned"
    context["mail_lang"] = lang
    with _rendering_context(), force_locale(lang):
        subject = render_template(f"emails/{template}.subject.txt", **context).strip()
        body_text = render_template(f"emails/{template}.txt", **context)
        body_html = render_template(f"emails/{template}.html", subject=subject, **context)
    message = OutboxMessage(
        recipient=recipient,
        subject=" ".join(subject.split()),
        body_text=body_text,
        body_html=body_html,
        lang=lang,
        template=template,
        attachments=[
            {"filename": name, "content_type": ctype, "data": base64.b64encode(data).decode()}
            for name, ctype, data in (attachments or [])
        ]
        or None,
    )
    message.people = [OutboxPerson(user_id=user_id, role=role) for user_id, role in people.items()]
    db.session.add(message)
    return message


def _account_id(account) -> int | None:
    return getattr(account, "id", account)


@contextmanager
def _rendering_context():
    """Mail needs absolute links; outside a request, pretend to be at PUBLIC_URL."""
    if has_request_context():
        yield
        return
    with current_app.test_request_context("/", base_url=current_app.config["PUBLIC_URL"], method="POST"):
        yield


public_request_context = _rendering_context


def build_email(message: OutboxMessage, sender: str) -> EmailMessage:
    """Turn an outbox row into a MIME message with a plain-text and an HTML part."""
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(domain="participatie.stad.gent")
    email.set_content(message.body_text)
    if message.body_html:
        email.add_alternative(message.body_html, subtype="html")
    # set_content() clears Content-* headers, so this comes after it.
    email["Content-Language"] = message.lang
    for attachment in message.attachments or []:
        maintype, subtype = attachment["content_type"].split("/", 1)
        email.add_attachment(
            base64.b64decode(attachment["data"]),
            maintype=maintype,
            subtype=subtype,
            filename=attachment["filename"],
        )
    return email


# A refused message waits this long before its next try (the last wait repeats).
REJECTION_BACKOFF = (timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1), timedelta(hours=6))
MAX_REJECTIONS = 5


@dataclass(frozen=True)
class DeliveryResult:
    sent: int = 0
    refused: int = 0
    given_up: int = 0
    # Why the SMTP server could not be used; None when it could.
    unavailable: str | None = None


class _ServerUnavailable(Exception):
    """The SMTP server could not be reached, or the connection broke: no message's fault."""


def deliver_outbox(batch_size: int = 50) -> DeliveryResult:
    """Send due messages over SMTP, at most `batch_size`; one transaction per message.

    Each message is locked (FOR UPDATE SKIP LOCKED on PostgreSQL), sent, marked and
    committed on its own, so parallel workers never send the same message and a crash
    resends at most the message it was busy with.
    """
    sent = refused = given_up = 0
    smtp = None
    try:
        for _ in range(batch_size):
            message = _lock_next_due_message()
            if message is None:
                break
            try:
                if smtp is None:
                    smtp = _connect()
                _send(smtp, message)
            except _ServerUnavailable as exc:
                db.session.rollback()
                log.warning("SMTP server unavailable, mail stays queued: %s", exc)
                return DeliveryResult(sent, refused, given_up, unavailable=str(exc)[:500])
            except _Refused as exc:
                refused += 1
                given_up += _record_refusal(message, exc.reason)
            else:
                sent += 1
            db.session.commit()
        db.session.rollback()
    finally:
        if smtp is not None:
            _quit(smtp)
    return DeliveryResult(sent, refused, given_up)


def _lock_next_due_message() -> OutboxMessage | None:
    now = utcnow()
    stmt = (
        sa.select(OutboxMessage)
        .where(
            OutboxMessage.sent_at.is_(None),
            OutboxMessage.failed_at.is_(None),
            sa.or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
        )
        .order_by(OutboxMessage.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    return db.session.scalars(stmt).first()


class _Refused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _connect():
    config = current_app.config
    smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    smtp = None
    try:
        smtp = smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30)
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
    except (OSError, smtplib.SMTPException) as exc:
        if smtp is not None:
            smtp.close()
        raise _ServerUnavailable(f"{type(exc).__name__}: {exc}") from exc
    return smtp


def _send(smtp, message: OutboxMessage) -> None:
    try:
        email = build_email(message, current_app.config["MAIL_DEFAULT_SENDER"])
    except (ValueError, TypeError, KeyError) as exc:  # a row we cannot turn into mail
        raise _Refused(f"cannot build the message: {exc}") from exc
    try:
        smtp.send_message(email)
    except smtplib.SMTPServerDisconnected as exc:
        raise _ServerUnavailable(f"connection lost: {exc}") from exc
    except smtplib.SMTPRecipientsRefused as exc:
        # The reason names no address: it goes to the log.
        answers = sorted({(code, text) for code, text in exc.recipients.values()})
        reason = "recipient refused: " + "; ".join(f"{code} {text!r}" for code, text in answers)
        if {code for code, _text in answers} == {421}:  # "service not available": the server
            raise _ServerUnavailable(reason) from exc
        raise _Refused(reason) from exc
    except smtplib.SMTPResponseException as exc:
        if exc.smtp_code == 421:
            raise _ServerUnavailable(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
        raise _Refused(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
    except smtplib.SMTPException as exc:
        raise _Refused(f"{type(exc).__name__}: {exc}") from exc
    except OSError as exc:
        raise _ServerUnavailable(f"connection lost: {exc}") from exc
    message.sent_at = utcnow()
    message.last_error = None
    message.next_attempt_at = None


def _record_refusal(message: OutboxMessage, reason: str) -> int:
    """Count a refusal and schedule the next try; return 1 when the message is given up."""
    message.attempts += 1
    message.last_error = reason[:500]
    if message.attempts >= MAX_REJECTIONS:
        message.failed_at = utcnow()
        message.next_attempt_at = None
        log.error("mail %s (%s) given up after %s refusals: %s", message.id, message.template, message.attempts, reason)
        return 1
    wait = REJECTION_BACKOFF[min(message.attempts, len(REJECTION_BACKOFF)) - 1]
    message.next_attempt_at = utcnow() + wait
    log.warning("mail %s refused (attempt %s), next try in %s: %s", message.id, message.attempts, wait, reason)
    return 0


def _quit(smtp) -> None:
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()
