"""Event registration under load: registrations per second, and the event page's requests per second.

For each backend: REGISTRANTS verified residents and an event with CAPACITY places are
written in bulk. Every resident logs in over HTTP beforehand (not timed) and picks up the
register form's CSRF token; then THREADS threads post all registrations at once through
gunicorn. The figure is registrations per second of wall time; afterwards the database
must hold exactly CAPACITY confirmed places and the rest on the waiting list, each
resident once, or the script fails. Then the event page (with its places and waiting
list counted) is loaded from 8 threads for a fixed time.
"""

from __future__ import annotations

import http.cookiejar
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from html import unescape

import sqlalchemy as sa
from common import bench_app, count_page_queries, each_backend, get_load, gunicorn

REGISTRANTS = 400
CAPACITY = 100
THREADS = 16
PASSWORD = "bench-password-for-everyone"
TOKEN_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def fill(url: str) -> tuple[int, int]:
    """Residents and one open event; returns (event id, SQL queries of the event page)."""
    from participation.accounts.models import User
    from participation.accounts.passwords import hash_password
    from participation.core.db import utcnow
    from participation.core.permissions import Role
    from participation.events.models import Event, EventFormat
    from participation.extensions import db

    app = bench_app(url)
    with app.app_context():
        now = utcnow()
        password_hash = hash_password(PASSWORD)
        db.session.execute(
            sa.insert(User),
            [
                {
                    "email": f"bench{i}@example.org",
                    "display_name": f"Bench {i}",
                    "password_hash": password_hash,
                    "preferred_language": "nl",
                    "role": Role.RESIDENT,
                    "email_verified_at": now,
                    "privacy_consent_at": now,
                    "session_token": f"token-{i}",
                }
                for i in range(REGISTRANTS)
            ],
        )
        event = Event(
            title={"nl": "Infoavond Green Deal", "en": "Green Deal information evening"},
            description={"nl": "We lichten het klimaatplan toe.", "en": "We explain the climate plan."},
            starts_at=now + timedelta(days=10),
            ends_at=now + timedelta(days=10, hours=2),
            format=EventFormat.IN_PERSON,
            venue="De Krook",
            address="Miriam Makebaplein 1, 9000 Gent",
            capacity=CAPACITY,
            registration_opens_at=now - timedelta(days=1),
            registration_closes_at=now + timedelta(days=9),
        )
        db.session.add(event)
        db.session.commit()
        event_id = event.id
    return event_id, count_page_queries(app, f"/nl/events/{event_id}")


class LoopbackCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    """The app runs with production settings (Secure cookies); send them back over loopback HTTP."""

    def return_ok_secure(self, cookie, request) -> bool:
        return True


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Stop at the 303 after a form: the figure counts the registration, not the page after it."""

    def redirect_request(self, *args, **kwargs):
        return None


class Resident:
    """One browser: a cookie jar, logged in, holding the register form's CSRF token."""

    def __init__(self, base: str, number: int, event_id: int):
        jar = http.cookiejar.CookieJar(LoopbackCookiePolicy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirects)
        self.base = base
        self.event_id = event_id
        token = self._token("/nl/account/login")
        self._post(
            "/nl/account/login", {"email": f"bench{number}@example.org", "password": PASSWORD, "csrf_token": token}
        )
        self.token = self._token(f"/nl/events/{event_id}")

    def _token(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as response:
            return unescape(TOKEN_RE.search(response.read().decode()).group(1))

    def _post(self, path: str, data: dict) -> int:
        body = urllib.parse.urlencode(data).encode()
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as answer:  # the 303 that NoRedirects leaves unfollowed
            answer.read()
            return answer.code

    def register(self) -> int:
        return self._post(f"/nl/events/{self.event_id}/register", {"csrf_token": self.token})


def register_all(base: str, event_id: int) -> float:
    """Log everyone in, then post every registration at once: registrations per second."""
    residents: list[Resident | None] = [None] * REGISTRANTS

    def log_in(numbers):
        for n in numbers:
            residents[n] = Resident(base, n, event_id)

    _run_in_threads(log_in)
    statuses = []
    start = threading.Barrier(THREADS + 1)

    def post(numbers):
        start.wait()
        for n in numbers:
            statuses.append(residents[n].register())

    threads = _start_threads(post)
    start.wait()
    started = time.monotonic()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    if len(statuses) != REGISTRANTS or set(statuses) != {303}:
        raise SystemExit(f"registrations answered {sorted(set(statuses))} for {len(statuses)} requests")
    return REGISTRANTS / elapsed


def _start_threads(work) -> list[threading.Thread]:
    threads = [threading.Thread(target=work, args=(range(i, REGISTRANTS, THREADS),)) for i in range(THREADS)]
    for t in threads:
        t.start()
    return threads


def _run_in_threads(work) -> None:
    for t in _start_threads(work):
        t.join()


def check_places(url: str, event_id: int) -> str:
    """Fail unless exactly CAPACITY places were given and everyone else waits, each person once."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT status, count(*), count(DISTINCT user_id) FROM event_registrations "
                "WHERE event_id = :id GROUP BY status"
            ),
            {"id": event_id},
        ).all()
    engine.dispose()
    counts = {status: (n, distinct) for status, n, distinct in rows}
    expected = {"confirmed": (CAPACITY, CAPACITY), "waiting": (REGISTRANTS - CAPACITY, REGISTRANTS - CAPACITY)}
    if counts != expected:
        raise SystemExit(f"places given wrongly: {counts}, expected {expected}")
    return f"{CAPACITY} confirmed, {REGISTRANTS - CAPACITY} waiting"


def measure(backend: str, url: str) -> None:
    event_id, queries = fill(url)
    page = f"/nl/events/{event_id}"
    with gunicorn(url, page) as base:
        per_second = register_all(base, event_id)
        outcome = check_places(url, event_id)
        rps, n = get_load(base + page)
    print(f"{backend:<11} registrations: {per_second:6.1f}/s ({REGISTRANTS} residents, {THREADS} at once; {outcome})")
    print(f"{backend:<11} event page:    {rps:6.1f} requests/s ({n} requests), {queries} SQL queries per page")


if __name__ == "__main__":
    sys.exit(each_backend(measure))
