"""Personal data across features: each feature says what it exports and erases.

A feature registers `exporter(user) -> dict` (JSON-ready rows about this person)
and `eraser(user) -> None` (remove or unlink them, in the caller's transaction).
Account deletion calls every eraser before the account row is anonymised; the data
download calls every exporter.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app

HANDLERS_KEY = "participation.user_data_handlers"


def register_user_data(app, name: str, exporter: Callable | None = None, eraser: Callable | None = None) -> None:
    app.extensions.setdefault(HANDLERS_KEY, []).append((name, exporter, eraser))


def handlers() -> list[tuple[str, Callable | None, Callable | None]]:
    return list(current_app.extensions.get(HANDLERS_KEY, []))
