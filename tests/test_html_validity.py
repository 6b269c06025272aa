"""Every kind of page is valid HTML, as the W3C Nu HTML checker (vnu-jar, from npm) sees it.

A representative set of page states (public pages with content, Dutch fallback, forms shown again
with their errors, a 404, the back office as an organiser and as a moderator) is rendered in every
offered language, written to a temporary directory and checked in one run of the checker: starting
Java once costs more than checking a hundred pages.

Without Java or the jar (`make setup` installs it with the npm packages) the test is skipped with
the reason; under CI=true it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from participation.accounts.models import User
from participation.core.permissions import Role
from participation.extensions import db
from participation.moderation import services as moderation_services
from tests.comments.factories import make_comment
from tests.consultations.factories import make_consultation
from tests.events.factories import make_event
from tests.factories import PASSWORD, make_user
from tests.support import FormClient
from tests.votes.factories import bulk_ballots, make_question

pytestmark = pytest.mark.html_validity

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _checker_missing() -> str | None:
    if shutil.which("java") is None:
        return "java is not installed (the Nu HTML checker needs Java 11 or later)"
    if not VNU_JAR.is_file():
        return f"{VNU_JAR.relative_to(ROOT)} is missing (run `make setup`, which installs the npm packages)"
    return None


@pytest.fixture
def vnu():
    reason = _checker_missing()
    if reason:
        if IN_CI:
            pytest.fail(f"{reason}; the HTML validity test is required under CI=true")
        print(f"\nSkipping the HTML validity test: {reason}")
        pytest.skip(reason)
    return VNU_JAR


def run_checker(jar: Path, files: list[Path]) -> list[dict]:
    """The checker's errors (its JSON report goes to stderr; exit status 1 means errors)."""
    result = subprocess.run(  # noqa: S603 (our own jar and the files we wrote)
        [shutil.which("java"), "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode not in (0, 1):
        raise AssertionError(f"the Nu checker failed to run ({result.returncode}): {result.stderr[-2000:]}")
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def page_of(pages, message: dict) -> str:
    """The address a checker message is about (it names the file we wrote)."""
    url = message.get("url", "")
    return pages.files.get(Path(unquote(url.removeprefix("file:"))), url)


class Pages:
    """Fetch pages as one person, keeping each HTML answer under a readable file name."""

    def __init__(self, app, directory: Path):
        self.app = app
        self.directory = directory
        self.files: dict[Path, str] = {}

    def client(self, user=None) -> FormClient:
        client = FormClient(self.app.test_client())
        if user is not None:
            client.login(user.email, PASSWORD)
        return client

    def keep(self, name: str, response, status: int = 200) -> None:
        assert response.status_code == status, f"{name}: {response.status_code} instead of {status}"
        assert response.mimetype == "text/html", f"{name}: {response.mimetype}"
        path = self.directory / (name.strip("/").replace("/", "_").replace("?", "_") + ".html")
        path.write_bytes(response.get_data())
        self.files[path] = name

    def get(self, client: FormClient, url: str, status: int = 200, name: str | None = None) -> None:
        self.keep(name or url, client.get(url), status)

    def submit(self, client: FormClient, page: str, data: dict, action: str, status: int, name: str) -> None:
        self.keep(name, client.submit(page, data, action=action), status)


def test_every_kind_of_page_is_valid_html(app, backend, tmp_path, vnu):
    if backend != "sqlite":
        pytest.skip("the HTML does not depend on the database: checked once, on SQLite")
    languages = app.config["LANGUAGES"]
    organiser = make_user(app, role=Role.ORGANISER, name="Olivia Organiser")
    moderator = make_user(app, role=Role.MODERATOR, name="Mo Moderator")
    resident = make_user(app, name="Lotte Resident")
    theme_less = make_consultation(app, organisers=[organiser], title={"nl": "Klimaatplan", "en": "Climate plan"})
    fallback = make_consultation(app, title={"nl": "Alleen Nederlands"}, summary={"nl": "Enkel in het Nederlands."})
    closed = make_consultation(app, status="closed", organisers=[organiser])
    single = make_question(app, theme_less, help={"nl": "Kies er een.", "en": "Choose one."})
    make_question(app, theme_less, "multiple", max_choices=2)
    make_question(app, theme_less, "ranking")
    make_question(app, fallback, prompt={"nl": "Enkel Nederlands?"}, labels=[{"nl": "Ja"}, {"nl": "Nee"}])
    for kind in ("single", "ranking", "scale"):
        bulk_ballots(app, make_question(app, closed, kind), 4)
    comment = make_comment(app, theme_less, resident)
    make_comment(app, theme_less, make_user(app), alignment="against")
    event = make_event(
        app,
        consultation=theme_less,
        ask_dietary=True,
        free_question={"nl": "Wat wil je bespreken?"},
        capacity=1,
    )
    full = make_event(app, capacity=1)
    make_event(app, when="past")

    # A suspended resident who appealed (the suspension and appeal pages).
    suspended = make_user(app, name="Sam Suspended")
    with app.test_request_context("/nl/", method="POST"):
        record = moderation_services.suspend_user(
            db.session.get(User, moderator.id), db.session.get(User, suspended.id), None, "Herhaalde reclame"
        )
        suspension_appeal = moderation_services.appeal_suspension(
            db.session.get(User, suspended.id), record, "Het was geen reclame, maar een tip."
        ).id
        db.session.commit()

    pages = Pages(app, tmp_path)
    visitor, person = pages.client(), pages.client(resident)
    appellant = pages.client(suspended)
    # The resident takes the only place: visitors see a full event with a waiting list.
    person.submit(f"/nl/events/{full.id}", {}, action=f"/nl/events/{full.id}/register")
    staff, moderating = pages.client(organiser), pages.client(moderator)
    for lang in languages:
        # Public pages, as a visitor.
        for url in (
            f"/{lang}/",
            f"/{lang}/consultations/",
            f"/{lang}/consultations/?q=klimaat",
            f"/{lang}/consultations/{theme_less.slug}",
            f"/{lang}/consultations/{fallback.slug}",
            f"/{lang}/consultations/{closed.slug}",
            f"/{lang}/consultations/{closed.slug}/results",
            f"/{lang}/consultations/{theme_less.slug}/comments",
            f"/{lang}/events/",
            f"/{lang}/events/?when=past",
            f"/{lang}/events/{event.id}",
            f"/{lang}/events/{full.id}",
            f"/{lang}/account/login",
            f"/{lang}/account/signup",
            f"/{lang}/privacy",
            f"/{lang}/transparency/",
            f"/{lang}/consultations/{theme_less.slug}/moderation",
        ):
            pages.get(visitor, url)
        pages.get(visitor, f"/{lang}/no-such-page", status=404)
        # Forms shown again with their errors.
        pages.submit(visitor, f"/{lang}/account/signup", {}, f"/{lang}/account/signup", 422, f"{lang}/signup-errors")
        pages.submit(
            visitor,
            f"/{lang}/events/{event.id}",
            {"email": "not an address"},
            f"/{lang}/events/{event.id}/guest",
            422,
            f"{lang}/guest-registration-errors",
        )
        # A resident: the ballot forms, a refused vote, their own pages.
        pages.get(person, f"/{lang}/consultations/{theme_less.slug}", name=f"{lang}/resident-consultation")
        pages.submit(
            person,
            f"/{lang}/consultations/{theme_less.slug}",
            {},
            f"/{lang}/consultations/{theme_less.slug}/questions/{single.id}",
            422,
            f"{lang}/vote-errors",
        )
        pages.get(person, f"/{lang}/comments/{comment.id}/edit", name=f"{lang}/comment-edit")
        pages.get(person, f"/{lang}/comments/{comment.id}/reply", name=f"{lang}/comment-reply")
        pages.get(person, f"/{lang}/comments/{comment.id}/delete", name=f"{lang}/comment-delete-asks-first")
        pages.get(visitor, f"/{lang}/comments/{comment.id}/replies", name=f"{lang}/comment-replies")
        pages.get(person, f"/{lang}/account/", name=f"{lang}/account")
        pages.get(person, f"/{lang}/account/participation", name=f"{lang}/participation")
        pages.get(person, f"/{lang}/events/mine", name=f"{lang}/events-mine")
        pages.get(person, f"/{lang}/account/suspension", name=f"{lang}/suspension-none")
        pages.get(appellant, f"/{lang}/account/suspension", name=f"{lang}/suspension-appealed")
        pages.submit(
            appellant,
            f"/{lang}/account/suspension",
            {"text": "Nog een keer, met meer uitleg."},
            f"/{lang}/account/suspension",
            409,
            f"{lang}/suspension-appeal-refused",
        )
        # The back office, as an organiser.
        for url in (
            f"/{lang}/organise/",
            f"/{lang}/organise/new",
            f"/{lang}/organise/{theme_less.id}",
            f"/{lang}/organise/consultations/{theme_less.slug}/questions/",
            f"/{lang}/organise/consultations/{theme_less.slug}/questions/new",
            f"/{lang}/organise/consultations/{theme_less.slug}/questions/{single.id}/edit",
            f"/{lang}/organise/events/",
            f"/{lang}/organise/events/new",
            f"/{lang}/organise/events/{event.id}/edit",
            f"/{lang}/organise/events/{event.id}/attendees",
            f"/{lang}/organise/events/{event.id}/check-in",
            f"/{lang}/organise/events/{event.id}/message",
            f"/{lang}/organise/events/{event.id}/report",
            f"/{lang}/organise/events/{event.id}/cancel",
            f"/{lang}/consultations/{theme_less.slug}/comments/statistics",
        ):
            pages.get(staff, url, name=f"organiser{url}")
        pages.submit(staff, f"/{lang}/organise/new", {}, f"/{lang}/organise/new", 422, f"{lang}/organise-new-errors")
        pages.submit(
            staff,
            f"/{lang}/organise/events/new",
            {"capacity": "-1"},
            f"/{lang}/organise/events/new",
            422,
            f"{lang}/organise-event-errors",
        )
        # Moderation.
        for url in (
            f"/{lang}/moderate/",
            f"/{lang}/moderate/comments/{comment.id}",
            f"/{lang}/moderate/log",
            f"/{lang}/moderate/appeals",
            f"/{lang}/moderate/people/{suspended.id}",
            f"/{lang}/moderate/suspension-appeals/{suspension_appeal}",
        ):
            pages.get(moderating, url, name=f"moderator{url}")

    report = [
        f"{page_of(pages, m)}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()[:120]}]"
        for m in run_checker(vnu, list(pages.files))
    ]
    assert not report, f"{len(report)} HTML errors on {len(pages.files)} pages:\n" + "\n".join(report)
