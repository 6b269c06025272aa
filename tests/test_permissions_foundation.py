"""Every foundation route answers each role as intended (server-side checks, deny by default)."""

from __future__ import annotations

import pytest

from participation.core.permissions import Role
from tests.factories import PASSWORD, make_user

ROLES = ["anonymous", "unverified", "resident", "organiser", "moderator", "admin"]

# url -> expected GET status per role (302 = sent to log in)
GET_EXPECTATIONS = {
    "/nl/": dict.fromkeys(ROLES, 200),
    "/nl/privacy": dict.fromkeys(ROLES, 200),
    "/nl/accessibility": dict.fromkeys(ROLES, 200),
    "/nl/account/login": dict.fromkeys(ROLES, 200),
    "/nl/account/": {"anonymous": 302, **dict.fromkeys(ROLES[1:], 200)},
    "/nl/account/data": {"anonymous": 302, **dict.fromkeys(ROLES[1:], 200)},
    "/nl/account/data/export.json": {"anonymous": 302, **dict.fromkeys(ROLES[1:], 200)},
    "/nl/admin/users": {
        "anonymous": 302,
        "unverified": 403,
        "resident": 403,
        "organiser": 403,
        "moderator": 403,
        "admin": 200,
    },
    "/nl/admin/outbox": {
        "anonymous": 302,
        "unverified": 403,
        "resident": 403,
        "organiser": 403,
        "moderator": 403,
        "admin": 200,
    },
    "/nl/admin/background": {
        "anonymous": 302,
        "unverified": 403,
        "resident": 403,
        "organiser": 403,
        "moderator": 403,
        "admin": 200,
    },
}


def client_as(app, client, role):
    if role == "anonymous":
        return None
    user = make_user(
        app, role=Role.RESIDENT if role in ("resident", "unverified") else Role(role), verified=role != "unverified"
    )
    client.login(user.email, PASSWORD)
    return user


@pytest.mark.parametrize("role", ROLES)
def test_foundation_pages_answer_each_role(app, client, role):
    client_as(app, client, role)
    for url, expected in GET_EXPECTATIONS.items():
        assert client.get(url).status_code == expected[role], (url, role)


@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_change_roles(app, client, role):
    target = make_user(app)
    client_as(app, client, role)
    token = client.token_from("/nl/account/login")
    # The administrator confirms with their password (participation/admin/confirmation.py).
    response = client.post(
        f"/nl/admin/users/{target.id}/role", data={"role": "admin", "confirmation": PASSWORD, "csrf_token": token}
    )
    expected = {"anonymous": 302, "admin": 303}.get(role, 403)
    assert response.status_code == expected
