"""Several application servers share nothing but SECRET_KEY and the database: what one of them
signs (the session, a form's CSRF token, a mailed link) works on any other, and on none with
another key."""

from __future__ import annotations

from participation.accounts.models import User
from participation.extensions import db
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, link_in, outbox, text

OTHER_KEY = "another-deployment-key"  # noqa: S105 (a test key)


def _copy_session(source: FormClient, target: FormClient) -> None:
    target.set_cookie("session", source.get_cookie("session").value)


def test_a_session_made_on_one_server_is_valid_on_another(app, extra_app):
    server_b, other_key = extra_app(), extra_app(SECRET_KEY=OTHER_KEY)
    user = make_user(app, name="Inwoner Een")
    on_a, on_b, on_other = (FormClient(server.test_client()) for server in (app, server_b, other_key))
    on_a.login(user.email, PASSWORD)
    _copy_session(on_a, on_b)
    _copy_session(on_a, on_other)
    page = on_b.get("/nl/account/")
    assert page.status_code == 200 and user.email in text(page)
    assert on_other.get("/nl/account/").status_code == 302  # another key: not logged in


def test_a_form_rendered_by_one_server_is_accepted_by_another(app, extra_app):
    server_b, other_key = extra_app(), extra_app(SECRET_KEY=OTHER_KEY)
    user = make_user(app, name="Inwoner Een")
    on_a, on_b, on_other = (FormClient(server.test_client()) for server in (app, server_b, other_key))
    on_a.login(user.email, PASSWORD)
    token = on_a.token_from("/nl/account/")  # the form, with its CSRF token, comes from A
    _copy_session(on_a, on_b)
    _copy_session(on_a, on_other)
    form = {"display_name": "Naam gezet via B", "preferred_language": "nl", "csrf_token": token}
    assert on_other.post("/nl/account/", data=form).status_code == 400  # another key: the token is refused
    with app.app_context():
        assert db.session.get(User, user.id).display_name == "Inwoner Een"
    response = on_b.post("/nl/account/", data=form)
    assert response.status_code == 303, text(response)[:500]
    with app.app_context():
        assert db.session.get(User, user.id).display_name == "Naam gezet via B"


def test_a_reset_link_mailed_by_one_server_opens_on_another(app, extra_app):
    server_b, other_key = extra_app(), extra_app(SECRET_KEY=OTHER_KEY)
    user = make_user(app)
    FormClient(app.test_client()).submit("/nl/account/reset", {"email": user.email})
    link = link_in(outbox(app, user.email, "reset_password")[-1], "/account/reset/")
    on_other = FormClient(other_key.test_client())
    assert 'name="password_again"' not in text(on_other.get(link))  # another key: the link is refused
    on_b = FormClient(server_b.test_client())
    assert 'name="password_again"' in text(on_b.get(link))
    new_password = "a fresh passphrase for the Belfort tower"  # noqa: S105
    response = on_b.submit(link, {"password": new_password, "password_again": new_password})
    assert response.status_code == 303, text(response)[:500]
    assert FormClient(app.test_client()).login(user.email, new_password).status_code == 303
