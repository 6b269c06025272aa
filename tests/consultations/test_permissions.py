"""Every consultations and networks route, GET and POST, for every role: the expected answer,
and for the routes that change something, that the change happened only when allowed."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from participation.consultations.models import Consultation, ConsultationState
from participation.core.permissions import Role
from participation.core.time import to_brussels, utcnow
from participation.extensions import db
from tests.consultations.factories import make_consultation
from tests.factories import PASSWORD, make_user
from tests.support import FormClient

ROLES = ["anonymous", "unverified_resident", "resident", "moderator", "organiser", "other_organiser", "admin"]
_serial = itertools.count(1)


def answers(*, anonymous, unverified_resident, resident, moderator, organiser, other_organiser, admin):
    return locals()


def public(status=200):
    return dict.fromkeys(ROLES, status)


def back_office(status):
    """Pages of the back office that are not about one consultation."""
    return answers(
        anonymous=302,
        unverified_resident=403,
        resident=403,
        moderator=403,
        organiser=status,
        other_organiser=status,
        admin=status,
    )


def one_consultation(status):
    """Back-office pages of one consultation: only its organisers and administrators."""
    return answers(
        anonymous=302,
        unverified_resident=403,
        resident=403,
        moderator=403,
        organiser=status,
        other_organiser=404,
        admin=status,
    )


def only_its_organisers(status=200):
    """A draft's public page (the preview): 404 for everyone else, whatever their role."""
    return answers(
        anonymous=404,
        unverified_resident=404,
        resident=404,
        moderator=404,
        organiser=status,
        other_organiser=404,
        admin=status,
    )


def local(moment):
    return to_brussels(moment).strftime("%Y-%m-%dT%H:%M")


def editor_form(consultation=None, **overrides):
    now = utcnow()
    data = {
        "slug": consultation.slug if consultation else f"matrix-{next(_serial)}",
        "opens_at": local(consultation.opens_at if consultation else now - timedelta(days=1)),
        "closes_at": local(consultation.closes_at if consultation else now + timedelta(days=9)),
        "title_nl": "Titel",
        "summary_nl": "Samenvatting.",
        "body_nl": "Tekst.",
        "results_nl": "Resultaten.",
        "feedback_nl": "Wat de stad deed.",
        "moderation_mode": "post",
    }
    return {**data, **overrides}


def load(app, consultation_id) -> Consultation | None:
    with app.app_context():
        consultation = db.session.scalar(
            sa.select(Consultation)
            .where(Consultation.id == consultation_id)
            .options(selectinload(Consultation.phases), selectinload(Consultation.organisers))
        )
        if consultation is not None:
            db.session.expunge_all()
        return consultation


@dataclass
class Case:
    name: str
    method: str
    path: str  # {id}, {slug}, {phase} are filled in
    expected: dict[str, int]
    status: str = "draft"  # of the consultation the route is about
    data: Callable | None = None  # (ctx) -> form data
    took_effect: Callable | None = None  # (app, ctx) -> bool
    with_phase: bool = False
    fields: dict = field(default_factory=dict)


def _count_new(app, _ctx):
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).where(Consultation.slug.like("matrix-%"))) > 0


CASES = [
    # --- public pages
    Case("catalogue", "GET", "/nl/consultations/", public()),
    Case("catalogue-search", "GET", "/fr/consultations/?q=bevraging&status=open", public(), status="open"),
    Case("catalogue-post", "POST", "/nl/consultations/", public(405)),
    Case("detail", "GET", "/nl/consultations/{slug}", public(), status="open"),
    Case("detail-post", "POST", "/nl/consultations/{slug}", public(405), status="open"),
    Case("detail-unknown-slug", "GET", "/fr/consultations/bestaat-niet", public(404)),
    Case("preview-of-a-draft", "GET", "/en/consultations/{slug}", only_its_organisers()),
    Case("feed", "GET", "/nl/consultations/feed.atom", public(), status="open"),
    Case("feed-post", "POST", "/nl/consultations/feed.atom", public(405)),
    Case("networks", "GET", "/fr/networks/", public()),
    Case("networks-post", "POST", "/fr/networks/", public(405)),
    # --- back office, not about one consultation
    Case("organise-list", "GET", "/nl/organise/", back_office(200)),
    Case("organise-list-post", "POST", "/nl/organise/", public(405)),
    Case("new-form", "GET", "/nl/organise/new", back_office(200)),
    Case(
        "new-post", "POST", "/nl/organise/new", back_office(303), data=lambda ctx: editor_form(), took_effect=_count_new
    ),
    # --- back office, one consultation (its edit page holds the history)
    Case("edit-and-history", "GET", "/nl/organise/{id}", one_consultation(200)),
    Case("edit-unknown", "GET", "/nl/organise/999999", {**one_consultation(404), "organiser": 404, "admin": 404}),
    Case(
        "edit-post",
        "POST",
        "/nl/organise/{id}",
        one_consultation(303),
        data=lambda ctx: editor_form(ctx["consultation"], title_nl="Gewijzigde titel"),
        took_effect=lambda app, ctx: load(app, ctx["consultation"].id).title["nl"] == "Gewijzigde titel",
    ),
    Case(
        "publish",
        "POST",
        "/nl/organise/{id}/publish",
        one_consultation(303),
        took_effect=lambda app, ctx: load(app, ctx["consultation"].id).state == ConsultationState.PUBLISHED,
    ),
    Case("publish-get", "GET", "/nl/organise/{id}/publish", public(405)),
    Case(
        "close",
        "POST",
        "/nl/organise/{id}/close",
        one_consultation(303),
        status="open",
        data=lambda ctx: {"confirmed": "1"},
        took_effect=lambda app, ctx: load(app, ctx["consultation"].id).has_closed(),
    ),
    # GET is the page that asks first (issue 12 §4).
    Case("close-get", "GET", "/nl/organise/{id}/close", one_consultation(200), status="open"),
    Case(
        "publish-results",
        "POST",
        "/nl/organise/{id}/publish-results",
        one_consultation(303),
        status="closed",
        fields={"results": {"nl": "R"}, "feedback": {"nl": "F"}},
        took_effect=lambda app, ctx: load(app, ctx["consultation"].id).state == ConsultationState.RESULTS_PUBLISHED,
    ),
    Case("publish-results-get", "GET", "/nl/organise/{id}/publish-results", public(405)),
    Case(
        "organisers",
        "POST",
        "/nl/organise/{id}/organisers",
        one_consultation(303),
        data=lambda ctx: {"organiser_ids": [str(ctx["owner"].id), str(ctx["colleague"].id)]},
        took_effect=lambda app, ctx: len(load(app, ctx["consultation"].id).organisers) == 2,
    ),
    Case("organisers-get", "GET", "/nl/organise/{id}/organisers", public(405)),
    Case(
        "add-phase",
        "POST",
        "/nl/organise/{id}/phases",
        one_consultation(303),
        data=lambda ctx: {
            "name_nl": "Infoavond",
            "starts_at": local(utcnow()),
            "ends_at": local(utcnow() + timedelta(hours=2)),
        },
        took_effect=lambda app, ctx: len(load(app, ctx["consultation"].id).phases) == 1,
    ),
    Case("add-phase-get", "GET", "/nl/organise/{id}/phases", public(405)),
    Case(
        "remove-phase",
        "POST",
        "/nl/organise/{id}/phases/{phase}/delete",
        one_consultation(303),
        with_phase=True,
        took_effect=lambda app, ctx: load(app, ctx["consultation"].id).phases == [],
    ),
    Case("remove-phase-get", "GET", "/nl/organise/{id}/phases/{phase}/delete", public(405), with_phase=True),
]


def sign_in(app, client, role, owner):
    if role == "anonymous":
        return None
    if role == "organiser":
        user = owner
    else:
        user = make_user(
            app,
            role={
                "unverified_resident": Role.RESIDENT,
                "resident": Role.RESIDENT,
                "moderator": Role.MODERATOR,
                "other_organiser": Role.ORGANISER,
                "admin": Role.ADMIN,
            }[role],
            verified=role != "unverified_resident",
        )
    client.login(user.email, PASSWORD)
    return user


def answer(app, case, role):
    """The status code `role` gets from this route, and whether its change took effect."""
    client = FormClient(app.test_client())
    owner = make_user(app, role=Role.ORGANISER)
    colleague = make_user(app, role=Role.ORGANISER)
    now = utcnow()
    phases = [({"nl": "Fase"}, now, now + timedelta(days=1))] if case.with_phase else []
    consultation = make_consultation(app, status=case.status, organisers=[owner], phases=phases, **case.fields)
    ctx = {"owner": owner, "colleague": colleague, "consultation": consultation}
    sign_in(app, client, role, owner)
    path = case.path.format(
        id=consultation.id,
        slug=consultation.slug,
        phase=load(app, consultation.id).phases[0].id if case.with_phase else 0,
    )
    if case.method == "GET":
        response = client.get(path)
    else:
        token = client.token_from("/nl/account/login" if role == "anonymous" else "/nl/")
        response = client.post(path, data={**(case.data(ctx) if case.data else {}), "csrf_token": token})
    if response.status_code == 302:
        assert "/account/login" in response.headers["Location"], (case.name, role)
    took_effect = case.took_effect(app, ctx) if case.took_effect else None
    return response.status_code, took_effect


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_route_answers_every_role_as_expected(app, case):
    wrong = {}
    for role in ROLES:
        status, took_effect = answer(app, case, role)
        expected = case.expected[role]
        if status != expected:
            wrong[role] = f"status {status}, expected {expected}"
        elif took_effect is not None and took_effect != (expected == 303):
            wrong[role] = "took effect" if took_effect else "did not take effect"
    assert wrong == {}, case.name
