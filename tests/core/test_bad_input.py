"""Text no database can store (NUL, lone surrogates) and impossible dates: a message, never a 500.

PostgreSQL refuses NUL in text, so these tests matter most on that backend; they run on both.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from werkzeug.datastructures import MultiDict

from participation.accounts.models import User
from participation.core.permissions import Role
from participation.core.time import to_brussels, utcnow
from participation.extensions import db
from tests.factories import PASSWORD, make_user
from tests.support import text

FIELD_MESSAGE = "Remove the invisible control characters from this text and try again."
ADDRESS_MESSAGE = "This address contains characters that are not allowed."
DATE_MESSAGE = {
    "en": "Enter a date and time like 2026-12-01 09:00.",
    "nl": "Vul een datum en uur in zoals 2026-12-01 09:00.",
}


def field_error(body: str, field_id: str) -> str:
    """The error text tied to a field (empty when there is none)."""
    marker = f'id="{field_id}-error"'
    if marker not in body:
        return ""
    return body.split(marker, 1)[1].split("</div>", 1)[0]


def test_login_with_nul_in_the_address_gets_a_message_next_to_the_field(app, client):
    make_user(app, email="ab@example.org")
    response = client.submit("/en/account/login", {"email": "a\x00b@example.org", "password": PASSWORD})
    assert response.status_code == 422
    body = text(response)
    assert FIELD_MESSAGE in field_error(body, "email")
    assert 'aria-invalid="true"' in body and "There is a problem" in body
    assert "\x00" not in body


def test_signup_with_nul_in_the_name_creates_nothing(app, client):
    response = client.submit(
        "/en/account/signup",
        {
            "email": "lotte@example.org",
            "display_name": "Lot\x00te",
            "password": "linden trees on the Kouter",
            "preferred_language": "en",
            "consent": "y",
        },
    )
    assert response.status_code == 422
    assert FIELD_MESSAGE in field_error(text(response), "display_name")
    assert 'value="lotte@example.org"' in text(response)  # what was fine is kept
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_profile_with_nul_in_the_name_changes_nothing(app, client):
    user = make_user(app, name="Lotte")
    client.login(user.email, PASSWORD)
    response = client.submit("/en/account/", {"display_name": "Lotte\x00", "preferred_language": "en"})
    assert response.status_code == 422 and FIELD_MESSAGE in text(response)
    with app.app_context():
        assert db.session.get(User, user.id).display_name == "Lotte"


@pytest.mark.parametrize(
    "url",
    [
        "/en/consultations/?q=a%00b",
        "/en/consultations/?a%00=1",
        "/en/consultations/a%00b",
        "/en/account/login?next=/en/%00",
    ],
)
def test_nul_in_the_address_gets_a_translated_400_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    body = text(response)
    assert ADDRESS_MESSAGE in body and 'id="main"' in body and '<html lang="en"' in body


def test_lone_surrogates_in_form_data_are_refused_next_to_the_field(app):
    """Browsers cannot send them (invalid UTF-8 becomes U+FFFD), but a decoded JSON body can."""
    from participation.accounts.forms import LoginForm

    with app.test_request_context("/en/account/login"):
        app.preprocess_request()
        form = LoginForm(
            formdata=MultiDict({"email": "a\ud800@example.org", "password": "x\udfff"}), meta={"csrf": False}
        )
        assert not form.validate()
        assert FIELD_MESSAGE in form.email.errors and FIELD_MESSAGE in form.password.errors


def test_fine_unicode_is_not_refused(app):
    from participation.accounts.forms import ProfileForm

    with app.test_request_context("/en/account/"):
        app.preprocess_request()
        form = ProfileForm(
            formdata=MultiDict({"display_name": "Zoë 🌷 ‮ Çağrı", "preferred_language": "en"}), meta={"csrf": False}
        )
        assert form.validate(), form.errors


def editor_data(**overrides):
    def local(moment):
        return to_brussels(moment).strftime("%Y-%m-%dT%H:%M")

    now = utcnow()
    data = {
        "slug": "jaar-een",
        "opens_at": local(now),
        "closes_at": local(now + timedelta(days=20)),
        "title_nl": "Titel",
        "summary_nl": "Samenvatting.",
        "body_nl": "Tekst.",
        "moderation_mode": "post",
    }
    return {**data, **overrides}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("value", ["0001-01-01T00:30", "1-01-01T00:00", "9999-12-31T23:59", "1899-12-31T23:00"])
def test_consultation_editor_refuses_impossible_years_with_the_date_message(app, client, lang, value):
    """Year 1 in Brussels time is before year 1 in UTC: converting it once crashed the editor."""
    organiser = make_user(app, role=Role.ORGANISER)
    client.login(organiser.email, PASSWORD)
    response = client.submit(f"/{lang}/organise/new", editor_data(opens_at=value))
    assert response.status_code == 422
    assert DATE_MESSAGE[lang] in field_error(text(response), "opens_at")


def test_consultation_editor_accepts_years_inside_the_bounds(app, client):
    organiser = make_user(app, role=Role.ORGANISER)
    client.login(organiser.email, PASSWORD)
    response = client.submit("/nl/organise/new", editor_data(opens_at="2026-12-01T09:00", closes_at="2200-01-01T00:00"))
    assert response.status_code == 303
