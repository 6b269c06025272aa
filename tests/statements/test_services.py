"""Rules of statements: who votes and adds, one vote per person, reports, moderation, the stored map."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participation.accounts.models import User
from participation.consultations.models import Consultation, ModerationMode
from participation.core.audit import AuditEntry
from participation.core.errors import Conflict, NotAllowed, UserError
from participation.extensions import db
from participation.statements import refresh, services
from participation.statements.models import OpinionMap, Statement, StatementState, StatementVote
from tests.consultations.factories import make_consultation
from tests.statements.factories import make_map


def _user(person):
    return db.session.get(User, person.id)


def _statement(s):
    return db.session.get(Statement, s.id)


def _map(c):
    return db.session.get(OpinionMap, c.id)


def test_a_vote_is_stored_then_changed_never_doubled(app, ctx, people):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    assert services.cast_vote(_user(people["resident"]), _statement(s), "agree") is True
    db.session.commit()
    assert services.cast_vote(_user(people["resident"]), _statement(s), "disagree") is False
    db.session.commit()
    rows = db.session.execute(sa.select(StatementVote.user_id, StatementVote.value)).all()
    assert rows == [(people["resident"].id, -1)]
    assert _statement(s).votes_count == 1


def test_the_database_refuses_a_second_vote_row(app, ctx, people):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    for value in (1, -1):
        db.session.add(
            StatementVote(statement_id=s.id, consultation_id=c.id, user_id=people["resident"].id, value=value)
        )
    with pytest.raises(IntegrityError):
        db.session.flush()


@pytest.mark.parametrize("value", ["", "yes", "AGREE", "1", "agree "])
def test_only_agree_disagree_or_pass(app, ctx, people, value):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    with pytest.raises(UserError):
        services.cast_vote(_user(people["resident"]), _statement(s), value)


def test_voting_needs_a_confirmed_resident_and_an_open_map(app, ctx, people):
    c, closed, upcoming = make_consultation(app), make_consultation(app), make_consultation(app)
    (s,) = make_map(app, c)
    (t,) = make_map(app, closed, state="closed")
    (u,) = make_map(app, upcoming, state="upcoming")
    with pytest.raises(NotAllowed):
        services.cast_vote(_user(people["unverified"]), _statement(s), "agree")
    with pytest.raises(Conflict):
        services.cast_vote(_user(people["resident"]), _statement(t), "agree")
    with pytest.raises(Conflict):
        services.cast_vote(_user(people["resident"]), _statement(u), "pass")


def test_a_hidden_statement_takes_no_votes(app, ctx, people):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    services.hide_statement(_user(people["moderator"]), _statement(s), "spam", "Reclame voor een winkel.")
    db.session.commit()
    with pytest.raises(Conflict):
        services.cast_vote(_user(people["resident"]), _statement(s), "agree")


def test_a_statement_is_stored_in_its_authors_language_and_bounded(app, ctx, people):
    c = make_consultation(app)
    make_map(app, c)
    statement = services.add_statement(_user(people["resident"]), _map(c), "  Less   cars in the centre.  ", "en")
    assert statement.text == {"en": "Less cars in the centre."} and statement.language == "en"
    assert statement.state == StatementState.PUBLISHED
    with pytest.raises(UserError):
        services.add_statement(_user(people["resident"]), _map(c), "x" * 281, "nl")
    with pytest.raises(UserError):
        services.add_statement(_user(people["resident"]), _map(c), "Goed", "nl")
    with pytest.raises(UserError):
        services.add_statement(_user(people["resident"]), _map(c), "Meer bomen in de straat.", "xx")


def test_under_pre_moderation_a_statement_waits_and_is_never_shown_until_approved(app, ctx, people):
    c = make_consultation(app, moderation_mode=ModerationMode.PRE)
    make_map(app, c, texts=())
    statement = services.add_statement(_user(people["resident"]), _map(c), "Meer bomen in de straat.", "nl")
    db.session.commit()
    assert statement.state == StatementState.PENDING
    from participation.statements.queries import next_statement

    assert next_statement(c.id, people["resident2"].id) is None
    services.restore_statement(_user(people["moderator"]), _statement(statement))
    db.session.commit()
    assert next_statement(c.id, people["resident2"].id).id == statement.id
    actions = db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.target_id == statement.id)).all()
    assert "statement.approved" in actions


def test_organisers_only_may_add_when_residents_may_not(app, ctx, people):
    c = make_consultation(app)
    make_map(app, c, residents_may_add=False)
    with pytest.raises(Conflict):
        services.add_statement(_user(people["resident"]), _map(c), "Meer bomen in de straat.", "nl")


def test_reports_hide_a_statement_at_the_threshold_and_a_moderator_decides(app, ctx, people):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    for key in ("resident", "resident2"):
        services.report_statement(_user(people[key]), _statement(s), "offensive", None)
    db.session.commit()
    assert _statement(s).state == StatementState.PUBLISHED
    with pytest.raises(Conflict):  # once per person
        services.report_statement(_user(people["resident"]), _statement(s), "spam", None)
    db.session.rollback()
    services.report_statement(_user(people["resident3"]), _statement(s), "spam", None)
    db.session.commit()
    assert _statement(s).state == StatementState.HIDDEN and _statement(s).hidden_reason.value == "reported"
    services.restore_statement(_user(people["moderator"]), _statement(s))
    db.session.commit()
    assert _statement(s).state == StatementState.PUBLISHED


def test_hide_and_restore_need_a_moderator_and_a_reason_and_are_logged(app, ctx, people):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    with pytest.raises(NotAllowed):
        services.hide_statement(_user(people["organiser"]), _statement(s), "spam", "Reclame.")
    with pytest.raises(UserError):
        services.hide_statement(_user(people["moderator"]), _statement(s), "spam", "  ")
    services.hide_statement(_user(people["moderator"]), _statement(s), "off_topic", "Gaat niet over Europa.")
    db.session.commit()
    hidden = _statement(s)
    assert hidden.state == StatementState.HIDDEN and hidden.moderator_note == "Gaat niet over Europa."
    with pytest.raises(Conflict):
        services.hide_statement(_user(people["moderator"]), _statement(s), "spam", "Nog eens.")
    db.session.rollback()
    services.restore_statement(_user(people["moderator"]), _statement(s))
    db.session.commit()
    assert _statement(s).state == StatementState.PUBLISHED and _statement(s).moderator_note is None
    entries = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.target_type == "statement", AuditEntry.target_id == s.id)
    ).all()
    assert [e.action for e in entries] == ["statement.hidden", "statement.restored"]
    assert entries[0].reason == "off_topic" and entries[0].personal == {"note": "Gaat niet over Europa."}


def test_a_vote_asks_for_the_map_and_the_job_stores_it(app, ctx, people):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    services.cast_vote(_user(people["resident"]), _statement(s), "agree")
    db.session.commit()  # the job runs at once after the commit (JOB_QUEUE_URL immediate)
    stored = _map(c)
    db.session.refresh(stored)
    assert stored.computed_at is not None and stored.recompute_requested_at is None
    assert stored.result["counts"] == {str(s.id): [1, 0, 0]} and stored.result["groups"] == []


def test_the_periodic_job_recomputes_maps_marked_out_of_date(app, ctx, people):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    db.session.add(StatementVote(statement_id=s.id, consultation_id=c.id, user_id=people["resident"].id, value=-1))
    db.session.execute(sa.update(OpinionMap).values(recompute_requested_at=sa.func.current_timestamp()))
    db.session.commit()
    refresh.recompute_due()
    stored = _map(c)
    db.session.refresh(stored)
    assert stored.result["counts"] == {str(s.id): [0, 1, 0]} and stored.recompute_requested_at is None


def test_switching_off_is_refused_once_people_voted(app, ctx, people):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    services.cast_vote(_user(people["resident"]), _statement(s), "pass")
    db.session.commit()
    consultation = db.session.get(Consultation, c.id)
    with pytest.raises(Conflict):
        services.configure(
            _user(people["organiser"]),
            consultation,
            enabled=False,
            opens_at=consultation.opens_at,
            closes_at=consultation.closes_at,
            residents_may_add=True,
        )


def test_a_persons_statements_and_votes_are_exported_and_erased(app, ctx, people):
    from participation.statements.gdpr import erase_statement_data, export_statement_data

    c = make_consultation(app)
    (s,) = make_map(app, c)
    user = _user(people["resident"])
    own = services.add_statement(user, _map(c), "Meer zitbanken op het plein.", "nl")
    services.cast_vote(user, _statement(s), "disagree")
    db.session.commit()
    data = export_statement_data(_user(people["resident"]))
    assert [row["text"] for row in data["statements"]] == [{"nl": "Meer zitbanken op het plein."}]
    assert [(row["statement"], row["vote"]) for row in data["statement_votes"]] == [(s.text, "disagree")]
    erase_statement_data(_user(people["resident"]))
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StatementVote)) == 0
    assert _statement(own).author_id is None and _statement(own).text == {"nl": "Meer zitbanken op het plein."}
    # The stored map still counted the vote: it is marked for a new computation.
    assert _map(c).recompute_requested_at is not None
