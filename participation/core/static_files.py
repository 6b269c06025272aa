"""Static files as production serves them: fingerprinted names, pre-compressed, cached for a year.

`make setup` runs `python -m participation.core.static_files static build/static`, which copies
static/ into build/static/ twice over: under each file's own name and under a name carrying a hash
of its content (main.css -> main.3f2a9c0d41b7.css), with the links inside stylesheets (fonts,
images) pointing at the hashed names. It writes gzip and Brotli versions next to every file worth
compressing, and manifest.json, the map from names to hashed names. See docs/static-assets.md.

With the manifest, the app answers /static/ through WhiteNoise from build/static/ (in gunicorn, no
proxy needed): the compressed version the browser accepts, and a year's `immutable` cache lifetime
for hashed names, which change whenever the content does. `url_for('static', filename=...)` then
gives the hashed name. Without a manifest (a fresh checkout), on a developer's machine and in tests
Flask serves static/ as it is, so an edited stylesheet shows at once; SERVE_BUILT_STATIC=True
(the browser tests) or False overrides that choice.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import re
import sys
from pathlib import Path

from flask import Flask

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
# A hashed name never changes content: browsers and proxies may keep it for a year unasked.
IMMUTABLE = "max-age=31536000, public, immutable"
# Unhashed names (a stale page may still link to one) are re-checked after an hour.
UNHASHED_MAX_AGE = 3600
HASH_LENGTH = 12

# url(...) in a stylesheet, quoted or not.
_CSS_URL = re.compile(r"""url\(\s*(?P<quote>['"]?)(?P<url>[^'")]+)(?P=quote)\s*\)""")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#|/)", re.IGNORECASE)


def default_build_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "build" / "static"


# --- Building (at set-up) ---------------------------------------------------------------------


def _source_files(source: Path) -> list[str]:
    """Every file under `source` as a relative POSIX path; hidden files and compressed copies left out."""
    names = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        if path.is_file() and not any(part.startswith(".") for part in relative.split("/")):
            if not relative.endswith((".gz", ".br")):
                names.append(relative)
    return names


def _hashed_name(name: str, content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    stem, dot, suffix = name.rpartition(".")
    if not dot or "/" in suffix:  # no extension
        return f"{name}.{digest}"
    return f"{stem}.{digest}.{suffix}"


class _Fingerprinter:
    """Hashes each file once; a stylesheet after the files it links to, whose names it rewrites."""

    def __init__(self, source: Path, names: list[str]):
        self.source = source
        self.names = set(names)
        self.hashed: dict[str, str] = {}
        self.contents: dict[str, bytes] = {}
        self._busy: set[str] = set()

    def fingerprint(self, name: str) -> str:
        if name in self.hashed:
            return self.hashed[name]
        content = (self.source / name).read_bytes()
        if name.endswith(".css") and name not in self._busy:
            self._busy.add(name)  # two stylesheets importing each other: the second keeps its link
            content = self._rewrite_css(name, content)
            self._busy.discard(name)
        self.contents[name] = content
        self.hashed[name] = _hashed_name(name, content)
        return self.hashed[name]

    def _rewrite_css(self, name: str, content: bytes) -> bytes:
        folder = posixpath.dirname(name)

        def replace(match: re.Match) -> str:
            url = match.group("url").strip()
            if _EXTERNAL.match(url):
                return match.group(0)  # data:, http(s):, root-relative or a fragment: left alone
            cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
            path, rest = url[:cut], url[cut:]
            target = posixpath.normpath(posixpath.join(folder, path))
            if target not in self.names:
                return match.group(0)
            hashed = self.fingerprint(target)
            relative = posixpath.relpath(hashed, folder or ".")
            quote = match.group("quote")
            return f"url({quote}{relative}{rest}{quote})"

        return _CSS_URL.sub(replace, content.decode("utf-8")).encode("utf-8")


def _write_if_changed(path: Path, content: bytes) -> bool:
    """Write `path` unless it holds `content` already; True when written.

    A rewritten file loses its old compressed versions: WhiteNoise would serve those otherwise.
    """
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in (".gz", ".br"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(content)
    os.replace(tmp, path)
    return True


def build(source: Path, target: Path) -> dict[str, str]:
    """Copy `source` into `target` under plain and hashed names, compress, write the manifest.

    Hashed files of earlier builds stay: a page cached before a deployment still finds its
    stylesheet.
    """
    from whitenoise.compress import Compressor

    names = _source_files(source)
    fingerprinter = _Fingerprinter(source, names)
    for name in names:
        fingerprinter.fingerprint(name)
    written = []
    for name in names:
        content = fingerprinter.contents[name]
        for output in (name, fingerprinter.hashed[name]):
            if _write_if_changed(target / output, content):
                written.append(target / output)
    compressor = Compressor(quiet=True)
    for path in written:
        if compressor.should_compress(path.name):
            compressor.compress(str(path))
    manifest = {"paths": dict(sorted(fingerprinter.hashed.items()))}
    _write_if_changed(target / MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"))
    return fingerprinter.hashed


# --- Serving ----------------------------------------------------------------------------------


def read_manifest(build_dir: Path) -> dict[str, str] | None:
    try:
        return json.loads((build_dir / MANIFEST).read_text("utf-8"))["paths"]
    except FileNotFoundError:
        return None


def _serve_built(app: Flask) -> bool:
    setting = app.config.get("SERVE_BUILT_STATIC")
    if setting is not None:
        return bool(setting)
    return not (app.testing or app.config.get("APP_ENV") == "development")


def serve_static_files(app: Flask) -> None:
    """Serve /static/ from the build through WhiteNoise, and link to hashed names (see above)."""
    if not _serve_built(app):
        return
    build_dir = Path(app.config.get("STATIC_BUILD_DIR") or default_build_dir())
    paths = read_manifest(build_dir)
    if paths is None:
        log.warning(
            "no %s in %s (run `make setup`): static files are served unhashed and uncompressed", MANIFEST, build_dir
        )
        return
    from whitenoise import WhiteNoise

    prefix = app.static_url_path.rstrip("/") + "/"
    immutable_urls = {prefix + hashed for hashed in paths.values()}

    def headers(headers, path, url):
        if url in immutable_urls:
            headers["Cache-Control"] = IMMUTABLE
        headers["X-Content-Type-Options"] = "nosniff"

    app.wsgi_app = WhiteNoise(
        app.wsgi_app,
        root=str(build_dir),
        prefix=prefix,
        max_age=UNHASHED_MAX_AGE,
        allow_all_origins=False,  # served from the site's own address, never from a CDN
        add_headers_function=headers,
    )

    @app.url_defaults
    def _hashed_static_names(endpoint, values):
        if endpoint == "static" and values.get("filename") in paths:
            values["filename"] = paths[values["filename"]]


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m participation.core.static_files SOURCE_DIR BUILD_DIR")
    hashed = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{len(hashed)} static files fingerprinted and compressed in {sys.argv[2]}")
