"""A reset request does the same work for any address; a suspended account keeps its name."""

from __future__ import annotations

from collections import Counter

import pytest

from participation.accounts import services
from participation.accounts.models import User
from participation.core import mail
from participation.extensions import db
from tests.factories import PASSWORD, get, make_user, suspend
from tests.support import outbox, text

SUSPENDED_NAME = "Your account is suspended: you cannot change the name you show."


@pytest.fixture
def steps(monkeypatch):
    """Count the expensive steps of a reset request: the token, the mail and its templates."""
    counted = Counter()

    def counting(name, function):
        def wrapper(*args, **kwargs):
            counted[name] += 1
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(services.tokens, "make_token", counting("token", services.tokens.make_token))
    monkeypatch.setattr(services, "queue_mail", counting("mail", services.queue_mail))
    monkeypatch.setattr(mail, "render_template", counting("template", mail.render_template))
    monkeypatch.setattr(services, "public_url_for", counting("link", services.public_url_for))
    return counted


def _reset(client, email):
    return client.submit("/en/account/reset", {"email": email})


def test_a_reset_request_does_the_same_work_for_a_known_and_an_unknown_address(app, client, steps):
    make_user(app, email="known@example.org")
    known = _reset(client, "known@example.org")
    known_steps = dict(steps)
    steps.clear()
    unknown = _reset(client, "nobody@example.org")
    assert known_steps == dict(steps)
    assert known_steps == {"token": 1, "mail": 1, "template": 3, "link": 1}
    assert (known.status_code, known.headers["Location"], text(known)) == (
        unknown.status_code,
        unknown.headers["Location"],
        text(unknown),
    )
    assert known.status_code == 303


def test_only_the_known_address_gets_the_reset_mail(app, client):
    make_user(app, email="known@example.org")
    _reset(client, "known@example.org")
    _reset(client, "nobody@example.org")
    assert [m.recipient for m in outbox(app, template="reset_password")] == ["known@example.org"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(mail.OutboxMessage)) == 1


def _profile(client, name, language="en"):
    return client.submit("/en/account/", {"display_name": name, "preferred_language": language})


def test_a_suspended_account_cannot_change_its_public_name(app, client):
    user = make_user(app, name="Lotte Peeters", language="en")
    suspend(app, user)
    client.login(user.email, PASSWORD, lang="en")
    response = _profile(client, "Iemand Anders")
    assert 400 <= response.status_code < 500
    body = text(response)
    assert SUSPENDED_NAME in body.split('id="display_name-error"', 1)[1].split("</div>", 1)[0]
    assert get(app, User, user.id).display_name == "Lotte Peeters"


def test_a_suspended_account_still_sets_its_language_with_the_same_name(app, client):
    user = make_user(app, name="Lotte Peeters", language="en")
    suspend(app, user, days=None)
    client.login(user.email, PASSWORD, lang="en")
    assert _profile(client, "Lotte Peeters", language="fr").status_code == 303
    person = get(app, User, user.id)
    assert (person.display_name, person.preferred_language) == ("Lotte Peeters", "fr")


def test_once_the_suspension_is_lifted_the_name_can_change(app, client):
    user = make_user(app, name="Lotte Peeters", language="en")
    suspend(app, user)
    with app.app_context():
        db.session.get(User, user.id).suspended_until = db.session.get(User, user.id).suspended_at
        db.session.commit()
    client.login(user.email, PASSWORD, lang="en")
    assert _profile(client, "Lotte P.").status_code == 303
    assert get(app, User, user.id).display_name == "Lotte P."


def test_the_service_refuses_the_name_of_a_suspended_account_on_its_field(app):
    user = make_user(app, name="Lotte Peeters")
    suspend(app, user)
    with app.test_request_context("/en/account/"):
        person = db.session.get(User, user.id)
        with pytest.raises(services.NotAllowed) as refused:
            services.update_profile(person, "Iemand Anders", "en", True)
        assert refused.value.field == "display_name"
        assert person.display_name == "Lotte Peeters"
        db.session.rollback()
