"""Personal data across features: each feature says what it exports and erases.

A feature registers (extension point `personal_data`, core/extension_points.py)
`exporter(user) -> dict` (JSON-ready rows about this person) and `eraser(user, options) -> None`
(remove or unlink them, in the caller's transaction; `options` is an `ErasureOptions`).
Account deletion calls every eraser before the account row is deleted; the data download calls
every exporter.

Data kept by address rather than by account (a visitor's event registration, mail in the
outbox) belongs to the person only once they proved the address is theirs: erasers and
exporters use `verified_addresses(user)`, so an unconfirmed sign-up with someone else's
address can neither read nor erase that person's data.

Erasers registered with a high `order` run after all others (the outbox: other erasers may
still queue mail, e.g. to the next person on a waiting list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from participation.core import extension_points


@dataclass(frozen=True)
class ErasureOptions:
    # The person also asked to remove the text of their comments (else they stay, unsigned).
    remove_comment_texts: bool = False


def handlers() -> list[tuple[str, Callable | None, Callable | None]]:
    return [(data.name, data.exporter, data.eraser) for data in extension_points.personal_data.contributions()]


def run_erasers(user, options: ErasureOptions | None = None) -> None:
    """Every feature removes or unlinks what it holds about this person (caller's transaction)."""
    options = options or ErasureOptions()
    for _name, _exporter, eraser in handlers():
        if eraser is not None:
            eraser(user, options)


def verified_addresses(user) -> list[str]:
    """The addresses this person has proved are theirs (data kept by address belongs to them)."""
    return [user.email] if user.is_verified and user.email else []
