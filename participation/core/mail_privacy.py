"""Personal data in the outbox: a person's mail in their data download, erased with their
account, and thinned out by the retention periods.

Whose mail a message is: the account it was sent to (`OutboxPerson` role "recipient", also
when sent to an earlier address) or, for a verified account, any message to its address. A
message to someone else that names or quotes the person has role "mentioned" (a reply
notification carries the reply's author and text).

On erasure:
- the person's own mail is deleted, delivered or not;
- mail to others that names or quotes them and is still waiting is deleted (it is never
  sent: its reader would learn the name of someone who asked to be forgotten; the reply itself
  stays on the site under "Deleted participant");
- mail to others that names or quotes them and was already delivered keeps its recipient,
  subject, template and dates (the other person's record of being mailed) but loses its body.

Retention (`flask purge`): delivered or given-up mail loses its body after
RETENTION_MAIL_BODY_DAYS and its address after RETENTION_MAIL_ADDRESS_DAYS.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from participation.core.mail import OutboxMessage, OutboxPerson
from participation.extensions import db


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _their_mail(account_id: int, addresses: Iterable[str]) -> sa.ColumnElement[bool]:
    linked = sa.select(OutboxPerson.message_id).where(
        OutboxPerson.user_id == account_id, OutboxPerson.role == "recipient"
    )
    condition = OutboxMessage.id.in_(linked)
    addresses = [a for a in addresses if a]
    if addresses:
        condition = sa.or_(condition, OutboxMessage.recipient.in_(addresses))
    return condition


def export_mail(account_id: int, addresses: Iterable[str]) -> list[dict]:
    """The mail sent (or waiting to be sent) to this person, as far as the outbox still holds it."""
    messages = db.session.scalars(
        sa.select(OutboxMessage).where(_their_mail(account_id, addresses)).order_by(OutboxMessage.id)
    )
    return [
        {
            "to": m.recipient,
            "subject": m.subject,
            "text": m.body_text,
            "kind": m.template,
            "language": m.lang,
            "queued_at": _iso(m.created_at),
            "sent_at": _iso(m.sent_at),
            "given_up_at": _iso(m.failed_at),
        }
        for m in messages
    ]


@dataclass(frozen=True)
class MailErasure:
    deleted: int = 0  # their own mail
    withheld: int = 0  # waiting mail to others that named or quoted them
    emptied: int = 0  # delivered mail to others that named or quoted them: body removed


_NO_BODY = {"body_text": "", "body_html": sa.null(), "attachments": sa.null()}


def erase_mail(account_id: int, addresses: Iterable[str]) -> MailErasure:
    """Remove this person from the outbox (see the module docstring for what goes and what stays)."""
    own = list(db.session.scalars(sa.select(OutboxMessage.id).where(_their_mail(account_id, addresses))))
    mentioning = sa.select(OutboxPerson.message_id).where(
        OutboxPerson.user_id == account_id, OutboxPerson.role == "mentioned"
    )
    others = sa.and_(OutboxMessage.id.in_(mentioning), OutboxMessage.id.not_in(own))
    waiting = sa.and_(OutboxMessage.sent_at.is_(None), OutboxMessage.failed_at.is_(None))
    withheld = list(db.session.scalars(sa.select(OutboxMessage.id).where(others, waiting)))
    emptied = list(db.session.scalars(sa.select(OutboxMessage.id).where(others, sa.not_(waiting))))
    gone = own + withheld
    if gone:
        db.session.execute(sa.delete(OutboxPerson).where(OutboxPerson.message_id.in_(gone)))
        db.session.execute(
            sa.delete(OutboxMessage).where(OutboxMessage.id.in_(gone)).execution_options(synchronize_session=False)
        )
    if emptied:
        db.session.execute(
            sa.update(OutboxMessage)
            .where(OutboxMessage.id.in_(emptied))
            .values(**_NO_BODY)
            .execution_options(synchronize_session=False)
        )
        db.session.execute(
            sa.delete(OutboxPerson).where(OutboxPerson.message_id.in_(emptied), OutboxPerson.user_id == account_id)
        )
    db.session.flush()
    return MailErasure(deleted=len(own), withheld=len(withheld), emptied=len(emptied))


def _done_before(cutoff: datetime) -> sa.ColumnElement[bool]:
    """Delivered, or given up, before the cutoff (mail still waiting is never thinned out)."""
    return sa.func.coalesce(OutboxMessage.sent_at, OutboxMessage.failed_at) < cutoff


def strip_old_mail_bodies(now: datetime, days: int) -> int:
    """Delivered mail loses its text, HTML and attachments `days` after delivery; returns how many."""
    result = db.session.execute(
        sa.update(OutboxMessage)
        .where(
            _done_before(now - timedelta(days=days)),
            sa.or_(OutboxMessage.body_text != "", OutboxMessage.body_html.is_not(None)),
        )
        .values(**_NO_BODY)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def strip_old_mail_addresses(now: datetime, days: int) -> int:
    """Delivered mail loses its address (and any body left) `days` after delivery; returns how many.

    What stays is a row per message: its kind, language, subject and dates.
    """
    old = list(
        db.session.scalars(
            sa.select(OutboxMessage.id).where(
                _done_before(now - timedelta(days=days)),
                sa.or_(OutboxMessage.recipient != "", OutboxMessage.id.in_(sa.select(OutboxPerson.message_id))),
            )
        )
    )
    if not old:
        return 0
    db.session.execute(sa.delete(OutboxPerson).where(OutboxPerson.message_id.in_(old)))
    db.session.execute(
        sa.update(OutboxMessage)
        .where(OutboxMessage.id.in_(old))
        .values(recipient="", **_NO_BODY)
        .execution_options(synchronize_session=False)
    )
    return len(old)
