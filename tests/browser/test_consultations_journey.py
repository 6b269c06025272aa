"""Issue 3, done: an organiser creates a consultation in Dutch and English and publishes it; a visitor
finds it by theme and by search in both languages and sees the Dutch fallback marked in French;
the organiser closes it and publishes results and feedback, which the visitor then reads.
axe-core finds no violation on any page of the journey, in the language it is visited in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from participation.core.time import to_brussels, utcnow
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser

SLUG = "fietsbruggen-europa"
TITLE_NL = "Fietsbruggen met Europese steun"
TITLE_EN = "Cycle bridges with European support"


def local(moment):
    return to_brussels(moment).strftime("%Y-%m-%dT%H:%M")


def axe_clean(page, axe_source, where: str) -> None:
    violations = axe_violations(page, axe_source)
    assert violations == [], f"axe on {where} ({page.url}): {violations}"


def log_in(page, axe_source, email, password):
    page.goto("/nl/account/login")
    axe_clean(page, axe_source, "login (nl)")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/nl/")


def create_and_publish(page, axe_source):
    page.goto("/nl/organise/")
    axe_clean(page, axe_source, "organiser's list (nl)")
    page.get_by_role("link", name="Nieuwe bevraging").click()
    expect(page.get_by_label("Webadres (slug)")).to_have_count(1)  # the form, not the list
    axe_clean(page, axe_source, "new consultation form (nl)")
    page.get_by_label("Webadres (slug)").fill(SLUG)
    page.get_by_label("Opent (Brusselse tijd)").fill(local(utcnow() - timedelta(hours=1)))
    page.get_by_label("Sluit (Brusselse tijd)").fill(local(utcnow() + timedelta(days=10)))
    page.locator("#title_nl").fill(TITLE_NL)
    page.locator("#summary_nl").fill("Welke fietsbrug bouwt Gent eerst?")
    page.locator("#body_nl").fill("## Waarover\n\nDe stad vraagt Europese steun voor **fietsbruggen** over de Schelde.")
    page.locator("#title_en").fill(TITLE_EN)
    page.locator("#summary_en").fill("Which cycle bridge should Ghent build first?")
    page.locator("#body_en").fill("## About\n\nThe city is asking for European support for **cycle bridges**.")
    page.get_by_label("Klimaat en de Europese Green Deal").check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_load_state()  # the whole page, not the part parsed so far
    content = page.content()
    assert "Nederlands – volledig" in content and "English – volledig" in content
    assert "Français – onvolledig" in content
    axe_clean(page, axe_source, "editor of a draft (nl)")
    page.get_by_role("button", name="Publiceren (of plannen als de opening later is)").click()
    expect(page.get_by_role("status").first).to_contain_text("De bevraging is gepubliceerd.", use_inner_text=True)
    return page.url  # the editor's address


def search(visitor, axe_source, lang, label, button, query, title):
    visitor.goto(f"/{lang}/consultations/")
    visitor.get_by_label(label).fill(query)
    visitor.get_by_role("button", name=button).click()
    expect(visitor.get_by_role("link", name=title), f"{lang} {query}").to_have_count(1)
    axe_clean(visitor, axe_source, f"search results ({lang})")


def test_organiser_publishes_visitors_find_it_and_read_the_results(page, browser, live_server, axe_source):
    log_in(page, axe_source, "organisator@demo.example", "demo-organisator-2026")
    editor = create_and_publish(page, axe_source)

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.set_default_timeout(15000)
    # By theme, in Dutch.
    visitor.goto("/nl/consultations/")
    axe_clean(visitor, axe_source, "catalogue (nl)")
    visitor.get_by_label("Thema").select_option("climate-green-deal")
    visitor.get_by_role("button", name="Bevragingen tonen").click()
    expect(visitor.get_by_role("link", name=TITLE_NL)).to_have_count(1)
    assert "theme=climate-green-deal" in visitor.url
    axe_clean(visitor, axe_source, "catalogue filtered by theme (nl)")
    # By theme, in English.
    visitor.goto("/en/consultations/?theme=climate-green-deal")
    expect(visitor.get_by_role("link", name=TITLE_EN)).to_have_count(1)
    axe_clean(visitor, axe_source, "catalogue filtered by theme (en)")
    # By search in both languages: words in another order, another form of a word.
    search(visitor, axe_source, "nl", "Zoeken", "Bevragingen tonen", "Schelde fietsbrug", TITLE_NL)
    search(visitor, axe_source, "en", "Search", "Show consultations", "bridge cycle", TITLE_EN)
    visitor.get_by_role("link", name=TITLE_EN).click()
    expect(visitor.locator("h1")).to_have_text(TITLE_EN, use_inner_text=True)
    axe_clean(visitor, axe_source, "consultation page (en)")
    # French has no translation: the Dutch text is shown, marked as Dutch, with a note.
    visitor.goto("/fr/consultations/?q=fietsbruggen")
    card = visitor.locator("h3.teaser-title", has_text=TITLE_NL)
    expect(card.locator("span[lang=nl]")).to_have_text(TITLE_NL, use_inner_text=True)
    expect(card).to_contain_text("disponible uniquement en néerlandais", use_inner_text=True)
    axe_clean(visitor, axe_source, "search results with Dutch fallback (fr)")
    visitor.goto(f"/fr/consultations/{SLUG}")
    expect(visitor.locator("h1 span[lang=nl]")).to_have_text(TITLE_NL, use_inner_text=True)
    expect(visitor.locator("h1 + p.fallback-note")).to_have_text(
        "(disponible uniquement en néerlandais)", use_inner_text=True
    )
    expect(visitor.locator("div.rich-text[lang=nl]")).to_have_count(1)
    axe_clean(visitor, axe_source, "consultation page with Dutch fallback (fr)")

    # The organiser closes it, writes the results and feedback, and publishes them.
    page.goto(editor)
    page.get_by_role("link", name="Nu afsluiten").click()  # it asks first, on a page of its own
    expect(page.get_by_role("button", name="Deze bevraging afsluiten")).to_have_count(1)
    axe_clean(page, axe_source, "closing asks first (nl)")
    page.get_by_role("button", name="Deze bevraging afsluiten").click()
    expect(page.get_by_role("status").first).to_contain_text("De bevraging is afgesloten.", use_inner_text=True)
    page.wait_for_load_state()  # the whole page, not the part parsed so far
    assert "English – onvolledig" in page.content()  # results and feedback now count
    axe_clean(page, axe_source, "editor of a closed consultation (nl)")
    page.locator("#results_nl").fill("Bijna 300 mensen kozen de **Scheldebrug** als eerste.")
    page.locator("#feedback_nl").fill("De stad vraagt nu Europese steun aan voor de Scheldebrug.")
    page.locator("#results_en").fill("Almost 300 people chose the **Scheldt bridge** first.")
    page.locator("#feedback_en").fill("The city is now applying for European support for the Scheldt bridge.")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("Je wijzigingen zijn bewaard.", use_inner_text=True)
    page.wait_for_load_state()  # the whole page, not the part parsed so far
    assert "English – volledig" in page.content()
    page.get_by_role("button", name="Resultaten en terugkoppeling publiceren").click()
    expect(page.get_by_role("status").first).to_contain_text("De resultaten zijn gepubliceerd.", use_inner_text=True)
    axe_clean(page, axe_source, "editor with published results (nl)")

    visitor.goto(f"/en/consultations/{SLUG}")
    expect(visitor.get_by_role("heading", name="What residents said")).to_have_count(1)
    expect(visitor.get_by_role("heading", name="What the city did with your input")).to_have_count(1)
    main = visitor.locator("main").inner_text()
    assert "Almost 300 people chose the Scheldt bridge first." in main
    assert "The city is now applying for European support for the Scheldt bridge." in main
    axe_clean(visitor, axe_source, "consultation page with results (en)")
    visitor.goto("/nl/consultations/?q=fietsbruggen&status=results")
    expect(visitor.get_by_role("link", name=TITLE_NL)).to_have_count(1)
    visitor.goto(f"/nl/consultations/{SLUG}")
    expect(visitor.locator("main")).to_contain_text("Wat de stad met je inbreng deed", use_inner_text=True)
    axe_clean(visitor, axe_source, "consultation page with results (nl)")
    visitor.context.close()
