"""Back office for organisers: their consultations, the editor, publication and history."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from participation.consultations import hub, queries, services
from participation.consultations.forms import OrganisersForm, consultation_form_class, phase_form_class
from participation.consultations.labels import history_label, status_label
from participation.consultations.models import Consultation, ConsultationState
from participation.core.confirm import ask_first, confirm_page, is_confirmed
from participation.core.forms import ActionForm
from participation.core.i18n import LANGUAGE_NAMES, _, current_lang
from participation.core.input_bounds import paginate
from participation.core.permissions import Role, gate_blueprint
from participation.core.templating import plain, tr
from participation.core.time import from_brussels_naive
from participation.core.translated import completeness, translated
from participation.core.views import form_invalid, run_service
from participation.extensions import db

bp = Blueprint("consultations_manage", __name__, url_prefix="/<lang>/organise")
gate_blueprint(bp, Role.ORGANISER)


def _managed_or_404(consultation_id: int) -> Consultation:
    return queries.consultation_managed_by(current_user, consultation_id)


def _with_choices(form):
    lang = current_lang()
    form.theme_ids.choices = [
        SelectChoice(t.id, translated(t.name, lang).as_plain()) for t in db.session.scalars(queries.themes())
    ]
    form.network_ids.choices = [SelectChoice(n.id, n.name) for n in db.session.scalars(queries.networks())]
    return form


@bp.get("/")
def index():
    """The consultations this person runs (administrators: all), newest first."""
    consultations = list(db.session.scalars(queries.managed_by(current_user)))
    return render_template("consultations/manage/index.html", consultations=consultations)


@bp.route("/new", methods=["GET", "POST"])
def create():
    """Create a draft consultation."""
    form = _with_choices(consultation_form_class()())
    if form.validate_on_submit():
        return run_service(
            lambda: services.create_consultation(current_user._get_current_object(), form.values()),
            form=form,
            page=lambda exc: _new_page(form),
            success=_("The draft is saved. Only organisers can see it until you publish it."),
            to=lambda consultation: url_for("consultations_manage.edit", consultation_id=consultation.id),
        )
    return form_invalid(_new_page(form)) if form.errors else _new_page(form)


def _new_page(form):
    return render_template(
        "consultations/manage/edit.html",
        form=form,
        consultation=None,
        completeness=_completeness(form),
        language_names=LANGUAGE_NAMES,
    )


def _completeness(form, consultation=None) -> dict[str, bool]:
    """Per language: are the texts a visitor will see filled in? Once closed, results and feedback count."""
    texts = form.texts()
    fields = ["title", "summary", "body"]
    if consultation is not None and consultation.has_closed():
        fields += ["results", "feedback"]
    return completeness([texts[name] for name in fields], form.languages)


@bp.route("/<id:consultation_id>", methods=["GET", "POST"])
def edit(consultation_id: int):
    """Edit texts per language, dates, themes and settings; see the history."""
    consultation = _managed_or_404(consultation_id)
    form_class = consultation_form_class()
    form = _with_choices(form_class())
    if form.validate_on_submit():
        return run_service(
            lambda: services.update_consultation(current_user._get_current_object(), consultation, form.values()),
            form=form,
            page=lambda exc: _edit_page(_managed_or_404(consultation_id), form),
            success=lambda changed: _("Your changes are saved.") if changed else _("Nothing was changed."),
            to=url_for("consultations_manage.edit", consultation_id=consultation.id),
        )
    if not form.is_submitted():
        form.fill_from(consultation)
    return form_invalid(_edit_page(consultation, form)) if form.errors else _edit_page(consultation, form)


def _edit_page(consultation, form, organisers_form=None, phase_form=None):
    if consultation.state != ConsultationState.DRAFT:
        form.slug.render_kw = {"readonly": True}  # the service refuses a change; say so before typing
    if consultation.state == ConsultationState.RESULTS_PUBLISHED:
        form.opens_at.render_kw = form.closes_at.render_kw = {"readonly": True}
    organiser_choices = list(db.session.scalars(queries.organiser_choices()))
    organisers_form = organisers_form or OrganisersForm(
        formdata=None, organiser_ids=[u.id for u in consultation.organisers]
    )
    organisers_form.organiser_ids.choices = [SelectChoice(u.id, u.display_name) for u in organiser_choices]
    history = list(db.session.scalars(queries.history(consultation.id)))
    return render_template(
        "consultations/manage/edit.html",
        form=form,
        consultation=consultation,
        completeness=_completeness(form, consultation),
        language_names=LANGUAGE_NAMES,
        status=consultation.status(),
        slug_locked=bool(form.slug.render_kw),
        dates_locked=bool(form.closes_at.render_kw),
        action_form=ActionForm(formdata=None),
        organisers_form=organisers_form,
        phase_form=phase_form or phase_form_class()(formdata=None),
        history=history,
    )


def _action(consultation_id: int, service, success: str):
    consultation = _managed_or_404(consultation_id)
    form = ActionForm()
    back = url_for("consultations_manage.edit", consultation_id=consultation_id)
    if not form.validate_on_submit():
        return redirect(back, 303)
    return run_service(lambda: service(current_user._get_current_object(), consultation), success=success, to=back)


@bp.post("/<id:consultation_id>/publish")
def publish(consultation_id: int):
    """Publish now, or schedule when the opening moment is in the future."""
    return _action(consultation_id, services.publish, _("The consultation is published."))


@bp.route("/<id:consultation_id>/close", methods=["GET", "POST"])
def close(consultation_id: int):
    """Close an open consultation now: GET asks first (a page of its own), the confirmed POST closes."""
    if request.method == "GET" or not is_confirmed():
        consultation = _managed_or_404(consultation_id)
        back = url_for("consultations_manage.edit", consultation_id=consultation_id)
        if request.method == "POST":
            return ask_first(url_for("consultations_manage.close", consultation_id=consultation_id))
        if not consultation.is_open():
            return redirect(back, 303)
        return confirm_page(
            heading=_("Close this consultation now?"),
            consequences=[
                _("Consultation: %(title)s", title=plain(tr(consultation.title))),
                _("From now on nobody can comment, vote or react any more; the public page says it is closed."),
                _("This cannot be undone: a closed consultation cannot be opened again."),
            ],
            submit_label=_("Close this consultation"),
            back_url=back,
        )
    return _action(consultation_id, services.close_now, _("The consultation is closed."))


@bp.post("/<id:consultation_id>/publish-results")
def publish_results(consultation_id: int):
    """Publish the results and what the city did with the input."""
    return _action(consultation_id, services.publish_results, _("The results are published."))


@bp.post("/<id:consultation_id>/organisers")
def organisers(consultation_id: int):
    """Choose who runs this consultation."""
    consultation = _managed_or_404(consultation_id)
    form = OrganisersForm()
    form.organiser_ids.choices = [
        SelectChoice(u.id, u.display_name) for u in db.session.scalars(queries.organiser_choices())
    ]
    if not form.validate_on_submit():
        return form_invalid(_edit_page_with(consultation, organisers_form=form))
    return run_service(
        lambda: services.set_organisers(
            current_user._get_current_object(), consultation, form.organiser_ids.data or []
        ),
        form=form,
        page=lambda exc: _edit_page_with(_managed_or_404(consultation_id), organisers_form=form),
        success=_("The organisers are saved."),
        to=url_for("consultations_manage.edit", consultation_id=consultation_id),
    )


def _edit_page_with(consultation, **forms):
    """The edit page as stored, showing one of its smaller forms (organisers, phase) again."""
    edit_form = _with_choices(consultation_form_class()(formdata=None))
    edit_form.fill_from(consultation)
    return _edit_page(consultation, edit_form, **forms)


@bp.post("/<id:consultation_id>/phases")
def add_phase(consultation_id: int):
    """Add a named, dated step to the timeline."""
    consultation = _managed_or_404(consultation_id)
    form = phase_form_class()()
    if not form.validate_on_submit():
        return form_invalid(_edit_page_with(consultation, phase_form=form))
    return run_service(
        lambda: services.add_phase(
            current_user._get_current_object(),
            consultation,
            {lang: getattr(form, f"name_{lang}").data for lang in form.languages},
            from_brussels_naive(form.starts_at.data),
            from_brussels_naive(form.ends_at.data),
        ),
        form=form,
        page=lambda exc: _edit_page_with(_managed_or_404(consultation_id), phase_form=form),
        success=_("The phase is added."),
        to=url_for("consultations_manage.edit", consultation_id=consultation_id),
    )


@bp.post("/<id:consultation_id>/phases/<id:phase_id>/delete")
def remove_phase(consultation_id: int, phase_id: int):
    """Remove a step from the timeline."""
    consultation = _managed_or_404(consultation_id)
    back = url_for("consultations_manage.edit", consultation_id=consultation_id)
    if not ActionForm().validate_on_submit():
        return redirect(back, 303)
    return run_service(
        lambda: services.remove_phase(current_user._get_current_object(), consultation, phase_id),
        success=_("The phase is removed."),
        to=back,
    )


@bp.get("/<id:consultation_id>/overview")
def overview(consultation_id: int):
    """Everything about one consultation in one place, each part with its state and a link."""
    consultation = _managed_or_404(consultation_id)
    user = current_user._get_current_object()
    return _no_store(
        render_template(
            "consultations/manage/overview.html",
            consultation=consultation,
            status=consultation.status(),
            status_sentence=hub.status_sentence(consultation),
            missing=_named(hub.missing_translations(consultation)),
            missing_results=_named(hub.missing_translations(consultation, hub.RESULT_TEXTS)),
            language_name=hub.language_name,
            parts=hub.feature_parts(consultation, user),
            recent=list(db.session.scalars(queries.consultation_history(consultation.id, limit=HUB_HISTORY))),
        )
    )


HUB_HISTORY = 5
HISTORY_PER_PAGE = 25


def _named(missing: dict[str, list[str]]) -> dict[str, list[str]]:
    """The missing fields of each language by their names in the page's language."""
    names = {
        "title": _("title"),
        "summary": _("summary"),
        "body": _("text"),
        "results": _("results"),
        "feedback": _("feedback"),
    }
    return {lang: [names[field] for field in fields] for lang, fields in missing.items()}


@bp.get("/<id:consultation_id>/history")
def history(consultation_id: int):
    """Who did what when in this consultation (its questions, events, comments, statements too)."""
    consultation = _managed_or_404(consultation_id)
    page = paginate(queries.consultation_history(consultation.id), per_page=HISTORY_PER_PAGE)
    return _no_store(render_template("consultations/manage/history.html", consultation=consultation, page=page))


def _no_store(body):
    response = Response(body)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_template_global()
def history_actor(entry) -> str:
    """Who did it: organisers and administrators by name; residents and moderators stay unnamed
    here (the moderation log names moderators to moderators only)."""
    if entry.actor is None:
        return _("Automatic") if entry.action.endswith("auto_hidden") else _("Deleted participant")
    if entry.actor.role == Role.RESIDENT:
        return _("A resident")
    if entry.actor.role == Role.MODERATOR:
        return _("A moderator")
    return entry.actor.display_name


@bp.app_template_global()
def consultation_tabs(consultation):
    """The tabs of a consultation's back office (templates/consultations/manage/_nav.html)."""
    return hub.tabs(consultation)


bp.add_app_template_global(history_label)
# The back-office tables show each consultation's status in the common wording.
bp.add_app_template_global(status_label)
