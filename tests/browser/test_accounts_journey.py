"""A person signs up, verifies, logs in, switches language and resets a password in Chromium.

axe-core checks every page of the way, also right after a failed submit, in Dutch, English
and French: zero WCAG 2.1 AA violations.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


def assert_accessible(page, axe_source, state: str) -> None:
    violations = axe_violations(page, axe_source)
    assert violations == [], f"{state} ({page.url}): {violations}"


def test_sign_up_verify_log_in_and_switch_language(page, live_server, axe_source):
    page.goto("/nl/")
    page.get_by_role("link", name="Registreren").first.click()
    page.wait_for_url("**/nl/account/signup")
    assert_accessible(page, axe_source, "sign-up form (nl)")

    # A failed submit first: the weak password is refused, what was typed stays.
    page.get_by_label("E-mailadres").fill("browser-person@example.org")
    page.get_by_label("Naam bij je bijdragen").fill("Browser Persoon")
    page.get_by_label("Wachtwoord").fill("kort")
    page.get_by_role("button", name="Mijn account aanmaken").click()
    expect(page.get_by_role("alert").first).to_contain_text("Er is een probleem", use_inner_text=True)
    assert page.get_by_label("E-mailadres").input_value() == "browser-person@example.org"
    assert_accessible(page, axe_source, "sign-up form after a failed submit (nl)")

    page.get_by_label("Wachtwoord").fill("fietsen langs de Leie in de lente")
    page.get_by_label(re.compile("privacyverklaring")).check()
    page.get_by_role("button", name="Mijn account aanmaken").click()
    page.wait_for_url("**/nl/account/check-your-email")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekijk je e-mail", use_inner_text=True)
    assert_accessible(page, axe_source, "check your e-mail (nl)")

    page.goto(live_server.latest_mail_link("browser-person@example.org", "/account/verify/"))
    assert_accessible(page, axe_source, "verify (nl)")
    page.get_by_role("button", name="Mijn e-mailadres bevestigen").click()
    page.wait_for_url("**/nl/account/login")
    expect(page.get_by_role("status").first).to_contain_text("bevestigd", use_inner_text=True)
    assert_accessible(page, axe_source, "log-in form with a status message (nl)")

    page.get_by_label("E-mailadres").fill("browser-person@example.org")
    page.get_by_label("Wachtwoord").fill("niet het goede wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert").first).to_contain_text("klopt niet", use_inner_text=True)
    assert_accessible(page, axe_source, "log-in form after a failed submit (nl)")

    page.get_by_label("Wachtwoord").fill("fietsen langs de Leie in de lente")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/nl/")
    page.goto("/nl/account/")
    expect(page.get_by_text("browser-person@example.org").first).to_be_attached()
    assert_accessible(page, axe_source, "profile (nl)")

    page.locator("a[hreflang='en']").first.click()
    page.wait_for_url("**/en/account/")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", level=1)).to_have_text("My account", use_inner_text=True)
    assert_accessible(page, axe_source, "profile (en)")

    page.get_by_label("Current password").first.fill("not my password at all")
    page.get_by_label("New password").fill("another sentence for the Leie")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("alert").first).to_contain_text("not correct", use_inner_text=True)
    assert_accessible(page, axe_source, "profile after a failed password change (en)")
    # The switcher still leads to the profile, not to the home page.
    page.locator(".language-switcher a[hreflang='fr']").click()
    page.wait_for_url("**/fr/account/")


def test_form_errors_are_announced_and_tied_to_their_fields(page, axe_source):
    page.goto("/en/account/signup")
    assert_accessible(page, axe_source, "sign-up form (en)")
    page.get_by_label("E-mail address").fill("not-an-address")
    page.get_by_role("button", name="Create my account").click()
    summary = page.get_by_role("alert").first
    expect(summary).to_contain_text("There is a problem", use_inner_text=True)
    email = page.get_by_label("E-mail address")
    assert email.get_attribute("aria-invalid") == "true"
    described = email.get_attribute("aria-describedby")
    assert (
        described
        and "Enter an e-mail address like"
        in page.locator("#" + [i for i in described.split() if i.endswith("-error")][0]).inner_text()
    )
    assert email.input_value() == "not-an-address"
    assert_accessible(page, axe_source, "sign-up form after a failed submit (en)")


def test_reset_password_by_mail(page, live_server, axe_source):
    page.goto("/fr/account/login")
    assert_accessible(page, axe_source, "log-in form (fr)")
    page.goto("/fr/account/reset")
    assert_accessible(page, axe_source, "reset request (fr)")
    page.get_by_role("button", name="Envoyez-moi un lien").click()  # empty: refused
    assert page.get_by_label("Adresse e-mail").get_attribute("aria-invalid") == "true"
    assert_accessible(page, axe_source, "reset request after a failed submit (fr)")
    page.get_by_label("Adresse e-mail").fill("inwoner4@demo.example")
    page.get_by_role("button", name="Envoyez-moi un lien").click()
    page.wait_for_url("**/fr/account/login")
    assert_accessible(page, axe_source, "log-in form with the reset notice (fr)")

    page.goto(live_server.latest_mail_link("inwoner4@demo.example", "/account/reset/"))
    assert_accessible(page, axe_source, "reset form (nl)")
    page.get_by_label("Nieuw wachtwoord", exact=True).fill("een nieuwe zin voor de demo")
    page.get_by_label("Herhaal het nieuwe wachtwoord").fill("een andere zin voor de demo")
    page.get_by_role("button", name="Mijn nieuwe wachtwoord bewaren").click()
    expect(page.get_by_role("alert").first).to_contain_text("niet gelijk", use_inner_text=True)
    assert_accessible(page, axe_source, "reset form after a failed submit (nl)")
    # The reset link's page in French: the switcher keeps the token.
    page.locator(".language-switcher a[hreflang='fr']").click()
    page.wait_for_url("**/fr/account/reset/**")
    assert_accessible(page, axe_source, "reset form (fr)")
    page.get_by_label("Nouveau mot de passe", exact=True).fill("een nieuwe zin voor de demo")
    page.get_by_label(re.compile("Répétez")).fill("een nieuwe zin voor de demo")
    page.get_by_role("button", name=re.compile("mot de passe")).click()
    page.wait_for_url("**/fr/account/login")
    page.get_by_label("Adresse e-mail").fill("inwoner4@demo.example")
    page.get_by_label("Mot de passe", exact=True).fill("een nieuwe zin voor de demo")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/")
