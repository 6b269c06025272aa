"""Voting through the pages: forms without JavaScript, messages, receipts, results and exports."""

from __future__ import annotations

import re

import pytest

from participation.votes.receipts import fingerprint
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import text
from tests.votes.factories import ballots_of, bulk_ballots, make_question, option_ids


def page(c):
    return f"/nl/consultations/{c.slug}"


def vote(client, c, question, data, lang="nl"):
    return client.submit(f"/{lang}/consultations/{c.slug}", data,
                         action=f"/{lang}/consultations/{c.slug}/questions/{question.id}")


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
    code = re.search(r'id="receipt-code">([A-Z2-7-]{19})<', text(receipt)).group(1)
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
    assert response.status_code == 400
    body = text(response)
    assert "Rank 1 is given to more than one option" in body
    assert f'href="#q{q.id}-rank-{b}"' in body and 'aria-invalid="true"' in body
    m = make_question(app, c, "multiple", options=4, max_choices=2)
    response = vote(client, c, m, {"option": [str(i) for i in option_ids(m)[:3]]}, lang="en")
    assert response.status_code == 400 and "You chose 3 options; choose at most 2." in text(response)
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
    response = client.post(f"/en/consultations/{c.slug}/questions/{q.id}",
                           data={"csrf_token": token, "option": option_ids(q)[0]})
    assert response.status_code == 409 and "Voting is closed." in text(response)
    assert ballots_of(app, q.id) == []


def test_voting_is_rate_limited(app, client, voter, rate_limits):
    c = make_consultation(app)
    q = make_question(app, c)
    token = client.token_from(page(c))
    statuses = [client.post(f"/nl/consultations/{c.slug}/questions/{q.id}",
                            data={"csrf_token": token, "option": option_ids(q)[i % 3]}).status_code
                for i in range(22)]
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
    code = re.search(r'id="receipt-code">([A-Z2-7-]{19})<', text(client.get(response.headers["Location"]))).group(1)
    found = client.get(f"/en/consultations/{c.slug}/results/check?code={code.lower()}")
    assert "Found: the ballot with this receipt code is counted." in text(found)
    missing = client.get(f"/en/consultations/{c.slug}/results/check?code=AAAA-AAAA-AAAA-AAAA")
    assert "Not found" in text(missing)
    assert client.get(f"/en/consultations/{c.slug}/results/check?code=<script>").status_code == 400


def test_nobody_sees_how_a_named_person_voted(app, client, other_client):
    admin = make_user(app, role="admin")
    c = make_consultation(app, results_visible_while_open=True)
    q = make_question(app, c)
    resident = make_user(app, name="Lotte Geheim")
    client.login(resident.email, PASSWORD)
    vote(client, c, q, {"option": str(option_ids(q)[2])})
    other_client.login(admin.email, PASSWORD)
    for url in (f"/nl/consultations/{c.slug}", f"/nl/consultations/{c.slug}/results",
                f"/nl/consultations/{c.slug}/ballots.csv", f"/nl/consultations/{c.slug}/results.csv"):
        body = other_client.get(url).get_data(as_text=True)
        assert "Lotte Geheim" not in body and resident.email not in body
