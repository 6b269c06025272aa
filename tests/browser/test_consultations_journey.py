"""An organiser publishes a consultation in Dutch and English; visitors find it by theme and search."""

from __future__ import annotations

from datetime import timedelta

import pytest

from participation.core.time import to_brussels, utcnow

pytestmark = pytest.mark.browser


def log_in(page, email, password):
    page.goto("/nl/account/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/nl/")


def local(moment):
    return to_brussels(moment).strftime("%Y-%m-%dT%H:%M")


def test_organiser_publishes_and_visitors_find_it(page, browser, live_server):
    log_in(page, "organisator@demo.example", "demo-organisator-2026")
    page.goto("/nl/organise/")
    page.get_by_role("link", name="Nieuwe bevraging").click()
    page.get_by_label("Webadres (slug)").fill("fietsbruggen-europa")
    page.get_by_label("Opent (Brusselse tijd)").fill(local(utcnow() - timedelta(hours=1)))
    page.get_by_label("Sluit (Brusselse tijd)").fill(local(utcnow() + timedelta(days=10)))
    page.locator("#title_nl").fill("Fietsbruggen met Europese steun")
    page.locator("#summary_nl").fill("Welke fietsbrug bouwt Gent eerst?")
    page.locator("#body_nl").fill("## Waarover\n\nDe stad vraagt Europese steun voor **fietsbruggen**.")
    page.locator("#title_en").fill("Cycle bridges with European support")
    page.locator("#summary_en").fill("Which cycle bridge should Ghent build first?")
    page.locator("#body_en").fill("## About\n\nThe city is asking for European support for **cycle bridges**.")
    page.get_by_label("Klimaat en de Europese Green Deal").check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    assert "Nederlands – volledig" in page.content() and "English – volledig" in page.content()
    page.get_by_role("button", name="Publiceren (of plannen als de opening later is)").click()
    assert "De bevraging is gepubliceerd." in page.get_by_role("status").first.inner_text()

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto("/nl/consultations/")
    visitor.get_by_label("Thema").select_option("climate-green-deal")
    visitor.get_by_role("button", name="Bevragingen tonen").click()
    assert visitor.get_by_role("link", name="Fietsbruggen met Europese steun").count() == 1
    visitor.goto("/en/consultations/")
    visitor.get_by_label("Search").fill("cycle bridge")
    visitor.get_by_role("button", name="Show consultations").click()
    visitor.get_by_role("link", name="Cycle bridges with European support").click()
    assert visitor.locator("h1").inner_text() == "Cycle bridges with European support"
    visitor.goto("/fr/consultations/fietsbruggen-europa")
    heading = visitor.locator("h1 span[lang=nl]")
    assert heading.inner_text() == "Fietsbruggen met Europese steun"
    assert "disponible uniquement en néerlandais" in visitor.locator("h1").inner_text()


def test_published_results_and_feedback_are_shown(page):
    page.goto("/en/consultations/zustersteden-kanazawa")
    assert page.get_by_role("heading", name="What residents said").count() == 1
    assert page.get_by_role("heading", name="What the city did with your input").count() == 1
    assert "Kanazawa" in page.locator("main").inner_text()
