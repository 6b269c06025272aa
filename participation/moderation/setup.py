"""Wire moderation into the app: the moderators' workspace and the moderators' personal data."""

from __future__ import annotations

from participation.core import extension_points
from participation.core.extension_points import PersonalData
from participation.moderation.gdpr import erase_moderation_data, export_moderation_data
from participation.moderation.views import bp


def init_app(app) -> None:
    app.register_blueprint(bp)
    extension_points.personal_data.register(
        app, PersonalData("moderation", export_moderation_data, erase_moderation_data)
    )
