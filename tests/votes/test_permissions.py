"""Every votes route answers each role as intended (anonymous, unverified, resident,
organiser of another consultation, the consultation's organiser, moderator, admin)."""

from __future__ import annotations

import pytest

from participation.core.permissions import Role
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.votes.factories import ballots_of, make_question, option_ids

ROLES = ["anonymous", "unverified", "resident", "other_organiser", "organiser", "moderator", "admin"]


def login_as(app, client, role, own_organiser):
    if role == "anonymous":
        return None
    if role == "organiser":
        user = own_organiser
    else:
        r = {
            "unverified": Role.RESIDENT,
            "resident": Role.RESIDENT,
            "other_organiser": Role.ORGANISER,
            "moderator": Role.MODERATOR,
            "admin": Role.ADMIN,
        }[role]
        user = make_user(app, role=r, verified=role != "unverified")
    client.login(user.email, PASSWORD)
    return user


def _all(value):
    return dict.fromkeys(ROLES, value)


MANAGE = {
    "anonymous": 302,
    "unverified": 403,
    "resident": 403,
    "other_organiser": 403,
    "organiser": 200,
    "moderator": 403,
    "admin": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_get_routes_per_role(app, client, role):
    organiser = make_user(app, role=Role.ORGANISER)
    c = make_consultation(app, organisers=[organiser])
    draft = make_consultation(app, status="draft", organisers=[organiser])
    closed = make_consultation(app, status="closed", organisers=[organiser])
    q = make_question(app, c)
    make_question(app, closed)
    dq = make_question(app, draft)
    login_as(app, client, role, organiser)
    own_or_admin = {r: (200 if r in ("organiser", "admin") else 404) for r in ROLES}
    expectations = {
        f"/nl/consultations/{c.slug}/questions/{q.id}": _all(200),
        f"/nl/consultations/{c.slug}/questions/{q.id}/receipt": {**_all(303), "anonymous": 302},
        f"/nl/consultations/{c.slug}/results": _all(200),
        f"/nl/consultations/{c.slug}/results/check?code=AAAA-BBBB-CCCC-DDDD": _all(200),
        # Open with results hidden: hidden from everyone, managers included; ballots only after closing.
        f"/nl/consultations/{c.slug}/results.csv": _all(404),
        f"/nl/consultations/{c.slug}/fingerprints.txt": _all(404),
        f"/nl/consultations/{c.slug}/ballots.csv": {
            **{r: 403 for r in ROLES},
            "anonymous": 302,
            "organiser": 409,
            "admin": 409,
        },
        f"/nl/consultations/{closed.slug}/results.csv": _all(200),
        f"/nl/consultations/{closed.slug}/fingerprints.txt": _all(200),
        f"/nl/consultations/{closed.slug}/ballots.csv": {
            **{r: 403 for r in ROLES},
            "anonymous": 302,
            "organiser": 200,
            "admin": 200,
        },
        f"/nl/consultations/{draft.slug}/questions/{dq.id}": own_or_admin,
        f"/nl/consultations/{draft.slug}/results": own_or_admin,
        f"/nl/consultations/{c.slug}/questions/999999": _all(404),
        f"/nl/organise/consultations/{c.slug}/questions/": MANAGE,
        f"/nl/organise/consultations/{c.slug}/questions/new": MANAGE,
        f"/nl/organise/consultations/{c.slug}/questions/{q.id}/edit": MANAGE,
        f"/nl/organise/consultations/{draft.slug}/questions/": {**MANAGE, "other_organiser": 404},
        f"/nl/organise/consultations/{c.slug}/questions/{dq.id}/edit": {**MANAGE, "organiser": 404, "admin": 404},
    }
    for url, expected in expectations.items():
        assert client.get(url).status_code == expected[role], (url, role)


@pytest.mark.parametrize("role", ROLES)
def test_voting_per_role(app, client, role):
    organiser = make_user(app, role=Role.ORGANISER)
    c = make_consultation(app, organisers=[organiser])
    q = make_question(app, c)
    login_as(app, client, role, organiser)
    token = client.token_from("/nl/account/login")
    response = client.post(
        f"/nl/consultations/{c.slug}/questions/{q.id}", data={"csrf_token": token, "option": option_ids(q)[0]}
    )
    expected = {"anonymous": 302, "unverified": 403}.get(role, 303)
    assert response.status_code == expected
    assert len(ballots_of(app, q.id)) == (1 if expected == 303 else 0)


@pytest.mark.parametrize("role", ROLES)
def test_question_management_posts_per_role(app, client, role):
    organiser = make_user(app, role=Role.ORGANISER)
    c = make_consultation(app, organisers=[organiser])
    first, second = make_question(app, c), make_question(app, c)
    login_as(app, client, role, organiser)
    token = client.token_from("/nl/account/login")
    base = f"/nl/organise/consultations/{c.slug}/questions"
    allowed = role in ("organiser", "admin")
    denied = 302 if role == "anonymous" else 403
    for url in (f"{base}/{second.id}/up", f"{base}/{first.id}/down", f"{base}/{second.id}/delete"):
        assert client.post(url, data={"csrf_token": token}).status_code == (303 if allowed else denied), url
    response = client.post(f"{base}/new", data={"csrf_token": token, "kind": "scale", "prompt_nl": "Stelling"})
    assert response.status_code == (303 if allowed else denied)
