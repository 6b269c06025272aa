"""Many people at once: capacity is never exceeded, nobody is lost, the waiting list keeps
arrival order, and simultaneous cancellations promote exactly as many people (both databases)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from participation.events.models import RegistrationStatus
from tests.events.factories import make_event, registrations_of
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, outbox

PEOPLE = 50
PLACES = 10


def _clients(app, users, event_id):
    clients = []
    for user in users:
        client = FormClient(app.test_client())
        client.login(user.email, PASSWORD)
        clients.append((client, client.token_from(f"/nl/events/{event_id}")))
    return clients


def _at_once(clients, url_for_index):
    """POST from every client at the same moment; return the status codes in client order."""
    barrier = threading.Barrier(len(clients))

    def post(index):
        client, token = clients[index]
        barrier.wait()
        return client.post(url_for_index(index), data={"csrf_token": token}).status_code

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        return list(pool.map(post, range(len(clients))))


@pytest.mark.concurrency
def test_fifty_registrations_for_ten_places(app):
    event = make_event(app, capacity=PLACES)
    users = [make_user(app) for _ in range(PEOPLE)]
    clients = _clients(app, users, event.id)
    statuses = _at_once(clients, lambda i: f"/nl/events/{event.id}/register")
    assert statuses == [303] * PEOPLE, "no error page, no refusal: everyone gets a place or a queue number"

    rows = registrations_of(app, event.id)
    assert sorted(r.user_id for r in rows) == sorted(u.id for u in users), "nobody lost, nobody twice"
    confirmed = [r for r in rows if r.status == RegistrationStatus.CONFIRMED]
    waiting = [r for r in rows if r.status == RegistrationStatus.WAITING]
    assert len(confirmed) == PLACES and len(waiting) == PEOPLE - PLACES
    # Arrival order: numbers were handed out under the event lock, one by one, without gaps;
    # the first ten numbers hold the places, the waiting list follows in number order.
    assert sorted(r.sequence for r in rows) == list(range(1, PEOPLE + 1))
    assert sorted(r.sequence for r in confirmed) == list(range(1, PLACES + 1))
    # Rows were written in the order the lock was granted: ids follow the numbers.
    assert [r.id for r in sorted(rows, key=lambda r: r.sequence)] == sorted(r.id for r in rows)
    assert len(outbox(app, template="event_confirmed")) == PLACES
    assert len(outbox(app, template="event_waitlisted")) == PEOPLE - PLACES


@pytest.mark.concurrency
def test_fifty_parallel_attempts_of_one_person_leave_one_registration(app):
    event = make_event(app, capacity=PLACES)
    user = make_user(app)
    clients = _clients(app, [user] * 20, event.id)
    statuses = _at_once(clients, lambda i: f"/nl/events/{event.id}/register")
    assert sorted(statuses) == [303] + [409] * 19
    assert len(registrations_of(app, event.id)) == 1


@pytest.mark.concurrency
def test_simultaneous_cancellations_promote_exactly_as_many_people_in_order(app):
    event = make_event(app, capacity=PLACES)
    users = [make_user(app) for _ in range(PEOPLE)]
    clients = _clients(app, users, event.id)
    _at_once(clients, lambda i: f"/nl/events/{event.id}/register")
    rows = registrations_of(app, event.id)
    by_user = {r.user_id: r for r in rows}
    confirmed_users = [u for u in users if by_user[u.id].status == RegistrationStatus.CONFIRMED]
    waiting_in_order = [r.user_id for r in sorted(rows, key=lambda r: r.sequence)
                        if r.status == RegistrationStatus.WAITING]
    # Six people with a place and four on the waiting list cancel at the same moment.
    leaving_places = confirmed_users[:6]
    leaving_queue = [u for u in users if u.id in set(waiting_in_order[10:14])]
    leaving = leaving_places + leaving_queue
    index = {u.id: i for i, u in enumerate(users)}
    cancel_clients = [clients[index[u.id]] for u in leaving]
    statuses = _at_once(cancel_clients, lambda i: f"/nl/events/{event.id}/cancel")
    assert statuses == [303] * len(leaving)

    after = registrations_of(app, event.id)
    confirmed = [r for r in after if r.status == RegistrationStatus.CONFIRMED]
    assert len(confirmed) == PLACES, "every freed place is taken again, never more"
    promoted = {r.user_id for r in confirmed} - {u.id for u in confirmed_users}
    assert promoted == set(waiting_in_order[:6]), "the first six in the queue move up"
    assert len(outbox(app, template="event_promoted")) == 6
    still_waiting = [r.user_id for r in sorted(after, key=lambda r: r.sequence)
                     if r.status == RegistrationStatus.WAITING]
    assert still_waiting == [uid for uid in waiting_in_order[6:] if uid not in {u.id for u in leaving_queue}]
