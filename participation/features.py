"""The features this application is made of, in the order they are wired in.

Each feature package has a `setup.py` whose `init_app(app)` registers its blueprints,
commands and jobs, and its contributions to the extension points of other features
(participation/core/extension_points.py). Features never import each other's views or set-up.
The order matters only where contributions are ordered by registration: the demo content
(consultations before the events, comments and questions that belong to them).
"""

from __future__ import annotations

from flask import Flask

from participation.accounts import setup as accounts
from participation.admin import setup as admin
from participation.api import setup as api
from participation.comments import setup as comments
from participation.consultations import setup as consultations
from participation.demo import setup as demo
from participation.embeds import setup as embeds
from participation.events import setup as events
from participation.moderation import setup as moderation
from participation.my_participation import setup as my_participation
from participation.pages import setup as pages
from participation.statements import setup as statements
from participation.votes import setup as votes

FEATURES = (
    pages,
    accounts,
    admin,
    consultations,
    events,
    comments,
    moderation,
    votes,
    statements,
    my_participation,
    demo,
    api,
    embeds,
)


def register_features(app: Flask) -> None:
    for feature in FEATURES:
        feature.init_app(app)
