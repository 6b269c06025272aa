"""In a real browser: a city website (an allowed origin) frames an embed, and it shows; the same site
cannot frame any other page, and a site that is not allowed cannot frame the embed either."""

from __future__ import annotations

import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlalchemy as sa

from participation.consultations.models import Consultation, ConsultationState
from participation.events.models import Event
from participation.extensions import db
from tests.browser.conftest import AXE_TAGS, axe_violations

pytestmark = pytest.mark.browser


class HostSite:
    """Another website on the loopback interface (another port, so another origin) whose page
    frames the address it is told to. A real server: Chromium's local-network checks refuse a
    made-up site (a routed or public host) framing a page on 127.0.0.1."""

    def __init__(self):
        self.src = ""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body = (
                    '<!DOCTYPE html><html lang="nl"><title>Host</title>'
                    f'<iframe src="{html.escape(site.src)}" title="embed"></iframe></html>'
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def sites():
    city, other = HostSite(), HostSite()
    yield city, other
    city.close()
    other.close()


@pytest.fixture
def city_site_allowed(live_server, sites):
    app = live_server.app
    previous = app.config["EMBED_ORIGINS"]
    app.config["EMBED_ORIGINS"] = (sites[0].origin,)
    yield
    app.config["EMBED_ORIGINS"] = previous


def _demo(live_server) -> tuple[str, int]:
    with live_server.app.app_context():
        slug = db.session.scalar(
            sa.select(Consultation.slug).where(Consultation.state == ConsultationState.PUBLISHED).limit(1)
        )
        event_id = db.session.scalar(sa.select(Event.id).order_by(Event.id).limit(1))
    return slug, event_id


def _frame_shows(browser, live_server, host: HostSite, path: str) -> bool:
    """Open the host site's page that frames `path`; does the frame show our page?"""
    host.src = live_server.url + path
    context = browser.new_context(locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        page.goto(host.origin + "/")
        page.wait_for_load_state("load")
        frame = next((f for f in page.frames if f != page.main_frame), None)
        if frame is None or not frame.url.startswith(live_server.url):
            return False
        try:
            return frame.locator("main").count() > 0
        except Exception:
            return False
    finally:
        context.close()


def test_the_city_site_frames_an_embed_and_nothing_else(browser, live_server, sites, city_site_allowed):
    slug, event_id = _demo(live_server)
    city_site = sites[0]
    for path in (f"/nl/embed/consultations/{slug}", f"/en/embed/events/{event_id}", "/fr/embed/events/"):
        assert _frame_shows(browser, live_server, city_site, path), f"{path} did not show in the city's frame"
    for path in ("/nl/", f"/nl/consultations/{slug}", f"/nl/events/{event_id}", "/nl/open-data/", "/nl/account/login"):
        assert not _frame_shows(browser, live_server, city_site, path), f"{path} could be framed"


def test_another_site_cannot_frame_an_embed(browser, live_server, sites, city_site_allowed):
    slug, _event_id = _demo(live_server)
    city_site, other_site = sites
    assert _frame_shows(browser, live_server, city_site, f"/nl/embed/consultations/{slug}")
    assert not _frame_shows(browser, live_server, other_site, f"/nl/embed/consultations/{slug}")


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_the_open_data_page_and_the_embeds_have_no_axe_violations(browser, live_server, axe_source, lang):
    slug, event_id = _demo(live_server)
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    page = context.new_page()
    problems = {}
    try:
        for path in (
            f"/{lang}/open-data/",
            f"/{lang}/embed/consultations/",
            f"/{lang}/embed/consultations/{slug}",
            f"/{lang}/embed/events/",
            f"/{lang}/embed/events/{event_id}",
            f"/{lang}/embed/events/2147483647",
            f"/{lang}/consultations/{slug}",
            f"/{lang}/events/{event_id}",
        ):
            response = page.goto(path)
            assert response.status in (200, 404), path
            if "/embed/" in path or "open-data" in path:
                assert page.evaluate("() => document.documentElement.lang") == lang, path
            # The embed code's box is closed by default: open it so that axe checks its label too.
            page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
            if violations := axe_violations(page, axe_source, [*AXE_TAGS, "wcag22aa"]):
                problems[path] = violations
    finally:
        context.close()
    assert not problems, problems
