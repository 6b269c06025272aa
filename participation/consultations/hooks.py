"""Hooks other features attach to consultation events (e.g. mail participants on results)."""

from __future__ import annotations

from flask import current_app

RESULTS_PUBLISHED_KEY = "participation.results_published_hooks"


def register_results_published_hook(app, fn) -> None:
    """fn(consultation) runs inside the publish-results transaction."""
    app.extensions.setdefault(RESULTS_PUBLISHED_KEY, []).append(fn)


def run_results_published_hooks(consultation) -> None:
    for fn in current_app.extensions.get(RESULTS_PUBLISHED_KEY, []):
        fn(consultation)
