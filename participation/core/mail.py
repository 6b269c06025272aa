"""E-mail outbox: mail is written in the same transaction as the change that causes it,
then delivered over SMTP by `flask send-mail` (once, or in a loop).
"""

from __future__ import annotations

import base64
import logging
import smtplib
from contextlib import contextmanager
from datetime import datetime
from email.message import EmailMessage
from email.utils import make_msgid

import sqlalchemy as sa
from flask import current_app, has_request_context, render_template
from sqlalchemy.orm import Mapped, mapped_column

from participation.core.db import CreatedAt, IntPK, utcnow
from participation.core.i18n import force_locale
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
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(sa.String(500))


def queue_mail(
    recipient: str,
    template: str,
    lang: str,
    attachments: list[tuple[str, str, bytes]] | None = None,
    **context,
) -> OutboxMessage:
    """Render templates/emails/<template>.{subject.txt,txt,html} in `lang` and queue it.

    The caller's transaction commits the message together with the change it reports.
    """
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
    db.session.add(message)
    return message


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


def deliver_outbox(batch_size: int = 50) -> tuple[int, int]:
    """Send unsent messages over SMTP; return (sent, failed). Commits per message."""
    config = current_app.config
    stmt = (
        sa.select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None), OutboxMessage.attempts < 5)
        .order_by(OutboxMessage.id)
        .limit(batch_size)
        .with_for_update(skip_locked=True)
    )
    messages = list(db.session.scalars(stmt))
    if not messages:
        db.session.rollback()
        return 0, 0
    sent = failed = 0
    smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    try:
        with smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
            for message in messages:
                message.attempts += 1
                try:
                    smtp.send_message(build_email(message, config["MAIL_DEFAULT_SENDER"]))
                    message.sent_at = utcnow()
                    message.last_error = None
                    sent += 1
                except smtplib.SMTPException as exc:
                    message.last_error = str(exc)[:500]
                    failed += 1
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("SMTP server unavailable: %s", exc)
        for message in messages:
            if message.sent_at is None:
                message.attempts += 1
                message.last_error = f"SMTP unavailable: {exc}"[:500]
                failed += 1
    db.session.commit()
    return sent, failed
