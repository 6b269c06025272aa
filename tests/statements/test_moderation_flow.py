"""Statements go through the same moderation as comments: the author of a hidden statement is
mailed in their language with how to appeal, appeals once, someone else decides, the main
moderation queue, appeals list and log show statements, and "my participation" lists them."""

from __future__ import annotations

import sqlalchemy as sa

from participation.consultations.models import ModerationMode
from participation.core.permissions import Role
from participation.extensions import db
from participation.statements.models import OpinionMap, StatementAppeal, StatementState
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.statements.factories import add_statement, make_map, statement
from tests.support import link_in, outbox, text

NOTE = "Dit gaat over een persoon, niet over het plan."
APPEAL = "Mijn stelling gaat over het plan, niet over een persoon."


def _login(client, user, lang="nl"):
    client.login(user.email, PASSWORD, lang=lang)


def _hidden_by(app, client, moderator, c, author, lang="en", words="Het park moet groter worden."):
    """A resident's statement that `moderator` hides through the moderation page."""
    make_map(app, c, texts=())
    s = add_statement(app, c, words, author=author)
    _login(client, moderator, lang)
    response = client.submit(f"/{lang}/moderate/statements/{s.id}/hide", {"reason": "personal_data", "note": NOTE})
    assert response.status_code == 303
    client.logout(lang)
    return s


def _appeal_id(app, statement_id):
    with app.app_context():
        return db.session.scalar(sa.select(StatementAppeal.id).where(StatementAppeal.statement_id == statement_id))


def _recompute_requested(app, consultation_id):
    with app.app_context():
        return db.session.get(OpinionMap, consultation_id).recompute_requested_at is not None


class TestHidingMailsTheAuthorWithHowToAppeal:
    def test_the_author_gets_the_reason_and_the_appeal_link_in_their_language(self, app, client):
        author = make_user(app, language="fr")
        moderator = make_user(app, role=Role.MODERATOR)
        c = make_consultation(app)
        s = _hidden_by(app, client, moderator, c, author)
        [mail] = outbox(app, author.email, "statement_hidden")
        assert mail.lang == "fr"
        assert NOTE in mail.body_text and "Het park moet groter worden." in mail.body_text
        assert f"/fr/consultations/{c.slug}/statements/{s.id}/appeal" in mail.body_text
        assert 'lang="nl"' in mail.body_html, "the Dutch statement is marked in a French mail"

    def test_a_seed_statement_has_nobody_to_mail(self, app, client):
        c = make_consultation(app)
        (s,) = make_map(app, c)
        _login(client, make_user(app, role=Role.MODERATOR), "en")
        assert (
            client.submit(f"/en/moderate/statements/{s.id}/hide", {"reason": "spam", "note": NOTE}).status_code == 303
        )
        assert outbox(app, template="statement_hidden") == []

    def test_a_moderator_does_not_hide_their_own_statement(self, app, client):
        moderator = make_user(app, role=Role.MODERATOR)
        c = make_consultation(app)
        make_map(app, c, texts=())
        s = add_statement(app, c, "Mijn eigen stelling hier.", author=moderator)
        _login(client, moderator, "en")
        response = client.submit(f"/en/moderate/statements/{s.id}/hide", {"reason": "spam", "note": NOTE})
        assert response.status_code == 403
        assert statement(app, s.id).state == StatementState.PUBLISHED


class TestOneAppealOnly:
    def test_the_author_appeals_from_the_mail_once(self, app, client):
        author = make_user(app)
        c = make_consultation(app)
        s = _hidden_by(app, client, make_user(app, role=Role.MODERATOR), c, author)
        link = link_in(outbox(app, author.email, "statement_hidden")[0], "/appeal")
        _login(client, author)
        page = text(client.get(link))
        assert "Het park moet groter worden." in page and NOTE in page
        assert client.submit(link, {"text": APPEAL}).status_code == 303
        assert _appeal_id(app, s.id) is not None
        again = client.get(link.replace("/nl/", "/en/"))
        assert again.status_code == 409 and "You already appealed" in text(again)
        with app.app_context():
            assert db.session.scalar(sa.select(sa.func.count()).select_from(StatementAppeal)) == 1

    def test_the_database_keeps_one_appeal_per_statement(self, app, client):
        author = make_user(app)
        c = make_consultation(app)
        s = _hidden_by(app, client, make_user(app, role=Role.MODERATOR), c, author)
        with app.app_context():
            db.session.add(StatementAppeal(statement_id=s.id, author_id=author.id, text=APPEAL))
            db.session.commit()
            db.session.add(StatementAppeal(statement_id=s.id, author_id=author.id, text=APPEAL))
            try:
                db.session.commit()
                raise AssertionError("a second appeal was stored")
            except sa.exc.IntegrityError:
                db.session.rollback()

    def test_only_the_author_and_only_a_hidden_statement(self, app, client):
        author = make_user(app)
        c = make_consultation(app)
        s = _hidden_by(app, client, make_user(app, role=Role.MODERATOR), c, author)
        _login(client, make_user(app))
        assert client.get(f"/nl/consultations/{c.slug}/statements/{s.id}/appeal").status_code == 404
        shown = add_statement(app, c, "Een stelling die gewoon getoond wordt.", author=author)
        _login(client, author)
        response = client.get(f"/nl/consultations/{c.slug}/statements/{shown.id}/appeal")
        assert response.status_code == 409

    def test_a_too_short_appeal_is_refused_on_the_form(self, app, client):
        author = make_user(app)
        c = make_consultation(app)
        s = _hidden_by(app, client, make_user(app, role=Role.MODERATOR), c, author)
        _login(client, author, "en")
        url = f"/en/consultations/{c.slug}/statements/{s.id}/appeal"
        response = client.submit(url, {"text": "no"})
        assert response.status_code == 422 and "between 10 and" in text(response)
        assert _appeal_id(app, s.id) is None


def _appealed(app, client, c, author, hider):
    s = _hidden_by(app, client, hider, c, author)
    _login(client, author)
    assert client.submit(f"/nl/consultations/{c.slug}/statements/{s.id}/appeal", {"text": APPEAL}).status_code == 303
    return s, _appeal_id(app, s.id)


class TestWhoDecidesAnAppeal:
    def test_the_moderator_who_hid_it_may_not_decide(self, app, client):
        hider = make_user(app, role=Role.MODERATOR)
        s, appeal_id = _appealed(app, client, make_consultation(app), make_user(app), hider)
        _login(client, hider, "en")
        page = text(client.get(f"/en/moderate/statements/appeals/{appeal_id}"))
        assert "You hid this statement" in page and 'name="outcome"' not in page
        response = client.submit(f"/en/moderate/statements/appeals/{appeal_id}", {"outcome": "granted", "note": ""})
        assert response.status_code == 403
        assert statement(app, s.id).state == StatementState.HIDDEN

    def test_the_author_may_not_decide_even_as_a_moderator(self, app, client):
        author = make_user(app, role=Role.MODERATOR)
        s, appeal_id = _appealed(app, client, make_consultation(app), author, make_user(app, role=Role.MODERATOR))
        _login(client, author, "en")
        response = client.submit(f"/en/moderate/statements/appeals/{appeal_id}", {"outcome": "granted"})
        assert response.status_code == 403 and "your own statement" in text(response)

    def test_a_resident_cannot_reach_the_decision(self, app, client):
        s, appeal_id = _appealed(
            app, client, make_consultation(app), make_user(app), make_user(app, role=Role.MODERATOR)
        )
        _login(client, make_user(app), "en")
        assert client.get(f"/en/moderate/statements/appeals/{appeal_id}").status_code == 403


class TestTheDecision:
    def test_granted_shows_the_statement_again_recomputes_the_map_and_mails_the_author(self, app, client):
        author = make_user(app, language="en")
        c = make_consultation(app)
        s, appeal_id = _appealed(app, client, c, author, make_user(app, role=Role.MODERATOR))
        with app.app_context():
            db.session.execute(sa.update(OpinionMap).values(recompute_requested_at=None))
            db.session.commit()
        _login(client, make_user(app, role=Role.MODERATOR), "en")
        response = client.submit(
            f"/en/moderate/statements/appeals/{appeal_id}", {"outcome": "granted", "note": "Terecht bezwaar."}
        )
        assert response.status_code == 303
        assert statement(app, s.id).state == StatementState.PUBLISHED
        assert _recompute_requested(app, c.id)
        [mail] = outbox(app, author.email, "statement_appeal_decided")
        assert mail.lang == "en" and "granted" in mail.body_text and "Terecht bezwaar." in mail.body_text
        # Shown to residents again.
        _login(client, make_user(app), "en")
        assert "Het park moet groter worden." in text(client.get(f"/en/consultations/{c.slug}/statements/"))

    def test_rejected_keeps_it_hidden_and_a_second_decision_is_refused(self, app, client):
        author = make_user(app, language="en")
        s, appeal_id = _appealed(app, client, make_consultation(app), author, make_user(app, role=Role.MODERATOR))
        _login(client, make_user(app, role=Role.MODERATOR), "en")
        url = f"/en/moderate/statements/appeals/{appeal_id}"
        assert client.submit(url, {"outcome": "rejected", "note": ""}).status_code == 303
        assert statement(app, s.id).state == StatementState.HIDDEN
        [mail] = outbox(app, author.email, "statement_appeal_decided")
        assert "rejected" in mail.body_text
        assert "Appeal rejected" in text(client.get(url))
        assert client.submit(url, {"outcome": "granted"}).status_code == 409

    def test_showing_the_statement_again_grants_a_waiting_appeal(self, app, client):
        author = make_user(app, language="en")
        s, appeal_id = _appealed(app, client, make_consultation(app), author, make_user(app, role=Role.MODERATOR))
        _login(client, make_user(app, role=Role.MODERATOR), "en")
        token = client.token_from("/en/moderate/statements/")
        assert client.post(f"/en/moderate/statements/{s.id}/restore", data={"csrf_token": token}).status_code == 303
        with app.app_context():
            assert db.session.get(StatementAppeal, appeal_id).outcome.value == "granted"
        assert len(outbox(app, author.email, "statement_appeal_decided")) == 1


class TestTheModeratorsMainQueueAndLog:
    def test_the_queue_shows_pending_and_reported_statements_with_a_link(self, app, client, other_client):
        c = make_consultation(app, moderation_mode=ModerationMode.PRE)
        (seed,) = make_map(app, c, texts=("Een stelling die gemeld wordt.",))
        pending = add_statement(app, c, "Een stelling die wacht.", author=make_user(app), state=StatementState.PENDING)
        _login(other_client, make_user(app), "en")
        assert (
            other_client.submit(
                f"/en/consultations/{c.slug}/statements/{seed.id}/report", {"reason": "spam", "text": ""}
            ).status_code
            == 303
        )
        _login(client, make_user(app, role=Role.MODERATOR), "en")
        page = text(client.get("/en/moderate/"))
        assert "Statements to review" in page
        assert "Een stelling die wacht." in page and "Een stelling die gemeld wordt." in page
        assert f"/en/moderate/statements/#statement-{pending.id}" in page
        assert "1 open report" in page

    def test_the_appeals_list_shows_statement_appeals(self, app, client):
        s, appeal_id = _appealed(
            app, client, make_consultation(app), make_user(app), make_user(app, role=Role.MODERATOR)
        )
        _login(client, make_user(app, role=Role.MODERATOR), "en")
        page = text(client.get("/en/moderate/appeals"))
        assert f"/en/moderate/statements/appeals/{appeal_id}" in page
        assert "1 appeal waits" in text(client.get("/en/moderate/"))

    def test_the_log_shows_statement_actions_and_filters_on_them(self, app, client):
        s, appeal_id = _appealed(
            app, client, make_consultation(app), make_user(app), make_user(app, role=Role.MODERATOR)
        )
        _login(client, make_user(app, role=Role.MODERATOR), "en")
        page = text(client.get("/en/moderate/log"))
        assert "Statement hidden" in page and f"Statement {s.id}" in page and NOTE in page
        assert "Appeal submitted" in page
        filtered = text(client.get("/en/moderate/log?action=statement.hidden"))
        assert "Statement hidden" in filtered and "Appeal submitted</td>" not in filtered


class TestMyParticipationListsStatements:
    def test_written_statements_with_their_state_and_votes_per_consultation(self, app, client):
        me = make_user(app)
        c = make_consultation(app)
        (seed,) = make_map(app, c)
        add_statement(app, c, "Mijn stelling die getoond wordt.", author=me)
        add_statement(app, c, "Mijn stelling die nog wacht.", author=me, state=StatementState.PENDING)
        _login(client, me, "en")
        token = client.token_from(f"/en/consultations/{c.slug}/statements/")
        vote = client.post(
            f"/en/consultations/{c.slug}/statements/{seed.id}/vote", data={"csrf_token": token, "value": "agree"}
        )
        assert vote.status_code == 303
        page = text(client.get("/en/account/participation"))
        assert "writing or voting on statements" in page
        assert "Mijn stelling die getoond wordt." in page and "Mijn stelling die nog wacht." in page
        assert "waiting for a moderator" in page and "You voted on 1 statement." in page
        assert f"/en/consultations/{c.slug}/statements/" in page

    def test_a_hidden_statement_links_to_its_appeal_until_appealed(self, app, client):
        author = make_user(app)
        c = make_consultation(app)
        s = _hidden_by(app, client, make_user(app, role=Role.MODERATOR), c, author)
        _login(client, author, "en")
        appeal_url = f"/en/consultations/{c.slug}/statements/{s.id}/appeal"
        page = text(client.get("/en/account/participation"))
        assert "hidden by a moderator" in page and appeal_url in page
        assert client.submit(appeal_url, {"text": APPEAL}).status_code == 303
        assert appeal_url not in text(client.get("/en/account/participation"))

    def test_someone_who_only_voted_on_statements_hears_of_the_results(self, app):
        from participation.my_participation.queries import participants_of

        voter = make_user(app)
        c = make_consultation(app)
        (seed,) = make_map(app, c)
        with app.app_context():
            from participation.statements.models import StatementVote

            db.session.add(StatementVote(statement_id=seed.id, consultation_id=c.id, user_id=voter.id, value=1))
            db.session.commit()
            assert [u.id for u in db.session.scalars(participants_of(c.id))] == [voter.id]


class TestAppealsArePersonalData:
    def test_an_appeal_is_exported_and_erased_with_the_account(self, app, client):
        from participation.statements.gdpr import erase_statement_data, export_statement_data

        author = make_user(app)
        s, appeal_id = _appealed(app, client, make_consultation(app), author, make_user(app, role=Role.MODERATOR))
        with app.test_request_context("/nl/"):
            user = db.session.get(type(author), author.id)
            [row] = export_statement_data(user)["statement_appeals"]
            assert row["statement_id"] == s.id and row["text"] == APPEAL and row["outcome"] is None
            erase_statement_data(user)
            db.session.commit()
            assert db.session.get(StatementAppeal, appeal_id) is None, "an open appeal goes with the account"
            assert statement(app, s.id).moderator_note is None


def test_the_decision_form_posts_to_the_statement_appeal(app, client):
    s, appeal_id = _appealed(app, client, make_consultation(app), make_user(app), make_user(app, role=Role.MODERATOR))
    _login(client, make_user(app, role=Role.MODERATOR), "en")
    page = text(client.get(f"/en/moderate/statements/appeals/{appeal_id}"))
    assert f'action="/en/moderate/statements/appeals/{appeal_id}"' in page and 'name="outcome"' in page
    assert APPEAL in page and "Het park moet groter worden." in page
