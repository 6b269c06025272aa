"""Throttling that stops attackers, not residents (accounts/throttling.py), the one-use anti-spam
token, the password strength rule, argon2 re-hashing at log-in, and a rate-limit store that is down."""

from __future__ import annotations

import logging
import re
import time

import pytest
import sqlalchemy as sa

from participation.accounts.models import User
from participation.accounts.passwords import password_problem
from participation.extensions import db, limiter
from tests.conftest import make_app
from tests.factories import PASSWORD, get, make_user
from tests.support import FormClient, link_in, outbox, page_without_csrf, text, worker_redis_url

GOOD_PASSWORD = "linden trees on the Kouter"
WRONG = "not the password at all"
DEAD_REDIS = "redis://127.0.0.1:1/0"
LIVE_REDIS = worker_redis_url()


class Clock:
    """Moves time.time() forward for everything: the memory store's expiries, tokens, limits."""

    def __init__(self) -> None:
        self.offset = 0.0

    def advance(self, seconds: float) -> None:
        self.offset += seconds


@pytest.fixture
def clock(monkeypatch):
    real = time.time
    moved = Clock()
    monkeypatch.setattr(time, "time", lambda: real() + moved.offset)
    return moved


def browser(app, address: str = "192.0.2.10") -> FormClient:
    client = FormClient(app.test_client())
    client.client.environ_base["REMOTE_ADDR"] = address
    return client


def log_in(client, email, password, lang="nl"):
    return client.submit(f"/{lang}/account/login", {"email": email, "password": password})


def retry_after(response) -> int:
    assert response.status_code == 429, response.status_code
    return int(response.headers["Retry-After"])


# ------------------------------------------------------------------ log-in throttling


def test_fifty_residents_behind_one_address_all_log_in_within_a_minute(app, rate_limits):
    residents = [make_user(app) for _ in range(50)]
    statuses = [log_in(browser(app, "198.51.100.7"), r.email, PASSWORD).status_code for r in residents]
    assert statuses == [303] * 50


def test_guessing_one_account_from_many_addresses_gets_slower_and_slower(app, rate_limits, clock, monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_MAX_DELAY_SECONDS", 16)
    owner = make_user(app)
    attacker = browser(app)
    addresses = iter(f"203.0.113.{n}" for n in range(1, 250))

    def guess(password=WRONG):
        attacker.client.environ_base["REMOTE_ADDR"] = next(addresses)
        return log_in(attacker, owner.email, password)

    assert [guess().status_code for _ in range(5)] == [401] * 5
    waits = []
    for _ in range(5):
        blocked = guess(PASSWORD)  # even the right password is not looked at during the wait
        waits.append(retry_after(blocked))
        clock.advance(waits[-1] + 0.1)
        assert guess().status_code == 401  # after the wait, one more guess is checked
    assert waits == [2, 4, 8, 16, 16]  # doubling, up to the maximum


def test_owner_on_a_device_that_logged_in_before_gets_in_during_an_attack(app, rate_limits):
    owner = make_user(app)
    own_laptop = browser(app, "192.0.2.50")
    own_laptop.login(owner.email, PASSWORD)
    own_laptop.logout()
    attacker = browser(app)
    for n in range(40):
        attacker.client.environ_base["REMOTE_ADDR"] = f"203.0.113.{n}"
        log_in(attacker, owner.email, WRONG)
    assert log_in(attacker, owner.email, PASSWORD).status_code == 429
    assert log_in(own_laptop, owner.email, PASSWORD).status_code == 303


def test_owner_on_a_new_device_gets_in_after_a_short_delay_that_refusals_do_not_renew(app, rate_limits, clock):
    owner = make_user(app)
    attacker = browser(app)
    for n in range(5):
        attacker.client.environ_base["REMOTE_ADDR"] = f"203.0.113.{n}"
        assert log_in(attacker, owner.email, WRONG).status_code == 401
    for n in range(20):  # hammering during the wait is refused and does not lengthen it
        attacker.client.environ_base["REMOTE_ADDR"] = f"203.0.113.{100 + n}"
        retry_after(log_in(attacker, owner.email, WRONG))
    new_phone = browser(app, "192.0.2.77")
    refused = log_in(new_phone, owner.email, PASSWORD, lang="en")
    assert retry_after(refused) <= 2
    assert "Too many wrong passwords were tried for this account" in text(refused)
    assert "Forgot your password?" in text(refused)
    clock.advance(2.1)
    assert log_in(new_phone, owner.email, PASSWORD).status_code == 303


def test_wrong_passwords_from_a_trusted_device_lock_only_that_device(app, rate_limits):
    owner = make_user(app)
    shared_pc = browser(app)
    shared_pc.login(owner.email, PASSWORD)
    shared_pc.logout()
    assert [log_in(shared_pc, owner.email, WRONG).status_code for _ in range(10)] == [401] * 10
    assert log_in(shared_pc, owner.email, PASSWORD).status_code == 429
    assert log_in(browser(app, "192.0.2.99"), owner.email, PASSWORD).status_code == 303


def test_a_device_cookie_counts_only_for_its_own_account_and_only_when_genuine(app, rate_limits):
    owner, other = make_user(app), make_user(app)
    laptop = browser(app)
    laptop.login(other.email, PASSWORD)  # trusted for `other`, not for `owner`
    cookie = laptop.get_cookie("participation_device")
    assert cookie is not None and other.email not in cookie.value
    laptop.logout()
    for _ in range(5):
        log_in(browser(app, "203.0.113.1"), owner.email, WRONG)
    assert log_in(laptop, owner.email, PASSWORD).status_code == 429
    forged = browser(app)
    forged.set_cookie("participation_device", cookie.value[:-2] + "xx")
    assert log_in(forged, other.email, PASSWORD).status_code == 303  # other's budget is untouched
    assert log_in(laptop, other.email, PASSWORD).status_code == 303


def test_address_limit_counts_wrong_passwords_only(app, rate_limits):
    """30 wrong passwords in 10 minutes from one address, spread over accounts: that address waits."""
    regular = make_user(app)
    venue = browser(app, "198.51.100.20")
    venue.login(regular.email, PASSWORD)  # trusted on this browser
    venue.logout()
    sprayer = browser(app, "198.51.100.20")
    for n in range(30):
        assert log_in(sprayer, f"someone{n}@example.org", "Summer2026!").status_code == 401
    newcomer = make_user(app)
    refused = log_in(browser(app, "198.51.100.20"), newcomer.email, PASSWORD, lang="en")
    assert retry_after(refused) > 0
    assert "Too many wrong passwords were tried from your network" in text(refused)
    assert log_in(venue, regular.email, PASSWORD).status_code == 303  # a known device still gets in
    assert log_in(browser(app, "198.51.100.21"), newcomer.email, PASSWORD).status_code == 303


def test_unknown_addresses_are_throttled_exactly_like_known_ones(app, rate_limits):
    make_user(app, email="known@example.org")
    answers = {}
    for email in ("known@example.org", "nobody@example.org"):
        for n in range(5):
            log_in(browser(app, f"203.0.113.{n}"), email, WRONG)
        answers[email] = log_in(browser(app, "203.0.113.200"), email, WRONG)
    known, unknown = answers["known@example.org"], answers["nobody@example.org"]
    assert known.status_code == unknown.status_code == 429
    assert known.headers["Retry-After"] == unknown.headers["Retry-After"]
    assert page_without_csrf(known) == page_without_csrf(unknown)


def test_a_password_reset_link_makes_the_browser_trusted(app, rate_limits):
    owner = make_user(app)
    for n in range(12):
        log_in(browser(app, f"203.0.113.{n}"), owner.email, WRONG)
    home = browser(app, "192.0.2.5")
    assert log_in(home, owner.email, PASSWORD).status_code == 429
    home.submit("/nl/account/reset", {"email": owner.email})
    link = link_in(outbox(app, owner.email, "reset_password")[-1], "/account/reset/")
    new_password = "a brand new passphrase for Ghent trams"
    assert home.submit(link, {"password": new_password, "password_again": new_password}).status_code == 303
    assert log_in(home, owner.email, new_password).status_code == 303


def test_attempts_arriving_together_get_five_free_checks_and_one_turn(app, rate_limits):
    """The count is taken before the password is checked, so simultaneous attempts cannot all pass."""
    from participation.accounts import throttling

    passed = 0
    with app.test_request_context("/nl/account/login", method="POST", environ_base={"REMOTE_ADDR": "203.0.113.9"}):
        for _ in range(20):
            try:
                throttling.start_login("target@example.org")
            except throttling.Throttled:
                continue
            passed += 1
    assert passed == 6


# ------------------------------------------------------------------ the current password, given again


def test_guessing_the_current_password_is_throttled_per_account(app, rate_limits, clock):
    user = make_user(app)
    bystander = make_user(app)
    stolen = browser(app)
    stolen.login(user.email, PASSWORD)
    for _ in range(5):
        response = stolen.submit(
            "/nl/account/", {"current_password": WRONG, "new_password": GOOD_PASSWORD}, action="/nl/account/password"
        )
        assert response.status_code == 422
    blocked = stolen.submit(
        "/en/account/", {"current_password": PASSWORD, "new_password": GOOD_PASSWORD}, action="/en/account/password"
    )
    assert retry_after(blocked) > 0
    assert "Your current password was entered wrongly too often" in text(blocked)
    assert get(app, User, user.id).password_hash == user.password_hash
    # The same account from another session and address, on the other forms: also refused.
    second = browser(app, "192.0.2.200")
    second.login(user.email, PASSWORD)
    retry_after(
        second.submit(
            "/nl/account/", {"new_email": "mine@example.org", "password": PASSWORD}, action="/nl/account/email"
        )
    )
    retry_after(second.submit("/nl/account/data", {"password": PASSWORD, "confirm": "y"}, action="/nl/account/delete"))
    assert get(app, User, user.id) is not None
    # Other accounts are not affected, and the window ends.
    other = browser(app)
    other.login(bystander.email, PASSWORD)
    assert (
        other.submit(
            "/nl/account/", {"current_password": PASSWORD, "new_password": GOOD_PASSWORD}, action="/nl/account/password"
        ).status_code
        == 303
    )
    clock.advance(15 * 60 + 1)
    assert (
        stolen.submit(
            "/nl/account/", {"current_password": PASSWORD, "new_password": GOOD_PASSWORD}, action="/nl/account/password"
        ).status_code
        == 303
    )


# ------------------------------------------------------------------ anti-spam form token


def _form_token(client, url):
    return re.search(r'name="form_started" type="hidden" value="([^"]+)"', text(client.get(url))).group(1)


def _signup_data(email, token, password=GOOD_PASSWORD):
    return {
        "email": email,
        "display_name": "Lotte",
        "password": password,
        "preferred_language": "en",
        "consent": "y",
        "form_started": token,
    }


def _count_users(app):
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count(User.id)))


def test_antispam_token_works_for_one_submission_only(app, client, clock, monkeypatch):
    monkeypatch.setitem(app.config, "ANTISPAM_MIN_SECONDS", 3)
    token = _form_token(client, "/en/account/signup")
    clock.advance(5)
    assert client.submit("/en/account/signup", _signup_data("first@example.org", token)).status_code == 303
    replay = client.submit("/en/account/signup", _signup_data("second@example.org", token))
    assert replay.status_code == 422 and "We could not accept this form" in text(replay)
    assert _count_users(app) == 1
    # The form shown again carries a new token, good once the person took the time again.
    fresh = re.search(r'name="form_started" type="hidden" value="([^"]+)"', text(replay)).group(1)
    assert fresh != token
    clock.advance(5)
    assert client.submit("/en/account/signup", _signup_data("second@example.org", fresh)).status_code == 303


def test_antispam_token_shown_again_after_a_refusal_can_still_be_sent(app, client, clock, monkeypatch):
    """A form refused for another reason (a weak password) keeps a usable token."""
    monkeypatch.setitem(app.config, "ANTISPAM_MIN_SECONDS", 3)
    token = _form_token(client, "/en/account/signup")
    clock.advance(5)
    weak = client.submit("/en/account/signup", _signup_data("first@example.org", token, "qwerty123456"))
    assert weak.status_code == 422
    again = re.search(r'name="form_started" type="hidden" value="([^"]+)"', text(weak)).group(1)
    assert client.submit("/en/account/signup", _signup_data("first@example.org", again)).status_code == 303
    # ... once: that re-issued token is spent now too
    assert client.submit("/en/account/signup", _signup_data("third@example.org", again)).status_code == 422


def test_antispam_token_expires_after_the_maximum_age(app, client, clock, monkeypatch):
    monkeypatch.setitem(app.config, "ANTISPAM_MIN_SECONDS", 3)
    token = _form_token(client, "/en/account/signup")
    clock.advance(4 * 3600 + 1)  # ANTISPAM_MAX_AGE_SECONDS
    stale = client.submit("/en/account/signup", _signup_data("late@example.org", token))
    assert stale.status_code == 422 and "We could not accept this form" in text(stale)
    assert _count_users(app) == 0


# ------------------------------------------------------------------ password strength and hashing


@pytest.mark.parametrize("weak", ["iloveyou2026", "sunshine2026!", "qwerty123456", "LotteVanDamme1", "Vandamme2026!"])
def test_guessable_passwords_are_refused_at_sign_up_and_at_change(app, client, weak):
    response = client.submit(
        "/en/account/signup",
        {
            "email": "lotte@example.org",
            "display_name": "Lotte Van Damme",
            "password": weak,
            "preferred_language": "en",
            "consent": "y",
        },
    )
    assert response.status_code == 422
    assert "too easy to guess" in text(response) or "too common" in text(response)
    assert _count_users(app) == 0
    user = make_user(app, name="Lotte Van Damme", email="lotte.vandamme@example.org")
    client.login(user.email, PASSWORD, lang="en")
    change = client.submit(
        "/en/account/", {"current_password": PASSWORD, "new_password": weak}, action="/en/account/password"
    )
    assert change.status_code == 422
    assert get(app, User, user.id).password_hash == user.password_hash


def test_password_advice_names_the_reason_and_long_passwords_are_judged_whole(app):
    from participation.demo.seed import DEMO_ACCOUNTS

    with app.test_request_context("/en/"):
        assert "from your name, your e-mail address or this site" in password_problem(
            "lottevandamme1", "lotte@example.org", "Lotte Van Damme"
        )
        assert "too common" in password_problem("sunshine2026!", "lotte@example.org", "Lotte")
        for site_word in ("stadgent2026!", "participatie123", "gentgentgent1"):
            assert "this site" in password_problem(site_word, "lotte@example.org", "Lotte")
        assert password_problem("a" * 256, "x@example.org", "X") is not None
        long_one = "a" * 200 + " Zq8 kW!p2 vLr tulpen"  # the strong part is past the first piece
        assert password_problem(long_one, "x@example.org", "X") is None
        assert password_problem("🌷 tulpen op de Vrijdagmarkt 🚲🚲", "x@example.org", "X") is None
        for account in DEMO_ACCOUNTS:  # `seed-demo` still works
            assert password_problem(account.password, account.email, account.name) is None


def test_password_hash_is_redone_at_log_in_when_the_parameters_changed(app, client, monkeypatch):
    user = make_user(app)
    assert "t=1," in user.password_hash
    monkeypatch.setitem(app.config, "PASSWORD_HASH_TIME_COST", 2)
    client.login(user.email, PASSWORD)
    upgraded = get(app, User, user.id).password_hash
    assert "t=2," in upgraded and upgraded != user.password_hash
    client.logout()
    assert client.login(user.email, PASSWORD).status_code == 303
    assert get(app, User, user.id).password_hash == upgraded  # not redone again


# ------------------------------------------------------------------ a rate-limit store that is down


@pytest.fixture
def app_with_store(app, database_url):
    """Build an app whose limits count in another store; afterwards the shared limiter (which
    that app re-initialised) is put back and the app's connections are closed."""
    saved = dict(vars(limiter))
    saved_options = dict(limiter._storage_options)
    built = []

    def build(storage_uri):
        built.append(make_app(database_url, RATELIMIT_STORAGE_URI=storage_uri))
        limiter.enabled = True
        return built[-1]

    yield build
    vars(limiter).clear()
    vars(limiter).update(saved)
    limiter._storage_options = saved_options
    limiter.enabled = False
    for other in built:
        with other.app_context():
            db.engine.dispose()


def test_a_dead_rate_limit_store_degrades_to_limits_per_process_and_says_so(app_with_store, caplog):
    caplog.set_level(logging.WARNING)
    dead = app_with_store(DEAD_REDIS)
    owner = make_user(dead)
    client = browser(dead)
    response = client.submit(
        "/nl/account/signup",
        {
            "email": "lotte@example.org",
            "display_name": "Lotte",
            "password": GOOD_PASSWORD,
            "preferred_language": "nl",
            "consent": "y",
        },
    )
    assert response.status_code == 303  # a limited page, not an error page
    assert "falling back to in-memory storage" in caplog.text
    assert client.get("/nl/account/signup").status_code == 200
    for n in range(9):  # sign-up's limit (10 an hour per address) now holds in this process
        client.submit(
            "/nl/account/signup",
            {
                "email": f"bulk{n}@example.org",
                "display_name": "Bulk",
                "password": GOOD_PASSWORD,
                "preferred_language": "nl",
                "consent": "y",
            },
        )
    assert client.submit("/nl/account/signup", {"email": "one-more@example.org"}).status_code == 429
    guesses = [log_in(browser(dead, f"203.0.113.{n}"), owner.email, WRONG) for n in range(6)]
    assert [r.status_code for r in guesses] == [401] * 5 + [429]  # still throttled, in this process
    assert "rate-limit store unreachable" in caplog.text
    assert log_in(client, make_user(dead).email, PASSWORD).status_code == 303


def _redis_unavailable() -> str | None:
    try:
        import redis

        redis.Redis.from_url(LIVE_REDIS, socket_connect_timeout=1).ping()
    except Exception as exc:
        return f"no Redis at {LIVE_REDIS} ({type(exc).__name__})"
    return None


def test_throttling_and_one_use_tokens_are_shared_through_redis(app_with_store, monkeypatch):
    reason = _redis_unavailable()
    if reason:
        pytest.skip(reason)
    import redis

    from participation.accounts.devices import account_key
    from participation.core import antispam

    shared = app_with_store(LIVE_REDIS)
    owner = make_user(shared, email=f"redis-{time.time_ns()}@example.org")
    with shared.app_context():
        key = account_key(owner.email)
    try:
        guesses = [log_in(browser(shared, f"203.0.113.{n}"), owner.email, WRONG) for n in range(6)]
        assert [r.status_code for r in guesses] == [401] * 5 + [429]
        server = redis.Redis.from_url(LIVE_REDIS)
        stored = [k.decode() for k in server.scan_iter(f"*participation/login/untrusted-*{key}*")]
        # Each key expires by itself: nothing to purge.
        assert stored and all(0 < server.ttl(k) <= 24 * 3600 for k in stored)
        monkeypatch.setitem(shared.config, "ANTISPAM_MIN_SECONDS", 1)
        with shared.test_request_context("/nl/"):
            token = antispam.new_form_token(time.time() - 5)

            class Form:
                class website:  # noqa: N801
                    data = ""

                class form_started:  # noqa: N801
                    data = token

            assert antispam.passes_antispam(Form) is True
            Form.form_started.data = token
            assert antispam.passes_antispam(Form) is False
    finally:
        server = redis.Redis.from_url(LIVE_REDIS)
        for k in server.scan_iter(f"*participation/*{key}*"):
            server.delete(k)
