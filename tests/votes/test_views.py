"""Voting through the pages: forms without JavaScript, messages, receipts, results and exports."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from participation.extensions import db
from participation.votes import services
from participation.votes.models import Ballot
from participation.votes.receipts import fingerprint
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import text
from tests.votes.factories import ballots_of, bulk_ballots, make_question, option_ids


def page(c):
    return f"/nl/consultations/{c.slug}"


def vote(client, c, question, data, lang="nl"):
    return client.submit(
        f"/{lang}/consultations/{c.slug}", data, action=f"/{lang}/consultations/{c.slug}/questions/{question.id}"
    )


@pytest.fixture
def voter(app, client):
    user = make_user(app, language="en")
    client.login(user.email, PASSWORD)
    return user


def test_a_resident_votes_sees_the_receipt_once_and_their_choice(app, client, voter):
    c = make_consultation(app)
    q = make_question(app, c)
    response = vote(client, c, q, {"option": str(option_ids(q)[1])}, lang="en")
    assert response.status_code == 303
    receipt = client.get(response.headers["Location"])
    code = re.search(r'id="receipt-code">([0-9A-Z-]{19})<', text(receipt)).group(1)
    assert receipt.headers["Cache-Control"] == "no-store"
    assert ballots_of(app, q.id)[0][1] == fingerprint(code)
    assert client.get(response.headers["Location"]).status_code == 303  # shown once
    body = text(client.get(f"/en/consultations/{c.slug}"))
    assert "Your current vote:" in body and "Culture" in body and "Change my vote" in body
    assert re.search(rf'value="{option_ids(q)[1]}"[^>]*checked|checked[^>]*value="{option_ids(q)[1]}"', body)


def test_changing_a_vote_through_the_form(app, client, voter):
    c = make_consultation(app)
    q = make_question(app, c, "ranking", options=3)
    a, b, d = option_ids(q)
    assert vote(client, c, q, {f"rank_{a}": "1", f"rank_{b}": "2", f"rank_{d}": "3"}).status_code == 303
    assert vote(client, c, q, {f"rank_{a}": "3", f"rank_{b}": "1", f"rank_{d}": "2"}).status_code == 303
    [(_, _, choices)] = ballots_of(app, q.id)
    assert choices == sorted([(a, 3), (b, 1), (d, 2)])


def test_invalid_choices_are_explained_next_to_the_question(app, client, voter):
    c = make_consultation(app)
    q = make_question(app, c, "ranking", options=3)
    a, b, d = option_ids(q)
    response = vote(client, c, q, {f"rank_{a}": "1", f"rank_{b}": "1", f"rank_{d}": "2"}, lang="en")
    assert response.status_code == 422
    body = text(response)
    assert "Rank 1 is given to more than one option" in body
    assert f'href="#q{q.id}-rank-{b}"' in body and 'aria-invalid="true"' in body
    m = make_question(app, c, "multiple", options=4, max_choices=2)
    response = vote(client, c, m, {"option": [str(i) for i in option_ids(m)[:3]]}, lang="en")
    assert response.status_code == 422 and "You chose 3 options; choose at most 2." in text(response)
    assert ballots_of(app, q.id) == [] and ballots_of(app, m.id) == []


def test_messages_are_translated(app, client, voter):
    c = make_consultation(app)
    q = make_question(app, c)
    assert "Kies een antwoord." in text(vote(client, c, q, {}, lang="nl"))
    assert "Choisissez une réponse." in text(vote(client, c, q, {}, lang="fr"))


def test_a_forged_form_without_token_changes_nothing(app, client, voter):
    c = make_consultation(app)
    q = make_question(app, c)
    response = client.post(f"/nl/consultations/{c.slug}/questions/{q.id}", data={"option": option_ids(q)[0]})
    assert response.status_code == 400
    assert ballots_of(app, q.id) == []


def test_closed_consultation_refuses_votes_with_a_message(app, client, voter):
    c = make_consultation(app, status="closed")
    q = make_question(app, c)
    token = client.token_from("/nl/account/")
    response = client.post(
        f"/en/consultations/{c.slug}/questions/{q.id}", data={"csrf_token": token, "option": option_ids(q)[0]}
    )
    assert response.status_code == 409 and "Voting is closed." in text(response)
    assert ballots_of(app, q.id) == []


def test_voting_is_rate_limited(app, client, voter, rate_limits):
    c = make_consultation(app)
    q = make_question(app, c)
    token = client.token_from(page(c))
    statuses = [
        client.post(
            f"/nl/consultations/{c.slug}/questions/{q.id}", data={"csrf_token": token, "option": option_ids(q)[i % 3]}
        ).status_code
        for i in range(22)
    ]
    assert statuses[0] == 303 and statuses[-1] == 429


def test_results_page_counts_percentages_borda_and_fingerprints(app, client):
    c = make_consultation(app, status="closed")
    single = make_question(app, c)
    ranking = make_question(app, c, "ranking", options=3)
    bulk_ballots(app, single, 4)  # options 1,2,3,1
    bulk_ballots(app, ranking, 3)  # each option first once
    body = text(client.get(f"/en/consultations/{c.slug}/results"))
    assert "4 people voted on this question." in body
    assert "50.0%" in body and "25.0%" in body
    assert "Borda points" in body and "33.3% ranked it first" in body
    assert "7 ballots are counted" in body and body.count("<li><code>") == 7
    assert fingerprint(f"bulk-{single.id}-0") in body
    assert 'style="' not in body


def test_results_hidden_while_open_unless_chosen(app, client):
    hidden = make_consultation(app)
    make_question(app, hidden)
    assert "will be shown when the consultation closes" in text(client.get(f"/en/consultations/{hidden.slug}/results"))
    assert client.get(f"/en/consultations/{hidden.slug}/results.csv").status_code == 404
    shown = make_consultation(app, results_visible_while_open=True)
    q = make_question(app, shown)
    bulk_ballots(app, q, 2)
    assert "2 people voted" in text(client.get(f"/en/consultations/{shown.slug}"))


def test_aggregated_csv_for_everyone_is_neutralised_and_has_a_bom(app, client):
    c = make_consultation(app, status="closed")
    q = make_question(app, c, prompt={"nl": "=HYPERLINK(1)", "en": "=HYPERLINK(1)"})
    bulk_ballots(app, q, 3)
    response = client.get(f"/en/consultations/{c.slug}/results.csv")
    assert response.status_code == 200 and response.data.startswith("\ufeff".encode())
    body = response.get_data(as_text=True)
    assert "'=HYPERLINK(1)" in body and "Climate" in body


def test_anonymised_ballots_only_for_organisers_without_user_ids(app, client, other_client):
    organiser = make_user(app, role="organiser")
    c = make_consultation(app, status="closed", organisers=[organiser])
    q = make_question(app, c)
    voter = make_user(app)
    client.login(voter.email, PASSWORD)
    assert client.get(f"/nl/consultations/{c.slug}/ballots.csv").status_code == 403
    bulk_ballots(app, q, 5)
    other_client.login(organiser.email, PASSWORD)
    response = other_client.get(f"/en/consultations/{c.slug}/ballots.csv")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    lines = response.get_data(as_text=True).strip().splitlines()
    assert lines[0].lstrip("\ufeff") == "Ballot,Question number,Option,Rank" and len(lines) == 6
    assert voter.email not in response.get_data(as_text=True)


def test_receipt_check_finds_counted_ballots(app, client, voter):
    c = make_consultation(app)
    q = make_question(app, c)
    response = vote(client, c, q, {"option": str(option_ids(q)[0])}, lang="en")
    code = re.search(r'id="receipt-code">([0-9A-Z-]{19})<', text(client.get(response.headers["Location"]))).group(1)
    found = client.get(f"/en/consultations/{c.slug}/results/check?code={code.lower()}")
    assert "Found: the ballot with this receipt code is counted." in text(found)
    missing = client.get(f"/en/consultations/{c.slug}/results/check?code=AAAA-AAAA-AAAA-AAAA")
    assert "Not found" in text(missing)
    assert client.get(f"/en/consultations/{c.slug}/results/check?code=<script>").status_code == 400


# ------------------------------------------------------- two first votes at the same moment


def _racing_own_ballot(monkeypatch, found_after_the_race=True):
    """The pre-check misses the ballot a parallel request just inserted (as in a real race)."""
    real = services._own_ballot
    calls = []

    def racing(question_id, user_id):
        calls.append(question_id)
        if len(calls) == 1 or not found_after_the_race:
            return None
        return real(question_id, user_id)

    monkeypatch.setattr(services, "_own_ballot", racing)
    return calls


def test_losing_the_race_for_a_first_vote_replaces_the_winners_ballot(app, client, voter, monkeypatch):
    c = make_consultation(app)
    q = make_question(app, c, "multiple", options=3, max_choices=2)
    a, b, d = option_ids(q)
    assert vote(client, c, q, {"option": [str(a)]}).status_code == 303  # the parallel request that won
    calls = _racing_own_ballot(monkeypatch)
    response = vote(client, c, q, {"option": [str(b), str(d)]}, lang="en")
    assert response.status_code == 303 and len(calls) == 2  # the unique constraint fired, then the update
    receipt = text(client.get(response.headers["Location"]))
    assert "Your vote was changed." in receipt
    code = re.search(r'id="receipt-code">([0-9A-Z-]{19})<', receipt).group(1)
    [(user_id, fp, choices)] = ballots_of(app, q.id)
    assert user_id == voter.id and fp == fingerprint(code) and choices == [(b, None), (d, None)]


def test_a_race_that_cannot_be_resolved_asks_to_try_again(app, client, voter, monkeypatch):
    c = make_consultation(app)
    q = make_question(app, c)
    assert vote(client, c, q, {"option": str(option_ids(q)[0])}).status_code == 303
    before = ballots_of(app, q.id)
    _racing_own_ballot(monkeypatch, found_after_the_race=False)
    response = vote(client, c, q, {"option": str(option_ids(q)[1])}, lang="en")
    assert response.status_code == 409
    assert "Your vote could not be saved. Please try again." in text(response)
    assert ballots_of(app, q.id) == before


# ---------------------------------------------------------------- all fingerprints as text


def test_all_counted_fingerprints_download_as_sorted_plain_text_with_the_count(app, client):
    c = make_consultation(app, status="closed")
    single, ranking = make_question(app, c), make_question(app, c, "ranking", options=3)
    bulk_ballots(app, single, 140)
    bulk_ballots(app, ranking, 65)
    page = text(client.get(f"/en/consultations/{c.slug}/results"))
    link = re.search(r'<a id="fingerprints-download" href="([^"]+)"[^>]*>([^<]+)</a>', page)
    assert link.group(2) == "Download all 205 fingerprints as plain text (sorted, one per line)"
    response = client.get(link.group(1))
    assert response.status_code == 200 and response.is_streamed
    assert response.content_type == "text/plain; charset=utf-8"
    lines = response.get_data(as_text=True).splitlines()
    with app.app_context():
        stored = db.session.scalars(sa.select(Ballot.receipt_fingerprint)).all()
    assert len(lines) == 205 == len(stored) and lines == sorted(stored)
    assert all(re.fullmatch(r"[0-9a-f]{64}", line) for line in lines)
    assert page.count("<li><code>") == 100  # the page lists the first hundred only


def test_the_fingerprint_download_follows_result_visibility(app, client):
    hidden = make_consultation(app)
    bulk_ballots(app, make_question(app, hidden), 3)
    assert client.get(f"/en/consultations/{hidden.slug}/fingerprints.txt").status_code == 404
    empty = make_consultation(app, status="closed")
    make_question(app, empty)
    response = client.get(f"/en/consultations/{empty.slug}/fingerprints.txt")
    assert response.status_code == 200 and response.get_data() == b""


# ------------------------------------------------------------ the ballot form and its help


@pytest.mark.parametrize("kind", ["single", "multiple", "ranking", "scale"])
def test_help_text_is_inside_the_fieldset_that_it_describes(app, client, voter, kind):
    c = make_consultation(app)
    q = make_question(app, c, kind, max_choices=2, help={"nl": "Denk aan 2030.", "en": "Think of 2030."})
    body = text(client.get(f"/en/consultations/{c.slug}/questions/{q.id}"))
    fieldset = re.search(r'<fieldset[^>]*aria-describedby="([^"]+)"[^>]*>(.*?)</fieldset>', body, re.S)
    assert fieldset, body
    [described_id] = fieldset.group(1).split()
    description = re.search(
        rf'<div class="field-message" id="{described_id}">(.*?)<div class="accolade">', fieldset.group(2), re.S
    )
    assert description and "Think of 2030." in description.group(1)
    if kind in ("multiple", "ranking"):  # the kind's hint joins the help text
        assert ("Choose at most 2." if kind == "multiple" else "1 is your first choice") in description.group(1)
    assert body.count("Think of 2030.") == 1


def test_help_text_is_a_plain_paragraph_when_there_is_no_ballot_form(app, client):
    c = make_consultation(app, status="closed")
    q = make_question(app, c, help={"nl": "Denk aan 2030."})
    body = text(client.get(f"/en/consultations/{c.slug}/questions/{q.id}"))
    assert '<p class="votes-help"><span lang="nl">Denk aan 2030.</span>' in body and "<fieldset" not in body


# ----------------------------------------------------------------- results and feedback


def test_results_page_shows_what_residents_said_and_what_the_city_did(app, client):
    c = make_consultation(
        app,
        status="results",
        results={"nl": "Klimaat won.", "en": "Climate won."},
        feedback={"nl": "De stad plant bomen.", "en": "The city plants trees."},
    )
    bulk_ballots(app, make_question(app, c), 3)
    for lang, said, did in (
        ("en", "What residents said", "What the city did with your input"),
        ("nl", "Wat inwoners zeiden", "Wat de stad met je inbreng deed"),
    ):
        body = text(client.get(f"/{lang}/consultations/{c.slug}/results"))
        assert f'<h2 id="votes-said-heading">{said}</h2>' in body
        assert f'<h2 id="votes-feedback-heading">{did}</h2>' in body
    body = text(client.get(f"/en/consultations/{c.slug}/results"))
    assert "Climate won." in body and "The city plants trees." in body
    closed = make_consultation(app, status="closed", feedback={"nl": "Nog niet"})
    make_question(app, closed)
    body = text(client.get(f"/en/consultations/{closed.slug}/results"))
    assert "What the city did with your input" not in body and "Nog niet" not in body


# ------------------------------------------------------------- refusals, through the pages


def test_a_missing_rank_is_named_in_dutch_on_the_page(app, client, voter):
    c = make_consultation(app)
    q = make_question(app, c, "ranking", options=3)
    a, b, d = option_ids(q)
    response = vote(client, c, q, {f"rank_{a}": "1", f"rank_{b}": "", f"rank_{d}": "2"})
    assert response.status_code == 422
    body = text(response)
    assert f'<li><a href="#q{q.id}-rank-{b}">Geef “Cultuur” een plaats.</a></li>' in body
    assert re.search(
        rf'id="q{q.id}-rank-{b}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="q{q.id}-rank-{b}"', body
    )
    assert ballots_of(app, q.id) == []


def test_voting_before_opening_is_refused_in_dutch(app, client, voter):
    c = make_consultation(app, status="upcoming")
    q = make_question(app, c)
    assert "Stemmen kan nog niet." in text(client.get(f"/nl/consultations/{c.slug}/questions/{q.id}"))
    token = client.token_from("/nl/account/")
    response = client.post(
        f"/nl/consultations/{c.slug}/questions/{q.id}", data={"csrf_token": token, "option": option_ids(q)[0]}
    )
    assert response.status_code == 409 and "Stemmen kan nog niet." in text(response)
    assert ballots_of(app, q.id) == []


def test_voting_in_a_draft_is_refused_in_dutch(app, client, other_client, voter):
    organiser = make_user(app, role="organiser")
    c = make_consultation(app, status="draft", organisers=[organiser])
    q = make_question(app, c)
    token = client.token_from("/nl/account/")
    response = client.post(
        f"/nl/consultations/{c.slug}/questions/{q.id}", data={"csrf_token": token, "option": option_ids(q)[0]}
    )
    assert response.status_code == 404  # a resident does not even learn that the draft exists
    other_client.login(organiser.email, PASSWORD)
    assert "Deze bevraging is nog niet gepubliceerd." in text(
        other_client.get(f"/nl/consultations/{c.slug}/questions/{q.id}")
    )
    response = other_client.post(
        f"/nl/consultations/{c.slug}/questions/{q.id}",
        data={"csrf_token": other_client.token_from("/nl/account/"), "option": option_ids(q)[0]},
    )
    assert response.status_code == 409 and "Deze bevraging is nog niet gepubliceerd." in text(response)
    assert ballots_of(app, q.id) == []


def test_a_refused_vote_on_a_closed_consultation_counts_on_the_requests_own_connection(app, client, voter):
    """The refusal re-renders the question with its final counts. A POST's transaction on SQLite
    holds the write lock from its start, so storing the counts on a second connection would wait
    out the whole busy timeout (30 s) before the person saw the page."""
    c = make_consultation(app, status="closed")
    q = make_question(app, c)
    token = client.token_from("/nl/account/")
    with app.app_context():
        engine = db.engine
    open_now, most = [0], [0]

    def checkout(*_args):
        open_now[0] += 1
        most[0] = max(most[0], open_now[0])

    def checkin(*_args):
        open_now[0] -= 1

    sa.event.listen(engine, "checkout", checkout)
    sa.event.listen(engine, "checkin", checkin)
    try:
        response = client.post(
            f"/en/consultations/{c.slug}/questions/{q.id}", data={"csrf_token": token, "option": option_ids(q)[0]}
        )
    finally:
        sa.event.remove(engine, "checkout", checkout)
        sa.event.remove(engine, "checkin", checkin)
    assert response.status_code == 409 and "Voting is closed." in text(response)
    if engine.dialect.name == "sqlite":
        assert most[0] <= 1, "a second connection was opened while the request's own was open"
