"""Wire votes into the app: blueprints, the consultation page section, personal data, demo."""

from __future__ import annotations

from datetime import timedelta

from participation.accounts.gdpr import register_user_data
from participation.consultations.sections import register_consultation_section
from participation.demo.seed import register_demo_seeder


def init_app(app) -> None:
    from participation.votes.ballot_view import questions_section
    from participation.votes.demo import seed_questions
    from participation.votes.gdpr import erase_vote_data, export_vote_data
    from participation.votes.manage_views import bp as manage_bp
    from participation.votes.views import bp

    app.register_blueprint(bp)
    app.register_blueprint(manage_bp)
    from participation.core.scheduler import register_periodic
    from participation.votes.final_counts import store_final_counts_command, store_final_counts_job

    app.cli.add_command(store_final_counts_command)
    # Consultations that close by the clock are counted by a job soon after, not by a visitor.
    register_periodic(app, "store-final-counts", timedelta(minutes=5), store_final_counts_job)
    register_consultation_section(app, questions_section, order=40)
    register_user_data(app, "votes", exporter=export_vote_data, eraser=erase_vote_data)
    from participation.my_participation.queries import register_participation_source
    from participation.votes.queries import consultation_ids_for_user

    register_participation_source(app, "voted", consultation_ids_for_user)
    register_demo_seeder(app, seed_questions)
