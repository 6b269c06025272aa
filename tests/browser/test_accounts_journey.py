"""A person signs up, verifies, logs in, switches language and resets a password in Chromium."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_sign_up_verify_log_in_and_switch_language(page, live_server):
    page.goto("/nl/")
    page.get_by_role("link", name="Registreren").first.click()
    page.get_by_label("E-mailadres").fill("browser-person@example.org")
    page.get_by_label("Naam bij je bijdragen").fill("Browser Persoon")
    page.get_by_label("Wachtwoord").fill("fietsen langs de Leie in de lente")
    page.get_by_label(re.compile("privacyverklaring")).check()
    page.get_by_role("button", name="Mijn account aanmaken").click()
    page.wait_for_url("**/nl/account/check-your-email")
    assert page.get_by_role("heading", level=1).inner_text() == "Bekijk je e-mail"

    page.goto(live_server.latest_mail_link("browser-person@example.org", "/account/verify/"))
    page.get_by_role("button", name="Mijn e-mailadres bevestigen").click()
    page.wait_for_url("**/nl/account/login")
    assert "bevestigd" in page.get_by_role("status").first.inner_text()

    page.get_by_label("E-mailadres").fill("browser-person@example.org")
    page.get_by_label("Wachtwoord").fill("fietsen langs de Leie in de lente")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/nl/")
    page.goto("/nl/account/")
    assert page.get_by_text("browser-person@example.org").count() >= 1

    page.locator("a[hreflang='en']").first.click()
    page.wait_for_url("**/en/account/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "My account"


def test_form_errors_are_announced_and_tied_to_their_fields(page):
    page.goto("/en/account/signup")
    page.get_by_label("E-mail address").fill("not-an-address")
    page.get_by_role("button", name="Create my account").click()
    summary = page.get_by_role("alert").first
    assert "There is a problem" in summary.inner_text()
    email = page.get_by_label("E-mail address")
    assert email.get_attribute("aria-invalid") == "true"
    described = email.get_attribute("aria-describedby")
    assert described and "Enter an e-mail address like" in page.locator(
        "#" + [i for i in described.split() if i.endswith("-error")][0]).inner_text()
    assert email.input_value() == "not-an-address"


def test_reset_password_by_mail(page, live_server):
    page.goto("/fr/account/reset")
    page.get_by_label("Adresse e-mail").fill("inwoner4@demo.example")
    page.get_by_role("button", name="Envoyez-moi un lien").click()
    page.wait_for_url("**/fr/account/login")
    page.goto(live_server.latest_mail_link("inwoner4@demo.example", "/account/reset/"))
    page.get_by_label("Nieuw wachtwoord", exact=True).fill("een nieuwe zin voor de demo")
    page.get_by_label("Herhaal het nieuwe wachtwoord").fill("een nieuwe zin voor de demo")
    page.get_by_role("button", name="Mijn nieuwe wachtwoord bewaren").click()
    # The mail, and so the link, is in the account's language (Dutch for this person).
    page.wait_for_url("**/nl/account/login")
    page.get_by_label("E-mailadres").fill("inwoner4@demo.example")
    page.get_by_label("Wachtwoord").fill("een nieuwe zin voor de demo")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/nl/")
