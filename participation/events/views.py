"""Public event pages: the list, one event, registering (resident or visitor), the personal
registration page reached from the mail (ticket, cancel), calendar files, my registrations.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from participation.core.antispam import antispam_message, passes_antispam
from participation.core.confirm import ask_first, confirm_page, is_confirmed
from participation.core.errors import UserError
from participation.core.forms import ActionForm
from participation.core.i18n import LANGUAGE_NAMES, _, current_lang
from participation.core.input_bounds import paginate
from participation.core.permissions import require
from participation.core.ratelimits import actor_key
from participation.core.templating import plain, tr
from participation.core.views import form_error_status, form_invalid, run_service, with_status
from participation.events import ics, queries
from participation.events import registration as places
from participation.events.forms import (
    FORMAT_LABELS,
    EventFilterForm,
    GuestRegisterForm,
    RegisterForm,
)
from participation.events.models import Event, EventFormat, Registration, RegistrationStatus
from participation.events.permissions import can_cancel_registration, can_manage_event
from participation.events.qr import check_in_qr_svg
from participation.events.tokens import (
    GUEST_CONFIRM,
    TICKET,
    InvalidToken,
    make_registration_token,
    read_registration_token,
)
from participation.extensions import db, limiter

bp = Blueprint("events", __name__, url_prefix="/<lang>")

PER_PAGE = 12
REGISTER_LIMITS = "10 per minute;60 per hour"
# Each visitor request sends a mail to an address we cannot trust yet: keep it scarce.
GUEST_LIMITS = "5 per minute;20 per hour"


def _event_or_404(event_id: int) -> Event:
    return queries.event_visible_to(current_user, event_id)


# ------------------------------------------------------------------------ browsing


@bp.get("/events/")
def index():
    """Upcoming events soonest first (or past ones), filtered by consultation, theme, format, language."""
    lang = current_lang()
    form = EventFilterForm(request.args)
    form.setup(
        list(db.session.scalars(queries.consultations_with_events())),
        list(db.session.scalars(queries.themes_with_events())),
        lang,
    )
    when = queries.When.PAST if form.chosen(form.when) == "past" else queries.When.UPCOMING
    event_format = form.chosen(form.format)
    stmt = queries.catalogue(
        when=when,
        consultation_slug=form.chosen(form.consultation),
        theme_slug=form.chosen(form.theme),
        event_format=EventFormat(event_format) if event_format else None,
        language=form.chosen(form.language),
    )
    page = paginate(stmt, per_page=PER_PAGE)
    return render_template(
        "events/index.html", page=page, form=form, when=when.value, formats=FORMAT_LABELS, language_names=LANGUAGE_NAMES
    )


@bp.get("/events/<id:event_id>")
def detail(event_id: int):
    event = _event_or_404(event_id)
    return _detail_page(event)


def _detail_page(event: Event, form=None, guest_form=None, error: str | None = None):
    lang = current_lang()
    mine, position = None, 0
    if current_user.is_authenticated:
        mine, position = queries.active_registration_with_position(event.id, current_user.id)
    block = (
        places.registration_block_reason(current_user, event)
        if current_user.is_authenticated
        else places.closed_reason(event)
    )
    # A form is only built when the page shows it: building one makes a CSRF token, which would
    # make an anonymous visitor's page personal (and uncacheable, see core/page_cache.py).
    if form is None and current_user.is_authenticated:
        form = RegisterForm(formdata=None)
    if guest_form is None and not (current_user.is_authenticated or block or event.has_ended() or event.is_cancelled):
        guest_form = GuestRegisterForm(formdata=None)
    for f in (form, guest_form):
        if f is not None:
            f.label_free_question(event, lang)
    if guest_form is not None:
        guest_form.refresh_form_token()
    return render_template(
        "events/detail.html",
        event=event,
        mine=mine,
        position=position,
        block=block,
        form=form,
        guest_form=guest_form,
        can_manage=can_manage_event(current_user, event),
        can_cancel_registration=can_cancel_registration,
        error=error,
        format_label=FORMAT_LABELS[event.format],
        language_names=LANGUAGE_NAMES,
    )


# ------------------------------------------------------------------------ registering


@bp.post("/events/<id:event_id>/register")
@limiter.limit(REGISTER_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def register(event_id: int):
    event = _event_or_404(event_id)
    form = RegisterForm()
    form.label_free_question(event, current_lang())
    if not form.validate():
        return form_invalid(_detail_page(event, form=form))
    return run_service(
        lambda: places.register_resident(event.id, current_user, form.answers()),
        # The refusal (full, closed, suspended) is about the event, not a field: shown above the form.
        page=lambda exc: _detail_page(_event_or_404(event_id), form=form, error=exc.message),
        success=_registered_message,
        to=url_for("events.detail", event_id=event.id),
    )


def _registered_message(registration: Registration) -> None:
    if registration.status == RegistrationStatus.CONFIRMED:
        flash(_("You are registered. We sent you a confirmation with a calendar file."), "success")
    else:
        flash(
            _(
                "The event is full: you are on the waiting list. We will send you an e-mail as soon as a place "
                "frees up."
            ),
            "info",
        )


@bp.post("/events/<id:event_id>/guest")
@limiter.limit(GUEST_LIMITS, methods=["POST"])
def guest_register(event_id: int):
    """A visitor without an account: we mail a link; the place is held once it is clicked."""
    event = _event_or_404(event_id)
    form = GuestRegisterForm()
    form.label_free_question(event, current_lang())
    if not form.validate():
        return form_invalid(_detail_page(event, guest_form=form))
    if not passes_antispam(form):
        form.form_errors.append(antispam_message())
        return form_invalid(_detail_page(event, guest_form=form))
    # Not run_service: success shows a page (check your e-mail) instead of redirecting, and a
    # refusal without a field is shown above the form rather than in it.
    try:
        places.request_guest_registration(event.id, form.name.data, form.email.data, current_lang(), form.answers())
    except UserError as exc:
        db.session.rollback()
        if exc.field:
            form.apply_error(exc)
        page = _detail_page(_event_or_404(event_id), guest_form=form, error=None if exc.field else exc.message)
        return with_status(page, form_error_status(exc))
    db.session.commit()
    return render_template("events/check_email.html", event=event, email=form.email.data)


def _registration_from(purpose: str, token: str) -> Registration:
    """The registration a mailed link points to; a tampered or expired link gets a clear page."""
    try:
        registration_id, event_id = read_registration_token(purpose, token)
    except InvalidToken:
        abort(_link_invalid(_("This link is not valid. It may have been changed or it has expired.")))
    registration = db.session.get(Registration, registration_id)
    if registration is None or registration.event_id != event_id:
        abort(_link_invalid(_("This registration no longer exists.")))
    return registration


def _link_invalid(message: str, status: int = 400) -> Response:
    return Response(render_template("events/link_invalid.html", message=message), status)


@bp.route("/events/confirm/<token>", methods=["GET", "POST"])
def guest_confirm(token: str):
    """The visitor's double opt-in: a button (not the GET itself) takes the place, so mail scanners cannot."""
    registration = _registration_from(GUEST_CONFIRM, token)
    form = ActionForm()
    if request.method == "POST":
        require(form.validate(), 400)
        try:
            registration = places.confirm_guest_registration(registration.id, registration.event_id)
        except UserError as exc:  # a link that no longer works gets its own page, not a form
            db.session.rollback()
            return _link_invalid(exc.message, exc.status_code)
        db.session.commit()
        return redirect(url_for("events.ticket", token=_ticket_token(registration)), 303)
    if registration.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
        return redirect(url_for("events.ticket", token=_ticket_token(registration)), 303)
    if registration.status == RegistrationStatus.CANCELLED:
        return _link_invalid(_("This registration was cancelled. You can register again on the event page."), 409)
    return render_template(
        "events/guest_confirm.html",
        registration=registration,
        event=registration.event,
        closed=places.closed_reason(registration.event),
    )


def _ticket_token(registration: Registration) -> str:

    return make_registration_token(TICKET, registration)


@bp.get("/events/registrations/<token>")
def ticket(token: str):
    """The personal page of a registration: status, online link, check-in code, cancel button."""
    registration = _registration_from(TICKET, token)
    event = queries.event_with_counts(registration.event_id)
    position = queries.waiting_position(registration)
    qr = check_in_qr_svg(registration) if registration.status == RegistrationStatus.CONFIRMED else None
    response = Response(
        render_template(
            "events/ticket.html",
            registration=registration,
            event=event,
            position=position,
            qr=qr,
            token=token,
            format_label=FORMAT_LABELS[event.format],
            can_cancel_registration=can_cancel_registration,
        )
    )
    # Personal page behind a secret link: never cache it, never leak the link onwards.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.get("/events/registrations/<token>/event.ics")
def ticket_ics(token: str):
    """The calendar file with the online link, for people who hold a place."""
    registration = _registration_from(TICKET, token)
    event = registration.event
    online = event.online_url if registration.status == RegistrationStatus.CONFIRMED and event.is_online else None
    return _ics_response(ics.event_calendar(event, current_lang(), online), f"event-{event.id}.ics")


def _cancel_question(event: Event, back_url: str, hidden: dict | None = None) -> Response:
    """Asks before a resident gives back their place (also from the link in the mail)."""
    response = confirm_page(
        heading=_("Cancel your registration?"),
        consequences=[
            _("Event: %(title)s", title=plain(tr(event.title))),
            _(
                "Your place goes to the first person on the waiting list. This cannot be undone: "
                "to come after all, you register again, if there is still a place."
            ),
        ],
        submit_label=_("Cancel my registration"),
        back_url=back_url,
        hidden=hidden,
    )
    # Personal page (behind a secret link for the mail): never cache it, never leak the link onwards.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/events/registrations/<token>/cancel", methods=["GET", "POST"])
def ticket_cancel(token: str):
    """GET asks first; the confirmed POST cancels."""
    registration = _registration_from(TICKET, token)
    back = url_for("events.ticket", token=token)
    if request.method == "GET":
        if not can_cancel_registration(registration, registration.event):
            return redirect(back, 303)
        return _cancel_question(registration.event, back)
    if not is_confirmed():
        return ask_first(url_for("events.ticket_cancel", token=token))
    require(ActionForm().validate(), 400)
    return run_service(
        lambda: places.cancel_registration(registration.id, registration.event_id),
        success=_("Your registration is cancelled. Thank you for letting us know."),
        to=url_for("events.ticket", token=token),
    )


@bp.route("/events/<id:event_id>/cancel", methods=["GET", "POST"])
@limiter.limit(REGISTER_LIMITS, key_func=actor_key, methods=["POST"])
@login_required
def cancel(event_id: int):
    """A resident cancels their own registration from the event page or their list: GET asks first."""
    event = _event_or_404(event_id)
    # Back to the page the button was on, whatever the outcome.
    from_mine = request.values.get("next") == "mine"
    back = url_for("events.mine") if from_mine else url_for("events.detail", event_id=event.id)
    mine = queries.active_registration_of(event.id, current_user.id)
    if mine is None:
        flash(_("You have no registration for this event."), "error")
        return redirect(back, 303)
    if request.method == "GET":
        if not can_cancel_registration(mine, event):
            return redirect(back, 303)
        return _cancel_question(event, back, hidden={"next": "mine"} if from_mine else None)
    if not is_confirmed():
        return ask_first(url_for("events.cancel", event_id=event.id, next="mine" if from_mine else None))
    require(ActionForm().validate(), 400)
    return run_service(
        lambda: places.cancel_registration(mine.id, event.id, actor=current_user),
        success=_("Your registration is cancelled. Thank you for letting us know."),
        to=back,
    )


@bp.get("/events/mine")
@login_required
def mine():
    rows = db.session.execute(queries.registrations_of_user(current_user.id)).all()
    return render_template(
        "events/mine.html", rows=rows, ticket_token=_ticket_token, can_cancel_registration=can_cancel_registration
    )


# ------------------------------------------------------------------------ calendar


def _ics_response(body: bytes, filename: str) -> Response:
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/events/<id:event_id>.ics")
def event_ics(event_id: int):
    event = _event_or_404(event_id)
    return _ics_response(ics.event_calendar(event, current_lang()), f"event-{event.id}.ics")


@bp.get("/events.ics")
def feed():
    """All upcoming events, to subscribe to in a calendar."""
    lang = current_lang()
    events = list(db.session.scalars(queries.feed_events()))
    body = ics.events_feed(events, lang, _("Participation events of the City of Ghent"))
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'inline; filename="events.ics"'
    return response
