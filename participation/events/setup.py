"""Wire events into the app: blueprints, consultation and home sections, personal data,
participation source, demo content, the reminders command."""

from __future__ import annotations

from datetime import timedelta


def init_app(app) -> None:
    from participation.accounts.gdpr import register_user_data
    from participation.accounts.services import register_email_change_handler
    from participation.consultations.sections import register_consultation_section
    from participation.core.scheduler import register_periodic
    from participation.demo.seed import register_demo_seeder
    from participation.events.cli import send_reminders_command, send_reminders_job
    from participation.events.demo import seed_events
    from participation.events.fan_out import register_event_fan_outs
    from participation.events.gdpr import erase_event_data, export_event_data
    from participation.events.manage_views import bp as manage_bp
    from participation.events.queries import consultation_ids_for_user
    from participation.events.registration import follow_email_change
    from participation.events.sections import consultation_events_section, next_events_section
    from participation.events.views import bp
    from participation.my_participation.queries import register_participation_source
    from participation.pages.views import register_home_section

    app.register_blueprint(bp)
    app.register_blueprint(manage_bp)
    register_consultation_section(app, consultation_events_section, order=20)
    register_home_section(app, next_events_section)
    register_user_data(app, "events", exporter=export_event_data, eraser=erase_event_data)
    register_participation_source(app, "registered", consultation_ids_for_user)
    register_email_change_handler(app, follow_email_change)
    register_demo_seeder(app, seed_events)
    app.cli.add_command(send_reminders_command)
    register_periodic(app, "send-reminders", timedelta(hours=1), send_reminders_job)
    register_event_fan_outs(app)
    from participation.events.gdpr import register_event_purges

    register_event_purges(app)
    _template_globals(app)


def _template_globals(app) -> None:
    """What the event macros (templates/events/_macros.html) need on every page."""
    from participation.core.i18n import LANGUAGE_NAMES
    from participation.events.forms import FORMAT_LABELS

    app.jinja_env.globals.update(event_format_labels=FORMAT_LABELS, language_names=LANGUAGE_NAMES)
