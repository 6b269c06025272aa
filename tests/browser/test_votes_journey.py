"""In a real browser: residents vote in each question kind (nl, en, fr), change each vote, keep the
receipt, check it, meet an error, and read the results; the pages are axe-clean in every language."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from participation.core.time import utcnow
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
    labels = [
        {"nl": "Klimaat", "en": "Climate", "fr": "Climat"},
        {"nl": "Cultuur", "en": "Culture", "fr": "Culture"},
        {"nl": "Haven", "en": "Port", "fr": "Port"},
    ]
    with live_server.app.app_context():
        now = utcnow()
        c = Consultation(
            slug=slug,
            state=ConsultationState.PUBLISHED,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=5),
            results_visible_while_open=True,
            published_at=now,
            title={"nl": "Prioriteiten", "en": "Priorities", "fr": "Priorités"},
            summary={"nl": "S"},
            body={"nl": "T"},
        )
        db.session.add(c)
        db.session.flush()
        ids = {}
        for position, kind in enumerate(QuestionKind, start=1):
            q = Question(
                consultation_id=c.id,
                position=position,
                kind=kind,
                max_choices=2 if kind == QuestionKind.MULTIPLE else None,
                prompt={"nl": f"Vraag {kind.value}", "en": f"Question {kind.value}", "fr": f"Question {kind.value}"},
            )
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


WORDS = {
    "nl": ("Klimaat", "Cultuur", "Haven"),
    "en": ("Climate", "Culture", "Port"),
    "fr": ("Climat", "Culture", "Port"),
}
SCALE = {
    "nl": ("Helemaal akkoord", "Niet akkoord"),
    "en": ("Strongly agree", "Disagree"),
    "fr": ("Tout à fait d'accord", "Pas d'accord"),
}
COUNTED = {"nl": "Je stem is geteld.", "en": "Your vote was counted.", "fr": "Votre vote a été compté."}
CHANGED = {"nl": "Je stem is gewijzigd.", "en": "Your vote was changed.", "fr": "Votre vote a été modifié."}
FOUND = {
    "nl": "Gevonden: de stem met deze ontvangstcode is geteld.",
    "en": "Found: the ballot with this receipt code is counted.",
    "fr": "Trouvé : le bulletin avec ce code de reçu est compté.",
}
CHECK_LINK = {
    "nl": "Zoek deze code bij de getelde stemmen",
    "en": "Check this receipt among the counted ballots",
    "fr": "Vérifier ce reçu parmi les bulletins comptés",
}
TOO_MANY = {
    "nl": "Je koos 3 opties; kies er maximaal 2.",
    "en": "You chose 3 options; choose at most 2.",
    "fr": "Vous avez choisi 3 options",
}
VOTED = {
    "nl": "3 mensen stemden op deze vraag.",
    "en": "3 people voted on this question.",
    "fr": "3 personnes ont voté sur cette question.",
}


def _answers(lang: str) -> dict:
    """Per kind: the first vote and the changed vote, as what the resident sees ("Your current vote")."""
    a, b, c = WORDS[lang]
    return {
        "single": ([a], [c]),
        "multiple": ([a, b], [b, c]),
        "ranking": ([a, b, c], [c, a, b]),  # listed in rank order
        "scale": ([SCALE[lang][0]], [SCALE[lang][1]]),
    }


def _fill(page, kind: str, box, answer: list[str], lang: str) -> None:
    if kind in ("single", "scale"):
        box.get_by_label(answer[0], exact=True).check()
    elif kind == "multiple":
        for label in WORDS[lang]:
            box.get_by_label(label, exact=True).set_checked(label in answer)
    else:
        for rank, label in enumerate(answer, start=1):
            box.get_by_label(label, exact=True).select_option(str(rank))


def _current_vote(page, box) -> list[str]:
    return [text.strip() for text in box.locator(".votes-mine li").all_inner_texts()]


def _vote_and_change_every_kind(page, slug, ids, lang, axe_source) -> dict:
    """Vote in each kind, then change each vote; axe on a question page, a receipt and a receipt check."""
    answers = _answers(lang)
    codes = {}
    for kind in ("single", "multiple", "ranking", "scale"):
        page.goto(f"/{lang}/consultations/{slug}/questions/{ids[kind]}")
        box = page.locator(f"#question-{ids[kind]}")
        if kind == "ranking":
            assert axe_violations(page, axe_source) == []  # the question page, before voting
        _fill(page, kind, box, answers[kind][0], lang)
        box.get_by_role("button", name=VOTE[lang]).click()
        expect(page.get_by_text(COUNTED[lang])).to_have_count(1)
        codes[kind] = page.locator("#receipt-code").inner_text()
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", codes[kind])
        if kind == "single":
            assert axe_violations(page, axe_source) == []  # the receipt page
    for kind in ("single", "multiple", "ranking", "scale"):
        page.goto(f"/{lang}/consultations/{slug}/questions/{ids[kind]}")
        box = page.locator(f"#question-{ids[kind]}")
        assert _current_vote(page, box) == answers[kind][0], kind
        _fill(page, kind, box, answers[kind][1], lang)
        box.get_by_role("button", name=CHANGE[lang]).click()
        expect(page.get_by_text(CHANGED[lang]), kind).to_have_count(1)
        new_code = page.locator("#receipt-code").inner_text()
        assert new_code != codes[kind]
        codes[kind] = new_code
        if kind == "ranking":
            page.get_by_role("link", name=CHECK_LINK[lang]).click()
            expect(page.get_by_text(FOUND[lang])).to_have_count(1)
            assert axe_violations(page, axe_source) == []  # the receipt check page
        page.goto(f"/{lang}/consultations/{slug}/questions/{ids[kind]}")
        assert _current_vote(page, page.locator(f"#question-{ids[kind]}")) == answers[kind][1], kind
    return codes


def _too_many_choices(page, slug, ids, lang, axe_source) -> None:
    """The ballot's error state: explained in the page's language, nothing changed, axe-clean."""
    page.goto(f"/{lang}/consultations/{slug}/questions/{ids['multiple']}")
    box = page.locator(f"#question-{ids['multiple']}")
    for label in WORDS[lang]:
        box.get_by_label(label, exact=True).check()
    box.get_by_role("button", name=CHANGE[lang]).click()
    expect(page.get_by_role("alert").first).to_contain_text(TOO_MANY[lang], use_inner_text=True)
    expect(page.locator("[aria-invalid=true]")).to_have_count(3)
    assert axe_violations(page, axe_source) == []
    assert _current_vote(page, page.locator(f"#question-{ids['multiple']}")) == _answers(lang)["multiple"][1]


def test_residents_vote_in_every_kind_change_each_vote_and_see_results(page, live_server, axe_source):
    slug, ids = _consultation(live_server)
    codes = {}
    for lang in ("nl", "en", "fr"):
        _login(page, lang)
        codes[lang] = _vote_and_change_every_kind(page, slug, ids, lang, axe_source)
        _too_many_choices(page, slug, ids, lang, axe_source)
        page.goto(f"/{lang}/consultations/{slug}")
        expect(page.get_by_role("button", name=CHANGE[lang])).to_have_count(4)
        assert axe_violations(page, axe_source) == []

    # An invalid ranking is explained next to the question; the replaced receipt is no longer counted.
    _login(page, "en")
    page.goto(f"/en/consultations/{slug}")
    r = page.locator(f"#question-{ids['ranking']}")
    r.locator("select").nth(0).select_option("1")
    r.locator("select").nth(1).select_option("1")
    r.locator("select").nth(2).select_option("2")
    r.get_by_role("button", name="Change my vote").click()
    assert page.get_by_role("alert").first.inner_text().count("Rank 1 is given to more than one option") == 1
    assert axe_violations(page, axe_source) == []
    page.goto(f"/en/consultations/{slug}/results/check?code={codes['en']['single']}")
    expect(page.get_by_text("Found: the ballot with this receipt code is counted.")).to_have_count(1)

    for lang in ("nl", "en", "fr"):
        page.goto(f"/{lang}/consultations/{slug}/results")
        expect(page.get_by_text(VOTED[lang])).to_have_count(4)
        expect(page.locator(".votes-fingerprints li")).to_have_count(12)
        assert axe_violations(page, axe_source) == []
