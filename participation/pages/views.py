"""Home page, privacy and accessibility statements, `/` negotiation and /healthz."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, current_app, redirect, render_template, url_for
from markupsafe import Markup

from participation.config import RETENTION_DEFAULTS
from participation.core import extension_points
from participation.core.i18n import negotiate_language
from participation.extensions import db
from participation.pages import queries

bp = Blueprint("pages", __name__)

# Features add sections to the home page (open consultations, next events) by
# registering a provider: a function returning (template, context) or None.


@bp.get("/")
def root():
    """Send the visitor to the home page in their language."""
    response = redirect(url_for("pages.home", lang=negotiate_language()), 302)
    # The answer depends on the account (session cookie), the `lang` cookie and the browser.
    response.vary.update(("Cookie", "Accept-Language"))
    return response


@bp.get("/<lang>/")
def home():
    """Home: what is open now and what is coming up."""
    sections = []
    for provider in extension_points.home_sections.contributions():
        section = provider()
        if section is not None:
            template, values = section
            # Our own autoescaped templates: the result is safe to embed.
            sections.append(Markup(render_template(template, **values)))  # noqa: S704
    return render_template("pages/home.html", sections=sections)


@bp.get("/<lang>/privacy")
def privacy():
    """The privacy statement, quoting the retention periods as configured (so it cannot drift)."""
    return render_template("pages/privacy.html", retention=retention_days())


def retention_days() -> dict[str, int]:
    """RETENTION_MAIL_BODY_DAYS -> retention["mail_body"], and so on."""

    return {
        key.removeprefix("RETENTION_").removesuffix("_DAYS").lower(): current_app.config[key]
        for key in RETENTION_DEFAULTS
    }


@bp.get("/<lang>/accessibility")
def accessibility():
    """The accessibility statement."""
    return render_template("pages/accessibility.html")


@bp.get("/healthz")
def healthz():
    """Report whether the database answers (200) or not (503)."""
    try:
        queries.ping_database()
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return {"status": "error", "database": "unavailable"}, 503
    return {"status": "ok", "database": "ok"}, 200
