"""Wire comments into the app: the blueprint, the discussion on the consultation page, personal
data, the participation source."""

from __future__ import annotations

from participation.comments.article import MEMO_ENTRIES, comment_article
from participation.comments.gdpr import erase_comment_data, export_comment_data
from participation.comments.hub import comments_part, comments_tab_url
from participation.comments.queries import consultation_ids_for_user
from participation.comments.thread import comments_section
from participation.comments.views import bp
from participation.core import extension_points
from participation.core.extension_points import BackOfficePart, ConsultationSection, ParticipationSource, PersonalData
from participation.core.i18n import _
from participation.core.page_cache import RenderMemo


def init_app(app) -> None:
    app.config.setdefault("COMMENT_AUTO_HIDE_REPORTS", 3)
    app.config.setdefault("COMMENT_EDIT_MINUTES", 15)
    app.config.setdefault("ANTISPAM_MIN_SECONDS", 3)
    app.register_blueprint(bp)
    app.extensions["comment_articles"] = RenderMemo(MEMO_ENTRIES)
    app.jinja_env.globals.update(comment_article=comment_article)
    extension_points.consultation_sections.register(
        app, ConsultationSection(comments_section, shows=frozenset({"discussion"})), order=60
    )
    extension_points.personal_data.register(app, PersonalData("comments", export_comment_data, erase_comment_data))
    extension_points.participation_sources.register(app, ParticipationSource("commented", consultation_ids_for_user))
    extension_points.back_office_parts.register(
        app,
        BackOfficePart(
            "comments",
            summary=comments_part,
            tab_label=lambda: _("Comments"),
            url=comments_tab_url,
            endpoints=("comments.statistics",),
        ),
        order=40,
    )
