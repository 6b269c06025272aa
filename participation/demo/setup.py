"""Wire the demo into the app: `flask seed-demo` and each feature's demo content.

The demo package sits above the features: it uses their services, and no feature imports it.
"""

from __future__ import annotations

from participation.core import extension_points
from participation.demo.comments import seed_comments
from participation.demo.consultations import seed_demo_consultations
from participation.demo.events import seed_events
from participation.demo.seed import seed_demo_command
from participation.demo.statements import seed_statements
from participation.demo.votes import seed_questions


def init_app(app) -> None:
    app.cli.add_command(seed_demo_command)
    # In this order: the events, comments, questions and statements belong to the consultations.
    for seeder in (seed_demo_consultations, seed_events, seed_comments, seed_questions, seed_statements):
        extension_points.demo_seeders.register(app, seeder)
