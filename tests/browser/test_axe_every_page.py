"""axe-core finds no WCAG 2.1 AA (or 2.2 AA) violation on any page, in any language, as any role.

The pages are an explicit plan built from the demo content: ids, slugs and signed tokens come
from the live server's database and the project's own token helpers. Each entry is one page in
one state (waiting list, cancelled event, published results, Dutch fallback, draft preview, a
form after a failed submit...), visited as the role that sees it, with the status it must answer.

`test_every_html_page_is_in_the_plan` proves the coverage: every GET endpoint of app.url_map
must be visited in every language, or be in NOT_HTML below with the reason. A new page therefore
fails that test until it gets an entry here.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyotp
import pytest
import sqlalchemy as sa
from werkzeug.exceptions import MethodNotAllowed, NotFound

from participation.config import load_config
from participation.demo import moderation as demo_moderation
from participation.demo.loader import load_consultations, load_events
from participation.demo.seed import DEMO_ACCOUNTS
from participation.extensions import db, limiter
from tests.browser.conftest import AXE_TAGS, SERVER_ERROR_ENDPOINT, axe_violations
from tests.browser.reflow import TABS_JS, reflow_problems
from tests.statements.axe_facts import statement_facts
from tests.test_html_validity import VNU_JAR, run_checker
from tests.test_html_validity import _checker_missing as checker_missing

pytestmark = pytest.mark.browser

# The offered languages, and Arabic (off by default) for a right-to-left page.
LANGUAGES = [*load_config("/nonexistent")["LANGUAGES"], "ar"]
ROLES = ["visitor", "resident", "organiser", "moderator", "admin"]
# WCAG 2.1 AA, and the 2.2 AA additions the security checklist (§6) asks for.
TAGS = [*AXE_TAGS, "wcag22aa"]

# GET endpoints that never answer with an HTML page of their own.
NOT_HTML = {
    "static": "CSS, images and scripts",
    "pages.root": "redirects to /<lang>/ in the visitor's language",
    "pages.healthz": "JSON for monitoring",
    "health.live": "JSON for monitoring (liveness)",
    "health.ready": "JSON for monitoring (readiness)",
    "metrics.metrics": "Prometheus text for monitoring",
    SERVER_ERROR_ENDPOINT: "test-only route (tests/browser/conftest.py) behind the 500 entry",
    "api.consultations": "JSON API (tests/api)",
    "api.consultation": "JSON API (tests/api)",
    "api.questions": "JSON API (tests/api)",
    "api.moderation": "JSON API (tests/api)",
    "api.transparency": "JSON API (tests/api, tests/moderation/test_suspensions.py)",
    "api.opinion_map": "JSON API (tests/api)",
    "api.events": "JSON API (tests/api)",
    "api.event": "JSON API (tests/api)",
    "api.themes": "JSON API (tests/api)",
    "api.networks": "JSON API (tests/api)",
}
# Rules ending like this are files: calendars, CSV exports, feeds, the data export, fingerprint lists.
FILE_SUFFIXES = (".ics", ".csv", ".json", ".atom", ".xml", ".txt")

# An interaction on the opened page: (page, live_server) -> the status of the page it leads to.
Action = Callable[..., int]


@dataclass(frozen=True)
class Visit:
    """Open `path` as `role` (expecting 200 when there is an action); after `act`, if any, the page
    must answer `status` and (when given) be the page of endpoint `lands_on`; then axe runs.
    `shows`: a selector that must match, proving the state (e.g. the Dutch fallback's lang="nl").
    `production_errors`: open it with unexpected errors shown as in production (the 500 page)."""

    role: str
    path: str
    state: str
    status: int = 200
    act: Action | None = None
    lands_on: str | None = None
    shows: str | None = None
    production_errors: bool = False


# ---------------------------------------------------------------------------------- demo facts


def _spec_slug(predicate) -> str:
    return next(c.slug for c in load_consultations() if predicate(c))


SLUGS = {
    "open": _spec_slug(lambda c: c.state == "open" and c.slug != demo_moderation.PRE_MODERATED),
    "pre_moderated": demo_moderation.PRE_MODERATED,
    "closed": _spec_slug(lambda c: c.state == "closed"),
    "results": _spec_slug(lambda c: c.state == "results"),
    "upcoming": _spec_slug(lambda c: c.state == "upcoming"),
    # No French body: /fr/ shows the Dutch text with lang="nl" and a notice.
    "fallback": _spec_slug(lambda c: "fr" not in c.body),
    "draft": _spec_slug(lambda c: c.state == "draft"),
}
EVENT_KEYS = {"roomy": demo_moderation.PENDING_GUEST.event}


def _account(key: str):
    return next(a for a in DEMO_ACCOUNTS if a.key == key)


def demo_facts(app, fresh_comment: bool) -> dict:
    """Ids, slugs and signed tokens of the demo content, read from the live server's database.

    With `fresh_comment`, the demo resident writes a comment now, so that it is still within the
    edit window when its edit page is opened.
    """
    from participation.accounts import tokens
    from participation.accounts.models import User
    from participation.comments.models import Comment, CommentAppeal, CommentState
    from participation.comments.services import post_comment
    from participation.consultations.models import Consultation
    from participation.core.mail import OutboxMessage
    from participation.core.time import utcnow
    from participation.events.models import Event, EventStatus, Registration, RegistrationStatus
    from participation.events.tokens import CHECK_IN, GUEST_CONFIRM, TICKET, make_registration_token
    from participation.moderation.models import Suspension, SuspensionAppeal
    from participation.votes.models import Question

    with app.app_context():
        users = {a.key: db.session.scalar(sa.select(User).where(User.email == a.email)) for a in DEMO_ACCOUNTS}
        resident = users["resident"]
        consultations = {
            key: db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))
            for key, slug in SLUGS.items()
        }
        missing = [key for key, c in consultations.items() if c is None]
        assert not missing, f"demo consultations missing: {missing}"

        def comment_of(key: str) -> Comment:
            spec = next(s for s in demo_moderation.COMMENTS if s.key == key)
            author = users.get(spec.author) or db.session.scalar(
                sa.select(User).where(
                    User.email == next(p.email for p in demo_moderation.DEMO_PEOPLE if p.key == spec.author)
                )
            )
            body = spec.body.get(author.preferred_language) or spec.body["nl"]
            comment = db.session.scalar(sa.select(Comment).where(Comment.author_id == author.id, Comment.body == body))
            assert comment is not None, f"demo comment {key!r} missing"
            return comment

        pending, reported, hidden, appealed = (comment_of(k) for k in ("pending", "reported", "hidden", "appealed"))
        assert pending.state == CommentState.PENDING and hidden.is_hidden and reported.reports
        appeal = db.session.scalar(sa.select(CommentAppeal).where(CommentAppeal.comment_id == appealed.id))
        assert appeal is not None and appeal.decided_at is None
        open_consultation = consultations["open"]
        other = db.session.scalar(
            sa.select(Comment)
            .where(
                Comment.consultation_id == open_consultation.id,
                Comment.state == CommentState.PUBLISHED,
                Comment.deleted_at.is_(None),
                Comment.author_id != resident.id,
                Comment.depth == 0,
            )
            .order_by(Comment.id)
        )
        # Without a fresh comment (the coverage check), any valid id names the route.
        fresh_id = 1
        if fresh_comment:
            fresh = post_comment(
                resident, open_consultation, f"Een korte reactie om te bewerken ({uuid.uuid4().hex[:6]}).", "neutral"
            )
            db.session.commit()
            fresh_id = fresh.id
        suspended = db.session.scalar(
            sa.select(User).where(
                User.email == next(p.email for p in demo_moderation.DEMO_PEOPLE if p.key == "suspended")
            )
        )
        assert suspended is not None and suspended.is_suspended()
        suspension_appeal = db.session.scalar(
            sa.select(SuspensionAppeal.id).join(Suspension).where(Suspension.user_id == suspended.id)
        )
        assert suspension_appeal is not None, "the demo's suspended person appealed (demo/content/moderation.toml)"

        questions = list(
            db.session.scalars(
                sa.select(Question).where(Question.consultation_id == open_consultation.id).order_by(Question.position)
            )
        )
        # The demo resident votes on the first; the second stays without her ballot (a failed submit).
        assert len(questions) >= 2, f"the demo has fewer than two questions in {open_consultation.slug}"

        events = list(db.session.scalars(sa.select(Event).order_by(Event.id)))
        titles = {spec.key: spec.title["nl"] for spec in load_events()}
        roomy = next(e for e in events if e.title.get("nl") == titles[EVENT_KEYS["roomy"]])
        cancelled = next(e for e in events if e.status == EventStatus.CANCELLED)
        with_report = next(e for e in events if e.report_published_at is not None)

        def registrations(**where):
            stmt = sa.select(Registration).order_by(Registration.id)
            for name, value in where.items():
                stmt = stmt.where(getattr(Registration, name) == value)
            return list(db.session.scalars(stmt))

        waiting = next(r for r in registrations(status=RegistrationStatus.WAITING) if r.user_id is None)
        full = db.session.get(Event, waiting.event_id)
        confirmed = next(r for r in registrations(event_id=roomy.id, status=RegistrationStatus.CONFIRMED))
        guest = next(r for r in registrations(event_id=roomy.id, status=RegistrationStatus.PENDING))
        now = utcnow()
        lotte_event = next(
            r.event_id
            for r in registrations(user_id=resident.id, status=RegistrationStatus.CONFIRMED)
            if db.session.get(Event, r.event_id).starts_at > now
        )
        message = db.session.scalar(sa.select(OutboxMessage).order_by(OutboxMessage.id.desc()))
        return {
            "slugs": SLUGS,
            "ids": {key: c.id for key, c in consultations.items()},
            "comments": {
                "pending": pending.id,
                "reported": reported.id,
                "hidden": hidden.id,
                "appealed": appealed.id,
                "other": other.id,
                "fresh": fresh_id,
            },
            "appeal": appeal.id,
            "suspension_appeal": suspension_appeal,
            "users": {"suspended": suspended.id, "resident": resident.id},
            "registration": confirmed.id,
            "question": questions[0].id,
            "unvoted_question": questions[1].id,
            "events": {
                "roomy": roomy.id,
                "full": full.id,
                "cancelled": cancelled.id,
                "report": with_report.id,
                "registered": lotte_event,
            },
            "tokens": {
                "ticket": make_registration_token(TICKET, confirmed),
                "ticket_waiting": make_registration_token(TICKET, waiting),
                "guest_confirm": make_registration_token(GUEST_CONFIRM, guest),
                "check_in": make_registration_token(CHECK_IN, confirmed),
                "verify": tokens.make_token(tokens.VERIFY_EMAIL, {"uid": resident.id, "email": resident.email}),
                "reset": tokens.make_token(
                    tokens.RESET_PASSWORD, {"uid": resident.id, "pw": tokens.fingerprint(resident.password_hash)}
                ),
                "change_email": tokens.make_token(
                    tokens.CHANGE_EMAIL,
                    {"uid": resident.id, "email": "lotte.nieuw@demo.example", "old": resident.email},
                ),
            },
            "outbox_message": message.id,
            "two_factor": two_factor_accounts(),
            "statements": statement_facts(resident),
        }


# Accounts of their own for two-factor log-in, so that the demo accounts log in as before.
TWO_FACTOR_PASSWORD = "axe weighs two factors at the Kouter"


def two_factor_accounts() -> dict:
    """Per language: an account with two-factor log-in on (with its secret, for the log-in's second
    step) and one without it (set up during the visit). Created once, in the caller's app context."""
    from participation.accounts import two_factor
    from participation.accounts.models import User
    from participation.accounts.services import create_user
    from participation.core.mail import public_request_context
    from participation.core.permissions import Role

    def account(email: str, lang: str) -> User:
        user = db.session.scalar(sa.select(User).where(User.email == email))
        return user or create_user(email, Role.RESIDENT, TWO_FACTOR_PASSWORD, f"Axe {lang}", lang)

    accounts = {}
    with public_request_context():
        for lang in LANGUAGES:
            user = account(f"axe-2fa-login-{lang}@example.org", lang)
            if not two_factor.is_enabled(user):
                secret = two_factor.start_enrolment(user)
                two_factor.confirm_enrolment(user, TWO_FACTOR_PASSWORD, pyotp.TOTP(secret).now())
            account(f"axe-2fa-setup-{lang}@example.org", lang)
            accounts[lang] = {
                "login": user.email,
                "setup": f"axe-2fa-setup-{lang}@example.org",
                "secret": db.session.get(two_factor.TwoFactorCredential, user.id).secret,
            }
        db.session.commit()
    return accounts


# ------------------------------------------------------------------------------ interactions


def _submit(page, form: str, *, fill: dict | None = None, check: tuple = (), button: str | None = None) -> int:
    """Fill and submit the form matching `form`; return the status of the page it leads to."""
    target = page.locator(form).first
    for name, value in (fill or {}).items():
        target.locator(f"[name='{name}']").fill(value)
    for selector in check:
        target.locator(selector).check()
    submit = target.locator(button or "button[type=submit]").last
    with page.expect_navigation() as navigation:
        submit.click()
    return navigation.value.status


def submit_form(form: str, **kwargs) -> Action:
    return lambda page, server: _submit(page, form, **kwargs)


def vote_in_place(page, server) -> int:
    """Vote on a statement: static/js/statement-vote.js swaps the next one in, no page load."""
    page.locator("main form[action$='/vote'] button[value=agree]").click()
    page.wait_for_function("() => document.getElementById('statement-announce').textContent.trim() !== ''")
    return 200


def rate_limited(form: str, fill: dict) -> Action:
    """Switch the limiter on and send the form until it answers 429 (tests run with it off)."""

    def act(page, server) -> int:
        start = page.url
        limiter.enabled = True
        with server.app.app_context():
            limiter.reset()
        try:
            status = None
            for _attempt in range(12):
                status = _submit(page, form, fill=fill)
                if status == 429:
                    break
                page.goto(start)
            return status
        finally:
            limiter.enabled = False
            with server.app.app_context():
                limiter.reset()

    return act


def wrong_code(secret: str) -> Action:
    """Type a code that is not the app's current one in the log-in's second step."""

    def act(page, server) -> int:
        right = pyotp.TOTP(secret).now()
        return _submit(page, "main form:has([name=code])", fill={"code": "000000" if right != "000000" else "111111"})

    return act


def enrol_two_factor(page, server) -> int:
    """Read the key from the set-up page, type the code an app would show, and the password."""
    secret = page.locator("#two-factor-key").inner_text().replace(" ", "")
    return _submit(
        page,
        "main form[action$='/two-factor/setup']",
        fill={"code": pyotp.TOTP(secret).now(), "password": TWO_FACTOR_PASSWORD},
    )


def confirm_wrongly(form: str) -> Action:
    """Send an administrator's form, then a wrong password on the "is it you?" page that follows."""

    def act(page, server) -> int:
        _submit(page, form)
        return _submit(page, "main form:has([name=confirmation])", fill={"confirmation": "not my password"})

    return act


def vote(page, server) -> int:
    """Choose in the ballot and vote (or change the vote): the receipt page follows."""
    form = page.locator("main form.votes-ballot").first
    selects = form.locator("select")
    if selects.count():
        for index in range(selects.count()):
            selects.nth(index).select_option(index=index + 1)
    else:
        form.locator("input[type=radio], input[type=checkbox]").first.check()
    with page.expect_navigation() as navigation:
        form.locator("button[type=submit]").last.click()
    return navigation.value.status


# ------------------------------------------------------------------------------------ the plan


def plan(lang: str, f: dict) -> list[Visit]:
    """Every page in every state, for one language."""
    L = f"/{lang}"
    s, ids, c, ev, tk = f["slugs"], f["ids"], f["comments"], f["events"], f["tokens"]
    fallback_state = "Dutch fallback notice" if lang != "nl" else "upcoming, no French text"
    tf = f["two_factor"][lang]
    st = f["statements"]
    visits = [
        # ---------------------------------------------------------------- visitor: public pages
        Visit("visitor", f"{L}/", "home"),
        Visit("visitor", f"{L}/accessibility", "accessibility statement"),
        Visit("visitor", f"{L}/privacy", "privacy statement"),
        Visit("visitor", f"{L}/networks/", "networks"),
        Visit("visitor", f"{L}/consultations/", "catalogue"),
        Visit("visitor", f"{L}/consultations/?status=open", "catalogue filtered"),
        Visit("visitor", f"{L}/consultations/?q=zzzqqq", "catalogue, nothing found"),
        Visit("visitor", f"{L}/consultations/?status=nonsense", "catalogue, invalid filter", 400),
        Visit("visitor", f"{L}/consultations/{s['open']}", "open consultation"),
        Visit("visitor", f"{L}/consultations/{s['closed']}", "closed, results pending"),
        Visit("visitor", f"{L}/consultations/{s['results']}", "results and feedback published"),
        Visit("visitor", f"{L}/consultations/{s['upcoming']}", "upcoming"),
        Visit(
            "visitor",
            f"{L}/consultations/{s['fallback']}",
            fallback_state,
            shows="main [lang='nl']" if lang == "fr" else None,
        ),
        Visit("visitor", f"{L}/consultations/{s['draft']}", "draft hidden from the public", 404),
        Visit("visitor", f"{L}/consultations/{s['open']}/comments", "discussion with a hidden comment"),
        Visit("visitor", f"{L}/consultations/{s['pre_moderated']}/comments", "pre-moderated discussion"),
        Visit("visitor", f"{L}/comments/{c['other']}/replies", "one thread with its replies"),
        Visit("visitor", f"{L}/consultations/{s['open']}/moderation", "moderation figures"),
        Visit("visitor", f"{L}/transparency/", "site-wide moderation and suspension figures"),
        Visit("visitor", f"{L}/consultations/{s['open']}/questions/{f['question']}", "question, log in to vote"),
        Visit("visitor", f"{L}/consultations/{s['results']}/results", "results"),
        Visit("visitor", f"{L}/consultations/{s['upcoming']}/results", "results not available yet"),
        Visit("visitor", f"{L}/consultations/{s['results']}/results/check", "receipt check form"),
        Visit(
            "visitor", f"{L}/consultations/{s['results']}/results/check?code=ABCD-EFGH-JKLM-NPQR", "receipt not found"
        ),
        Visit("visitor", f"{L}/consultations/{s['results']}/results/check?code=nonsense", "invalid receipt", 400),
        Visit("visitor", f"{L}/events/", "upcoming events"),
        Visit("visitor", f"{L}/events/?when=past", "past events"),
        Visit("visitor", f"{L}/events/{ev['roomy']}", "event with places"),
        Visit("visitor", f"{L}/events/{ev['full']}", "full event, waiting list"),
        Visit("visitor", f"{L}/events/{ev['cancelled']}", "cancelled event"),
        Visit("visitor", f"{L}/events/{ev['report']}", "past event with its report"),
        Visit("visitor", f"{L}/open-data/", "open data: the API and downloads"),
        Visit(
            "visitor",
            f"{L}/consultations/{st['map']}/statements/map",
            "opinion map: groups and common ground",
            shows="main svg circle",
        ),
        Visit("visitor", f"{L}/consultations/{st['map']}/statements/", "statements closed, log-in not offered"),
        Visit("visitor", f"{L}/consultations/{st['open']}/statements/map", "opinion map with too few votes"),
        Visit("visitor", f"{L}/embed/consultations/", "embed: open consultations"),
        Visit("visitor", f"{L}/embed/consultations/{s['open']}", "embed: one consultation"),
        Visit("visitor", f"{L}/embed/consultations/{s['draft']}", "embed: draft not shown", 404),
        Visit("visitor", f"{L}/embed/events/", "embed: upcoming events"),
        Visit("visitor", f"{L}/embed/events/{ev['full']}", "embed: one event, full"),
        Visit(
            "visitor",
            f"{L}/events/{ev['roomy']}",
            "visitor's registration form after a failed submit",
            422,
            submit_form(f"main form[action$='/events/{ev['roomy']}/guest']"),
        ),
        Visit(
            "visitor",
            f"{L}/events/{ev['roomy']}",
            "visitor's registration sent: check your e-mail",
            200,
            submit_form(
                f"main form[action$='/events/{ev['roomy']}/guest']",
                fill={"name": "Axe Bezoeker", "email": f"axe-{lang}@example.org"},
                check=("[name=privacy_consent]",),
            ),
        ),
        Visit("visitor", f"{L}/events/registrations/{tk['ticket']}", "ticket with check-in code"),
        Visit("visitor", f"{L}/events/registrations/{tk['ticket_waiting']}", "ticket on the waiting list"),
        Visit("visitor", f"{L}/events/registrations/{tk['ticket']}/cancel", "cancel from the mail link: asks first"),
        Visit("visitor", f"{L}/events/registrations/not-a-token", "ticket link invalid", 400),
        Visit("visitor", f"{L}/events/confirm/{tk['guest_confirm']}", "visitor confirms a place"),
        Visit("visitor", f"{L}/account/signup", "sign-up"),
        Visit(
            "visitor",
            f"{L}/account/signup",
            "sign-up after a failed submit",
            422,
            submit_form("main form[action*='/account/signup']"),
        ),
        Visit("visitor", f"{L}/account/login", "log-in"),
        Visit(
            "visitor",
            f"{L}/account/login",
            "log-in after a failed submit",
            422,
            submit_form("main form[action*='/account/login']"),
        ),
        Visit(
            "visitor",
            f"{L}/account/login",
            "log-in with a wrong password",
            401,
            submit_form(
                "main form[action*='/account/login']",
                fill={"email": "nobody@example.org", "password": "niet-juist-1234"},
            ),
        ),
        Visit(
            "visitor",
            f"{L}/account/login",
            "log-in, second step: a code from the app",
            200,
            submit_form(
                "main form[action*='/account/login']", fill={"email": tf["login"], "password": TWO_FACTOR_PASSWORD}
            ),
            lands_on="accounts.two_factor_login",
        ),
        Visit("visitor", f"{L}/account/login/code", "second step after a wrong code", 401, wrong_code(tf["secret"])),
        Visit(
            "visitor",
            f"{L}/account/login/code",
            "second step after an empty recovery code",
            422,
            submit_form("main form:has([name=recovery_code])"),
        ),
        Visit("visitor", f"{L}/account/reset", "reset request"),
        Visit(
            "visitor",
            f"{L}/account/reset",
            "reset request after a failed submit",
            422,
            submit_form("main form[action$='/account/reset']"),
        ),
        Visit("visitor", f"{L}/account/reset/{tk['reset']}", "new password"),
        Visit(
            "visitor",
            f"{L}/account/reset/{tk['reset']}",
            "new password after a failed submit",
            422,
            submit_form("main form[action*='/account/reset/']"),
        ),
        Visit("visitor", f"{L}/account/reset/not-a-token", "reset link invalid", 400),
        Visit("visitor", f"{L}/account/verify/{tk['verify']}", "confirm e-mail address"),
        Visit("visitor", f"{L}/account/email/confirm/{tk['change_email']}", "confirm new e-mail address"),
        Visit("visitor", f"{L}/account/check-your-email", "check your e-mail"),
        Visit("visitor", f"{L}/no-such-page", "404 page", 404),
        Visit(
            "visitor",
            f"{L}/account/reset",
            "429 page",
            429,
            rate_limited("main form[action$='/account/reset']", {"email": "nobody@example.org"}),
        ),
        Visit("visitor", f"{L}/test-only/server-error", "500 page", 500, production_errors=True),
        # Last, as they log in: setting up two-factor log-in, with an account of its own.
        Visit(
            "visitor",
            f"{L}/account/login",
            "logged in to set up two-factor log-in",
            200,
            submit_form(
                "main form[action*='/account/login']", fill={"email": tf["setup"], "password": TWO_FACTOR_PASSWORD}
            ),
            lands_on="pages.home",
        ),
        Visit("visitor", f"{L}/account/two-factor", "two-factor log-in: off"),
        Visit(
            "visitor",
            f"{L}/account/two-factor",
            "set-up with QR code and key",
            200,
            submit_form("main form[action$='/two-factor/start']"),
            lands_on="accounts.two_factor_setup",
        ),
        Visit(
            "visitor",
            f"{L}/account/two-factor/setup",
            "set-up after a failed submit",
            422,
            submit_form("main form[action$='/two-factor/setup']"),
        ),
        Visit("visitor", f"{L}/account/two-factor/setup", "recovery codes, shown once", 200, enrol_two_factor),
        Visit("visitor", f"{L}/account/two-factor", "two-factor log-in: on"),
        Visit(
            "visitor",
            f"{L}/account/two-factor",
            "new recovery codes after a failed submit",
            422,
            submit_form("main form[action$='/two-factor/recovery-codes']"),
        ),
        Visit(
            "visitor",
            f"{L}/account/two-factor",
            "turning it off after a wrong password",
            422,
            submit_form("main form[action$='/two-factor/disable']", fill={"disable-confirmation": "not my password"}),
        ),
        # ---------------------------------------------------------------------------- resident
        Visit("resident", f"{L}/", "home, logged in"),
        Visit("resident", f"{L}/account/", "profile"),
        Visit("resident", f"{L}/account/suspension", "suspension and appeal page, not suspended"),
        Visit(
            "resident",
            f"{L}/account/",
            "password change after a failed submit",
            422,
            submit_form("main form[action$='/account/password']"),
        ),
        Visit("resident", f"{L}/account/data", "my data"),
        Visit("resident", f"{L}/account/participation", "my participation"),
        Visit("resident", f"{L}/events/mine", "my registrations"),
        Visit("resident", f"{L}/events/{ev['registered']}/cancel?next=mine", "cancel my registration: asks first"),
        Visit(
            "resident",
            f"{L}/consultations/{st['open']}/statements/",
            "a statement to vote on, then the next (swapped in by the script)",
            act=vote_in_place,
            lands_on="statements.vote_page",
        ),
        Visit(
            "resident",
            f"{L}/consultations/{st['open']}/statements/",
            "add a statement",
            act=submit_form("main form[action$='/statements/new']", fill={"text": f"A statement added in {lang}."}),
            lands_on="statements.added",
        ),
        Visit(
            "resident",
            f"{L}/consultations/{st['open']}/statements/{st['open_ids'][LANGUAGES.index(lang)]}/report",
            "report a statement",
            act=submit_form("main form[action$='/report']", check=("input[value=spam]",)),
            lands_on="statements.reported",
        ),
        Visit(
            "resident",
            f"{L}/consultations/{st['open']}/statements/{st['hidden']}/appeal",
            "appeal against hiding my statement",
        ),
        Visit(
            "resident",
            f"{L}/consultations/{st['open']}/statements/{st['hidden']}/appeal",
            "statement appeal after a failed submit",
            422,
            submit_form("main form[action$='/appeal']"),
        ),
        Visit("resident", f"{L}/consultations/{s['open']}", "open consultation with ballots"),
        Visit("resident", f"{L}/consultations/{s['open']}/comments", "discussion with my hidden comment"),
        Visit(
            "resident",
            f"{L}/consultations/{s['open']}/comments",
            "comment after a failed submit",
            422,
            submit_form(f"main form[action$='/consultations/{s['open']}/comments']"),
        ),
        Visit("resident", f"{L}/consultations/{s['pre_moderated']}/comments", "my comment awaiting review"),
        Visit("resident", f"{L}/comments/{c['other']}/reply", "reply"),
        Visit("resident", f"{L}/comments/{c['other']}/report", "report"),
        Visit(
            "resident",
            f"{L}/comments/{c['other']}/report",
            "report after a failed submit",
            422,
            submit_form("main form[action$='/report']"),
        ),
        Visit("resident", f"{L}/comments/{c['hidden']}/appeal", "appeal"),
        Visit(
            "resident",
            f"{L}/comments/{c['hidden']}/appeal",
            "appeal after a failed submit",
            422,
            submit_form("main form[action$='/appeal']"),
        ),
        Visit("resident", f"{L}/comments/{c['fresh']}/edit", "edit my comment"),
        Visit("resident", f"{L}/comments/{c['fresh']}/delete", "delete my comment: asks first"),
        Visit(
            "resident",
            f"{L}/comments/{c['fresh']}/edit",
            "edit after a failed submit",
            422,
            submit_form("main form[action$='/edit']", fill={"body": ""}),
        ),
        Visit("resident", f"{L}/consultations/{s['open']}/questions/{f['question']}", "ballot"),
        Visit(
            "resident",
            f"{L}/consultations/{s['open']}/questions/{f['unvoted_question']}",
            "ballot after a failed submit",
            422,
            submit_form("main form.votes-ballot"),
        ),
        Visit(
            "resident",
            f"{L}/consultations/{s['open']}/questions/{f['question']}",
            "receipt after voting",
            200,
            vote,
            lands_on="votes.receipt",
        ),
        Visit("resident", f"{L}/events/{ev['registered']}", "event I registered for"),
        Visit(
            "resident",
            f"{L}/events/{ev['full']}",
            "joined the waiting list",
            200,
            submit_form(f"main form[action$='/events/{ev['full']}/register']"),
        ),
        Visit(
            "resident",
            f"{L}/events/{ev['full']}/cancel",
            "left the waiting list (after the question)",
            200,
            submit_form(f"main form[action$='/events/{ev['full']}/cancel']"),
        ),
        Visit("resident", f"{L}/organise/", "403 page", 403),
        # --------------------------------------------------------------------------- organiser
        Visit("organiser", f"{L}/", "home, organiser"),
        Visit("organiser", f"{L}/organise/", "my consultations"),
        Visit("organiser", f"{L}/organise/consultations/{st['open']}/statements/", "statements: settings, list"),
        Visit("organiser", f"{L}/organise/new", "new consultation"),
        Visit(
            "organiser",
            f"{L}/organise/new",
            "consultation editor after a failed submit",
            422,
            submit_form("main form[action$='/organise/new']"),
        ),
        Visit("organiser", f"{L}/organise/{ids['open']}", "consultation editor"),
        Visit("organiser", f"{L}/organise/{ids['open']}/close", "close a consultation: asks first"),
        Visit("organiser", f"{L}/organise/{ids['draft']}", "draft in the editor"),
        Visit("organiser", f"{L}/organise/{ids['open']}/overview", "consultation overview: every part"),
        Visit("organiser", f"{L}/organise/{ids['draft']}/overview", "overview of a draft"),
        Visit("organiser", f"{L}/organise/{ids['open']}/history", "consultation history"),
        Visit("organiser", f"{L}/consultations/{s['draft']}", "draft preview for its organiser"),
        Visit("organiser", f"{L}/consultations/{s['open']}", "open consultation, organiser's links"),
        Visit("organiser", f"{L}/consultations/{s['open']}/comments/statistics", "comment statistics"),
        Visit("organiser", f"{L}/organise/consultations/{s['open']}/questions/", "questions"),
        Visit("organiser", f"{L}/organise/consultations/{s['open']}/questions/new", "new question"),
        Visit(
            "organiser",
            f"{L}/organise/consultations/{s['open']}/questions/new",
            "question editor after a failed submit",
            422,
            submit_form("main form[method=post]"),
        ),
        Visit(
            "organiser",
            f"{L}/organise/consultations/{s['open']}/questions/{f['question']}/edit",
            "edit a question with votes",
        ),
        Visit("organiser", f"{L}/organise/events/", "my events"),
        Visit("organiser", f"{L}/organise/events/new", "new event"),
        Visit(
            "organiser",
            f"{L}/organise/events/new",
            "event editor after a failed submit",
            422,
            submit_form("main form[action$='/organise/events/new']"),
        ),
        Visit("organiser", f"{L}/organise/events/{ev['roomy']}/edit", "event editor"),
        Visit("organiser", f"{L}/organise/events/{ev['roomy']}/cancel", "cancel an event"),
        Visit("organiser", f"{L}/organise/events/{ev['full']}/attendees", "attendees with a waiting list"),
        Visit(
            "organiser",
            f"{L}/organise/events/{ev['roomy']}/registrations/{f['registration']}/cancel",
            "cancel someone's registration: asks first",
        ),
        Visit("organiser", f"{L}/organise/events/{ev['roomy']}/check-in", "check-in list"),
        Visit("organiser", f"{L}/organise/events/{ev['roomy']}/check-in/{tk['check_in']}", "QR check-in page"),
        Visit("organiser", f"{L}/organise/events/{ev['roomy']}/message", "message attendees"),
        Visit(
            "organiser",
            f"{L}/organise/events/{ev['roomy']}/message",
            "message after a failed submit",
            422,
            submit_form("main form[action$='/message']"),
        ),
        Visit("organiser", f"{L}/organise/events/{ev['report']}/report", "event report"),
        # --------------------------------------------------------------------------- moderator
        Visit("moderator", f"{L}/", "home, moderator"),
        Visit("moderator", f"{L}/moderate/", "review queue: pending and reported"),
        Visit("moderator", f"{L}/moderate/statements/", "statements to moderate"),
        Visit("moderator", f"{L}/moderate/statements/{st['open_ids'][-1]}/hide", "hide a statement: reason form"),
        Visit("moderator", f"{L}/moderate/statements/appeals/{st['appeal']}", "decide an appeal about a statement"),
        Visit("moderator", f"{L}/moderate/comments/{c['pending']}", "comment awaiting approval"),
        Visit("moderator", f"{L}/moderate/comments/{c['reported']}", "reported comment"),
        Visit(
            "moderator",
            f"{L}/moderate/comments/{c['reported']}",
            "hide after a failed submit",
            422,
            submit_form("main form[action$='/hide']"),
        ),
        Visit("moderator", f"{L}/moderate/comments/{c['hidden']}", "hidden comment"),
        Visit("moderator", f"{L}/moderate/comments/{c['appealed']}", "hidden comment with an appeal"),
        Visit("moderator", f"{L}/moderate/appeals", "open appeals"),
        Visit("moderator", f"{L}/moderate/appeals/{f['appeal']}", "decide an appeal"),
        Visit(
            "moderator",
            f"{L}/moderate/suspension-appeals/{f['suspension_appeal']}",
            "appeal against their own suspension decision: another decides",
        ),
        Visit("moderator", f"{L}/moderate/people/{f['users']['suspended']}", "suspended person"),
        Visit("moderator", f"{L}/moderate/people/{f['users']['resident']}", "resident"),
        Visit(
            "moderator",
            f"{L}/moderate/people/{f['users']['resident']}",
            "suspend after a failed submit",
            422,
            submit_form("main form[action$='/suspend']"),
        ),
        Visit(
            "moderator",
            f"{L}/moderate/people/{f['users']['resident']}",
            "suspend: asks first",
            act=submit_form(
                "main form[action$='/suspend']", fill={"reason": "Herhaalde spam"}, check=("input[value='1']",)
            ),
        ),
        Visit("moderator", f"{L}/moderate/suspensions", "suspensions"),
        Visit("moderator", f"{L}/moderate/log", "moderation log"),
        Visit("moderator", f"{L}/moderate/log?date_from=nonsense", "log with an invalid filter", 400),
        Visit("moderator", f"{L}/consultations/{s['pre_moderated']}/comments", "discussion, moderator"),
        # ------------------------------------------------------------------------------- admin
        Visit("admin", f"{L}/", "home, administrator"),
        Visit(
            "admin",
            f"{L}/moderate/suspension-appeals/{f['suspension_appeal']}",
            "decide an appeal against a suspension",
        ),
        Visit("admin", f"{L}/admin/users", "accounts"),
        Visit("admin", f"{L}/admin/users?q=demo", "accounts searched"),
        Visit("admin", f"{L}/admin/users?q=axe-2fa-login-{lang}", "an account with two-factor log-in on"),
        Visit(
            "admin",
            f"{L}/admin/users?q=axe-2fa-login-{lang}",
            "reset two-factor log-in: is it you?",
            200,
            submit_form("main form[action*='/two-factor/reset']"),
        ),
        Visit(
            "admin",
            f"{L}/admin/users?q=axe-2fa-login-{lang}",
            "role change: is it you?",
            200,
            submit_form("main form[action*='/role']"),
        ),
        Visit(
            "admin",
            f"{L}/admin/users?q=axe-2fa-login-{lang}",
            "role change: confirmation refused",
            422,
            confirm_wrongly("main form[action*='/role']"),
        ),
        Visit("admin", f"{L}/admin/background", "background work: queue, scheduler, outbox"),
        Visit("admin", f"{L}/admin/outbox", "outbox"),
        Visit("admin", f"{L}/admin/outbox/{f['outbox_message']}", "one mail"),
    ]
    return visits


# ------------------------------------------------------------------------------------- helpers


def endpoint_of(app, path: str) -> str | None:
    adapter = app.url_map.bind("127.0.0.1")
    try:
        endpoint, _args = adapter.match(urlsplit(path).path, method="GET")
    except (NotFound, MethodNotAllowed):
        return None
    return endpoint


def log_in(page, lang: str, role: str) -> None:
    account = _account(role)
    page.goto(f"/{lang}/account/login")
    page.fill("main input[name=email]", account.email)
    page.fill("main input[name=password]", account.password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    assert "/account/login" not in page.url, f"log-in as {role} failed"


def html_get_endpoints(app) -> set[str]:
    endpoints = set()
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in NOT_HTML or rule.rule.endswith(FILE_SUFFIXES):
            continue
        endpoints.add(rule.endpoint)
    return endpoints


# --------------------------------------------------------------------------------------- tests


def test_every_html_page_is_in_the_plan(live_server):
    """Coverage: every HTML GET endpoint is visited in every language (or is listed in NOT_HTML)."""
    app = live_server.app
    assert tuple(LANGUAGES) == tuple(app.config["LANGUAGES"])
    facts = demo_facts(app, fresh_comment=False)
    expected = html_get_endpoints(app)
    missing = {}
    for lang in LANGUAGES:
        visits = plan(lang, facts)
        unknown = [v.path for v in visits if endpoint_of(app, v.path) is None and v.status != 404]
        assert not unknown, f"plan entries that match no route: {unknown}"
        covered = {endpoint_of(app, v.path) for v in visits} | {v.lands_on for v in visits if v.lands_on}
        if gaps := sorted(expected - covered):
            missing[lang] = gaps
        assert {v.role for v in visits} == set(ROLES)
    assert not missing, f"GET pages never checked by axe (add them to plan() or NOT_HTML): {missing}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations(browser, live_server, axe_source, lang, role, tmp_path):
    """Every page state of the plan, in each language and role: no axe violation, reflow at 320 px
    and 1280 px and 200 % text, and valid HTML (the W3C Nu checker, once per walk, over the page
    as the browser holds it once the state is reached)."""
    visits = [v for v in plan(lang, demo_facts(live_server.app, fresh_comment=role == "resident")) if v.role == role]
    checker = vnu_jar()
    states: dict[Path, str] = {}
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="nl-BE")
    context.add_init_script(script=axe_source)
    page = context.new_page()
    page.set_default_timeout(15000)
    problems = {}
    try:
        if role != "visitor":
            log_in(page, lang, role)
        for visit in visits:
            key = f"{visit.path} [{visit.state}]"
            if visit.production_errors:
                with live_server.showing_error_pages():
                    response = page.goto(visit.path)
            else:
                response = page.goto(visit.path)
            status = response.status if response else None
            if visit.act is not None:
                if status != 200:
                    problems[key] = f"status {status} before the action, expected 200"
                    continue
                status = visit.act(page, live_server)
            if status != visit.status:
                problems[key] = f"status {status}, expected {visit.status}"
                continue
            if (
                visit.lands_on
                and endpoint_of(live_server.app, page.url.removeprefix(live_server.url)) != visit.lands_on
            ):
                problems[key] = f"ended on {page.url}, expected the {visit.lands_on} page"
                continue
            lang_attr = page.evaluate("() => document.documentElement.lang")
            if lang_attr != lang:
                problems[key] = f'<html lang="{lang_attr}">, expected {lang}'
                continue
            if visit.shows and page.locator(visit.shows).count() == 0:
                problems[key] = f"nothing matches {visit.shows!r}: not the state meant"
                continue
            if violations := axe_violations(page, axe_source, TAGS):
                problems[key] = violations
                continue
            # The same state, measured for reflow at 320 px, 1280 px and 200 % text (tests/browser/reflow.py),
            # and on the back offices the tabs' current page.
            reflow = reflow_problems(page)
            if tabs := page.evaluate(TABS_JS):
                reflow["tabs"] = tabs
            if reflow:
                problems[key] = reflow
                continue
            if checker is not None:
                html_file = tmp_path / f"{len(states):03d}.html"
                html_file.write_text(page.content())
                states[html_file] = key
    finally:
        context.close()
    if states:
        for message in run_checker(checker, list(states)):
            key = states.get(Path(unquote(message.get("url", "").removeprefix("file:"))), message.get("url"))
            problems.setdefault(key, []).append(f"HTML line {message.get('lastLine', '?')}: {message['message']}")
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())


def vnu_jar() -> Path | None:
    """The Nu checker, or None where Java or the jar is missing (then required under CI=true)."""
    reason = checker_missing()
    if reason is None:
        return VNU_JAR
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; the HTML validity check is required under CI=true")
    print(f"\nNot checking HTML validity in the axe walk: {reason}")
    return None
