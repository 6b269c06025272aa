"""Organisers run their events: create, edit, cancel, duplicate; attendees, CSV, messages;
check-in on the day (search list and QR code); the report afterwards.

Attendee data is personal data: every route checks that the person runs this event.
"""

from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from participation.consultations.models import (
    Consultation,
)
from participation.core.confirm import ask_first, confirm_page, is_confirmed
from participation.core.csv_export import csv_response, csv_safe
from participation.core.forms import ActionForm
from participation.core.i18n import LANGUAGE_NAMES, _, current_lang, ngettext
from participation.core.input_bounds import id_arg, paginate, text_that_fits
from participation.core.permissions import Role, gate_blueprint, require
from participation.core.templating import plain, tr
from participation.core.time import to_brussels
from participation.core.translated import translated
from participation.core.views import form_invalid, run_service
from participation.events import queries, services
from participation.events import registration as places
from participation.events.forms import (
    AUDIENCE_LABELS,
    CHECK_IN_SEARCH_MAX,
    FORMAT_LABELS,
    TEXT_FIELDS,
    CheckInSearchForm,
    MessageForm,
    cancel_event_form_class,
    event_form_class,
    language_completeness,
    report_form_class,
)
from participation.events.models import Event, Registration, RegistrationStatus
from participation.events.permissions import (
    can_cancel_event,
    can_cancel_registration,
    can_check_in,
    can_give_place,
    can_publish_report,
)
from participation.events.tokens import CHECK_IN, InvalidToken, read_registration_token
from participation.extensions import db

bp = Blueprint("events_manage", __name__, url_prefix="/<lang>/organise/events")
gate_blueprint(bp, Role.ORGANISER)

STATUS_LABELS = {
    RegistrationStatus.CONFIRMED: lambda: _("Place confirmed"),
    RegistrationStatus.WAITING: lambda: _("Waiting list"),
    RegistrationStatus.PENDING: lambda: _("Awaiting e-mail confirmation"),
    RegistrationStatus.CANCELLED: lambda: _("Registration cancelled"),
}


def _no_store(body, status=200) -> Response:
    response = Response(body, status)
    response.headers["Cache-Control"] = "no-store"
    return response


def _event(event_id: int) -> Event:
    return queries.event_managed_by(current_user, event_id)


def _registration(event: Event, registration_id: int) -> Registration:
    return queries.registration_of_event(event, registration_id)


def _consultation_choices() -> list[Consultation]:
    return list(db.session.scalars(queries.consultations_for_new_events(current_user)))


def _event_form(event: Event | None = None):
    form = event_form_class()()
    consultations = _consultation_choices()
    if event is not None and event.consultation is not None and event.consultation not in consultations:
        consultations.append(event.consultation)
    form.setup(consultations, stand_alone_allowed=True, lang=current_lang())
    return form


# ----------------------------------------------------------------------------- list


@bp.get("/")
def index():
    page = paginate(queries.manageable_events(current_user), per_page=25)
    return _no_store(render_template("events/manage/index.html", page=page))


# --------------------------------------------------------------------- create / edit


def _edit_page(form, event=None):
    completeness = language_completeness(
        form, [name for name, *_rest in TEXT_FIELDS], required=("title", "description")
    )
    return _no_store(
        render_template(
            "events/manage/edit.html", form=form, event=event, completeness=completeness, language_names=LANGUAGE_NAMES
        )
    )


@bp.route("/new", methods=["GET", "POST"])
def create():
    form = _event_form()
    if request.method == "GET":
        form.consultation_id.data = id_arg("consultation") or 0
        form.languages.data = ["nl"]
        return _edit_page(form)
    if not form.validate():
        return form_invalid(_edit_page(form))
    return run_service(
        lambda: services.create_event(current_user, form.event_input()),
        form=form,
        page=lambda exc: _edit_page(form),
        success=_("The event is created."),
        to=lambda event: url_for("events_manage.attendees", event_id=event.id),
    )


@bp.route("/<id:event_id>/edit", methods=["GET", "POST"])
def edit(event_id: int):
    event = _event(event_id)
    form = _event_form(event)
    if request.method == "GET":
        form.fill_from(event)
        return _edit_page(form, event)
    if not form.validate():
        return form_invalid(_edit_page(form, event))
    return run_service(
        lambda: services.update_event(current_user, event.id, form.event_input()),
        form=form,
        page=lambda exc: _edit_page(form, _event(event_id)),
        success=_saved_message,
        to=url_for("events_manage.attendees", event_id=event.id),
    )


def _saved_message(promoted) -> None:
    flash(_("The event is saved."), "success")
    if promoted:
        flash(
            ngettext(
                "%(num)d person moved from the waiting list to a place and was told by e-mail.",
                "%(num)d people moved from the waiting list to a place and were told by e-mail.",
                len(promoted),
            ),
            "info",
        )


@bp.post("/<id:event_id>/duplicate")
def duplicate(event_id: int):
    event = _event(event_id)
    require(ActionForm().validate(), 400)
    copy = services.duplicate_event(current_user, event)
    db.session.commit()
    flash(_("This is a copy, one week later. Check the dates and texts, then save."), "info")
    return redirect(url_for("events_manage.edit", event_id=copy.id), 303)


@bp.route("/<id:event_id>/cancel", methods=["GET", "POST"])
def cancel(event_id: int):
    event = _event(event_id)
    form = cancel_event_form_class()()
    if request.method == "GET":
        return _cancel_page(event, form)
    if not form.validate():
        return form_invalid(_cancel_page(event, form))
    return run_service(
        lambda: services.cancel_event(current_user, event.id, form.messages()),
        form=form,
        page=lambda exc: _cancel_page(_event(event_id), form),
        success=lambda mailed: ngettext(
            "The event is cancelled; %(num)d person was told by e-mail.",
            "The event is cancelled; %(num)d people were told by e-mail.",
            mailed,
        ),
        to=url_for("events_manage.attendees", event_id=event.id),
    )


def _cancel_page(event, form):
    return _no_store(
        render_template(
            "events/manage/cancel.html",
            event=event,
            form=form,
            can_cancel_event=can_cancel_event,
            language_names=LANGUAGE_NAMES,
            completeness=language_completeness(form, ["message"], required=("message",)),
        )
    )


# ------------------------------------------------------------------------ attendees


@bp.get("/<id:event_id>/attendees")
def attendees(event_id: int):
    event = _event(event_id)
    status = request.args.get("status")
    statuses = [RegistrationStatus(status)] if status in set(RegistrationStatus) else None
    registrations = list(db.session.scalars(queries.attendees(event.id, statuses=statuses)))
    return _no_store(
        render_template(
            "events/manage/attendees.html",
            event=event,
            registrations=registrations,
            numbers=queries.attendance(event.id),
            status_labels=STATUS_LABELS,
            status_filter=status,
            format_label=FORMAT_LABELS[event.format],
            full=(event.confirmed_places or 0) >= event.capacity,
            can_give_place=can_give_place,
            can_cancel_registration=can_cancel_registration,
        )
    )


@bp.get("/<id:event_id>/attendees.csv")
def attendees_csv(event_id: int):
    event = _event(event_id)
    rows = [
        [
            _("Status"),
            _("Waiting list number"),
            _("Name"),
            _("E-mail address"),
            _("Account"),
            _("Registered on"),
            _("Dietary needs"),
            _("Accessibility needs"),
            # The event's own question, in the download's language (a Dutch fallback says so).
            csv_safe(translated(event.free_question, current_lang()).as_plain())
            if event.free_question
            else _("Answer to the event's question"),
            _("Checked in"),
        ]
    ]
    waiting_number = 0
    for registration in db.session.scalars(queries.attendees(event.id)):
        if registration.status == RegistrationStatus.WAITING:
            waiting_number += 1
        rows.append(
            [
                STATUS_LABELS[registration.status](),
                waiting_number if registration.status == RegistrationStatus.WAITING else "",
                csv_safe(registration.display_name()),
                csv_safe(registration.user.email if registration.user else registration.email),
                _("yes") if registration.user_id else _("no"),
                to_brussels(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                csv_safe(registration.dietary_needs),
                csv_safe(registration.accessibility_needs),
                csv_safe(registration.free_answer),
                to_brussels(registration.checked_in_at).strftime("%Y-%m-%d %H:%M")
                if registration.checked_in_at
                else "",
            ]
        )
    return csv_response(rows, f"attendees-event-{event.id}.csv")


def _place_action(event_id: int, registration_id: int, do, success: str, back: str = "attendees"):
    event = _event(event_id)
    registration = _registration(event, registration_id)
    require(ActionForm().validate(), 400)
    if back == "check_in":
        # The search goes back into the address (a header): only one the search form accepts.
        query = text_that_fits(request.form.get("q") or None, CHECK_IN_SEARCH_MAX)
        to = url_for("events_manage.check_in", event_id=event.id, q=query)
    else:
        to = url_for("events_manage.attendees", event_id=event.id)
    return run_service(lambda: do(event, registration), success=success, to=to)


@bp.post("/<id:event_id>/registrations/<id:registration_id>/give-place")
def give_place(event_id: int, registration_id: int):
    return _place_action(
        event_id,
        registration_id,
        lambda e, r: places.give_place_by_hand(r.id, e.id, current_user),
        _("The person has a place now and was told by e-mail."),
    )


@bp.route("/<id:event_id>/registrations/<id:registration_id>/cancel", methods=["GET", "POST"])
def cancel_registration(event_id: int, registration_id: int):
    """GET asks first (a page of its own); the confirmed POST cancels."""
    if request.method == "GET" or not is_confirmed():
        event = _event(event_id)
        registration = _registration(event, registration_id)
        here = url_for("events_manage.cancel_registration", event_id=event.id, registration_id=registration.id)
        back = url_for("events_manage.attendees", event_id=event.id)
        if request.method == "POST":
            return ask_first(here)
        if not can_cancel_registration(registration, event, current_user):
            return redirect(back, 303)
        return confirm_page(
            heading=_("Cancel the registration of %(name)s?", name=registration.display_name()),
            consequences=[
                _("Event: %(title)s", title=plain(tr(event.title))),
                _(
                    "They lose their place or their spot on the waiting list, and get no e-mail about it: "
                    "tell them yourself. The first person on the waiting list gets the place and an e-mail."
                ),
                _("This cannot be undone: they would have to register again."),
            ],
            submit_label=_("Cancel this registration"),
            back_url=back,
        )
    return _place_action(
        event_id,
        registration_id,
        lambda e, r: places.cancel_registration(r.id, e.id, actor=current_user),
        _("The registration is cancelled."),
    )


@bp.get("/<id:event_id>/message")
def message(event_id: int):
    event = _event(event_id)
    return _message_page(event, MessageForm(formdata=None))


@bp.post("/<id:event_id>/message")
def send_message(event_id: int):
    event = _event(event_id)
    form = MessageForm()
    if not form.validate():
        return form_invalid(_message_page(event, form))
    return run_service(
        lambda: services.message_registrants(
            current_user, event, form.audience.data, form.subject.data, form.body.data
        ),
        form=form,
        page=lambda exc: _message_page(_event(event_id), form),
        success=lambda sent: ngettext(
            "Your message is on its way to %(num)d person.",
            "Your message is on its way to %(num)d people.",
            sent,
        ),
        to=url_for("events_manage.attendees", event_id=event.id),
    )


def _message_page(event, form):
    return _no_store(
        render_template("events/manage/message.html", event=event, form=form, audience_labels=AUDIENCE_LABELS)
    )


# ------------------------------------------------------------------------- check-in


@bp.get("/<id:event_id>/check-in")
def check_in(event_id: int):
    """On the day: confirmed people, searchable (typing filters at once with JavaScript; the
    search button does the same without it), each with a button to mark them present."""
    event = _event(event_id)
    form = CheckInSearchForm(request.args)
    form.validate()
    query = (form.q.data or "").strip()
    people = list(
        db.session.scalars(queries.attendees(event.id, search=query or None, statuses=[RegistrationStatus.CONFIRMED]))
    )
    # The live filter announces how many people it shows: the words for every possible count
    # come from here, so each language's plural rules apply (a two-form rule in JavaScript
    # gets French "0 personne" wrong).
    shown_texts = [ngettext("%(num)d person shown", "%(num)d people shown", count) for count in range(len(people) + 1)]
    return _no_store(
        render_template(
            "events/manage/check_in.html",
            event=event,
            form=form,
            people=people,
            query=query,
            numbers=queries.attendance(event.id),
            shown_texts=shown_texts,
        )
    )


@bp.post("/<id:event_id>/registrations/<id:registration_id>/check-in")
def mark_present(event_id: int, registration_id: int):
    present = request.form.get("present") != "0"
    return _place_action(
        event_id,
        registration_id,
        lambda e, r: places.set_check_in(r.id, e.id, current_user, present),
        _("Marked as present.") if present else _("No longer marked as present."),
        back="check_in",
    )


@bp.route("/<id:event_id>/check-in/<token>", methods=["GET", "POST"])
def check_in_code(event_id: int, token: str):
    """What the organiser's phone opens from the QR code: who it is, and one button."""
    event = _event(event_id)
    try:
        registration_id, token_event_id = read_registration_token(CHECK_IN, token)
    except InvalidToken:
        return _no_store(
            render_template("events/link_invalid.html", message=_("This check-in code is not valid.")), 400
        )
    require(token_event_id == event.id, 404)
    registration = _registration(event, registration_id)
    if request.method == "GET":
        return _check_in_code_page(event, registration)
    require(ActionForm().validate(), 400)
    name = registration.display_name()
    return run_service(
        lambda: places.set_check_in(registration.id, event.id, current_user, True),
        page=lambda exc: _check_in_code_page(_event(event_id), _registration(event, registration_id)),
        success=_("%(name)s is checked in.", name=name),
        to=url_for("events_manage.check_in_code", event_id=event.id, token=token),
    )


def _check_in_code_page(event, registration):
    return _no_store(
        render_template(
            "events/manage/check_in_code.html",
            event=event,
            registration=registration,
            status_labels=STATUS_LABELS,
            can_check_in=can_check_in,
        )
    )


# --------------------------------------------------------------------------- report


@bp.route("/<id:event_id>/report", methods=["GET", "POST"])
def report(event_id: int):
    event = _event(event_id)
    form = report_form_class()()
    numbers = queries.attendance(event.id)
    if request.method == "GET":
        for lang in form.content_languages:
            getattr(form, f"summary_{lang}").data = (event.report_summary or {}).get(lang, "")
        form.attendees.data = (
            event.report_attendees if event.report_attendees is not None else numbers["checked_in"] or None
        )
        return _report_page(event, form, numbers)
    if not form.validate():
        return form_invalid(_report_page(event, form, numbers))
    return run_service(
        lambda: services.publish_report(current_user, event, form.summaries(), form.attendees.data),
        form=form,
        page=lambda exc: _report_page(_event(event_id), form, numbers),
        success=_("The report is published on the event page and its consultation."),
        to=url_for("events.detail", event_id=event.id),
    )


def _report_page(event, form, numbers):
    return _no_store(
        render_template(
            "events/manage/report.html",
            event=event,
            form=form,
            can_publish_report=can_publish_report,
            numbers=numbers,
            completeness=language_completeness(form, ["summary"], required=("summary",)),
            language_names=LANGUAGE_NAMES,
        )
    )
