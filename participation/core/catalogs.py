"""The application refuses to start with a language whose catalog is incomplete.

A language switched on in LANGUAGES must have a compiled catalog holding every message of the
template (translations/messages.pot): a half-translated language would show residents pages
mixing two languages. Checked once per compiled file (the result is kept per modification time).
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from participation.config import ConfigError


@cache
def _template_ids(pot: Path, _mtime: float) -> frozenset:
    with pot.open("rb") as file:
        catalog = read_po(file)
    ids = set()
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            ids.add((message.id[0], 0))
        else:
            ids.add(message.id)
    return frozenset(ids)


@cache
def _missing(mo: Path, _mtime: float, pot: Path, pot_mtime: float) -> tuple[str, ...]:
    with mo.open("rb") as file:
        translated = gettext.GNUTranslations(file)._catalog
    return tuple(
        sorted(
            str(key[0] if isinstance(key, tuple) else key) for key in _template_ids(pot, pot_mtime) - set(translated)
        )
    )


def missing_messages(lang: str, directory: Path) -> tuple[str, ...] | None:
    """The template's messages the language's compiled catalog lacks; None without a catalog."""
    pot = directory / "messages.pot"
    mo = directory / lang / "LC_MESSAGES" / "messages.mo"
    if not mo.exists():
        return None
    return _missing(mo, mo.stat().st_mtime, pot, pot.stat().st_mtime)


def check_catalogs(languages, directory: Path) -> None:
    """Raise ConfigError naming each configured language without a complete compiled catalog."""
    problems = []
    for lang in languages:
        missing = missing_messages(lang, directory)
        if missing is None:
            problems.append(f"{lang}: no compiled catalog ({directory / lang / 'LC_MESSAGES' / 'messages.mo'})")
        elif missing:
            problems.append(f"{lang}: {len(missing)} message(s) untranslated, e.g. {missing[0]!r}")
    if problems:
        raise ConfigError(
            "Refusing to start: every language in LANGUAGES needs a complete catalog "
            "(make i18n-update, translate, make i18n-compile): " + "; ".join(problems)
        )
