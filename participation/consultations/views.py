"""Public consultation pages: catalogue, detail, Atom feed; and the networks page."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, make_response, render_template, request, url_for
from flask_login import current_user
from wtforms import SearchField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from participation.consultations import queries
from participation.consultations.labels import STATUS_LABELS
from participation.consultations.models import PublicStatus
from participation.consultations.permissions import can_manage_consultation
from participation.consultations.sections import render_sections
from participation.core.forms import BaseForm
from participation.core.i18n import _, _l, current_lang
from participation.core.input_bounds import paginate
from participation.core.templating import local_date
from participation.core.time import utcnow
from participation.core.translated import Translation, translated
from participation.core.urls import public_url_for
from participation.extensions import db

bp = Blueprint("consultations", __name__, url_prefix="/<lang>/consultations")
networks_bp = Blueprint("networks", __name__, url_prefix="/<lang>/networks")

PER_PAGE = 12


class CatalogueFilterForm(BaseForm):
    class Meta:
        csrf = False  # a GET filter changes nothing

    q = SearchField(_l("Search"), validators=[Optional(), Length(max=100)])
    theme = SelectField(_l("Theme"), validators=[Optional()])
    status = SelectField(_l("Status"), validators=[Optional()])


def _filter_form() -> CatalogueFilterForm:
    lang = current_lang()
    form = CatalogueFilterForm(request.args)
    form.theme.choices = [SelectChoice("", _("All themes"))] + [
        SelectChoice(theme.slug, translated(theme.name, lang).as_plain())
        for theme in db.session.scalars(queries.themes())
    ]
    form.status.choices = [SelectChoice("", _("Any status"))] + [
        SelectChoice(status.value, str(STATUS_LABELS[PublicStatus(status.value)])) for status in queries.StatusFilter
    ]
    return form


@bp.get("/")
def index():
    """The catalogue: filter by theme and status, search in the page's language."""
    form = _filter_form()
    if request.args and not form.validate():
        return render_template(
            "consultations/index.html", form=form, page=None, status_labels=STATUS_LABELS, now=utcnow()
        ), 400
    stmt = queries.catalogue(
        theme_slug=form.theme.data or None,
        status=queries.StatusFilter(form.status.data) if form.status.data else None,
        search=(form.q.data or "").strip() or None,
        lang=current_lang(),
    )
    page = paginate(stmt, per_page=PER_PAGE)
    return render_template("consultations/index.html", form=form, page=page, status_labels=STATUS_LABELS, now=utcnow())


@dataclass(frozen=True)
class TimelineItem:
    label: Translation  # the timeline macro marks Dutch fallback with lang="nl" and a note
    date_text: str
    is_current: bool


@bp.get("/<slug>")
def detail(slug: str):
    """One consultation with its timeline and the sections other features add."""
    # The user itself, not the proxy: the sections ask it hundreds of questions (one per comment and action).
    user = current_user._get_current_object()
    consultation = queries.consultation_visible_to(user, slug, with_details=True)
    now = utcnow()
    return render_template(
        "consultations/detail.html",
        consultation=consultation,
        status=consultation.status(now),
        status_labels=STATUS_LABELS,
        sections=render_sections(consultation, user),
        can_manage=can_manage_consultation(user, consultation),
        now=now,
    )


@bp.get("/feed.atom")
def feed():
    """An Atom feed of published consultations in the page's language."""
    entries = list(db.session.scalars(queries.feed_entries()))
    updated = max((c.updated_at for c in entries), default=utcnow())
    response = make_response(
        render_template(
            "consultations/feed.xml", entries=entries, updated=updated, self_url=public_url_for("consultations.feed")
        )
    )
    response.headers["Content-Type"] = "application/atom+xml; charset=utf-8"
    return response


@networks_bp.get("/", endpoint="index")
def networks_index():
    """Ghent's international networks, with what they are about."""
    return render_template("networks/index.html", networks=list(db.session.scalars(queries.networks())))


@dataclass(frozen=True)
class Tag:
    label: str
    url: str
    lang: str | None = None  # set when the label is Dutch fallback text


@bp.app_template_global()
def theme_tags(themes) -> list[Tag]:
    """Themes as tags that link to the catalogue filtered on that theme."""
    lang = current_lang()
    tags = []
    for theme in themes:
        name = translated(theme.name, lang)
        tags.append(
            Tag(name.text, url_for("consultations.index", theme=theme.slug), name.lang if name.is_fallback else None)
        )
    return tags


@bp.app_template_global()
def phase_items(phases, now) -> list[TimelineItem]:
    """A consultation's phases for the timeline macro, the current one marked."""

    lang = current_lang()
    items = []
    for phase in phases:
        start, end = local_date(phase.starts_at, "medium"), local_date(phase.ends_at, "medium")
        date_text = start if start == end else _("%(start)s to %(end)s", start=start, end=end)
        items.append(TimelineItem(translated(phase.name, lang), date_text, phase.is_current(now)))
    return items
