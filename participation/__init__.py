"""The Ghent participation platform."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask


def create_app(config: Mapping | None = None) -> Flask:
    """Build the application (see participation/app.py)."""
    # Deferred import: Python runs this file before any `participation.*` module, and the
    # application's wiring imports every feature; importing it here at the top would make
    # `import participation.core.x` load (and cycle through) the whole application.
    from participation.app import create_app as build

    return build(config)
