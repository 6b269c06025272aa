"""Wire the consultations feature into the app: blueprints, home section, search index, commands."""

from __future__ import annotations

from participation.consultations import search
from participation.consultations.cli import seed_reference_data_command
from participation.consultations.home import open_consultations_section
from participation.consultations.manage_views import bp as manage_bp
from participation.consultations.search_upkeep import init_search_upkeep
from participation.consultations.views import bp, networks_bp
from participation.core import extension_points


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(networks_bp)
    app.register_blueprint(manage_bp)
    extension_points.home_sections.register(app, open_consultations_section)
    app.cli.add_command(seed_reference_data_command)
    search.register()
    init_search_upkeep(app)
