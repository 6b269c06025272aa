"""Two-factor log-in: set-up, the log-in's second step, recovery codes, the staff gate,
confirmations before sensitive actions, and resets by an administrator or the command line."""

from __future__ import annotations

import hashlib
import json
import re
import time

import pyotp
import pytest
import sqlalchemy as sa

from participation.accounts import two_factor
from participation.accounts.models import User
from participation.accounts.two_factor import RecoveryCode, TwoFactorCredential
from participation.accounts.two_factor_login import PENDING_KEY
from participation.core.audit import AuditEntry
from participation.core.permissions import Role
from participation.extensions import db
from tests.factories import PASSWORD, get, make_user
from tests.support import TOKEN_RE, outbox, text

SETTINGS = "/en/account/two-factor"
SETUP = "/en/account/two-factor/setup"
SECOND_STEP = "/en/account/login/code"


def code_at(secret: str, steps: int = 0) -> str:
    """The app's code `steps` 30-second steps from now."""
    return pyotp.TOTP(secret).at(time.time() + 30 * steps)


def enrol(app, user) -> tuple[str, list[str]]:
    """Turn two-factor log-in on for `user` (with the previous step's code, so that the current
    and the next code are still unused). Returns the secret and the recovery codes."""
    with app.test_request_context():
        person = db.session.get(User, user.id)
        secret = two_factor.start_enrolment(person)
        codes = two_factor.confirm_enrolment(person, PASSWORD, code_at(secret, -1))
        db.session.commit()
    return secret, codes


def password_step(client, email: str, lang: str = "en", **extra):
    return client.submit(f"/{lang}/account/login", {"email": email, "password": PASSWORD, **extra})


def second_step(client, **data):
    return client.submit(SECOND_STEP, data)


def log_in_with_code(client, user, secret: str, steps: int = 0):
    assert password_step(client, user.email).headers["Location"].endswith("/en/account/login/code")
    response = second_step(client, code=code_at(secret, steps))
    assert response.status_code == 303, text(response)[:2000]
    return response


def is_logged_in(client) -> bool:
    return client.get("/en/account/").status_code == 200


def prefixed_submit(client, page: str, action: str, prefix: str, data: dict):
    """Post a form whose fields carry a prefix (two forms with a password field on one page)."""
    token = TOKEN_RE.search(text(client.get(page))).group(1)
    fields = {f"{prefix}-{name}": value for name, value in data.items()}
    return client.post(action, data={**fields, f"{prefix}-csrf_token": token, "csrf_token": token})


def audit_actions(app, user_id: int) -> list[tuple[str, int | None, dict | None]]:
    with app.app_context():
        rows = db.session.scalars(
            sa.select(AuditEntry)
            .where(AuditEntry.target_type == "user", AuditEntry.target_id == user_id)
            .order_by(AuditEntry.id)
        )
        return [(row.action, row.actor_id, row.details) for row in rows]


def is_enabled(app, user) -> bool:
    with app.app_context():
        return two_factor.is_enabled(db.session.get(User, user.id))


@pytest.fixture
def required(app, monkeypatch):
    monkeypatch.setitem(app.config, "TWO_FACTOR_REQUIRED_FOR_STAFF", True)


# --- set-up ---------------------------------------------------------------------------------------


def test_resident_turns_it_on_from_the_profile_with_the_qr_code_the_key_and_a_first_code(app, client):
    user = make_user(app, email="lotte@example.org")
    client.login(user.email, PASSWORD, lang="en")
    assert "/en/account/two-factor" in text(client.get("/en/account/"))
    settings = client.get(SETTINGS)
    assert settings.status_code == 200 and "Set up two-factor log-in" in text(settings)
    assert client.get(SETUP).status_code == 303  # nothing to set up before the button
    assert client.get(SETUP).status_code == 303  # and a page view creates nothing
    with app.app_context():
        assert db.session.get(TwoFactorCredential, user.id) is None

    assert client.submit(SETTINGS, action="/en/account/two-factor/start").status_code == 303
    page = client.get(SETUP)
    body = text(page)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert "<svg" in body and 'autocomplete="one-time-code"' in body and 'inputmode="numeric"' in body
    key = re.search(r'id="two-factor-key">([A-Z2-7 ]+)<', body).group(1)
    assert len(key.split()) == 8  # 32 characters in groups of four
    secret = key.replace(" ", "")

    wrong = client.submit(SETUP, {"code": "000000" if code_at(secret) != "000000" else "111111", "password": PASSWORD})
    assert wrong.status_code == 422 and "This code is not correct" in text(wrong)
    assert not is_enabled(app, user)

    done = client.submit(SETUP, {"code": code_at(secret), "password": PASSWORD})
    assert done.status_code == 200 and done.headers["Cache-Control"] == "no-store"
    codes = re.findall(r"<code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})</code>", text(done))
    assert len(set(codes)) == 10
    assert is_enabled(app, user)
    assert is_logged_in(client)  # this session goes on; the others ended
    [mail] = outbox(app, user.email, "two_factor_enabled")
    assert secret not in mail.body_text
    assert [a for a, _actor, _d in audit_actions(app, user.id)] == ["user.two_factor_enabled"]
    with app.app_context():
        hashes = set(db.session.scalars(sa.select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)))
    # Stored as SHA-256 of the code without dashes, never as the code itself.
    assert hashes == {hashlib.sha256(c.replace("-", "").encode()).hexdigest() for c in codes}
    assert "Two-factor log-in is on" in text(client.get(SETTINGS))


def test_set_up_needs_the_password(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD, lang="en")
    client.submit(SETTINGS, action="/en/account/two-factor/start")
    with app.app_context():
        secret = db.session.get(TwoFactorCredential, user.id).secret
    response = client.submit(SETUP, {"code": code_at(secret), "password": "not my password at all"})
    assert response.status_code == 422
    assert not is_enabled(app, user)


# --- the log-in's second step ---------------------------------------------------------------------


def test_right_password_is_not_a_log_in_until_the_code(app, client):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    response = client.submit(
        "/en/account/login?next=/en/events/",
        {"email": user.email, "password": PASSWORD},
        action="/en/account/login?next=/en/events/",
    )
    assert response.status_code == 303 and response.headers["Location"].endswith("/en/account/login/code")
    assert not is_logged_in(client)
    page = client.get(SECOND_STEP)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert 'autocomplete="one-time-code"' in text(page) and 'inputmode="numeric"' in text(page)
    done = second_step(client, code=code_at(secret))
    assert done.status_code == 303 and done.headers["Location"].endswith("/en/events/")
    assert is_logged_in(client)


def test_wrong_code_is_refused_without_logging_in(app, client):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    password_step(client, user.email)
    wrong = "123456" if code_at(secret) != "123456" else "654321"
    response = second_step(client, code=wrong)
    assert response.status_code == 401
    assert "This code is not correct, or it was used already." in text(response)
    assert not is_logged_in(client)
    # A recovery code that is not one gets the same answer.
    response = second_step(client, recovery_code="aaaa-bbbb-cccc-dddd")
    assert response.status_code == 401
    assert "This code is not correct, or it was used already." in text(response)
    assert not is_logged_in(client)


def test_a_code_works_once(app, client, other_client):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    code = code_at(secret)
    password_step(client, user.email)
    assert second_step(client, code=code).status_code == 303
    # The same code, seen over a shoulder, does not log in elsewhere.
    password_step(other_client, user.email)
    replay = second_step(other_client, code=code)
    assert replay.status_code == 401
    assert not is_logged_in(other_client)
    # The next code does.
    assert second_step(other_client, code=code_at(secret, 1)).status_code == 303


def test_a_code_from_before_the_last_used_one_is_refused(app):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    with app.test_request_context():
        person = db.session.get(User, user.id)
        assert two_factor.use_code(person, code_at(secret, 1))
        assert not two_factor.use_code(person, code_at(secret))  # older than the one used
        assert not two_factor.use_code(person, code_at(secret, 1))
        assert not two_factor.use_code(person, code_at(secret, 5))  # too far ahead


def test_a_recovery_code_works_once(app, client, other_client):
    user = make_user(app)
    _secret, codes = enrol(app, user)
    password_step(client, user.email)
    response = second_step(client, recovery_code=codes[3].upper().replace("-", " "))
    assert response.status_code == 303
    profile = client.get("/en/account/")
    assert profile.status_code == 200 and "9 are left" in text(profile)
    password_step(other_client, user.email)
    again = second_step(other_client, recovery_code=codes[3])
    assert again.status_code == 401 and not is_logged_in(other_client)
    with app.app_context():
        assert two_factor.recovery_codes_left(db.session.get(User, user.id)) == 9


def test_second_step_needs_the_right_password_first(app, client):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    assert client.get(SECOND_STEP).status_code == 303
    client.submit("/en/account/login", {"email": user.email, "password": "not the password at all"})
    assert client.get(SECOND_STEP).status_code == 303
    token = TOKEN_RE.search(text(client.get("/en/account/login"))).group(1)
    response = client.post(SECOND_STEP, data={"code": code_at(secret), "csrf_token": token})
    assert response.status_code == 303 and "/account/login" in response.headers["Location"]
    assert not is_logged_in(client)


def test_the_second_step_runs_out_after_five_minutes(app, client):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    password_step(client, user.email)
    with client.session_transaction() as session:
        session[PENDING_KEY] = {**session[PENDING_KEY], "since": int(time.time()) - 301}
    response = client.get(SECOND_STEP)
    assert response.status_code == 303 and response.headers["Location"].endswith("/en/account/login")
    assert "run out" in text(client.get("/en/account/login"))


def test_a_password_reset_meanwhile_voids_the_second_step(app, client):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    password_step(client, user.email)
    with app.app_context():
        db.session.get(User, user.id).session_token = "rotated-elsewhere"
        db.session.commit()
    assert client.get(SECOND_STEP).status_code == 303
    assert not is_logged_in(client)


def test_remember_me_and_a_fresh_session_survive_the_second_step(app, client):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    password_step(client, user.email, remember="y")
    with client.session_transaction() as session:
        assert "planted" not in session and "_user_id" not in session
    response = second_step(client, code=code_at(secret))
    assert "remember_token=" in " ".join(response.headers.getlist("Set-Cookie"))
    with client.session_transaction() as session:
        assert PENDING_KEY not in session and session.get("_fresh") is True


def test_second_step_is_throttled_per_account(app, client, other_client, rate_limits):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    password_step(client, user.email)
    wrong = "123456" if code_at(secret) != "123456" else "654321"
    statuses = [second_step(client, code=wrong).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    # From another browser (another address in real life), the same account is still throttled.
    password_step(other_client, user.email)
    assert second_step(other_client, code=code_at(secret)).status_code == 429
    assert not is_logged_in(other_client)


def test_accounts_without_two_factor_log_in_with_the_password(app, client):
    user = make_user(app)
    response = password_step(client, user.email)
    assert not response.headers["Location"].endswith("/login/code")
    assert is_logged_in(client)


# --- the staff gate -------------------------------------------------------------------------------


def back_office_urls(app) -> list[tuple[str, str]]:
    """(method, url) of every route of every back-office blueprint, with made-up arguments."""
    adapter = app.url_map.bind("localhost")
    urls = []
    for rule in app.url_map.iter_rules():
        blueprint = app.blueprints.get(rule.endpoint.rpartition(".")[0])
        if not getattr(blueprint, "back_office", False):
            continue
        values = {name: ("en" if name == "lang" else 1) for name in rule.arguments}
        method = "GET" if "GET" in rule.methods else sorted(rule.methods - {"HEAD", "OPTIONS"})[0]
        urls.append((method, adapter.build(rule.endpoint, values, method=method)))
    return urls


def test_the_back_office_blueprints_are_found(app):
    names = {name for name, bp in app.blueprints.items() if getattr(bp, "back_office", False)}
    assert {"admin", "consultations_manage", "events_manage", "moderation", "votes_manage"} <= names
    assert len(back_office_urls(app)) > 20


@pytest.mark.parametrize("role", [Role.ORGANISER, Role.MODERATOR, Role.ADMIN])
def test_staff_without_two_factor_are_sent_to_set_it_up_from_every_back_office_route(app, client, role, required):
    user = make_user(app, role=role)
    client.login(user.email, PASSWORD, lang="en")
    token = TOKEN_RE.search(text(client.get("/en/account/"))).group(1)
    wrong = []
    for method, url in back_office_urls(app):
        response = client.open(url, method=method, data={"csrf_token": token} if method != "GET" else None)
        if response.status_code != 303 or not response.headers["Location"].endswith("/en/account/two-factor"):
            wrong.append((method, url, response.status_code))
    assert not wrong, wrong
    page = client.get(SETTINGS)
    assert "it needs two-factor log-in" in text(page)
    assert "set up two-factor log-in to continue" in text(page)  # the flashed reason
    # Public pages and the account pages still work.
    assert client.get("/en/").status_code == 200 and is_logged_in(client)


def test_staff_with_two_factor_use_the_back_office(app, client, required):
    admin = make_user(app, role=Role.ADMIN)
    secret, _codes = enrol(app, admin)
    log_in_with_code(client, admin, secret)
    assert client.get("/en/admin/users").status_code == 200
    assert client.get("/en/moderate/").status_code == 200


def test_residents_still_get_403_not_a_set_up_page(app, client, required):
    user = make_user(app)
    client.login(user.email, PASSWORD, lang="en")
    assert client.get("/en/organise/").status_code == 403
    assert client.get("/en/admin/users").status_code == 403


def test_gate_is_off_when_not_required(app, client):
    user = make_user(app, role=Role.ORGANISER)
    client.login(user.email, PASSWORD, lang="en")
    assert client.get("/en/organise/").status_code == 200


def test_a_role_change_to_staff_needs_two_factor_at_the_next_request(app, client, required):
    user = make_user(app)
    client.login(user.email, PASSWORD, lang="en")
    assert client.get("/en/organise/").status_code == 403
    with app.app_context():
        db.session.get(User, user.id).role = Role.ORGANISER  # session not ended: the very next request
        db.session.commit()
    response = client.get("/en/organise/")
    assert response.status_code == 303 and response.headers["Location"].endswith("/en/account/two-factor")


def test_staff_member_sets_it_up_when_asked_and_gets_in(app, client, required):
    user = make_user(app, role=Role.MODERATOR)
    client.login(user.email, PASSWORD, lang="en")
    assert client.get("/en/moderate/").status_code == 303
    client.submit(SETTINGS, action="/en/account/two-factor/start")
    with app.app_context():
        secret = db.session.get(TwoFactorCredential, user.id).secret
    assert client.submit(SETUP, {"code": code_at(secret), "password": PASSWORD}).status_code == 200
    assert client.get("/en/moderate/").status_code == 200


# --- settings: new recovery codes, turning it off --------------------------------------------------


def test_new_recovery_codes_need_a_password_or_code_and_void_the_old_ones(app, client, other_client):
    user = make_user(app)
    secret, old_codes = enrol(app, user)
    log_in_with_code(client, user, secret)
    action = "/en/account/two-factor/recovery-codes"
    wrong = prefixed_submit(client, SETTINGS, action, "regenerate", {"confirmation": "not my password"})
    assert wrong.status_code == 422 and "This password or code is not correct." in text(wrong)
    response = prefixed_submit(client, SETTINGS, action, "regenerate", {"confirmation": code_at(secret, 1)})
    assert response.status_code == 200
    new_codes = re.findall(r"<code>([0-9a-z-]{19})</code>", text(response))
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    password_step(other_client, user.email)
    assert second_step(other_client, recovery_code=old_codes[0]).status_code == 401
    assert second_step(other_client, recovery_code=new_codes[0]).status_code == 303
    assert "user.recovery_codes_regenerated" in [a for a, _actor, _d in audit_actions(app, user.id)]


def test_turning_it_off_needs_the_password_or_a_code(app, client):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    log_in_with_code(client, user, secret)
    action = "/en/account/two-factor/disable"
    wrong = prefixed_submit(client, SETTINGS, action, "disable", {"confirmation": "123456"})
    assert wrong.status_code == 422 and is_enabled(app, user)
    response = prefixed_submit(client, SETTINGS, action, "disable", {"confirmation": PASSWORD})
    assert response.status_code == 303 and not is_enabled(app, user)
    assert outbox(app, user.email, "two_factor_disabled")
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(RecoveryCode.id))) == 0
    client.logout(lang="en")
    assert password_step(client, user.email).headers["Location"].endswith("/en/")  # password alone


def test_confirmations_are_throttled_too(app, client, rate_limits):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    log_in_with_code(client, user, secret)
    action = "/en/account/two-factor/disable"
    statuses = [
        prefixed_submit(client, SETTINGS, action, "disable", {"confirmation": "wrong guess"}).status_code
        for _ in range(6)
    ]
    assert statuses == [422] * 5 + [429]
    assert is_enabled(app, user)


# --- administrators -------------------------------------------------------------------------------


def test_role_change_asks_the_administrator_for_their_password_first(app, client):
    admin = make_user(app, role=Role.ADMIN)
    resident = make_user(app, name="Lotte")
    client.login(admin.email, PASSWORD, lang="en")
    action = f"/en/admin/users/{resident.id}/role"
    ask = client.submit("/en/admin/users", {"role": "moderator"}, action=action)
    assert ask.status_code == 200 and "Lotte" in text(ask) and 'value="moderator"' in text(ask)
    assert get(app, User, resident.id).role == Role.RESIDENT
    wrong = client.submit("/en/admin/users", {"role": "moderator", "confirmation": "not my password"}, action=action)
    assert wrong.status_code == 422 and get(app, User, resident.id).role == Role.RESIDENT
    done = client.submit("/en/admin/users", {"role": "moderator", "confirmation": PASSWORD}, action=action)
    assert done.status_code == 303 and get(app, User, resident.id).role == Role.MODERATOR


def test_role_change_by_an_administrator_with_two_factor_takes_a_code(app, client, required):
    admin = make_user(app, role=Role.ADMIN)
    secret, _codes = enrol(app, admin)
    resident = make_user(app)
    log_in_with_code(client, admin, secret)
    action = f"/en/admin/users/{resident.id}/role"
    ask = client.submit("/en/admin/users", {"role": "organiser"}, action=action)
    assert "Your password or a code from your app" in text(ask)
    done = client.submit("/en/admin/users", {"role": "organiser", "confirmation": code_at(secret, 1)}, action=action)
    assert done.status_code == 303 and get(app, User, resident.id).role == Role.ORGANISER
    # The code is used up.
    again = client.submit("/en/admin/users", {"role": "moderator", "confirmation": code_at(secret, 1)}, action=action)
    assert again.status_code == 422 and get(app, User, resident.id).role == Role.ORGANISER


def test_administrator_resets_someones_two_factor_audit_logged_and_mailed(app, client, other_client):
    admin = make_user(app, role=Role.ADMIN)
    person = make_user(app, role=Role.ORGANISER, name="An", language="en")
    secret, _codes = enrol(app, person)
    log_in_with_code(other_client, person, secret)
    client.login(admin.email, PASSWORD, lang="en")
    listing = text(client.get("/en/admin/users"))
    assert f"/en/admin/users/{person.id}/two-factor/reset" in listing
    action = f"/en/admin/users/{person.id}/two-factor/reset"
    ask = client.submit("/en/admin/users", action=action)
    assert ask.status_code == 200 and is_enabled(app, person)
    assert not outbox(app, person.email, "two_factor_reset")
    wrong = client.submit("/en/admin/users", {"confirmation": "not my password"}, action=action)
    assert wrong.status_code == 422 and is_enabled(app, person)
    done = client.submit("/en/admin/users", {"confirmation": PASSWORD}, action=action)
    assert done.status_code == 303 and not is_enabled(app, person)
    assert not is_logged_in(other_client)  # logged out everywhere
    [mail] = outbox(app, person.email, "two_factor_reset")
    assert mail.lang == "en" and "administrator" in mail.body_text
    assert ("user.two_factor_reset", admin.id, {"via": "admin"}) in audit_actions(app, person.id)
    # Their password alone logs in again.
    assert password_step(other_client, person.email).headers["Location"].endswith("/en/")


def test_administrator_cannot_reset_their_own_from_the_list(app, client):
    admin = make_user(app, role=Role.ADMIN)
    secret, _codes = enrol(app, admin)
    log_in_with_code(client, admin, secret)
    response = client.submit(
        "/en/admin/users", {"confirmation": PASSWORD}, action=f"/en/admin/users/{admin.id}/two-factor/reset"
    )
    assert response.status_code == 303 and is_enabled(app, admin)


def test_reset_two_factor_command_for_the_last_administrator(app, runner):
    admin = make_user(app, role=Role.ADMIN, email="boss@example.org")
    enrol(app, admin)
    result = runner.invoke(args=["reset-two-factor", "Boss@Example.org"])
    assert result.exit_code == 0, result.output
    assert not is_enabled(app, admin)
    assert ("user.two_factor_reset", None, {"via": "cli"}) in audit_actions(app, admin.id)
    assert outbox(app, "boss@example.org", "two_factor_reset")
    again = runner.invoke(args=["reset-two-factor", "boss@example.org"])
    assert again.exit_code == 1
    unknown = runner.invoke(args=["reset-two-factor", "nobody@example.org"])
    assert unknown.exit_code == 1 and "No account" in unknown.output


# --- personal data --------------------------------------------------------------------------------


def test_data_download_says_whether_it_is_on_but_holds_no_secret(app, client):
    user = make_user(app)
    secret, codes = enrol(app, user)
    log_in_with_code(client, user, secret)
    body = text(client.get("/en/account/data/export.json"))
    data = json.loads(body)
    assert data["two_factor"]["enabled"] is True and data["two_factor"]["recovery_codes_left"] == 10
    assert secret not in body and codes[0] not in body


def test_deleting_the_account_removes_its_two_factor_rows(app, client):
    user = make_user(app)
    secret, _codes = enrol(app, user)
    log_in_with_code(client, user, secret)
    response = client.submit("/en/account/data", {"password": PASSWORD, "confirm": "y"}, action="/en/account/delete")
    assert response.status_code == 303
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(TwoFactorCredential)) == 0
        assert db.session.scalar(sa.select(sa.func.count(RecoveryCode.id))) == 0
