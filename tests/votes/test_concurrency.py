"""Many submissions at once: one ballot per person, totals equal the number of voters, no error page."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from participation.extensions import db
from participation.votes import queries
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import FormClient
from tests.votes.factories import ballots_of, make_question, option_ids

N = 50


def _logged_in_clients(app, users, slug):
    clients = []
    for user in users:
        client = FormClient(app.test_client())
        client.login(user.email, PASSWORD)
        clients.append((client, client.token_from(f"/nl/consultations/{slug}")))
    return clients


def _fire(clients, url, data_for):
    barrier = threading.Barrier(len(clients))

    def submit(index):
        client, token = clients[index]
        barrier.wait()
        return client.post(url, data={"csrf_token": token, **data_for(index)}).status_code

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        return list(pool.map(submit, range(len(clients))))


@pytest.mark.concurrency
def test_fifty_parallel_votes_of_one_resident_leave_one_ballot(app):
    c = make_consultation(app)
    q = make_question(app, c, "multiple", options=4, max_choices=2)
    ids = option_ids(q)
    user = make_user(app)
    clients = _logged_in_clients(app, [user] * N, c.slug)
    statuses = _fire(
        clients,
        f"/nl/consultations/{c.slug}/questions/{q.id}",
        lambda i: {"option": [str(ids[i % 4]), str(ids[(i + 1) % 4])]},
    )
    assert statuses == [303] * N
    ballots = ballots_of(app, q.id)
    assert len(ballots) == 1 and ballots[0][0] == user.id and len(ballots[0][2]) == 2
    with app.app_context():
        assert queries.voters_per_question(c.id) == {q.id: 1}
        assert sum(count for count, _, _ in queries.option_tallies(c.id).values()) == 2
        db.session.remove()


@pytest.mark.concurrency
def test_fifty_residents_voting_at_once_are_all_counted(app):
    c = make_consultation(app)
    q = make_question(app, c)
    ids = option_ids(q)
    users = [make_user(app) for _ in range(N)]
    clients = _logged_in_clients(app, users, c.slug)
    statuses = _fire(clients, f"/nl/consultations/{c.slug}/questions/{q.id}", lambda i: {"option": str(ids[i % 3])})
    assert statuses == [303] * N
    ballots = ballots_of(app, q.id)
    assert sorted(b[0] for b in ballots) == sorted(u.id for u in users)
    with app.app_context():
        assert queries.voters_per_question(c.id) == {q.id: N}
        assert sum(count for count, _, _ in queries.option_tallies(c.id).values()) == N
        db.session.remove()
