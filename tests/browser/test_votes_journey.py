"""In a real browser: residents vote in each question kind (nl, en, fr), change a vote, keep the
receipt, check it, and read the results; the pages are axe-clean."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest

from participation.core.db import utcnow
from participation.extensions import db
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser

ACCOUNTS = {
    "nl": ("inwoner@demo.example", "demo-inwoner-2026"),
    "en": ("resident2@demo.example", "demo-resident2-2026"),
    "fr": ("habitant@demo.example", "demo-habitant-2026"),
}
VOTE = {"nl": "Stemmen", "en": "Vote", "fr": "Voter"}
CHANGE = {"nl": "Mijn stem wijzigen", "en": "Change my vote", "fr": "Modifier mon vote"}


def _consultation(live_server) -> tuple[str, dict]:
    from participation.consultations.models import Consultation, ConsultationState
    from participation.votes.models import Option, Question, QuestionKind
    from participation.votes.scale import scale_labels

    slug = f"votes-{uuid.uuid4().hex[:8]}"
    labels = [{"nl": "Klimaat", "en": "Climate", "fr": "Climat"}, {"nl": "Cultuur", "en": "Culture", "fr": "Culture"},
              {"nl": "Haven", "en": "Port", "fr": "Port"}]
    with live_server.app.app_context():
        now = utcnow()
        c = Consultation(slug=slug, state=ConsultationState.PUBLISHED, opens_at=now - timedelta(days=1),
                         closes_at=now + timedelta(days=5), results_visible_while_open=True, published_at=now,
                         title={"nl": "Prioriteiten", "en": "Priorities", "fr": "Priorités"},
                         summary={"nl": "S"}, body={"nl": "T"})
        db.session.add(c)
        db.session.flush()
        ids = {}
        for position, kind in enumerate(QuestionKind, start=1):
            q = Question(consultation_id=c.id, position=position, kind=kind,
                         max_choices=2 if kind == QuestionKind.MULTIPLE else None,
                         prompt={"nl": f"Vraag {kind.value}", "en": f"Question {kind.value}",
                                 "fr": f"Question {kind.value}"})
            opts = scale_labels() if kind == QuestionKind.SCALE else labels
            q.options = [Option(position=i, label=dict(lbl)) for i, lbl in enumerate(opts, start=1)]
            db.session.add(q)
            db.session.flush()
            ids[kind.value] = q.id
        db.session.commit()
    return slug, ids


def _login(page, lang):
    email, password = ACCOUNTS[lang]
    page.context.clear_cookies()
    page.goto("/en/account/login")
    page.get_by_label("E-mail address", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def _vote_all(page, slug, ids, lang, first, second, axe_source):
    page.goto(f"/{lang}/consultations/{slug}")
    q = page.locator(f"#question-{ids['single']}")
    q.get_by_label(first, exact=True).check()
    q.get_by_role("button", name=VOTE[lang]).click()
    code = page.locator("#receipt-code").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", code)
    assert axe_violations(page, axe_source) == []
    page.goto(f"/{lang}/consultations/{slug}")
    m = page.locator(f"#question-{ids['multiple']}")
    m.get_by_label(first, exact=True).check()
    m.get_by_label(second, exact=True).check()
    m.get_by_role("button", name=VOTE[lang]).click()
    page.goto(f"/{lang}/consultations/{slug}")
    r = page.locator(f"#question-{ids['ranking']}")
    for rank, label in enumerate((second, first), start=1):
        r.get_by_label(label, exact=True).select_option(str(rank))
    r.locator("select").nth(2).select_option("3")
    r.get_by_role("button", name=VOTE[lang]).click()
    page.goto(f"/{lang}/consultations/{slug}")
    s = page.locator(f"#question-{ids['scale']}")
    s.locator("input[type=radio]").first.check()
    s.get_by_role("button", name=VOTE[lang]).click()
    return code


def test_residents_vote_in_every_kind_change_and_see_results(page, live_server, axe_source):
    slug, ids = _consultation(live_server)
    words = {"nl": ("Klimaat", "Cultuur"), "en": ("Climate", "Culture"), "fr": ("Climat", "Culture")}
    codes = {}
    for lang in ("nl", "en", "fr"):
        _login(page, lang)
        codes[lang] = _vote_all(page, slug, ids, lang, *words[lang], axe_source)
        page.goto(f"/{lang}/consultations/{slug}")
        assert page.locator(f"#question-{ids['single']} .votes-mine").count() == 1
        assert page.get_by_role("button", name=CHANGE[lang]).count() == 4
        assert axe_violations(page, axe_source) == []

    # The English resident changes their single-choice vote: a new receipt, the old one is gone.
    _login(page, "en")
    page.goto(f"/en/consultations/{slug}")
    q = page.locator(f"#question-{ids['single']}")
    q.get_by_label("Port", exact=True).check()
    q.get_by_role("button", name="Change my vote").click()
    assert page.get_by_text("Your vote was changed.").count() == 1
    new_code = page.locator("#receipt-code").inner_text()
    page.goto(f"/en/consultations/{slug}/results/check?code={new_code}")
    assert page.get_by_text("Found: the ballot with this receipt code is counted.").count() == 1
    page.goto(f"/en/consultations/{slug}/results/check?code={codes['en']}")
    assert page.get_by_text("Not found", exact=False).count() == 1

    # An invalid ranking is explained next to the question.
    page.goto(f"/en/consultations/{slug}")
    r = page.locator(f"#question-{ids['ranking']}")
    r.locator("select").nth(0).select_option("1")
    r.locator("select").nth(1).select_option("1")
    r.locator("select").nth(2).select_option("2")
    r.get_by_role("button", name="Change my vote").click()
    assert page.get_by_role("alert").first.inner_text().count("Rank 1 is given to more than one option") == 1
    assert axe_violations(page, axe_source) == []

    for lang, voted in (("nl", "3 mensen stemden op deze vraag."), ("en", "3 people voted on this question."),
                        ("fr", "3 personnes ont voté sur cette question.")):
        page.goto(f"/{lang}/consultations/{slug}/results")
        assert page.get_by_text(voted).count() == 4
        assert page.locator(".votes-fingerprints li").count() == 12
        assert axe_violations(page, axe_source) == []
