"""Turkish, Arabic, Polish and Bulgarian: built, off by default, switched on by configuration;
Arabic reads right to left; a language without a complete catalog keeps the application down."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from participation import create_app
from participation.config import ConfigError
from participation.core.catalogs import check_catalogs, missing_messages
from participation.core.mail import queue_mail
from participation.extensions import db
from tests.conftest import TEST_CONFIG
from tests.factories import PASSWORD, make_user
from tests.support import FormClient, outbox, text

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
COMMUNITY_LANGUAGES = ["tr", "ar", "pl", "bg"]


@pytest.mark.parametrize("lang", COMMUNITY_LANGUAGES)
def test_each_community_language_has_a_complete_catalog_and_is_off_by_default(client, lang):
    assert missing_messages(lang, TRANSLATIONS) == ()
    assert client.get(f"/{lang}/").status_code == 404  # built, but not offered unless configured


@pytest.fixture
def all_languages_app(extra_app):
    return extra_app(LANGUAGES=["nl", "en", "fr", *COMMUNITY_LANGUAGES])


@pytest.mark.parametrize("lang", COMMUNITY_LANGUAGES)
def test_a_configured_language_is_offered_in_its_own_words(all_languages_app, lang):
    page = text(all_languages_app.test_client().get(f"/{lang}/"))
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}"' in page
    assert 'hreflang="ar"' in page and "العربية" in page and "Türkçe" in page  # the switcher names each
    assert "Participation" not in page.split("<main", 1)[1][:2000] or lang == "en"


def test_arabic_reads_right_to_left_and_keeps_addresses_left_to_right(all_languages_app):
    user = make_user(all_languages_app, email="resident@example.org")
    client = FormClient(all_languages_app.test_client())
    client.login(user.email, PASSWORD, lang="ar")
    profile = text(client.get("/ar/account/"))
    assert '<html lang="ar" dir="rtl"' in profile
    assert '<span dir="ltr">resident@example.org</span>' in profile


def test_a_mail_in_arabic_is_marked_right_to_left(all_languages_app):
    person = make_user(all_languages_app, email="mail-ar@example.org", language="ar")
    with all_languages_app.test_request_context("/ar/"):
        person = db.session.merge(person)
        queue_mail(person.email, "email_changed", "ar", user=person, new_email="new@example.org")
        db.session.commit()
    [mail] = outbox(all_languages_app, "mail-ar@example.org")
    assert '<html lang="ar" dir="rtl">' in mail.body_html


def test_the_application_refuses_a_language_without_a_complete_catalog(tmp_path, database_url):
    with pytest.raises(ConfigError, match="xx: no compiled catalog"):
        create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url, "LANGUAGES": ["nl", "xx"]})
    # A catalog with one message left untranslated is refused too, naming the language and the count.
    shutil.copy(TRANSLATIONS / "messages.pot", tmp_path / "messages.pot")
    po = tmp_path / "pl" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    source = (TRANSLATIONS / "pl" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    first_translated = source.index('msgstr "', source.index('msgid "', source.index('msgid ""') + 9))
    end = source.index("\n", first_translated)
    po.write_text(source[:first_translated] + 'msgstr ""' + source[end:], encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "compile", "-d", str(tmp_path), "-l", "pl"],
        check=True,
    )
    with pytest.raises(ConfigError, match=r"pl: 1 message\(s\) untranslated"):
        check_catalogs(["pl"], tmp_path)
    check_catalogs(["nl", "en", "fr"], TRANSLATIONS)  # the real ones pass
