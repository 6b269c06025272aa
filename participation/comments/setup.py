"""Wire comments and moderation into the app: blueprints, page section, personal data, demo."""

from __future__ import annotations

from participation.accounts.gdpr import register_user_data
from participation.comments.demo import seed_comments
from participation.comments.gdpr import erase_comment_data, export_comment_data
from participation.comments.thread import comments_section
from participation.consultations.sections import register_consultation_section
from participation.demo.seed import register_demo_seeder


def init_app(app) -> None:
    from participation.comments.views import bp as comments_bp
    from participation.moderation.views import bp as moderation_bp

    app.config.setdefault("COMMENT_AUTO_HIDE_REPORTS", 3)
    app.config.setdefault("COMMENT_EDIT_MINUTES", 15)
    app.config.setdefault("ANTISPAM_MIN_SECONDS", 3)
    app.register_blueprint(comments_bp)
    app.register_blueprint(moderation_bp)
    register_consultation_section(app, comments_section, order=60)
    register_user_data(app, "comments", exporter=export_comment_data, eraser=erase_comment_data)
    from participation.moderation.gdpr import erase_moderation_data, export_moderation_data

    register_user_data(app, "moderation", exporter=export_moderation_data, eraser=erase_moderation_data)
    from participation.comments.queries import consultation_ids_for_user
    from participation.my_participation.queries import register_participation_source

    register_participation_source(app, "commented", consultation_ids_for_user)
    register_demo_seeder(app, seed_comments)
