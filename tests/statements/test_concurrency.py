"""Many votes at once: one vote per person and statement, counts that add up, no error page."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.statements.factories import make_map, statement, votes_of
from tests.support import FormClient

N = 30


def _clients(app, users, slug):
    clients = []
    for user in users:
        client = FormClient(app.test_client())
        client.login(user.email, PASSWORD)
        clients.append((client, client.token_from(f"/nl/consultations/{slug}/statements/")))
    return clients


def _fire(clients, url, values):
    barrier = threading.Barrier(len(clients))

    def submit(index):
        client, token = clients[index]
        barrier.wait()
        return client.post(url, data={"csrf_token": token, "value": values[index % len(values)]}).status_code

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        return list(pool.map(submit, range(len(clients))))


@pytest.mark.concurrency
def test_parallel_votes_of_one_resident_leave_one_vote(app):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    user = make_user(app)
    statuses = _fire(
        _clients(app, [user] * N, c.slug),
        f"/nl/consultations/{c.slug}/statements/{s.id}/vote",
        ["agree", "disagree", "pass"],
    )
    assert statuses == [303] * N
    votes = votes_of(app, s.id)
    assert len(votes) == 1 and votes[0][0] == user.id
    assert statement(app, s.id).votes_count == 1


@pytest.mark.concurrency
def test_residents_voting_at_once_are_all_counted(app):
    c = make_consultation(app)
    (s,) = make_map(app, c)
    users = [make_user(app) for _ in range(N)]
    statuses = _fire(_clients(app, users, c.slug), f"/nl/consultations/{c.slug}/statements/{s.id}/vote", ["agree"])
    assert statuses == [303] * N
    assert sorted(v[0] for v in votes_of(app, s.id)) == sorted(u.id for u in users)
    assert statement(app, s.id).votes_count == N
