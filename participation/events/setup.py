"""Wire events into the app: blueprints, consultation and home sections, personal data,
participation source, e-mail changes, reminders, fan-out mail and purges."""

from __future__ import annotations

from datetime import timedelta

from participation.core import extension_points
from participation.core.extension_points import BackOfficePart, ConsultationSection, ParticipationSource, PersonalData
from participation.core.i18n import LANGUAGE_NAMES
from participation.core.scheduler import register_periodic
from participation.events.cli import send_reminders_command, send_reminders_job
from participation.events.fan_out import register_event_fan_outs
from participation.events.forms import FORMAT_LABELS
from participation.events.gdpr import erase_event_data, export_event_data, register_event_purges
from participation.events.hub import events_part
from participation.events.manage_views import bp as manage_bp
from participation.events.queries import consultation_ids_for_user
from participation.events.registration import follow_email_change
from participation.events.sections import consultation_events_section, next_events_section
from participation.events.views import bp


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.register_blueprint(manage_bp)
    extension_points.consultation_sections.register(
        app, ConsultationSection(consultation_events_section, shows=frozenset({"registrations"})), order=20
    )
    extension_points.home_sections.register(app, next_events_section)
    extension_points.personal_data.register(app, PersonalData("events", export_event_data, erase_event_data))
    extension_points.participation_sources.register(app, ParticipationSource("registered", consultation_ids_for_user))
    extension_points.email_change_handlers.register(app, follow_email_change)
    extension_points.back_office_parts.register(app, BackOfficePart("events", summary=events_part), order=30)
    app.cli.add_command(send_reminders_command)
    register_periodic(app, "send-reminders", timedelta(hours=1), send_reminders_job)
    register_event_fan_outs(app)
    register_event_purges(app)
    # What the event macros (templates/events/_macros.html) need on every page.
    app.jinja_env.globals.update(event_format_labels=FORMAT_LABELS, language_names=LANGUAGE_NAMES)
