"""In a real browser: comment, reply, report, hide with a reason, public sees it, the log shows it;
pre-moderation end to end; axe-clean discussion and moderation pages."""

from __future__ import annotations

import uuid


from participation.core.db import utcnow
from participation.extensions import db
from tests.browser.conftest import axe_violations

RESIDENT = ("inwoner@demo.example", "demo-inwoner-2026")
RESIDENT2 = ("resident2@demo.example", "demo-resident2-2026")
MODERATOR = ("moderator@demo.example", "demo-moderator-2026")


def _consultation(live_server, pre: bool = False) -> str:
    from datetime import timedelta

    from participation.consultations.models import Consultation, ConsultationState, ModerationMode

    slug = f"browser-{uuid.uuid4().hex[:8]}"
    with live_server.app.app_context():
        now = utcnow()
        db.session.add(Consultation(
            slug=slug, state=ConsultationState.PUBLISHED, opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=5), title={"nl": "Klimaatplan", "en": "Climate plan", "fr": "Plan climat"},
            summary={"nl": "Samenvatting"}, body={"nl": "Tekst"}, published_at=now,
            moderation_mode=ModerationMode.PRE if pre else ModerationMode.POST))
        db.session.commit()
    return slug


def _login(page, account, lang="en"):
    page.context.clear_cookies()
    page.goto(f"/{lang}/account/login")
    page.get_by_label("E-mail address").fill(account[0])
    page.get_by_label("Password").fill(account[1])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def test_comment_reply_report_hide_and_log(page, live_server, axe_source):
    slug = _consultation(live_server)
    _login(page, RESIDENT)
    page.goto(f"/en/consultations/{slug}/comments")
    page.get_by_label("Against").check()
    page.get_by_label("Your comment").fill("Meer fietspaden langs de Leie, zie https://stad.gent <b>nu</b>")
    page.get_by_role("button", name="Post comment").click()
    assert page.get_by_role("link", name="https://stad.gent").count() == 1
    assert "<b>nu</b>" in page.locator(".comment__text").first.inner_text()
    assert axe_violations(page, axe_source) == []
    page.locator("a[href$='/reply']").first.click()
    page.get_by_label("For").check()
    page.get_by_label("Your comment").fill("En ook meer bomen.")
    page.get_by_role("button", name="Post reply").click()
    assert page.get_by_text("En ook meer bomen.").count() == 1

    _login(page, RESIDENT2)
    page.goto(f"/en/consultations/{slug}/comments")
    page.locator("a[href$='/report']").first.click()
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Offensive or hateful").check()
    page.get_by_role("button", name="Send report").click()
    assert "A moderator will look" in page.get_by_role("status").first.inner_text()

    _login(page, MODERATOR)
    page.goto("/en/moderate/")
    assert page.get_by_text("Meer fietspaden").count() >= 1
    assert axe_violations(page, axe_source) == []
    page.locator("a[href*='/moderate/comments/']").first.click()
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Off topic").check()
    page.get_by_label("Explanation for the author (not public)").fill("Graag bij het onderwerp blijven.")
    page.get_by_role("button", name="Hide comment").click()
    page.goto("/en/moderate/log")
    assert page.get_by_role("cell", name="Comment hidden").count() >= 1
    assert axe_violations(page, axe_source) == []

    page.context.clear_cookies()
    page.goto(f"/en/consultations/{slug}/comments")
    assert page.get_by_text("Hidden by a moderator: Off topic").count() == 1
    assert page.get_by_text("Meer fietspaden").count() == 0
    page.goto(f"/en/consultations/{slug}/moderation")
    assert axe_violations(page, axe_source) == []


def test_pre_moderation_end_to_end(page, live_server):
    slug = _consultation(live_server, pre=True)
    _login(page, RESIDENT)
    page.goto(f"/en/consultations/{slug}/comments")
    page.get_by_label("Neutral").check()
    page.get_by_label("Your comment").fill("Wacht op de moderator")
    page.get_by_role("button", name="Post comment").click()
    assert page.get_by_text("Awaiting review: only you can see this comment").count() == 1
    page.context.clear_cookies()
    page.goto(f"/en/consultations/{slug}/comments")
    assert page.get_by_text("Wacht op de moderator").count() == 0
    _login(page, MODERATOR)
    page.goto("/en/moderate/")
    page.locator("a[href*='/moderate/comments/']").first.click()
    page.get_by_role("button", name="Approve and publish").click()
    page.context.clear_cookies()
    page.goto(f"/en/consultations/{slug}/comments")
    assert page.get_by_text("Wacht op de moderator").count() == 1
