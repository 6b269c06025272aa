"""Statement factories: an opinion map with statements, votes written directly."""

from __future__ import annotations

from datetime import timedelta

from participation.consultations.models import Consultation
from participation.core.time import utcnow
from participation.extensions import db
from participation.statements.models import OpinionMap, Statement, StatementState, StatementVote
from tests.factories import detach


def make_map(app, consultation, texts=("Meer groen in de stad.",), *, state="open", residents_may_add=True):
    """Switch statements on for `consultation` (open now, or closed) with seed statements."""
    now = utcnow()
    opens, closes = {
        "open": (now - timedelta(days=1), now + timedelta(days=10)),
        "closed": (now - timedelta(days=10), now - timedelta(hours=1)),
        "upcoming": (now + timedelta(days=1), now + timedelta(days=10)),
    }[state]
    with app.app_context():
        db.session.add(
            OpinionMap(
                consultation_id=consultation.id, opens_at=opens, closes_at=closes, residents_may_add=residents_may_add
            )
        )
        statements = []
        for text in texts:
            value = text if isinstance(text, dict) else {"nl": text}
            statement = Statement(consultation_id=consultation.id, language="nl", text=value, is_seed=True)
            db.session.add(statement)
            statements.append(statement)
        db.session.commit()
        return [detach(s) for s in statements]


def add_statement(app, consultation, text, *, author=None, language="nl", state=StatementState.PUBLISHED):
    with app.app_context():
        statement = Statement(
            consultation_id=consultation.id,
            language=language,
            text={language: text},
            author_id=author.id if author else None,
            state=state,
        )
        db.session.add(statement)
        db.session.commit()
        return detach(statement)


def votes_of(app, statement_id):
    with app.app_context():
        return [
            (v.user_id, v.value)
            for v in db.session.scalars(db.select(StatementVote).where(StatementVote.statement_id == statement_id))
        ]


def statement(app, statement_id):
    with app.app_context():
        return detach(db.session.get(Statement, statement_id))


def opinion_map(app, consultation_id):
    with app.app_context():
        return detach(db.session.get(OpinionMap, consultation_id))


__all__ = ["Consultation"]
