"""In a real browser, by keyboard: a resident adds a statement, votes on ten, and reads the opinion
map (nl, en, fr); every page on the way is axe-clean."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from participation.core.time import utcnow
from participation.extensions import db
from tests.browser.conftest import axe_violations
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AGREE = {"nl": "Eens", "en": "Agree", "fr": "D'accord"}


def _open_map(live_server) -> str:
    from participation.consultations.models import Consultation, ConsultationState
    from participation.statements.models import OpinionMap, Statement

    slug = f"statements-{uuid.uuid4().hex[:8]}"
    with live_server.app.app_context():
        now = utcnow()
        c = Consultation(
            slug=slug,
            state=ConsultationState.PUBLISHED,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=5),
            published_at=now,
            title={"nl": "Stellingen", "en": "Statements", "fr": "Affirmations"},
            summary={"nl": "S"},
            body={"nl": "T"},
        )
        db.session.add(c)
        db.session.flush()
        db.session.add(OpinionMap(consultation_id=c.id, opens_at=c.opens_at, closes_at=c.closes_at))
        for n in range(12):
            db.session.add(
                Statement(
                    consultation_id=c.id,
                    language="nl",
                    is_seed=True,
                    text={"nl": f"Stelling {n}.", "en": f"Statement {n}.", "fr": f"Affirmation {n}."},
                )
            )
        db.session.commit()
    return slug


def _check(page, axe_source, where: str) -> None:
    assert not axe_violations(page, axe_source, TAGS), where


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_add_a_statement_vote_on_ten_and_see_the_map(page, live_server, axe_source, lang):
    slug = _open_map(live_server)
    user = make_user(live_server.app, language=lang)
    page.goto(f"/{lang}/account/login")
    page.fill("main input[name=email]", user.email)
    page.fill("main input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()

    page.goto(f"/{lang}/consultations/{slug}/statements/")
    assert page.evaluate("() => document.documentElement.lang") == lang
    _check(page, axe_source, "voting page")

    # Add a statement (the form is a plain form: typed and sent by keyboard).
    page.locator("main textarea[name=text]").fill(f"My statement in {lang}, added by keyboard.")
    page.locator("main select[name=language]").select_option(lang)
    page.locator("main form[action$='/statements/new'] button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/statements/added" in page.url
    _check(page, axe_source, "statement added")

    # Vote on ten statements, one at a time, with the keyboard (the script swaps the statement in).
    page.goto(f"/{lang}/consultations/{slug}/statements/")
    for _n in range(10):
        text = page.locator("main .statement-card__text").inner_text()
        page.locator("main form[action$='/vote'] button[value=agree]").focus()
        page.keyboard.press("Enter")
        expect(page.locator("main .statement-card__text")).not_to_have_text(text)
    expect(page.locator("main .statements__progress")).to_contain_text("10", use_inner_text=True)
    _check(page, axe_source, "voting page after ten votes")

    # The map of this consultation (too few people yet), and the demo's map with groups.
    page.goto(f"/{lang}/consultations/{slug}/statements/map")
    _check(page, axe_source, "map, too few votes")
    from participation.demo.loader import load_statements

    page.goto(f"/{lang}/consultations/{load_statements().consultation}/statements/map")
    expect(page.locator("main svg circle")).to_have_count(3)
    expect(page.locator("main #common-heading + p + ul li").first).to_be_attached()
    _check(page, axe_source, "map with groups and common ground")


def test_voting_with_javascript_moves_to_the_next_statement_without_a_page_load(page, live_server):
    """The script sends the vote in the background: the next statement takes the answered one's
    place, the focus moves to its heading, the live region says the vote is saved, and the vote
    is stored exactly as the plain form stores it."""
    from participation.statements.models import StatementVote

    slug = _open_map(live_server)
    user = make_user(live_server.app, language="en")
    page.goto("/en/account/login")
    page.fill("main input[name=email]", user.email)
    page.fill("main input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    page.goto(f"/en/consultations/{slug}/statements/")
    page.evaluate("() => { window.stillTheSamePage = true; }")
    first = page.locator("main .statement-card__text").inner_text()

    page.locator("main form[action$='/vote'] button[value=disagree]").click()

    expect(page.locator("main .statement-card__text")).not_to_have_text(first)
    expect(page.locator("#statement-announce")).to_contain_text("Your vote is saved.")
    expect(page.locator("main .statements__progress")).to_contain_text("You voted on 1 of 12 statements.")
    assert page.evaluate("() => window.stillTheSamePage === true"), "the page was loaded again"
    assert page.evaluate("() => document.activeElement && document.activeElement.id") == "statement-heading"
    with live_server.app.app_context():
        assert [
            v.value for v in db.session.scalars(db.select(StatementVote).where(StatementVote.user_id == user.id))
        ] == [-1]

    # The next one is voted on the same way, by keyboard from the focused heading.
    second = page.locator("main .statement-card__text").inner_text()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("main .statement-card__text")).not_to_have_text(second)
    expect(page.locator("main .statements__progress")).to_contain_text("You voted on 2 of 12 statements.")
    assert page.evaluate("() => window.stillTheSamePage === true")


def test_a_refused_vote_falls_back_to_the_ordinary_form(page, live_server):
    """When the background vote is refused (here: the map closed meanwhile), the script sends the
    form the ordinary way, and the page that comes back says why."""
    from participation.statements.models import OpinionMap

    slug = _open_map(live_server)
    user = make_user(live_server.app, language="en")
    page.goto("/en/account/login")
    page.fill("main input[name=email]", user.email)
    page.fill("main input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    page.goto(f"/en/consultations/{slug}/statements/")
    page.evaluate("() => { window.stillTheSamePage = true; }")
    with live_server.app.app_context():
        from participation.consultations.models import Consultation

        consultation_id = db.session.scalar(db.select(Consultation.id).where(Consultation.slug == slug))
        db.session.get(OpinionMap, consultation_id).closes_at = utcnow() - timedelta(minutes=1)
        db.session.commit()

    with page.expect_navigation():
        page.locator("main form[action$='/vote'] button[value=agree]").click()

    assert page.evaluate("() => window.stillTheSamePage === undefined"), "the form was sent the ordinary way"
    expect(page.locator("main")).to_contain_text("You can only vote on and add statements while they are open.")
