"""Secrecy of the vote: nobody, not even an organiser or administrator, can tell how a named resident
voted, neither from one page or download nor by comparing pages before and after that person votes."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from html import unescape

import pytest

from participation.consultations.models import Consultation
from participation.core.permissions import Role
from participation.core.time import utcnow
from participation.extensions import db
from tests.comments.factories import make_comment
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, text
from tests.votes.factories import bulk_ballots, make_question, option_ids

# Option labels that appear nowhere else, so a page showing one is a page about the votes.
SECRET_LABELS = {
    "single": [
        {"nl": "Zeppelinhaven", "en": "Zeppelin port"},
        {"nl": "Kabelbaan", "en": "Cable car"},
        {"nl": "Fietsbrug", "en": "Bicycle bridge"},
    ],
    "multiple": [
        {"nl": "Stadstuinen", "en": "Urban gardens"},
        {"nl": "Zonnedaken", "en": "Solar roofs"},
        {"nl": "Waterpleinen", "en": "Water squares"},
    ],
    "ranking": [
        {"nl": "Beiaardfeest", "en": "Carillon festival"},
        {"nl": "Lichtroute", "en": "Light trail"},
        {"nl": "Orgelnacht", "en": "Organ night"},
    ],
}
MARKERS = [text for labels in SECRET_LABELS.values() for label in labels for text in label.values()]
ENDPOINT_PREFIXES = (
    "votes.",
    "votes_manage.",
    "admin.",
    "moderation.",
    "consultations_manage.",
    "consultations.",
    "comments.",
    "participation.",
    "accounts.",
)


def _vote(client, slug, question_id, data, lang="en"):
    return client.submit(
        f"/{lang}/consultations/{slug}", data, action=f"/{lang}/consultations/{slug}/questions/{question_id}"
    )


def _cast_every_kind(client, slug, questions):
    single, multiple, ranking = questions
    a, b, c = option_ids(ranking)
    for question_id, data in (
        (single.id, {"option": str(option_ids(single)[1])}),
        (multiple.id, {"option": [str(i) for i in option_ids(multiple)[:2]]}),
        (ranking.id, {f"rank_{a}": "3", f"rank_{b}": "1", f"rank_{c}": "2"}),
    ):
        assert _vote(client, slug, question_id, data).status_code == 303


def _close(app, consultation):
    with app.app_context():
        row = db.session.get(Consultation, consultation.id)
        row.opens_at, row.closes_at = utcnow() - timedelta(days=10), utcnow() - timedelta(minutes=1)
        db.session.commit()


@pytest.fixture
def scene(app, client):
    """A named resident voted in an open and a closed consultation and commented elsewhere."""
    organiser = make_user(app, role=Role.ORGANISER, name="Olga Organisator", language="en")
    admin = make_user(app, role=Role.ADMIN, name="Adam Beheerder", language="en")
    voter = make_user(app, name="Lotte Geheimhouder", email="lotte.geheim@example.org", language="en")
    open_c = make_consultation(app, organisers=[organiser], results_visible_while_open=True)
    closed_c = make_consultation(app, organisers=[organiser], results={"nl": "R"}, feedback={"nl": "F"})
    talk = make_consultation(app, organisers=[organiser])
    questions = {}
    for c in (open_c, closed_c):
        questions[c.slug] = [
            make_question(app, c, kind, labels=SECRET_LABELS[kind], max_choices=2)
            for kind in ("single", "multiple", "ranking")
        ]
        make_question(app, c, "scale")
        for q in questions[c.slug]:
            bulk_ballots(app, q, 2)  # other, unlinked ballots
    client.login(voter.email, PASSWORD)
    for c in (open_c, closed_c):
        _cast_every_kind(client, c.slug, questions[c.slug])
    make_comment(app, talk, voter, body="Ik heb een mening over het verkeer.")
    _close(app, closed_c)
    with app.test_request_context("/en/"):
        from participation.accounts.models import User
        from participation.consultations.services import publish_results

        publish_results(db.session.get(User, organiser.id), db.session.get(Consultation, closed_c.id))
        db.session.commit()
    return {
        "organiser": organiser,
        "admin": admin,
        "voter": voter,
        "open": open_c,
        "closed": closed_c,
        "talk": talk,
        "questions": questions,
    }


def _urls(app, scene) -> list[str]:
    """Every GET page of the votes, results, exports, question management, admin, moderation and history."""
    from participation.comments.models import Comment
    from participation.core.mail import OutboxMessage

    with app.app_context():
        comment_ids = list(db.session.scalars(db.select(Comment.id)))
        message_ids = list(db.session.scalars(db.select(OutboxMessage.id)))
    pairs = [(c, q.id) for c in (scene["open"], scene["closed"]) for q in scene["questions"][c.slug]]
    candidates = {
        "lang": ["en"],
        "user_id": [scene["voter"].id],
        "comment_id": comment_ids,
        "message_id": message_ids,
        "consultation_id": [c.id for c in (scene["open"], scene["closed"], scene["talk"])],
    }
    urls = []
    with app.test_request_context("/en/"):
        adapter = app.url_map.bind("localhost")
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or not rule.endpoint.startswith(ENDPOINT_PREFIXES):
                continue
            args = set(rule.arguments)
            if args - set(candidates) - {"slug", "question_id"}:
                continue  # token links (mail confirmations, tickets) lead to no votes
            combos = [{}]
            if "question_id" in args:
                combos = [{"slug": c.slug, "question_id": qid} for c, qid in pairs]
            elif "slug" in args:
                combos = [{"slug": c.slug} for c in (scene["open"], scene["closed"], scene["talk"])]
            for name in args - {"slug", "question_id"}:
                combos = [{**combo, name: value} for combo in combos for value in candidates[name]]
            urls.extend(adapter.build(rule.endpoint, combo) for combo in combos)
    return sorted(set(urls)) + [
        f"/en/consultations/{scene['closed'].slug}/results?page=1",
        f"/en/admin/users?q={scene['voter'].email}",
    ]


@pytest.mark.parametrize("role", ["admin", "organiser"])
def test_no_page_or_download_pairs_the_voter_with_an_option(app, client, scene, role):
    voter = scene["voter"]
    viewer = FormClient(app.test_client())
    viewer.login(scene[role].email, PASSWORD)
    identity = [voter.display_name, voter.email, f"/people/{voter.id}", f"/users/{voter.id}/"]
    seen_options = seen_person = 0
    for url in _urls(app, scene):
        response = viewer.get(url)
        assert response.status_code < 500, url
        body = unescape(response.get_data(as_text=True))
        shows_options = [m for m in MARKERS if m in body]
        shows_person = [m for m in identity if m in body]
        assert not (shows_options and shows_person), (url, shows_options, shows_person)
        seen_options += bool(shows_options)
        seen_person += bool(shows_person)
        if url.endswith(".csv"):
            header = body.lstrip("\ufeff").split("\n", 1)[0].casefold()
            assert not re.search(r"user|person|e-mail|email|name|\bid\b", header), (url, header)
    # The walk did reach the votes and the person: the assertions above were not vacuous.
    assert seen_options >= 10 and seen_person >= 2, (seen_options, seen_person)


def test_the_ballot_export_has_no_column_that_could_name_a_person(app, client, scene):
    viewer = FormClient(app.test_client())
    viewer.login(scene["organiser"].email, PASSWORD)
    response = viewer.get(f"/en/consultations/{scene['closed'].slug}/ballots.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["Ballot", "Question number", "Option", "Rank"]
    numbers = sorted({int(row[0]) for row in rows[1:]})
    assert numbers == list(range(1, 10))  # 3 questions x (2 + 1) ballots, renumbered: no ids
    assert all(len(row) == 4 for row in rows)


# ------------------------------------------------------------ nothing to compare while open


def _diff(a: str, b: str) -> str:
    import difflib

    return "\n".join(
        line for line in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0) if line[:1] in "+-"
    )


def _normalised(body: str) -> str:
    """A page without what changes on every request (CSRF and form-timing tokens, CSP nonces)."""
    body = re.sub(r'<input[^>]*type="hidden"[^>]*>', lambda m: re.sub(r'value="[^"]*"', "", m.group(0)), body)
    return re.sub(r'nonce="[^"]*"', "", body)


@pytest.mark.parametrize("role", ["admin", "organiser"])
def test_while_open_nothing_an_organiser_sees_changes_with_how_someone_votes(app, client, other_client, role):
    organiser = make_user(app, role=Role.ORGANISER, language="en")
    viewer_user = organiser if role == "organiser" else make_user(app, role=Role.ADMIN, language="en")
    c = make_consultation(app, organisers=[organiser])  # results shown only after closing
    q = make_question(app, c, labels=SECRET_LABELS["single"])
    bulk_ballots(app, q, 3)
    other_client.login(viewer_user.email, PASSWORD)
    pages = [
        f"/en/consultations/{c.slug}",
        f"/en/consultations/{c.slug}/questions/{q.id}",
        f"/en/consultations/{c.slug}/results",
        f"/en/consultations/{c.slug}/results.csv",
        f"/en/consultations/{c.slug}/ballots.csv",
        f"/en/consultations/{c.slug}/fingerprints.txt",
    ]
    before = {
        url: (r.status_code, _normalised(r.get_data(as_text=True))) for url in pages if (r := other_client.get(url))
    }
    voter = make_user(app)
    client.login(voter.email, PASSWORD)
    assert _vote(client, c.slug, q.id, {"option": str(option_ids(q)[2])}).status_code == 303
    after = {
        url: (r.status_code, _normalised(r.get_data(as_text=True))) for url in pages if (r := other_client.get(url))
    }
    for url in pages:
        assert after[url] == before[url], (url, _diff(before[url][1], after[url][1]))
    results = before[f"/en/consultations/{c.slug}/results"][1]
    assert "The results will be shown when the consultation closes." in results
    assert "Organisers and administrators do not see the results or the ballots before then either" in results
    assert "people voted on this question" not in results and "Fietsbrug" not in results
    assert before[f"/en/consultations/{c.slug}/results.csv"][0] == 404
    assert before[f"/en/consultations/{c.slug}/fingerprints.txt"][0] == 404
    status, body = before[f"/en/consultations/{c.slug}/ballots.csv"]
    assert status == 409 and "The anonymised ballots can be downloaded once voting has closed." in body


def test_with_live_results_organisers_see_what_everyone_sees_but_no_ballots(app, client, other_client):
    organiser = make_user(app, role=Role.ORGANISER, language="en")
    c = make_consultation(app, organisers=[organiser], results_visible_while_open=True)
    q = make_question(app, c)
    bulk_ballots(app, q, 4)
    other_client.login(organiser.email, PASSWORD)
    for viewer in (client, other_client):
        body = text(viewer.get(f"/en/consultations/{c.slug}/results"))
        assert "4 people voted on this question." in body
    managed = text(other_client.get(f"/en/consultations/{c.slug}/results"))
    assert "The anonymised ballots (CSV, organisers only) can be downloaded once voting has closed." in managed
    assert "/ballots.csv" not in managed
    assert other_client.get(f"/en/consultations/{c.slug}/ballots.csv").status_code == 409
    _close(app, c)
    managed = text(other_client.get(f"/en/consultations/{c.slug}/results"))
    assert f"/en/consultations/{c.slug}/ballots.csv" in managed
    assert other_client.get(f"/en/consultations/{c.slug}/ballots.csv").status_code == 200


# ------------------------------------------------------------------------- shuffled export


def test_the_ballot_export_is_shuffled_not_in_voting_order(app, client):
    """60 ballots choosing options in turn: the chance that a shuffle keeps that order is below 1e-26."""
    organiser = make_user(app, role=Role.ORGANISER)
    c = make_consultation(app, status="closed", organisers=[organiser])
    q = make_question(app, c, options=3)
    ranking = make_question(app, c, "ranking", options=3)
    bulk_ballots(app, q, 60)
    bulk_ballots(app, ranking, 30)
    client.login(organiser.email, PASSWORD)
    response = client.get(f"/en/consultations/{c.slug}/ballots.csv")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))[1:]
    single_rows = [row for row in rows if row[1] == "1"]
    voting_order = [["Climate", "Culture", "Port"][i % 3] for i in range(60)]
    shown_order = [row[2] for row in single_rows]
    assert sorted(shown_order) == sorted(voting_order) and shown_order != voting_order
    numbers = [int(row[0]) for row in rows]
    assert sorted(set(numbers)) == list(range(1, 91))
    for number in {int(row[0]) for row in rows if row[1] == "2"}:  # a ranking ballot stays whole
        assert sorted(row[3] for row in rows if int(row[0]) == number) == ["1", "2", "3"]
    second = [
        row[2]
        for row in csv.reader(
            io.StringIO(client.get(f"/en/consultations/{c.slug}/ballots.csv").get_data(as_text=True).lstrip("\ufeff"))
        )
        if row[1] == "1"
    ]
    assert second != shown_order  # a fresh shuffle for every download


# ---------------------------------------------------------------------- privacy statement


@pytest.mark.parametrize(
    "lang, deleted, kept",
    [
        (
            "nl",
            "Je stemmen in bevragingen die nog open zijn, worden gewist",
            "Je stemmen in afgesloten bevragingen blijven bewaard zonder enige link met jou",
        ),
        (
            "en",
            "Your votes in consultations that are still open are deleted",
            "Your votes in closed consultations are kept without any link to you",
        ),
        (
            "fr",
            "Vos votes dans les consultations encore ouvertes sont effacés",
            "Vos votes dans les consultations clôturées sont conservés sans aucun lien avec vous",
        ),
    ],
)
def test_privacy_statement_says_what_happens_to_votes_when_an_account_is_deleted(app, client, lang, deleted, kept):
    body = unescape(text(client.get(f"/{lang}/privacy")))
    body = " ".join(body.split())
    assert deleted in body and kept in body
