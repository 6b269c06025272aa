"""axe-core finds no WCAG 2.1 AA violation on any page of the site, in any language.

The pages are found by crawling from the home page, as a visitor and as each
role, so a new page is checked as soon as a link leads to it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from participation.demo.seed import DEMO_ACCOUNTS
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser

LANGUAGES = ["nl", "en", "fr"]
# Links that change state or leave the HTML site are not crawled.
SKIP = re.compile(r"/(logout|healthz)|\.(ics|csv|xml|atom|json|zip|png|svg)$|/static/")
MAX_PAGES_PER_CRAWL = 120


def pattern_of(url: str) -> str:
    """Pages of one kind (same template) are checked once: numbers and slugs collapse."""
    parts = urlsplit(url)
    path = re.sub(r"/\d+", "/N", parts.path)
    path = re.sub(r"/consultations/[^/]+", "/consultations/S", path)
    keys = ",".join(sorted(k.split("=")[0] for k in parts.query.split("&") if k))
    return f"{path}?{keys}"


def crawl(page, base_url: str, start: str) -> list[str]:
    """Visit pages reachable from `start` within the same language; return the visited URLs."""
    lang_prefix = "/" + start.strip("/").split("/")[0] + "/"
    queue, seen_patterns, visited = [start], set(), []
    while queue and len(visited) < MAX_PAGES_PER_CRAWL:
        url = queue.pop(0)
        key = pattern_of(url)
        if key in seen_patterns:
            continue
        seen_patterns.add(key)
        response = page.goto(url)
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        visited.append(url)
        yield url
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            if not href or href.startswith(("#", "mailto:", "tel:")):
                continue
            parts = urlsplit(href)
            if parts.netloc and parts.netloc != urlsplit(base_url).netloc:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target.startswith(lang_prefix) and not SKIP.search(target):
                queue.append(target)


def log_in(page, email: str, password: str):
    page.goto("/nl/account/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


ROLES = ["visitor", "resident", "organiser", "moderator", "admin"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations_on_any_page(browser, live_server, axe_source, lang, role):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    if role != "visitor":
        account = next(a for a in DEMO_ACCOUNTS if a.key == role)
        log_in(page, account.email, account.password)
    failures = {}
    checked = []
    for url in crawl(page, live_server.url, f"/{lang}/"):
        checked.append(url)
        violations = axe_violations(page, axe_source)
        if violations:
            failures[url] = violations
    context.close()
    assert len(checked) >= 5, checked
    assert not failures, failures


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations_on_error_states(browser, live_server, axe_source, lang):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    failures = {}
    for url in (f"/{lang}/account/signup", f"/{lang}/account/login", f"/{lang}/account/reset"):
        page.goto(url)
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_load_state()
        violations = axe_violations(page, axe_source)
        if violations:
            failures[url] = violations
    page.goto(f"/{lang}/no-such-page")
    if violations := axe_violations(page, axe_source):
        failures["404"] = violations
    context.close()
    assert not failures, failures
