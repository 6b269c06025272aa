"""Sign-up, e-mail verification, log-in and log-out, as a person goes through them."""

from __future__ import annotations

import sqlalchemy as sa

from participation.accounts.models import User
from participation.extensions import db
from tests.factories import PASSWORD, make_user
from tests.support import link_in, outbox, page_without_csrf, text

GOOD_PASSWORD = "linden trees on the Kouter"


def signup(client, email="lotte@example.org", password=GOOD_PASSWORD, lang="nl", consent="y", name="Lotte"):
    data = {"email": email, "display_name": name, "password": password, "preferred_language": lang}
    if consent:
        data["consent"] = consent
    return client.submit(f"/{lang}/account/signup", data)


def find_user(app, email):
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is not None:
            db.session.expunge(user)
        return user


def test_signup_creates_unverified_account_and_mails_a_link(app, client):
    response = signup(client, email="Lotte@Example.org")
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/nl/account/check-your-email")
    user = find_user(app, "lotte@example.org")
    assert user is not None and not user.is_verified
    assert user.password_hash.startswith("$argon2id$")
    assert GOOD_PASSWORD not in user.password_hash
    [mail] = outbox(app, "lotte@example.org")
    assert mail.lang == "nl" and mail.subject == "Bevestig je e-mailadres"
    assert GOOD_PASSWORD not in mail.body_text


def test_verification_link_shows_a_button_and_verifies_on_post(app, client):
    signup(client)
    link = link_in(outbox(app, "lotte@example.org")[0], "/account/verify/")
    page = client.get(link)
    assert page.status_code == 200
    assert not find_user(app, "lotte@example.org").is_verified  # GET changes nothing
    response = client.submit(link)
    assert response.status_code == 303
    assert find_user(app, "lotte@example.org").is_verified


def test_tampered_verification_link_is_refused(app, client):
    signup(client)
    link = link_in(outbox(app, "lotte@example.org")[0], "/account/verify/")
    response = client.submit(link, action=link[:-3] + "abc")
    assert response.status_code == 400
    assert "ongeldig" in text(response)
    assert not find_user(app, "lotte@example.org").is_verified


def test_signup_in_english_mails_in_english(app, client):
    signup(client, email="priya@example.org", lang="en")
    [mail] = outbox(app, "priya@example.org")
    assert mail.lang == "en" and mail.subject == "Confirm your e-mail address"


def test_signup_with_taken_address_looks_the_same_and_warns_the_owner(app, client):
    make_user(app, email="taken@example.org")
    response = signup(client, email="taken@example.org")
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/nl/account/check-your-email")
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1
    [mail] = outbox(app, "taken@example.org")
    assert mail.template == "account_exists"


def test_short_password_is_refused_next_to_the_field_and_input_is_kept(app, client):
    response = signup(client, password="kort")
    body = text(response)
    assert response.status_code == 422
    assert "Gebruik minstens 12 tekens." in body
    assert 'aria-invalid="true"' in body
    assert 'value="lotte@example.org"' in body
    assert find_user(app, "lotte@example.org") is None


def test_guessable_password_is_refused(app, client):
    response = signup(client, password="gentgentgent1")
    assert response.status_code == 422
    assert find_user(app, "lotte@example.org") is None


def test_long_unicode_password_is_accepted_and_not_truncated(app, client):
    password = "🌷 tulpen op de Vrijdagmarkt, een lange zin vol spaties en emoji 🚲🚲"
    signup(client, password=password)
    client.submit(link_in(outbox(app)[0], "/account/verify/"))
    assert client.login("lotte@example.org", password).status_code == 303
    other = client.submit("/nl/account/login", {"email": "lotte@example.org", "password": password[:-1]})
    assert other.status_code == 401


def test_signup_without_consent_is_refused(app, client):
    response = signup(client, consent=None)
    assert response.status_code == 422
    assert "privacyverklaring" in text(response)
    assert find_user(app, "lotte@example.org") is None


def test_login_error_is_the_same_for_unknown_address_and_wrong_password(app, client):
    make_user(app, email="known@example.org")
    wrong = client.submit("/nl/account/login", {"email": "known@example.org", "password": "wrong password here"})
    unknown = client.submit("/nl/account/login", {"email": "nobody@example.org", "password": "wrong password here"})
    assert wrong.status_code == unknown.status_code == 401
    assert "Het e-mailadres of het wachtwoord klopt niet." in text(wrong)
    assert page_without_csrf(wrong).replace("known@", "X@") == page_without_csrf(unknown).replace("nobody@", "X@")


def test_login_then_account_page_then_logout(app, client):
    user = make_user(app, name="Lotte")
    client.login(user.email, PASSWORD)
    page = client.get("/nl/account/")
    assert page.status_code == 200 and user.email in text(page)
    response = client.logout()
    assert response.status_code == 303
    assert client.get("/nl/account/").status_code == 302


def test_copied_cookie_stops_working_after_logout(app, client, other_client):
    user = make_user(app)
    client.login(user.email, PASSWORD)
    session_cookie = client.get_cookie("session").value
    client.logout()
    other_client.set_cookie("session", session_cookie)
    response = other_client.get("/nl/account/")
    assert response.status_code == 302
    assert "/nl/account/login" in response.headers["Location"]


def test_login_without_csrf_token_is_refused(app, client):
    user = make_user(app)
    response = client.post("/nl/account/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/nl/account/").status_code == 302


def test_logout_by_get_is_not_possible(app, client):
    assert client.get("/nl/account/logout").status_code == 405


def test_login_redirects_only_to_local_pages(app, client):
    user = make_user(app)
    for target in ("https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"):
        response = client.submit(f"/nl/account/login?next={target}", {"email": user.email, "password": PASSWORD})
        assert response.headers["Location"] == "/nl/", target
        client.logout()
    response = client.submit("/nl/account/login?next=/nl/privacy", {"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/nl/privacy"


def test_session_cookie_is_httponly_and_samesite_lax(app, client):
    user = make_user(app)
    response = client.login(user.email, PASSWORD)
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_remember_me_sets_a_cookie_that_dies_with_logout(app, client, other_client):
    user = make_user(app)
    client.submit("/nl/account/login", {"email": user.email, "password": PASSWORD, "remember": "y"})
    remember = client.get_cookie("remember_token")
    assert remember is not None
    client.logout()
    other_client.set_cookie("remember_token", remember.value)
    assert other_client.get("/nl/account/").status_code == 302


def test_login_is_rate_limited_with_a_translated_page(app, client, rate_limits):
    make_user(app, email="target@example.org")
    for _ in range(10):
        client.submit("/nl/account/login", {"email": "target@example.org", "password": "not the password"})
    response = client.submit("/nl/account/login", {"email": "target@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert "Te veel pogingen" in text(response)
    assert int(response.headers["Retry-After"]) > 0
    english = client.submit("/en/account/login", {"email": "target@example.org", "password": PASSWORD})
    assert english.status_code == 429 and "Too many attempts" in text(english)


def test_login_is_limited_per_account_across_addresses(app, client, rate_limits):
    """Five wrong passwords from anywhere, then the next waits (accounts/throttling.py)."""
    make_user(app, email="target@example.org")
    for attempt in range(5):
        client.client.environ_base["REMOTE_ADDR"] = f"10.0.0.{attempt}"
        client.submit("/nl/account/login", {"email": "target@example.org", "password": "not the password"})
    client.client.environ_base["REMOTE_ADDR"] = "10.0.1.1"
    response = client.submit("/nl/account/login", {"email": "target@example.org", "password": PASSWORD})
    assert response.status_code == 429


def test_signup_is_rate_limited(app, client, rate_limits):
    for n in range(10):
        signup(client, email=f"bulk{n}@example.org")
    response = signup(client, email="one-more@example.org")
    assert response.status_code == 429
    assert find_user(app, "one-more@example.org") is None
