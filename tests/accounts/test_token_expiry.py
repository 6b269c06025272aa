"""Mailed links expire: verification and e-mail change after 48 hours, password reset after 1 hour.

The clock of the token signer is moved forward; the link is tried just before and just after
its lifetime, through the pages a person uses.
"""

from __future__ import annotations

import time

import pytest
from itsdangerous.timed import TimestampSigner

from participation.accounts.models import User
from tests.factories import PASSWORD, get, make_user
from tests.support import link_in, outbox, text

HOUR = 3600
EXPIRED = {
    "nl": "Deze link is ongeldig of verlopen. Vraag een nieuwe aan.",
    "en": "This link is invalid or has expired. Ask for a new one.",
    "fr": "Ce lien n'est pas valable ou a expiré. Demandez-en un nouveau.",
}


@pytest.fixture
def clock(monkeypatch):
    """Move the token signer's clock: clock.advance(seconds)."""

    class Clock:
        offset = 0

        def advance(self, seconds: int) -> None:
            self.offset = seconds

    fake = Clock()
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) + fake.offset)
    return fake


def refused(response, lang: str) -> bool:
    return response.status_code == 400 and EXPIRED[lang] in text(response).replace("&#39;", "'")


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_verification_link_works_until_48_hours_and_not_after(app, client, clock, lang):
    user = make_user(app, verified=False, language=lang)
    client.login(user.email, PASSWORD, lang=lang)
    client.submit(f"/{lang}/account/", action=f"/{lang}/account/verify/resend")
    link = link_in(outbox(app, user.email, "verify_email")[-1], "/account/verify/")
    clock.advance(48 * HOUR + 60)
    assert refused(client.submit(link), lang)
    assert not get(app, User, user.id).is_verified
    clock.advance(48 * HOUR - 60)
    assert client.submit(link).status_code == 303
    assert get(app, User, user.id).is_verified


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_reset_link_works_for_one_hour_and_not_after(app, client, clock, lang):
    user = make_user(app, language=lang)
    client.submit(f"/{lang}/account/reset", {"email": user.email})
    link = link_in(outbox(app, user.email, "reset_password")[-1], "/account/reset/")
    new_password = "a fresh passphrase for the Gravensteen"
    clock.advance(HOUR + 60)
    assert refused(client.get(link), lang)
    # A form opened in time but sent too late is refused as well.
    clock.advance(HOUR - 60)
    token = client.token_from(link)
    clock.advance(HOUR + 60)
    late = client.post(link, data={"password": new_password, "password_again": new_password, "csrf_token": token})
    assert refused(late, lang)
    assert get(app, User, user.id).password_hash == user.password_hash
    clock.advance(HOUR - 60)
    response = client.submit(link, {"password": new_password, "password_again": new_password})
    assert response.status_code == 303
    assert client.login(user.email, new_password, lang=lang).status_code == 303


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_email_change_link_works_until_48_hours_and_not_after(app, client, clock, lang):
    user = make_user(app, email="old@example.org", language=lang)
    client.login(user.email, PASSWORD, lang=lang)
    client.submit(
        f"/{lang}/account/", {"new_email": "new@example.org", "password": PASSWORD}, action=f"/{lang}/account/email"
    )
    link = link_in(outbox(app, "new@example.org", "confirm_new_email")[-1], "/account/email/confirm/")
    clock.advance(48 * HOUR + 60)
    assert refused(client.submit(link), lang)
    assert get(app, User, user.id).email == "old@example.org"
    clock.advance(48 * HOUR - 60)
    assert client.submit(link).status_code == 303
    assert get(app, User, user.id).email == "new@example.org"
