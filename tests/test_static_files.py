"""Static files as production serves them (core/static_files.py): hashed names that browsers keep
for a year, stylesheets whose fonts and images are hashed too, gzip or Brotli as the browser
accepts, and Flask's plain static files when nothing was built."""

from __future__ import annotations

import gzip
import json
import re

import brotli
import pytest
from flask import url_for

from participation import create_app
from participation.core.static_files import build
from tests.conftest import TEST_CONFIG

STYLESHEET = (
    "@font-face{font-family:Fira;src:url(../fonts/fira.woff2?v=3) format('woff2'),"
    "url('../fonts/fira.woff#iefix')}\n"
    '.logo{background:url("../img/logo.svg")}\n'
    ".inline{background:url(\"data:image/svg+xml;charset=utf-8,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E\")}\n"
    ".gone{background:url(../img/missing.png)}\n"
) + ".rule{color:#123456}\n" * 200  # long enough to be worth compressing


@pytest.fixture
def source(tmp_path):
    root = tmp_path / "static"
    (root / "css").mkdir(parents=True)
    (root / "fonts").mkdir()
    (root / "img").mkdir()
    (root / "css" / "site.css").write_text(STYLESHEET)
    (root / "fonts" / "fira.woff2").write_bytes(b"wOF2 font")
    (root / "fonts" / "fira.woff").write_bytes(b"wOFF font")
    (root / "img" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'></svg>")
    (root / ".stamp").write_text("make's")
    return root


def test_every_file_gets_a_content_hashed_name_in_the_manifest(source, tmp_path):
    target = tmp_path / "build"
    paths = build(source, target)

    assert set(paths) == {"css/site.css", "fonts/fira.woff2", "fonts/fira.woff", "img/logo.svg"}
    assert re.fullmatch(r"fonts/fira\.[0-9a-f]{12}\.woff2", paths["fonts/fira.woff2"])
    assert json.loads((target / "manifest.json").read_text())["paths"] == paths
    for name, hashed in paths.items():
        assert (target / name).read_bytes() == (target / hashed).read_bytes()


def test_a_stylesheet_links_to_the_hashed_fonts_and_images_keeping_query_and_fragment(source, tmp_path):
    paths = build(source, tmp_path / "build")
    css = (tmp_path / "build" / paths["css/site.css"]).read_text()

    font, old_font, logo = (
        paths[name].split("/")[1] for name in ("fonts/fira.woff2", "fonts/fira.woff", "img/logo.svg")
    )
    assert f"url(../fonts/{font}?v=3)" in css
    assert f"url('../fonts/{old_font}#iefix')" in css
    assert f'url("../img/{logo}")' in css
    assert "url(../img/missing.png)" in css  # not ours to rename: left as it was
    assert "xmlns='http://www.w3.org/2000/svg'/%3E\")" in css  # an inline image untouched


def test_a_changed_font_changes_the_stylesheet_hash_too(source, tmp_path):
    first = build(source, tmp_path / "build")
    (source / "fonts" / "fira.woff2").write_bytes(b"wOF2 font, new version")
    second = build(source, tmp_path / "build")

    assert second["fonts/fira.woff2"] != first["fonts/fira.woff2"]
    assert second["css/site.css"] != first["css/site.css"]
    assert second["img/logo.svg"] == first["img/logo.svg"]
    # A page cached before the change still finds the stylesheet it names.
    assert (tmp_path / "build" / first["css/site.css"]).is_file()


def test_text_is_stored_compressed_and_fonts_are_not(source, tmp_path):
    target = tmp_path / "build"
    paths = build(source, target)

    css = (target / paths["css/site.css"]).read_bytes()
    assert gzip.decompress((target / (paths["css/site.css"] + ".gz")).read_bytes()) == css
    assert brotli.decompress((target / (paths["css/site.css"] + ".br")).read_bytes()) == css
    assert not (target / (paths["fonts/fira.woff2"] + ".gz")).exists()


def test_a_rewritten_file_loses_a_compressed_copy_that_no_longer_matches(source, tmp_path):
    target = tmp_path / "build"
    build(source, target)
    assert (target / "css" / "site.css.gz").exists()
    (source / "css" / "site.css").write_text("a{}")  # too short to be worth compressing

    build(source, target)

    assert not (target / "css" / "site.css.gz").exists()


def fetch(app, url: str, **headers):
    """GET a static file, read it whole and close it (WhiteNoise answers with an open file)."""
    with app.test_client().get(url, headers=headers) as response:
        response.get_data()
        return response


@pytest.fixture
def served(source, tmp_path, database_url):
    target = tmp_path / "build"
    paths = build(source, target)
    app = create_app(
        {**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url, "SERVE_BUILT_STATIC": True, "STATIC_BUILD_DIR": target}
    )
    return app, paths


def test_pages_link_to_hashed_names_that_are_cached_for_a_year(served):
    app, paths = served
    with app.test_request_context():
        url = url_for("static", filename="css/site.css")
    assert url == "/static/" + paths["css/site.css"]

    response = fetch(app, url)

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "max-age=31536000, public, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_browser_gets_brotli_or_gzip_as_it_accepts(served):
    app, paths = served
    url = "/static/" + paths["css/site.css"]

    as_brotli = fetch(app, url, **{"Accept-Encoding": "gzip, deflate, br"})
    as_gzip = fetch(app, url, **{"Accept-Encoding": "gzip"})
    plain = fetch(app, url)

    assert as_brotli.headers["Content-Encoding"] == "br" and "Accept-Encoding" in as_brotli.headers["Vary"]
    assert brotli.decompress(as_brotli.data) == plain.data
    assert as_gzip.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(as_gzip.data) == plain.data
    assert "Content-Encoding" not in plain.headers


def test_an_unhashed_name_is_still_served_but_only_kept_an_hour(served):
    app, _ = served
    response = fetch(app, "/static/css/site.css")

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "max-age=3600, public"


def test_without_a_build_flask_serves_static_files_under_their_own_names(tmp_path, database_url):
    app = create_app(
        {
            **TEST_CONFIG,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SERVE_BUILT_STATIC": True,
            "STATIC_BUILD_DIR": tmp_path,
        }
    )
    with app.test_request_context():
        url = url_for("static", filename="css/app.css")

    response = fetch(app, url)

    assert url == "/static/css/app.css" and response.status_code == 200


def test_a_developer_machine_serves_the_files_as_edited_even_with_a_build(source, tmp_path, database_url):
    build(source, tmp_path / "build")
    config = {**TEST_CONFIG, "TESTING": False, "APP_ENV": "development", "SQLALCHEMY_DATABASE_URI": database_url}
    app = create_app({**config, "STATIC_BUILD_DIR": tmp_path / "build"})

    with app.test_request_context():
        assert url_for("static", filename="css/site.css") == "/static/css/site.css"
    assert fetch(app, "/static/css/site.css").status_code == 404  # not in this app's static/
