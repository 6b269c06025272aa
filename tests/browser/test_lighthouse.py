"""Lighthouse's mobile profile (a mid-range phone on a slow network, simulated) on the home page, a
consultation and an event: performance at least 0.9, SEO and accessibility 1.0.

The pages are served as in production: static files hashed, compressed and long cached through
WhiteNoise from build/static/ (`make setup`), in a live server of its own built like the shared
one (tests/browser/conftest.py) but with SERVE_BUILT_STATIC on.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.request
from pathlib import Path

import pytest

from participation import create_app
from participation.core.static_files import default_build_dir, read_manifest
from participation.extensions import db
from tests.browser.conftest import CHROMIUM, LiveServer, _unavailable
from tests.conftest import TEST_CONFIG

# Scored on speed: `make test` runs it alone, after the parallel run (see the Makefile).
pytestmark = [pytest.mark.browser, pytest.mark.quiet_machine]

LIGHTHOUSE = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "lighthouse"
TARGETS = {"performance": 0.9, "seo": 1.0, "accessibility": 1.0}
# The figures Lighthouse reports beside the performance score, for the failure message.
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium not found at {CHROMIUM}")
    if not LIGHTHOUSE.exists():
        _unavailable(f"Lighthouse not found at {LIGHTHOUSE} (run `make setup`)")
    if read_manifest(default_build_dir()) is None:
        _unavailable("no static build in build/static (run `make setup`)")
    db_path = tmp_path_factory.mktemp("lighthouse") / "live.db"
    app = create_app(
        {
            **TEST_CONFIG,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}",
            "PUBLIC_URL": "http://127.0.0.1",
            "SERVE_BUILT_STATIC": True,
        }
    )
    with app.app_context():
        db.create_all()
        from participation.demo.seed import seed_demo

        seed_demo()
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (the live server's http address)
        return response.read().decode()


def _a_page(server, listing: str, pattern: str) -> str:
    """The first item linked from a listing (the demo's consultations and events)."""
    html = _get(server.url + listing)
    return re.search(f'href="({pattern})"', html).group(1)


def lighthouse(url: str) -> dict:
    result = subprocess.run(  # noqa: S603 (our own Lighthouse on our own server's address)
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance,seo,accessibility",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def _shortfall(report: dict) -> str:
    """What kept the scores down: failing SEO and accessibility audits, the speed figures."""
    lines = []
    for name in ("seo", "accessibility"):
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lines.append(f"{name}: {audit['id']}: {audit['title']}")
    lines += [f"{key}: {report['audits'][key]['displayValue']}" for key in METRICS]
    return "\n".join(lines)


@pytest.mark.parametrize("page", ["home", "consultation", "event"])
def test_a_phone_on_a_slow_network_gets_a_fast_findable_accessible_page(production_server, page):
    path = {
        "home": lambda: "/nl/",
        "consultation": lambda: _a_page(production_server, "/nl/consultations/", r"/nl/consultations/[a-z0-9-]+"),
        "event": lambda: _a_page(production_server, "/nl/events/", r"/nl/events/[0-9]+"),
    }[page]()
    url = production_server.url + path
    _get(url)  # a visitor came before: the page cache holds it

    report = lighthouse(url)

    scores = {name: report["categories"][name]["score"] for name in TARGETS}
    print(url, scores, {key: report["audits"][key]["displayValue"] for key in METRICS})  # shown with -s
    assert all(scores[name] >= target for name, target in TARGETS.items()), f"{url}: {scores}\n{_shortfall(report)}"
