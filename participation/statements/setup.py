"""Wire statements into the app: blueprints, the consultation page section, the map's jobs,
personal data, and statements as a way of taking part (my participation)."""

from __future__ import annotations

from datetime import timedelta

from participation.core import extension_points
from participation.core.extension_points import BackOfficePart, ConsultationSection, ParticipationSource, PersonalData
from participation.core.i18n import _
from participation.core.jobs import register_job
from participation.core.scheduler import register_periodic
from participation.statements.gdpr import erase_statement_data, export_statement_data
from participation.statements.hub import statements_part, statements_tab_url
from participation.statements.manage_views import bp as manage_bp
from participation.statements.manage_views import moderation_bp
from participation.statements.map_view import statements_section
from participation.statements.queries import consultation_ids_for_user
from participation.statements.refresh import recompute, recompute_due
from participation.statements.services import RECOMPUTE_JOB
from participation.statements.views import bp


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(manage_bp)
    app.register_blueprint(moderation_bp)
    # After votes (debounced, services.request_recompute) and every few minutes for maps marked out of date.
    register_job(app, RECOMPUTE_JOB, recompute)
    register_periodic(app, "opinion-map-recompute-due", timedelta(minutes=5), recompute_due)
    extension_points.consultation_sections.register(
        app, ConsultationSection(statements_section, shows=frozenset({"statements"})), order=45
    )
    extension_points.personal_data.register(
        app, PersonalData("statements", export_statement_data, erase_statement_data)
    )
    extension_points.back_office_parts.register(
        app,
        BackOfficePart(
            "statements",
            summary=statements_part,
            tab_label=lambda: _("Statements"),
            url=statements_tab_url,
            endpoints=("statements_manage.",),
        ),
        order=35,
    )
    extension_points.participation_sources.register(app, ParticipationSource("statements", consultation_ids_for_user))
