"""Wire the consultations feature into the app: blueprints, home section, search index, commands."""

from __future__ import annotations

from participation.consultations import search
from participation.consultations.cli import seed_reference_data_command
from participation.consultations.home import open_consultations_section
from participation.consultations.manage_views import bp as manage_bp
from participation.consultations.search_upkeep import init_search_upkeep
from participation.consultations.sections import rerender_sections
from participation.consultations.views import bp, networks_bp
from participation.core import extension_points, page_cache


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(networks_bp)
    app.register_blueprint(manage_bp)
    # After a ballot or a comment, the page is assembled: its frame and the other sections from the cache.
    page_cache.register_frame("consultations.detail", rerender_sections)
    extension_points.home_sections.register(app, open_consultations_section)
    app.cli.add_command(seed_reference_data_command)
    search.register()
    init_search_upkeep(app)
