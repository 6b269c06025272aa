"""Content kept in TOML data files (reference data, demo content): reading and checking them.

People at the city edit these files, not programmers. So every mistake (a missing field, a
missing language, a value of the wrong kind, a misspelt field name) is reported with the file,
the entry and the field at fault, before anything reaches the database.
"""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Any

# Content files carry every text in all three languages of the city's site; the site itself may
# offer fewer (LANGUAGES in the configuration), the services keep the ones it offers.
CONTENT_LANGUAGES = ("nl", "en", "fr")
LANGUAGE_NAMES = {"nl": "Dutch", "en": "English", "fr": "French"}

_REQUIRED = object()


class ContentError(ValueError):
    """A data file cannot be used as it is; the message says where and what to fix."""


def read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        raise ContentError(f"{path}: the file is missing.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path.name}: not valid TOML ({exc}).") from None


def entries(path: Path, data: dict, name: str, ident: str | None = None) -> list[Entry]:
    """The [[name]] tables of a file, each as an Entry (at least one is required)."""
    tables = data.get(name)
    if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
        raise ContentError(f"{path.name}: expected one or more [[{name}]] entries.")
    return [Entry(path, _label(name, number, table, ident), table) for number, table in enumerate(tables, start=1)]


def _label(name: str, number: int, table: dict, ident: str | None) -> str:
    label = f"[[{name}]] entry {number}"
    if ident and isinstance(table.get(ident), str):
        label += f' ({ident} = "{table[ident]}")'
    return label


class Entry:
    """One table of a data file, read field by field. `done()` refuses fields nobody read (typos)."""

    def __init__(
        self, path: Path, label: str, table: dict, missing_on_purpose: frozenset[str] = frozenset(), prefix=""
    ):
        self.path, self.label, self.values = path, label, table
        self.missing_on_purpose, self.prefix = missing_on_purpose, prefix
        self._read: set[str] = set()

    @property
    def where(self) -> str:
        return f"{self.path.name}, {self.label}"

    def error(self, message: str) -> ContentError:
        return ContentError(f"{self.where}: {message}")

    def _get(self, name: str, default, kind: type | tuple, kind_name: str):
        self._read.add(name)
        if name not in self.values:
            if default is _REQUIRED:
                close = difflib.get_close_matches(name, [str(key) for key in self.values], n=1)
                hint = f' (is "{close[0]}" a typo?)' if close else ""
                raise self.error(f'the field "{name}" is missing{hint}.')
            return default
        value = self.values[name]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.error(f'"{name}" must be {kind_name}, not {value!r}.')
        return value

    def text(self, name: str, default: Any = _REQUIRED) -> str:
        value = self._get(name, default, str, "a text between quotes")
        if isinstance(value, str) and not value.strip():
            raise self.error(f'"{name}" is empty.')
        return value

    def integer(self, name: str, default: Any = _REQUIRED) -> int:
        return self._get(name, default, int, "a whole number")

    def flag(self, name: str, default: Any = _REQUIRED) -> bool:
        return self._get(name, default, bool, "true or false")

    def choice(self, name: str, allowed, default: Any = _REQUIRED) -> str:
        value = self.text(name, default)
        if value is not None and value not in allowed:
            raise self.error(f'"{name}" must be one of {", ".join(allowed)}, not "{value}".')
        return value

    def texts(self, name: str, default: Any = _REQUIRED) -> tuple[str, ...]:
        value = self._get(name, default, list, 'a list of texts, e.g. ["a", "b"]')
        if value is None:
            return ()
        if not all(isinstance(item, str) and item.strip() for item in value):
            raise self.error(f'"{name}" must be a list of texts, e.g. ["a", "b"].')
        return tuple(value)

    def integers(self, name: str, default: Any = _REQUIRED) -> tuple[int, ...]:
        value = self._get(name, default, list, "a list of whole numbers, e.g. [14, 11, 9]")
        if value is None:
            return ()
        if not value or not all(isinstance(item, int) and not isinstance(item, bool) for item in value):
            raise self.error(f'"{name}" must be a list of whole numbers, e.g. [14, 11, 9].')
        return tuple(value)

    def translated(self, name: str, default: Any = _REQUIRED) -> dict[str, str] | None:
        """{"nl": ..., "en": ..., "fr": ...}: every language, unless listed in missing_on_purpose."""
        value = self._get(name, default, dict, f"a text per language ({name}.nl, {name}.en, {name}.fr)")
        if value is None:
            return None
        unknown = sorted(set(value) - set(CONTENT_LANGUAGES))
        if unknown:
            raise self.error(f'"{name}" has texts in unknown languages: {", ".join(unknown)} (use nl, en, fr).')
        for lang in CONTENT_LANGUAGES:
            text = value.get(lang)
            if text is None:
                if lang != "nl" and f"{self.prefix}{name}.{lang}" in self.missing_on_purpose:
                    continue
                raise self.error(f'"{name}" lacks the {LANGUAGE_NAMES[lang]} text ({name}.{lang}).')
            if not isinstance(text, str) or not text.strip():
                raise self.error(f'"{name}.{lang}" must be a text and not empty.')
        return dict(value)

    def own_texts(self) -> dict[str, str]:
        """The entry itself is one text per language (nl = ..., en = ..., fr = ...), e.g. an option."""
        texts = {}
        for lang in CONTENT_LANGUAGES:
            if lang not in self.values:
                raise self.error(f"lacks the {LANGUAGE_NAMES[lang]} text ({lang} = ...).")
            texts[lang] = self.text(lang)
        return texts

    def table(self, name: str, default: Any = _REQUIRED) -> Entry | None:
        value = self._get(name, default, dict, f"a table ([{name}] or {name}.field = ...)")
        if value is None:
            return None
        return Entry(self.path, f"{self.label}, {name}", value, self.missing_on_purpose, f"{self.prefix}{name}.")

    def tables(self, name: str) -> list[Entry]:
        """Sub-entries ([[parent.name]]); none is fine."""
        value = self._get(name, [], list, f"a list of [[...{name}]] entries")
        if not all(isinstance(t, dict) for t in value):
            raise self.error(f'"{name}" must be written as [[...{name}]] entries.')
        return [
            Entry(self.path, f"{self.label}, {name} {n}", t, self.missing_on_purpose, f"{self.prefix}{name}.")
            for n, t in enumerate(value, start=1)
        ]

    def done(self) -> None:
        unknown = sorted(set(self.values) - self._read)
        if unknown:
            raise self.error(f"unknown field(s) {', '.join(unknown)}: a typo, or a field this file does not use?")
