"""Back office for organisers: their consultations, the editor, publication and history."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload
from wtforms.fields.choices import SelectChoice

from participation.accounts.models import User
from participation.consultations import queries, services
from participation.consultations.forms import OrganisersForm, consultation_form_class, phase_form_class
from participation.consultations.models import Consultation, ConsultationState, consultation_organisers
from participation.consultations.permissions import can_manage_consultation
from participation.core.audit import AuditEntry
from participation.core.errors import UserError
from participation.core.forms import ActionForm
from participation.core.i18n import LANGUAGE_NAMES, _, current_lang
from participation.core.permissions import Role, gate_blueprint, has_role
from participation.core.time import from_brussels_naive
from participation.core.translated import completeness, translated
from participation.extensions import db

bp = Blueprint("consultations_manage", __name__, url_prefix="/<lang>/organise")
gate_blueprint(bp, Role.ORGANISER)


def _managed_or_404(consultation_id: int) -> Consultation:
    """Organisers who do not run a consultation do not learn that it exists."""
    consultation = db.session.scalar(
        sa.select(Consultation)
        .where(Consultation.id == consultation_id)
        .options(
            selectinload(Consultation.organisers),
            selectinload(Consultation.phases),
            selectinload(Consultation.themes),
            selectinload(Consultation.networks),
        )
    )
    if consultation is None or not can_manage_consultation(current_user, consultation):
        abort(404)
    return consultation


def _with_choices(form):
    lang = current_lang()
    form.theme_ids.choices = [
        SelectChoice(t.id, translated(t.name, lang).text) for t in db.session.scalars(queries.themes())
    ]
    form.network_ids.choices = [SelectChoice(n.id, n.name) for n in db.session.scalars(queries.networks())]
    return form


@bp.get("/")
def index():
    """The consultations this person runs (administrators: all), newest first."""
    stmt = sa.select(Consultation).order_by(Consultation.created_at.desc(), Consultation.id.desc())
    if not has_role(current_user, Role.ADMIN):
        stmt = stmt.join(consultation_organisers).where(consultation_organisers.c.user_id == current_user.id)
    consultations = list(db.session.scalars(stmt))
    return render_template("consultations/manage/index.html", consultations=consultations)


@bp.route("/new", methods=["GET", "POST"])
def create():
    """Create a draft consultation."""
    form = _with_choices(consultation_form_class()())
    if form.validate_on_submit():
        try:
            consultation = services.create_consultation(current_user._get_current_object(), form.values())
        except UserError as exc:
            form.apply_error(exc)
        else:
            db.session.commit()
            flash(_("The draft is saved. Only organisers can see it until you publish it."), "success")
            return redirect(url_for("consultations_manage.edit", consultation_id=consultation.id), 303)
    return render_template(
        "consultations/manage/edit.html",
        form=form,
        consultation=None,
        completeness=_completeness(form),
        language_names=LANGUAGE_NAMES,
    ), 422 if form.errors else 200


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
        try:
            changed = services.update_consultation(current_user._get_current_object(), consultation, form.values())
        except UserError as exc:
            form.apply_error(exc)
        else:
            db.session.commit()
            flash(_("Your changes are saved.") if changed else _("Nothing was changed."), "success")
            return redirect(url_for("consultations_manage.edit", consultation_id=consultation.id), 303)
    elif not form.is_submitted():
        form.fill_from(consultation)
    return _edit_page(consultation, form), 422 if form.errors else 200


def _edit_page(consultation, form, organisers_form=None, phase_form=None):
    if consultation.state != ConsultationState.DRAFT:
        form.slug.render_kw = {"readonly": True}  # the service refuses a change; say so before typing
    if consultation.state == ConsultationState.RESULTS_PUBLISHED:
        form.opens_at.render_kw = form.closes_at.render_kw = {"readonly": True}
    organiser_choices = list(
        db.session.scalars(
            sa.select(User).where(User.role.in_([Role.ORGANISER, Role.ADMIN])).order_by(User.display_name)
        )
    )
    organisers_form = organisers_form or OrganisersForm(
        formdata=None, organiser_ids=[u.id for u in consultation.organisers]
    )
    organisers_form.organiser_ids.choices = [SelectChoice(u.id, u.display_name) for u in organiser_choices]
    history = list(
        db.session.scalars(
            sa.select(AuditEntry)
            .where(AuditEntry.target_type == "consultation", AuditEntry.target_id == consultation.id)
            .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
            .limit(100)
        )
    )
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
    if form.validate_on_submit():
        try:
            service(current_user._get_current_object(), consultation)
        except UserError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for("consultations_manage.edit", consultation_id=consultation_id), 303)
        db.session.commit()
        flash(success, "success")
    return redirect(url_for("consultations_manage.edit", consultation_id=consultation_id), 303)


@bp.post("/<id:consultation_id>/publish")
def publish(consultation_id: int):
    """Publish now, or schedule when the opening moment is in the future."""
    return _action(consultation_id, services.publish, _("The consultation is published."))


@bp.post("/<id:consultation_id>/close")
def close(consultation_id: int):
    """Close an open consultation now."""
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
        SelectChoice(u.id, u.display_name)
        for u in db.session.scalars(sa.select(User).where(User.role.in_([Role.ORGANISER, Role.ADMIN])))
    ]
    if form.validate_on_submit():
        try:
            services.set_organisers(current_user._get_current_object(), consultation, form.organiser_ids.data or [])
        except UserError as exc:
            form.apply_error(exc)
        else:
            db.session.commit()
            flash(_("The organisers are saved."), "success")
            return redirect(url_for("consultations_manage.edit", consultation_id=consultation_id), 303)
    form_class = consultation_form_class()
    edit_form = _with_choices(form_class(formdata=None))
    edit_form.fill_from(consultation)
    return _edit_page(consultation, edit_form, organisers_form=form), 422


@bp.post("/<id:consultation_id>/phases")
def add_phase(consultation_id: int):
    """Add a named, dated step to the timeline."""
    consultation = _managed_or_404(consultation_id)
    form = phase_form_class()()
    if form.validate_on_submit():
        try:
            services.add_phase(
                current_user._get_current_object(),
                consultation,
                {lang: getattr(form, f"name_{lang}").data for lang in form.languages},
                from_brussels_naive(form.starts_at.data),
                from_brussels_naive(form.ends_at.data),
            )
        except UserError as exc:
            form.apply_error(exc)
        else:
            db.session.commit()
            flash(_("The phase is added."), "success")
            return redirect(url_for("consultations_manage.edit", consultation_id=consultation_id), 303)
    edit_form = _with_choices(consultation_form_class()(formdata=None))
    edit_form.fill_from(consultation)
    return _edit_page(consultation, edit_form, phase_form=form), 422


@bp.post("/<id:consultation_id>/phases/<id:phase_id>/delete")
def remove_phase(consultation_id: int, phase_id: int):
    """Remove a step from the timeline."""
    consultation = _managed_or_404(consultation_id)
    if ActionForm().validate_on_submit():
        try:
            services.remove_phase(current_user._get_current_object(), consultation, phase_id)
        except UserError as exc:
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("The phase is removed."), "success")
    return redirect(url_for("consultations_manage.edit", consultation_id=consultation_id), 303)


HISTORY_LABELS = {
    "consultation.created": lambda: _("Created"),
    "consultation.edited": lambda: _("Edited"),
    "consultation.published": lambda: _("Published"),
    "consultation.scheduled": lambda: _("Scheduled"),
    "consultation.closed": lambda: _("Closed"),
    "consultation.results_published": lambda: _("Results published"),
    "consultation.organisers_changed": lambda: _("Organisers changed"),
    "consultation.phase_added": lambda: _("Phase added"),
    "consultation.phase_removed": lambda: _("Phase removed"),
}


@bp.app_template_global()
def history_label(entry) -> str:
    """What happened, in words, with the changed fields when there are any."""
    label = HISTORY_LABELS.get(entry.action, lambda: entry.action)()
    fields = ", ".join(sorted((entry.details or {}).keys())) if entry.action == "consultation.edited" else ""
    return f"{label}: {fields}" if fields else label


@bp.app_template_global()
def status_label(consultation) -> str:
    from participation.consultations.views import STATUS_LABELS

    return str(STATUS_LABELS[consultation.status()])
