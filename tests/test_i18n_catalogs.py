"""Every interface string is in every catalog, translated, not fuzzy, with matching placeholders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
# Every catalog built, also of languages off by default (they must be complete to be switched on).
LANGUAGES = sorted(path.name for path in (ROOT / "translations").iterdir() if path.is_dir())


@pytest.fixture(scope="module")
def code_messages(tmp_path_factory):
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            # Babel skips folders starting with "_" by default; our _layout/ and _macros/ hold text too.
            "--ignore-dirs",
            ".* node_modules .venv",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with pot.open("rb") as f:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}


def load_catalog(lang):
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_has_every_string_of_the_code(code_messages, lang):
    catalog = load_catalog(lang)
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    missing = sorted(code_messages - ids)
    assert not missing, f"{len(missing)} strings missing in {lang}: {missing[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_is_fully_translated_and_not_fuzzy(lang):
    catalog = load_catalog(lang)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(message.id)
    assert not problems, f"{len(problems)} untranslated or fuzzy in {lang}: {problems[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_placeholders_match(lang):
    catalog = load_catalog(lang)
    errors = [(message.id, [str(e) for e in errs]) for message, errs in catalog.check()]
    assert not errors, errors[:10]
