"""Wire the embeds into the app: their pages, the allowed framing origins, and the code to copy
on each consultation (a section of its page) and event page (a template global)."""

from __future__ import annotations

from participation.consultations.sections import Section
from participation.core.extension_points import ConsultationSection, consultation_sections
from participation.core.i18n import current_lang
from participation.core.translated import translated
from participation.core.urls import public_url_for
from participation.embeds.framing import check_origins
from participation.embeds.views import bp


def embed_url(endpoint: str, **values) -> str:
    """The absolute address of an embed page (it is pasted into another site)."""
    return public_url_for(endpoint, **values)


def embed_code_section(consultation, user):
    """The consultation page's "show this on your website": public consultations only."""
    if not consultation.is_public():
        return None

    return Section(
        "embeds/_embed_code_section.html",
        {
            "embed_url": embed_url("embeds.consultation", slug=consultation.slug),
            "title": translated(consultation.title, current_lang()).text,
        },
        anchor=None,
        title=None,
    )


def init_app(app) -> None:

    app.config["EMBED_ORIGINS"] = check_origins(app.config.get("EMBED_ORIGINS", ()))
    app.register_blueprint(bp)
    consultation_sections.register(app, ConsultationSection(embed_code_section), order=95)
    app.jinja_env.globals.update(embed_url=embed_url)
