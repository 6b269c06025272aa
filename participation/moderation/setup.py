"""Wire moderation into the app: the moderators' workspace, a suspended person's appeal page, the
site-wide transparency page, and the moderators' personal data."""

from __future__ import annotations

from participation.core import extension_points
from participation.core.extension_points import PersonalData
from participation.moderation.gdpr import erase_moderation_data, export_moderation_data
from participation.moderation.public_views import suspension_bp, transparency_bp
from participation.moderation.views import bp


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(suspension_bp)
    app.register_blueprint(transparency_bp)
    extension_points.personal_data.register(
        app, PersonalData("moderation", export_moderation_data, erase_moderation_data)
    )
