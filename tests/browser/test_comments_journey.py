"""In a real browser: comment, reply, report, hide with a reason, public sees it, the log shows it;
pre-moderation end to end; axe-clean discussion and moderation pages."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from participation.core.time import utcnow
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
        db.session.add(
            Consultation(
                slug=slug,
                state=ConsultationState.PUBLISHED,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=5),
                title={"nl": "Klimaatplan", "en": "Climate plan", "fr": "Plan climat"},
                summary={"nl": "Samenvatting"},
                body={"nl": "Tekst"},
                published_at=now,
                moderation_mode=ModerationMode.PRE if pre else ModerationMode.POST,
            )
        )
        db.session.commit()
    return slug


def _login(page, account, lang="en"):
    page.context.clear_cookies()
    page.goto(f"/{lang}/account/login")
    page.get_by_label("E-mail address").fill(account[0])
    page.get_by_label("Password").fill(account[1])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def _review_link(page, body_text):
    """The review link of one comment in the queue (the demo content has its own items there)."""
    return page.locator("article", has_text=body_text).locator("a[href*='/moderate/comments/']")


def _appeal_id(live_server, body_start: str) -> int:
    import sqlalchemy as sa

    from participation.comments.models import Comment, CommentAppeal

    with live_server.app.app_context():
        return db.session.scalar(
            sa.select(CommentAppeal.id)
            .join(Comment, Comment.id == CommentAppeal.comment_id)
            .where(Comment.body.startswith(body_start))
        )


def test_comment_reply_report_hide_and_log(page, live_server, axe_source):
    slug = _consultation(live_server)
    _login(page, RESIDENT)
    page.goto(f"/en/consultations/{slug}/comments")
    page.get_by_label("Against").check()
    page.get_by_label("Your comment").fill("Meer fietspaden langs de Leie, zie https://stad.gent <b>nu</b>")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("link", name="https://stad.gent")).to_have_count(1)
    expect(page.locator(".comment__text").first).to_contain_text("<b>nu</b>", use_inner_text=True)
    assert axe_violations(page, axe_source) == []
    page.locator("a[href$='/reply']").first.click()
    page.get_by_label("For").check()
    page.get_by_label("Your comment").fill("En ook meer bomen.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("En ook meer bomen.")).to_have_count(1)

    _login(page, RESIDENT2)
    page.goto(f"/en/consultations/{slug}/comments")
    page.locator("a[href$='/report']").first.click()
    expect(page.get_by_label("Offensive or hateful")).to_have_count(1)  # the report form
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Offensive or hateful").check()
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("status").first).to_contain_text("A moderator will look", use_inner_text=True)

    _login(page, MODERATOR)
    page.goto("/en/moderate/")
    expect(page.get_by_text("Meer fietspaden").first).to_be_attached()
    assert axe_violations(page, axe_source) == []
    _review_link(page, "Meer fietspaden").click()
    expect(page.get_by_role("button", name="Hide comment")).to_have_count(1)  # the review page
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Off topic").check()
    page.get_by_label("Explanation for the author (not public)").fill("Graag bij het onderwerp blijven.")
    page.get_by_role("button", name="Hide comment").click()
    page.goto("/en/moderate/log")
    expect(page.get_by_role("cell", name="Comment hidden").first).to_be_attached()
    assert axe_violations(page, axe_source) == []

    page.context.clear_cookies()
    page.goto(f"/en/consultations/{slug}/comments")
    expect(page.get_by_text("Hidden by a moderator: Off topic")).to_have_count(1)
    expect(page.get_by_text("Meer fietspaden")).to_have_count(0)
    page.goto(f"/en/consultations/{slug}/moderation")
    expect(page.get_by_role("row", name="Off topic 1")).to_have_count(1)
    assert axe_violations(page, axe_source) == []

    # the author sees the reason, not a report link on their own text, and appeals once
    _login(page, RESIDENT)
    page.goto(f"/en/consultations/{slug}/comments")
    expect(page.get_by_text("Hidden by a moderator: Off topic")).to_have_count(1)
    page.get_by_role("link", name="Appeal against this decision").click()
    expect(page.get_by_text("Meer fietspaden")).to_have_count(1)  # their own text, on their appeal page
    assert axe_violations(page, axe_source) == []
    page.get_by_label("Why should the comment be shown again?").fill("Het gaat wel degelijk over mobiliteit.")
    page.get_by_role("button", name="Send appeal").click()
    expect(page.get_by_text("You appealed against this decision.")).to_have_count(1)
    # the moderator who hid it is told that someone else decides
    _login(page, MODERATOR)
    page.goto(f"/en/moderate/appeals/{_appeal_id(live_server, 'Meer fietspaden')}")
    expect(page.get_by_text("You hid this comment, so another moderator decides on the appeal.")).to_have_count(1)
    assert axe_violations(page, axe_source) == []


def test_pre_moderation_end_to_end(page, live_server):
    slug = _consultation(live_server, pre=True)
    _login(page, RESIDENT)
    page.goto(f"/en/consultations/{slug}/comments")
    page.get_by_label("Neutral").check()
    page.get_by_label("Your comment").fill("Wacht op de moderator")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Awaiting review: only you can see this comment")).to_have_count(1)
    page.context.clear_cookies()
    page.goto(f"/en/consultations/{slug}/comments")
    expect(page.get_by_text("Wacht op de moderator")).to_have_count(0)
    _login(page, MODERATOR)
    page.goto("/en/moderate/")
    _review_link(page, "Wacht op de moderator").click()
    page.get_by_role("button", name="Approve and publish").click()
    page.context.clear_cookies()
    page.goto(f"/en/consultations/{slug}/comments")
    expect(page.get_by_text("Wacht op de moderator")).to_have_count(1)


def test_long_thread_links_to_all_its_replies(page, live_server, axe_source):
    from datetime import timedelta

    from participation.accounts.models import User
    from participation.comments.models import Comment
    from participation.comments.queries import REPLIES_SHOWN

    slug = _consultation(live_server)
    with live_server.app.app_context():
        import sqlalchemy as sa

        from participation.consultations.models import Consultation

        consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))
        author = db.session.scalar(sa.select(User).where(User.email == RESIDENT2[0]))
        root = Comment(consultation_id=consultation.id, author_id=author.id, body="Een drukke draad", alignment="for")
        db.session.add(root)
        db.session.flush()
        start = utcnow()
        for n in range(REPLIES_SHOWN + 2):
            db.session.add(
                Comment(
                    consultation_id=consultation.id,
                    author_id=author.id,
                    parent_id=root.id,
                    root_id=root.id,
                    depth=1,
                    body=f"Antwoord nummer {n}",
                    alignment="neutral",
                    created_at=start + timedelta(seconds=n),
                )
            )
        db.session.commit()
    page.goto(f"/en/consultations/{slug}/comments")
    expect(page.get_by_text(f"Antwoord nummer {REPLIES_SHOWN + 1}")).to_have_count(0)
    page.get_by_role("link", name=f"Show all {REPLIES_SHOWN + 2} replies").click()
    expect(page.get_by_role("heading", name="All replies")).to_have_count(1)
    expect(page.get_by_text(f"Antwoord nummer {REPLIES_SHOWN + 1}")).to_have_count(1)
    assert axe_violations(page, axe_source) == []
