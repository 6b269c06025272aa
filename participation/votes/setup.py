"""Wire votes into the app: blueprints, the questions on the consultation page, personal data,
the participation source, the stored final counts."""

from __future__ import annotations

from datetime import timedelta

from participation.core import extension_points
from participation.core.extension_points import BackOfficePart, ConsultationSection, ParticipationSource, PersonalData
from participation.core.i18n import _
from participation.core.page_cache import RenderMemo
from participation.core.scheduler import register_periodic
from participation.votes.ballot_view import ballot_html, questions_section
from participation.votes.final_counts import store_final_counts_command, store_final_counts_job
from participation.votes.gdpr import erase_vote_data, export_vote_data
from participation.votes.hub import questions_part, questions_tab_url
from participation.votes.manage_views import bp as manage_bp
from participation.votes.queries import consultation_ids_for_user
from participation.votes.views import bp


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(manage_bp)
    app.extensions["ballot_forms"] = RenderMemo(1024)
    app.jinja_env.globals.update(ballot_html=ballot_html)
    app.cli.add_command(store_final_counts_command)
    # Consultations that close by the clock are counted by a job soon after, not by a visitor.
    register_periodic(app, "store-final-counts", timedelta(minutes=5), store_final_counts_job)
    extension_points.consultation_sections.register(
        app, ConsultationSection(questions_section, shows=frozenset({"ballots", "audit"})), order=40
    )
    extension_points.personal_data.register(app, PersonalData("votes", export_vote_data, erase_vote_data))
    extension_points.participation_sources.register(app, ParticipationSource("voted", consultation_ids_for_user))
    extension_points.back_office_parts.register(
        app,
        BackOfficePart(
            "questions",
            summary=questions_part,
            tab_label=lambda: _("Questions"),
            url=questions_tab_url,
            endpoints=("votes_manage.",),
        ),
        order=20,
    )
