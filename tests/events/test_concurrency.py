"""Many people at once: capacity is never exceeded, nobody is lost, the waiting list keeps
arrival order, and simultaneous cancellations promote exactly as many people (both databases)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from participation.events.models import RegistrationStatus
from tests.events.factories import make_event, registrations_of
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, link_in, outbox

PEOPLE = 50
PLACES = 10


def _clients(app, users, event_id):
    clients = []
    for user in users:
        client = FormClient(app.test_client())
        client.login(user.email, PASSWORD)
        clients.append((client, client.token_from(f"/nl/events/{event_id}")))
    return clients


def _at_once(clients, url_for_index, **extra):
    """POST from every client at the same moment; return the status codes in client order."""
    barrier = threading.Barrier(len(clients))

    def post(index):
        client, token = clients[index]
        barrier.wait()
        return client.post(url_for_index(index), data={"csrf_token": token, **extra}).status_code

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
    waiting_in_order = [
        r.user_id for r in sorted(rows, key=lambda r: r.sequence) if r.status == RegistrationStatus.WAITING
    ]
    # Six people with a place and four on the waiting list cancel at the same moment.
    leaving_places = confirmed_users[:6]
    leaving_queue = [u for u in users if u.id in set(waiting_in_order[10:14])]
    leaving = leaving_places + leaving_queue
    index = {u.id: i for i, u in enumerate(users)}
    cancel_clients = [clients[index[u.id]] for u in leaving]
    statuses = _at_once(cancel_clients, lambda i: f"/nl/events/{event.id}/cancel", confirmed="1")
    assert statuses == [303] * len(leaving)

    after = registrations_of(app, event.id)
    confirmed = [r for r in after if r.status == RegistrationStatus.CONFIRMED]
    assert len(confirmed) == PLACES, "every freed place is taken again, never more"
    promoted = {r.user_id for r in confirmed} - {u.id for u in confirmed_users}
    assert promoted == set(waiting_in_order[:6]), "the first six in the queue move up"
    assert len(outbox(app, template="event_promoted")) == 6
    still_waiting = [
        r.user_id for r in sorted(after, key=lambda r: r.sequence) if r.status == RegistrationStatus.WAITING
    ]
    assert still_waiting == [uid for uid in waiting_in_order[6:] if uid not in {u.id for u in leaving_queue}]


class _ConfirmedWatch:
    """Counts confirmed places over and over from its own connection while the race runs."""

    def __init__(self, app, event_id):
        import sqlalchemy as sa

        from participation.extensions import db

        self.app, self.event_id, self.highest, self.readings = app, event_id, 0, 0
        self.stop = threading.Event()
        self.query = sa.text("SELECT count(*) FROM event_registrations WHERE event_id = :e AND status = 'confirmed'")
        self.db = db

    def _run(self):
        with self.app.app_context():
            engine = self.db.engine
            while not self.stop.is_set():
                with engine.connect() as conn:
                    self.highest = max(self.highest, conn.execute(self.query, {"e": self.event_id}).scalar())
                self.readings += 1

    def __enter__(self):
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(10)


def _race(jobs):
    """Run every job (a function returning a status code) at the same moment; return the codes."""
    barrier = threading.Barrier(len(jobs))

    def run(job):
        barrier.wait()
        return job()

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(run, jobs))


def _poster(client, token, url, **extra):
    return lambda: client.post(url, data={"csrf_token": token, **extra}).status_code


def _fill(app, event_id, count):
    """`count` residents register one after the other; return their clients in arrival order."""
    users = [make_user(app) for _ in range(count)]
    clients = _clients(app, users, event_id)
    for client, token in clients:
        assert client.post(f"/nl/events/{event_id}/register", data={"csrf_token": token}).status_code == 303
    return users, clients


@pytest.mark.concurrency
@pytest.mark.parametrize("waiting_before, cancelling", [(10, 5), (2, 6)])
def test_cancellations_racing_with_new_registrations_never_overbook_and_promote_in_order(
    app, waiting_before, cancelling
):
    """Cancellations and newcomers at once: never more than the capacity confirmed, the earliest
    on the waiting list move up exactly once and in order, and nobody overtakes the queue."""
    event = make_event(app, capacity=PLACES)
    users, clients = _fill(app, event.id, PLACES + waiting_before)
    holders, queue = users[:PLACES], users[PLACES:]
    newcomers = [make_user(app) for _ in range(10)]
    newcomer_clients = _clients(app, newcomers, event.id)
    jobs = [_poster(*clients[i], f"/nl/events/{event.id}/cancel", confirmed="1") for i in range(cancelling)]
    jobs += [_poster(client, token, f"/nl/events/{event.id}/register") for client, token in newcomer_clients]
    with _ConfirmedWatch(app, event.id) as watch:
        statuses = _race(jobs)
    assert statuses == [303] * len(jobs), "no error page for anyone"
    assert watch.readings > 0 and watch.highest <= PLACES, "never more people confirmed than places"

    rows = registrations_of(app, event.id)
    confirmed = [r for r in rows if r.status == RegistrationStatus.CONFIRMED]
    waiting = sorted((r for r in rows if r.status == RegistrationStatus.WAITING), key=lambda r: r.sequence)
    assert len(confirmed) == PLACES, "every freed place is taken again"
    assert sorted(r.user_id for r in rows if r.user_id in {u.id for u in newcomers}) == sorted(
        u.id for u in newcomers
    ), "every newcomer is registered, once"
    moved_up = queue[:cancelling]
    assert {u.id for u in moved_up} <= {r.user_id for r in confirmed}, "the earliest in the queue moved up"
    for user in queue:
        promoted = len(outbox(app, user.email, "event_promoted"))
        assert promoted == (1 if user in moved_up else 0), "promoted exactly once, and only the earliest"
    promotions = [m.recipient for m in outbox(app, template="event_promoted")]
    queue_emails = [u.email for u in queue]
    assert [e for e in promotions if e in queue_emails] == [u.email for u in moved_up], "in queue order"
    # Nobody overtook: whoever still waits came after everyone who got a place from the queue.
    came_later = [r for r in confirmed if r.user_id not in {u.id for u in holders}]
    if waiting:
        assert max(r.sequence for r in came_later) < waiting[0].sequence
    assert [r.sequence for r in waiting] == sorted(r.sequence for r in waiting)
    assert len({r.sequence for r in rows}) == len(rows), "one queue number each"


@pytest.mark.concurrency
def test_visitors_confirming_their_links_at_the_same_moment_get_places_then_the_queue(app):
    """Fifteen visitors click their links at once, while residents register: capacity holds,
    each confirmation counts once, and everyone gets one mail saying where they stand."""
    capacity = 8
    event = make_event(app, capacity=capacity)
    visitors = []
    for n in range(15):
        client = FormClient(app.test_client())
        email = f"visitor{n}@example.org"
        response = client.submit(
            f"/nl/events/{event.id}",
            {"name": f"Bezoeker {n}", "email": email, "privacy_consent": "y"},
            action=f"/nl/events/{event.id}/guest",
        )
        assert response.status_code == 200
        confirm = link_in(outbox(app, email, "event_guest_confirm")[0], "/events/confirm/")
        visitors.append((client, client.token_from(confirm), confirm, email))
    residents = [make_user(app) for _ in range(5)]
    resident_clients = _clients(app, residents, event.id)
    jobs = [_poster(client, token, confirm) for client, token, confirm, _email in visitors]
    # The same link clicked twice at the same moment (two tabs) counts once.
    first = visitors[0]
    jobs.append(_poster(first[0], first[1], first[2]))
    jobs += [_poster(client, token, f"/nl/events/{event.id}/register") for client, token in resident_clients]
    with _ConfirmedWatch(app, event.id) as watch:
        statuses = _race(jobs)
    assert statuses == [303] * len(jobs)
    assert watch.highest <= capacity

    rows = registrations_of(app, event.id)
    assert len(rows) == 15 + 5, "no duplicates"
    confirmed = [r for r in rows if r.status == RegistrationStatus.CONFIRMED]
    waiting = [r for r in rows if r.status == RegistrationStatus.WAITING]
    assert len(confirmed) == capacity and len(waiting) == 20 - capacity
    assert sorted(r.sequence for r in rows) == list(range(1, 21)), "numbered once each, without gaps"
    assert sorted(r.sequence for r in confirmed) == list(range(1, capacity + 1)), "the first to arrive hold the places"
    for _client, _token, _confirm, email in visitors:
        outcomes = outbox(app, email, "event_confirmed") + outbox(app, email, "event_waitlisted")
        assert len(outcomes) == 1, f"{email} gets exactly one mail about the outcome"
