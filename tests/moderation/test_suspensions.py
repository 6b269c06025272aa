"""Suspensions as decisions: a record per suspension, a mail with the reason, the end and the way
to appeal, one appeal per suspension decided by someone other than the suspending moderator, the
person told; and the site-wide transparency figures (page and API) that count them."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from participation.accounts.models import User
from participation.comments.models import (
    AppealOutcome,
    Comment,
    CommentAppeal,
    CommentReport,
    CommentState,
    ReportReason,
)
from participation.core import audit
from participation.core.audit import AuditEntry
from participation.core.errors import Conflict, NotAllowed
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db
from participation.moderation import services
from participation.moderation.models import Suspension, SuspensionAppeal, SuspensionAppealOutcome
from tests.comments.factories import make_comment, make_consultation
from tests.factories import PASSWORD, get, make_user
from tests.support import FormClient, link_in, outbox, text

APPEAL_TEXT = "Ik heb niemand beledigd; lees mijn reactie nog eens."


def _suspend(client, person, *, duration="7", reason="Herhaalde beledigingen", lang="en"):
    url = f"/{lang}/moderate/people/{person.id}"
    return client.submit(url, {"duration": duration, "reason": reason, "confirmed": "1"}, action=url + "/suspend")


def _suspensions(app, person) -> list[Suspension]:
    with app.app_context():
        rows = list(db.session.scalars(sa.select(Suspension).where(Suspension.user_id == person.id)))
        for row in rows:
            db.session.expunge(row)
        return rows


def _appeal_of(app, person) -> SuspensionAppeal | None:
    with app.app_context():
        appeal = db.session.scalar(sa.select(SuspensionAppeal).join(Suspension).where(Suspension.user_id == person.id))
        if appeal is not None:
            db.session.expunge(appeal)
        return appeal


def _decide(client, appeal_id, outcome, note="", lang="en"):
    url = f"/{lang}/moderate/suspension-appeals/{appeal_id}"
    return client.submit(url, {"outcome": outcome, "note": note})


@pytest.fixture
def suspended(app, client, other_client):
    """A resident suspended for 7 days by a moderator; the resident is logged in on `other_client`."""
    moderator = make_user(app, role=Role.MODERATOR, name="Mo")
    person = make_user(app, name="Ruben", language="en")
    client.login(moderator.email, PASSWORD, lang="en")
    assert _suspend(client, person).status_code == 303
    other_client.login(person.email, PASSWORD, lang="en")
    return {"moderator": moderator, "person": person}


# --- the record and the mail --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "until_text", "appeal_text"),
    [
        ("nl", "december 2026", "Log in and appeal here"),  # the catalogue may lack the new sentences
        ("en", "December 2026", "Log in and appeal here"),
        ("fr", "décembre 2026", "Log in and appeal here"),
    ],
)
def test_suspending_records_it_and_mails_reason_end_and_appeal_link_in_their_language(
    app, client, lang, until_text, appeal_text
):
    moderator = make_user(app, role=Role.MODERATOR)
    person = make_user(app, language=lang)
    client.login(moderator.email, PASSWORD, lang="en")
    before = utcnow()
    assert _suspend(client, person, duration="7", reason="Herhaalde beledigingen").status_code == 303

    [record] = _suspensions(app, person)
    assert record.suspended_by_id == moderator.id and record.reason == "Herhaalde beledigingen"
    assert record.ends_at is not None and record.ends_at - before >= timedelta(days=7)
    assert record.lifted_at is None
    [mail] = outbox(app, person.email, "suspension_started")
    assert mail.lang == lang
    assert "Herhaalde beledigingen" in mail.body_text and "Herhaalde beledigingen" in mail.body_html
    assert until_text in mail.body_text.lower() or until_text in mail.body_text
    assert link_in(mail, "/account/suspension") == f"/{lang}/account/suspension"
    # The end is Brussels time: the hour in the mail is the local one.
    local_hour = record.ends_at.astimezone(ZoneInfo("Europe/Brussels")).strftime("%H:%M")
    assert local_hour in mail.body_text


def test_until_further_notice_says_so(app, client):
    moderator, person = make_user(app, role=Role.MODERATOR), make_user(app, language="en")
    client.login(moderator.email, PASSWORD, lang="en")
    assert _suspend(client, person, duration="permanent").status_code == 303
    [record] = _suspensions(app, person)
    assert record.ends_at is None
    [mail] = outbox(app, person.email, "suspension_started")
    assert "until further notice" in mail.body_text


def test_the_mail_link_leads_through_log_in_to_the_appeal_page(app, client, other_client):
    moderator, person = make_user(app, role=Role.MODERATOR), make_user(app, language="en")
    client.login(moderator.email, PASSWORD, lang="en")
    _suspend(client, person, reason="Spam in elke reactie")
    link = link_in(outbox(app, person.email, "suspension_started")[0], "/account/suspension")
    anonymous = other_client.get(link)
    assert anonymous.status_code in (302, 303) and "/account/login" in anonymous.headers["Location"]
    other_client.login(person.email, PASSWORD, lang="en")
    page = other_client.get(link)
    assert page.status_code == 200
    assert "Spam in elke reactie" in text(page) and 'name="text"' in text(page)
    # And from the account page.
    assert "/en/account/suspension" in text(other_client.get("/en/account/"))


def test_a_new_suspension_replaces_the_one_in_force(app, client):
    moderator, person = make_user(app, role=Role.MODERATOR), make_user(app)
    client.login(moderator.email, PASSWORD, lang="en")
    _suspend(client, person, duration="1")
    _suspend(client, person, duration="permanent")
    first, second = sorted(_suspensions(app, person), key=lambda s: s.id)
    assert first.lifted_at is not None and second.lifted_at is None and second.ends_at is None


def test_lifting_early_tells_the_person_and_closes_an_open_appeal(app, client, other_client, suspended):
    person = suspended["person"]
    assert other_client.submit("/en/account/suspension", {"text": APPEAL_TEXT}).status_code == 303
    url = f"/en/moderate/people/{person.id}"
    assert client.submit(url, action=url + "/lift").status_code == 303
    assert not get(app, User, person.id).is_suspended()
    [record] = _suspensions(app, person)
    assert record.lifted_at is not None and record.lifted_by_id == suspended["moderator"].id
    [mail] = outbox(app, person.email, "suspension_lifted")
    assert "lifted" in mail.body_text
    appeal = _appeal_of(app, person)
    assert appeal.outcome == SuspensionAppealOutcome.LIFTED and appeal.decided_at is not None


# --- one appeal per suspension ----------------------------------------------------------------------


def test_one_appeal_per_suspension(app, other_client, suspended):
    person = suspended["person"]
    response = other_client.submit("/en/account/suspension", {"text": APPEAL_TEXT})
    assert response.status_code == 303
    page = text(other_client.get(response.headers["Location"]))
    assert APPEAL_TEXT in page and 'name="text"' not in page
    second = other_client.submit("/en/account/suspension", {"text": "Nog eens, met andere woorden dan eerst."})
    assert second.status_code == 409 and "You already appealed against this suspension." in text(second)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(SuspensionAppeal)) == 1
        actions = list(db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.target_id == person.id)))
    assert "suspension_appeal.submitted" in actions


def test_the_database_refuses_a_second_appeal(app, suspended):
    [record] = _suspensions(app, suspended["person"])
    with app.app_context():
        db.session.add(SuspensionAppeal(suspension_id=record.id, text="Eerste beroep."))
        db.session.commit()
        db.session.add(SuspensionAppeal(suspension_id=record.id, text="Tweede beroep."))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_the_appeal_text_is_checked(app, other_client, suspended):
    response = other_client.submit("/en/account/suspension", {"text": "kort"})
    assert response.status_code == 422 and "Write between 10 and 2000 characters." in text(response)
    assert _appeal_of(app, suspended["person"]) is None


def test_nobody_appeals_for_someone_else(app, client, other_client, suspended):
    # Anonymous: to the log-in page, nothing stored.
    anonymous = app.test_client()
    response = anonymous.post("/en/account/suspension", data={"text": APPEAL_TEXT})
    assert response.status_code in (302, 303, 400)
    # Another resident: the page is about their own account, which is not suspended.
    other = make_user(app)
    client.login(other.email, PASSWORD, lang="en")
    assert "Your account is not suspended." in text(client.get("/en/account/suspension"))
    response = client.submit("/en/account/suspension", {"text": APPEAL_TEXT})
    assert response.status_code == 404
    assert _appeal_of(app, suspended["person"]) is None


def test_an_ended_suspension_cannot_be_appealed(app, ctx):
    moderator, person = make_user(app, role=Role.MODERATOR), make_user(app)
    record = services.suspend_user(db.session.get(User, moderator.id), db.session.get(User, person.id), None, "x")
    services.lift_suspension(db.session.get(User, moderator.id), db.session.get(User, person.id))
    with pytest.raises(Conflict) as refused:
        services.appeal_suspension(db.session.get(User, person.id), record, APPEAL_TEXT)
    assert "afgelopen" in str(refused.value.message)  # the message, in Dutch (the default language)


# --- who decides ---------------------------------------------------------------------------------


def test_the_suspending_moderator_cannot_decide(app, client, other_client, suspended):
    other_client.submit("/en/account/suspension", {"text": APPEAL_TEXT})
    appeal = _appeal_of(app, suspended["person"])
    page = text(client.get(f"/en/moderate/suspension-appeals/{appeal.id}"))
    assert "You decided this suspension" in page and 'name="outcome"' not in page
    response = _decide(client, appeal.id, "lifted")
    assert response.status_code == 403
    assert _appeal_of(app, suspended["person"]).decided_at is None
    assert get(app, User, suspended["person"].id).is_suspended()


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.ADMIN])
def test_another_moderator_or_an_admin_lifts_on_appeal_and_the_person_is_told(app, other_client, suspended, role):
    person = suspended["person"]
    other_client.submit("/en/account/suspension", {"text": APPEAL_TEXT})
    appeal = _appeal_of(app, person)
    decider = make_user(app, role=role)
    judge = FormClient(app.test_client())
    judge.login(decider.email, PASSWORD, lang="en")
    # The queue, the appeals list and the list of suspended accounts show the open appeal.
    assert "1 appeal waits for a decision" in text(judge.get("/en/moderate/"))
    assert f"/en/moderate/suspension-appeals/{appeal.id}" in text(judge.get("/en/moderate/appeals"))
    suspended_list = judge.get("/en/moderate/suspensions").get_data(as_text=True)
    assert f'<a href="/en/moderate/suspension-appeals/{appeal.id}">Waiting for a decision</a>' in suspended_list
    response = _decide(judge, appeal.id, "lifted", note="Eén misstap, geen patroon.")
    assert response.status_code == 303
    decided = _appeal_of(app, person)
    assert decided.outcome == SuspensionAppealOutcome.LIFTED and decided.decided_by_id == decider.id
    assert decided.decision_note == "Eén misstap, geen patroon."
    assert not get(app, User, person.id).is_suspended()
    [record] = _suspensions(app, person)
    assert record.lifted_at is not None and record.lifted_by_id == decider.id
    [mail] = outbox(app, person.email, "suspension_appeal_decided")
    assert "granted it" in mail.body_text and "Eén misstap, geen patroon." in mail.body_text
    # The log shows the decision.
    log = text(judge.get("/en/moderate/log"))
    assert "Suspension lifted on appeal" in log and "Appeal against a suspension submitted" in log
    # Decided once only: the page shows the outcome and no form any more.
    decided_page = judge.get(f"/en/moderate/suspension-appeals/{appeal.id}").get_data(as_text=True)
    assert "Appeal granted: suspension lifted" in decided_page and 'name="outcome"' not in decided_page
    assert _decide(judge, appeal.id, "upheld").status_code == 409
    assert _appeal_of(app, person).outcome == SuspensionAppealOutcome.LIFTED


def test_an_upheld_appeal_keeps_the_suspension(app, other_client, suspended):
    person = suspended["person"]
    other_client.submit("/en/account/suspension", {"text": APPEAL_TEXT})
    appeal = _appeal_of(app, person)
    judge = FormClient(app.test_client())
    judge.login(make_user(app, role=Role.MODERATOR).email, PASSWORD, lang="en")
    assert _decide(judge, appeal.id, "upheld").status_code == 303
    assert get(app, User, person.id).is_suspended()
    # Still suspended, nothing waits any more.
    suspended_list = judge.get("/en/moderate/suspensions").get_data(as_text=True)
    assert "Ruben" in suspended_list and "None waiting" in suspended_list
    assert f"/en/moderate/suspension-appeals/{appeal.id}" not in suspended_list
    [mail] = outbox(app, person.email, "suspension_appeal_decided")
    assert "rejected it" in mail.body_text and "stays suspended until" in mail.body_text
    page = text(other_client.get("/en/account/suspension"))
    assert "suspension upheld" in page and 'name="text"' not in page


def test_residents_cannot_decide_and_the_service_refuses_too(app, other_client, suspended):
    person = suspended["person"]
    other_client.submit("/en/account/suspension", {"text": APPEAL_TEXT})
    appeal = _appeal_of(app, person)
    resident = make_user(app)
    visitor = FormClient(app.test_client())
    visitor.login(resident.email, PASSWORD, lang="en")
    assert visitor.get(f"/en/moderate/suspension-appeals/{appeal.id}").status_code == 403
    with app.test_request_context("/nl/", method="POST"):
        for actor in (resident, person, suspended["moderator"]):
            with pytest.raises(NotAllowed):
                services.decide_suspension_appeal(
                    db.session.get(User, actor.id), db.session.get(SuspensionAppeal, appeal.id), "lifted", None
                )
            db.session.rollback()
    assert _appeal_of(app, person).decided_at is None


def test_only_an_admin_decides_a_staff_members_appeal(app, ctx):
    admin, admin2 = make_user(app, role=Role.ADMIN), make_user(app, role=Role.ADMIN)
    organiser, moderator = make_user(app, role=Role.ORGANISER), make_user(app, role=Role.MODERATOR)
    record = services.suspend_user(db.session.get(User, admin.id), db.session.get(User, organiser.id), None, "x")
    appeal = services.appeal_suspension(db.session.get(User, organiser.id), record, APPEAL_TEXT)
    with pytest.raises(NotAllowed):
        services.decide_suspension_appeal(db.session.get(User, moderator.id), appeal, "lifted", None)
    services.decide_suspension_appeal(db.session.get(User, admin2.id), appeal, "lifted", None)
    assert not db.session.get(User, organiser.id).is_suspended()


def test_erasing_the_person_keeps_the_counts_but_not_the_words(app, ctx):
    from participation.moderation.gdpr import erase_moderation_data, export_moderation_data

    moderator, person = make_user(app, role=Role.MODERATOR), make_user(app)
    record = services.suspend_user(db.session.get(User, moderator.id), db.session.get(User, person.id), None, "Ruzie")
    services.appeal_suspension(db.session.get(User, person.id), record, APPEAL_TEXT)
    exported = export_moderation_data(db.session.get(User, person.id))
    assert exported["suspension_appeals"][0]["text"] == APPEAL_TEXT
    erase_moderation_data(db.session.get(User, person.id))
    db.session.expire_all()
    kept = db.session.get(Suspension, record.id)
    assert kept.reason is None and kept.appeal.text is None


# --- transparency ------------------------------------------------------------------------------------


HOUR = 3600


def _known_figures(app):
    """Three consultations' worth of moderation with known times; returns the ids it needs."""
    author, reporter = make_user(app), make_user(app)
    moderator, moderator2 = make_user(app, role=Role.MODERATOR), make_user(app, role=Role.MODERATOR)
    first, second = make_consultation(app), make_consultation(app)
    now = utcnow()
    with app.test_request_context("/nl/", method="POST"):
        mod = db.session.get(User, moderator.id)
        # Three reported comments, hidden 1, 2 and 10 hours after their first report: median 2 hours.
        for consultation, hours, reason in ((first, 1, "spam"), (first, 2, "offensive"), (second, 10, "spam")):
            comment = make_comment(app, consultation, author, body=f"Reactie {hours}")
            db.session.add(
                CommentReport(
                    comment_id=comment.id,
                    reporter_id=reporter.id,
                    reason=ReportReason.SPAM,
                    created_at=now - timedelta(hours=hours),
                )
            )
            db.session.flush()
            services.hide_comment(mod, db.session.get(Comment, comment.id), reason, None)
            # The factories write through an app context of their own: with real commits (make
            # test) this one must not hold SQLite's write lock when they do.
            db.session.commit()
        # Hidden without a report (pre-moderation): counted per reason, not in the median.
        pending = make_comment(app, second, author, body="Wacht", state=CommentState.PENDING)
        services.hide_comment(mod, db.session.get(Comment, pending.id), "off_topic", None)
        db.session.commit()
        # Appeals against hides: decided after 4 and 8 hours (median 6), one still open.
        for consultation, hours, outcome in ((first, 4, AppealOutcome.GRANTED), (second, 8, AppealOutcome.REJECTED)):
            comment = make_comment(app, consultation, author, body=f"Beroep {hours}")
            db.session.add(
                CommentAppeal(
                    comment_id=comment.id,
                    author_id=author.id,
                    text="Graag opnieuw bekijken.",
                    created_at=now - timedelta(hours=hours),
                    decided_at=now,
                    outcome=outcome,
                    decided_by_id=moderator2.id,
                )
            )
            db.session.commit()
        open_one = make_comment(app, first, author, body="Open beroep")
        db.session.add(CommentAppeal(comment_id=open_one.id, author_id=author.id, text="Nog open."))
        db.session.commit()
        # Suspensions: two with an end, one until further notice; appeals decided after 1 and 3 days.
        people = [make_user(app, name=f"Geheim {i}") for i in range(3)]
        records = [
            services.suspend_user(mod, db.session.get(User, people[0].id), now + timedelta(days=7), "Geheime reden"),
            services.suspend_user(mod, db.session.get(User, people[1].id), now + timedelta(days=30), "Geheime reden"),
            services.suspend_user(mod, db.session.get(User, people[2].id), None, "Geheime reden"),
        ]
        for record, days, outcome in ((records[0], 1, "upheld"), (records[1], 3, "lifted")):
            db.session.add(
                SuspensionAppeal(
                    suspension_id=record.id,
                    text="Geheim beroep",
                    created_at=now - timedelta(days=days),
                    decided_at=now,
                    outcome=SuspensionAppealOutcome(outcome),
                    decided_by_id=moderator2.id,
                )
            )
        db.session.add(SuspensionAppeal(suspension_id=records[2].id, text="Geheim beroep"))
        db.session.commit()
    return {"first": first, "second": second}


def test_empty_site_figures(app, client):
    data = client.get("/api/v1/transparency").get_json()
    assert data["hidden"] == {} and data["suspensions"]["total"] == 0
    assert data["median_seconds"] == {"hidden_comments": None, "comment_appeals": None, "suspension_appeals": None}
    page = client.get("/en/transparency/")
    assert page.status_code == 200 and "No comment has been hidden." in text(page)


@pytest.mark.parametrize(
    ("lang", "two_hours", "two_days"),
    [("nl", "2 uur", "2 dagen"), ("en", "2 hours", "2 days"), ("fr", "2\xa0heures", "2\xa0jours")],
)
def test_the_site_wide_page_in_each_language(app, client, lang, two_hours, two_days):
    known = _known_figures(app)
    response = client.get(f"/{lang}/transparency/")
    assert response.status_code == 200
    page = text(response)
    assert f'lang="{lang}"' in page
    assert two_hours in page and two_days in page  # durations in the page's language
    assert "Geheim" not in page and "Geheime reden" not in page  # no names, no reasons
    assert "/api/v1/transparency" in page
    # Linked from the footer of every page and from each consultation's own figures.
    assert f"/{lang}/transparency/" in text(client.get(f"/{lang}/"))
    own = text(client.get(f"/{lang}/consultations/{known['first'].slug}/moderation"))
    assert f"/{lang}/transparency/" in own


def test_numbers_are_formatted_per_locale(app, client):
    moderator = make_user(app, role=Role.MODERATOR)
    author = make_user(app)
    consultation = make_consultation(app)
    comment = make_comment(app, consultation, author)
    with app.test_request_context("/nl/", method="POST"):
        for _ in range(1234):
            audit.record(
                db.session.get(User, moderator.id),
                "comment.hide",
                "comment",
                comment.id,
                reason="spam",
                consultation_id=consultation.id,
            )
        db.session.commit()
    assert "1.234" in text(client.get("/nl/transparency/"))
    assert "1,234" in text(client.get("/en/transparency/"))
    assert "1\u202f234" in text(client.get("/fr/transparency/")) or "1\xa0234" in text(client.get("/fr/transparency/"))


def test_suspension_appeals_are_in_the_moderation_log_filter(app, client):
    moderator = make_user(app, role=Role.MODERATOR)
    client.login(moderator.email, PASSWORD, lang="en")
    page = text(client.get("/en/moderate/log"))
    assert 'value="suspension_appeal.lifted"' in page
