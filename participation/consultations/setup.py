"""Wire the consultations feature into the app: blueprints, home section, search index, commands,
demo content."""

from __future__ import annotations

from participation.consultations.views import bp, networks_bp


def init_app(app) -> None:
    from participation.consultations import search, seed
    from participation.consultations.cli import seed_reference_data_command
    from participation.consultations.home import open_consultations_section
    from participation.consultations.manage_views import bp as manage_bp
    from participation.demo.seed import register_demo_seeder
    from participation.pages.views import register_home_section

    app.register_blueprint(bp)
    app.register_blueprint(networks_bp)
    app.register_blueprint(manage_bp)
    register_home_section(app, open_consultations_section)
    register_demo_seeder(app, seed.seed_demo_consultations)
    app.cli.add_command(seed_reference_data_command)
    search.register()
    from participation.consultations.search_upkeep import init_search_upkeep

    init_search_upkeep(app)
