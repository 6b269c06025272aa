"""Any input to the account forms gets an answer with a message, never a 500 (both databases)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import PASSWORD, make_user
from tests.support import FormClient, link_in, outbox, text

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b@example.org",
    "lotte@example.org",
    "@",
    "a@b",
    "x" * 5000,
    "🌷" * 90,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\u202e\u0000",
    "\r\n",
    "nl",
    "fr",
    "xx",
    "y",
    "0001-01-01T00:00",
    "%00",
    "\ufffd",
    PASSWORD,
]
values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30),  # NUL and other controls
)
FUZZ = settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def form_data(fields):
    """Each field missing, or any value, or a list of values (repeated keys)."""
    return st.fixed_dictionaries(
        {name: st.one_of(st.none(), values, st.lists(values, min_size=2, max_size=3)) for name in fields}
    ).map(lambda data: {k: v for k, v in data.items() if v is not None})


def assert_answered_with_a_message(response):
    assert response.status_code < 500, response.status_code
    if response.status_code >= 400:
        body = text(response)
        assert 'role="alert"' in body or "The request could not be understood" in body, body[-2000:]
    elif response.status_code in (301, 302, 303):
        assert response.headers["Location"].startswith("/")


def fuzz_form(client: FormClient, page: str, fields, action: str | None = None):
    token = client.token_from(page)

    @FUZZ
    @given(data=form_data(fields))
    def run(data):
        response = client.post(action or page, data={**data, "csrf_token": token})
        assert_answered_with_a_message(response)

    run()


def test_signup_form_never_fails(app, client):
    fuzz_form(
        client, "/en/account/signup", ["email", "display_name", "password", "preferred_language", "consent", "website"]
    )


def test_login_form_never_fails(app, client):
    make_user(app, email="lotte@example.org")
    fuzz_form(client, "/en/account/login", ["email", "password", "remember", "next"])


def test_reset_request_form_never_fails(app, client):
    make_user(app, email="lotte@example.org")
    fuzz_form(client, "/en/account/reset", ["email"])


def test_reset_form_never_fails(app, client):
    user = make_user(app)
    client.submit("/en/account/reset", {"email": user.email})
    link = link_in(outbox(app, user.email, "reset_password")[0], "/account/reset/")
    fuzz_form(client, link, ["password", "password_again"])


def test_profile_form_never_fails(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD, lang="en")
    fuzz_form(client, "/en/account/", ["display_name", "preferred_language", "notify_on_reply"])


def test_password_change_form_never_fails(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD, lang="en")
    fuzz_form(client, "/en/account/", ["current_password", "new_password"], action="/en/account/password")


def test_email_change_form_never_fails(app, client):
    user = make_user(app)
    client.login(user.email, PASSWORD, lang="en")
    fuzz_form(client, "/en/account/", ["new_email", "password"], action="/en/account/email")
