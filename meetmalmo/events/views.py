"""The public meeting pages with registration, the links in the meetings' e-mail, and the
office's pages for meetings, registrants, attendance and minutes."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meetmalmo.accounts.decorators import requires
from meetmalmo.core.bilingual import page_language
from meetmalmo.core.csv import csv_response, dialect_for
from meetmalmo.core.errors import Refused
from meetmalmo.core.http import found_or_404
from meetmalmo.core.xlsx import xlsx_response
from meetmalmo.events import selectors, services
from meetmalmo.events.calendar import calendar
from meetmalmo.events.following import series_of, series_title
from meetmalmo.events.forms import (
    CancelForm,
    EventForm,
    FilterForm,
    InviteForm,
    MessageForm,
    MinutesForm,
    VisitorForm,
)
from meetmalmo.events.models import Registration
from meetmalmo.events.permissions import can_manage_events, can_see_online_link

PAGE_SIZE = 10
# More upcoming meetings than this is more than a year of the forum.
UPCOMING_SHOWN = 50


@require_GET
def event_list(request):
    filters = FilterForm(request.GET, areas=selectors.focus_areas())
    chosen = filters.cleaned_data if filters.is_valid() else {}
    kind, focus_area = chosen.get("kind", ""), chosen.get("focus_area", "")
    past = Paginator(selectors.past(kind=kind, focus_area=focus_area), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "events/list.html",
        {
            "upcoming": selectors.upcoming(kind=kind, focus_area=focus_area)[:UPCOMING_SHOWN],
            "page": past,
            "filters": filters,
            "query": urlencode({k: v for k, v in chosen.items() if v}),
            "series": series_of(kind) if kind else None,
            "series_title": series_title(series_of(kind)) if kind else "",
        },
    )


def _detail(request, event, *, form=None, status=200):
    registration = selectors.own_registration(event, request.user)
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "registration": registration,
            "show_link": can_see_online_link(request.user, event, registration),
            "form": form or VisitorForm(),
            "seats_left": None
            if event.capacity is None
            else max(event.capacity - event.seats_taken, 0),
            "closed": services.closed_reason(event),
            "staff": can_manage_events(request.user),
            "retention_days": VisitorForm().retention_days,
            "series": series_of(event.kind),
            "series_title": series_title(series_of(event.kind)),
        },
        status=status,
    )


@require_GET
def detail(request, slug):
    event = found_or_404(selectors.event(slug, staff=can_manage_events(request.user)))
    return _detail(request, event)


@require_GET
def event_ics(request, slug):
    event = found_or_404(selectors.event(slug, staff=can_manage_events(request.user)))
    response = HttpResponse(calendar([event]), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@require_GET
def feed_ics(request):
    response = HttpResponse(
        calendar(selectors.feed_events(), name=_("Meet Malmö events")),
        content_type="text/calendar; charset=utf-8",
    )
    return response


def _refused_page(request, event, message, status=400):
    return render(
        request, "events/refused.html", {"event": event, "message": message}, status=status
    )


@require_POST
def register(request, slug):
    """A member in one step; a visitor with name, address and organisation, confirmed later."""
    event = found_or_404(selectors.event(slug, staff=can_manage_events(request.user)))
    if request.user.is_authenticated:
        try:
            registration = services.register_member(event=event, user=request.user)
        except Refused as refused:
            return _refused_page(request, event, refused.message)
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("You are registered. A confirmation is on its way."))
        else:
            messages.info(
                request,
                _("The meeting is full: you are on the waitlist and hear from us if a seat frees."),
            )
        return redirect(f"{event.get_absolute_url()}#registration")
    form = VisitorForm(request.POST)
    if not form.is_valid():
        return _detail(request, event, form=form, status=400)
    if not form.is_spam():
        try:
            services.register_visitor(
                event=event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                language=page_language(),
            )
        except Refused as refused:
            if refused.field:
                form.add_error(refused.field, refused.message)
                return _detail(request, event, form=form, status=400)
            return _refused_page(request, event, refused.message)
    return render(request, "events/check_email.html", {"event": event})


@require_POST
def cancel(request, slug):
    """A member gives up their own place on the meeting's page."""
    event = found_or_404(selectors.event(slug))
    if not request.user.is_authenticated:
        return redirect("account_login")
    registration = selectors.own_registration(event, request.user)
    if registration is None:
        return _refused_page(request, event, _("You are not registered for this meeting."))
    try:
        services.cancel_registration(registration=registration)
    except Refused as refused:
        return _refused_page(request, event, refused.message)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(f"{event.get_absolute_url()}#registration")


def _link_registration(request, purpose, token):
    """The registration an e-mailed link is for; a member's link opens for that member only."""
    registration = found_or_404(selectors.registration_by_token(purpose, token))
    user = request.user
    if registration.user_id and user.is_authenticated and user.pk != registration.user_id:
        raise PermissionDenied
    return registration


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The visitor's confirmation link: a page with one button, so that a mail program that
    opens links to check them confirms nothing."""
    registration = _link_registration(request, "confirm", token)
    if request.method == "POST":
        try:
            registration = services.confirm_visitor(registration=registration)
        except Refused as refused:
            return _refused_page(request, registration.event, refused.message)
        return render(request, "events/confirmed.html", {"registration": registration})
    return render(request, "events/confirm.html", {"registration": registration})


@require_http_methods(["GET", "POST"])
def cancel_link(request, token):
    registration = _link_registration(request, "cancel", token)
    if request.method == "POST":
        try:
            services.cancel_registration(registration=registration)
        except Refused as refused:
            return _refused_page(request, registration.event, refused.message)
        return render(request, "events/cancelled.html", {"registration": registration})
    if registration.status == Registration.Status.CANCELLED:
        return _refused_page(
            request, registration.event, _("This registration is already cancelled.")
        )
    return render(request, "events/cancel.html", {"registration": registration})


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """A resource's invitation: one click registers the person it was sent to."""
    event, person = found_or_404(selectors.invitation(token))
    if request.user.is_authenticated and request.user.pk != person.pk:
        raise PermissionDenied
    if request.method == "POST":
        try:
            registration = services.register_member(event=event, user=person)
        except Refused as refused:
            return _refused_page(request, event, refused.message)
        return render(request, "events/confirmed.html", {"registration": registration})
    return render(request, "events/invitation.html", {"event": event, "person": person})


# The office's pages.


@requires(can_manage_events)
@require_GET
def staff_list(request):
    page = Paginator(selectors.staff_events(), 30).get_page(request.GET.get("page"))
    return render(request, "events/staff/list.html", {"page": page, "query": ""})


@requires(can_manage_events)
@require_http_methods(["GET", "POST"])
def staff_edit(request, pk=None):
    instance = found_or_404(selectors.staff_event(pk)) if pk else None
    initial = {} if instance else {"organiser": request.user.pk}
    form = EventForm(
        request.POST or None, request.FILES or None, instance=instance, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.event_save(form=form, actor=request.user)
        except Refused as refused:
            form.add_error(refused.field, refused.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("events:staff_event", pk=saved.pk)
    return render(
        request,
        "events/staff/edit.html",
        {"form": form, "event": instance},
        status=400 if request.method == "POST" else 200,
    )


def _staff_page(request, event, *, message_form=None, cancel_form=None, status=200):
    return render(
        request,
        "events/staff/event.html",
        {
            "event": event,
            "registrations": selectors.registrations(event),
            "counts": selectors.counts(event),
            "brought_in": selectors.brought_in(event),
            "message_form": message_form or MessageForm(),
            "cancel_form": cancel_form or CancelForm(),
        },
        status=status,
    )


@requires(can_manage_events)
@require_GET
def staff_event(request, pk):
    return _staff_page(request, found_or_404(selectors.staff_event(pk)))


@requires(can_manage_events)
@require_POST
def staff_publish(request, pk):
    event = found_or_404(selectors.staff_event(pk))
    try:
        services.event_publish(event=event, actor=request.user)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The meeting is published."))
    return redirect("events:staff_event", pk=event.pk)


@requires(can_manage_events)
@require_POST
def staff_cancel(request, pk):
    event = found_or_404(selectors.staff_event(pk))
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            services.event_cancel(
                event=event, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except Refused as refused:
            form.add_error("reason" if refused.field else None, refused.message)
        else:
            messages.success(
                request, _("The meeting is cancelled and everyone registered is told.")
            )
            return redirect("events:staff_event", pk=event.pk)
    return _staff_page(request, event, cancel_form=form, status=400)


@requires(can_manage_events)
@require_POST
def staff_message(request, pk):
    event = found_or_404(selectors.staff_event(pk))
    form = MessageForm(request.POST)
    if form.is_valid():
        sent = services.message_registrants(
            event=event,
            actor=request.user,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
        )
        messages.success(
            request,
            ngettext(
                "The message was sent to %(n)d person.",
                "The message was sent to %(n)d people.",
                sent,
            )
            % {"n": sent},
        )
        return redirect("events:staff_event", pk=event.pk)
    return _staff_page(request, event, message_form=form, status=400)


@requires(can_manage_events)
@require_GET
def staff_attendance(request, pk):
    event = found_or_404(selectors.staff_event(pk))
    return render(
        request,
        "events/staff/attendance.html",
        {"event": event, "seated": selectors.seated(event), "counts": selectors.counts(event)},
    )


@requires(can_manage_events)
@require_POST
def staff_attendance_mark(request, pk, registration_pk):
    """One person present or not; with htmx the row answers in place and keeps the focus."""
    event = found_or_404(selectors.staff_event(pk))
    registration = found_or_404(
        Registration.objects.filter(event=event, pk=registration_pk).select_related("event").first()
    )
    try:
        services.attendance_set(
            registration=registration,
            actor=request.user,
            attended=request.POST.get("attended") == "1",
        )
    except Refused as refused:
        if request.headers.get("HX-Request") == "true":
            return HttpResponse(refused.message, status=400)
        messages.error(request, refused.message)
    if request.headers.get("HX-Request") == "true":
        return render(
            request, "events/staff/attendee.html", {"person": registration, "event": event}
        )
    return redirect("events:staff_attendance", pk=event.pk)


@requires(can_manage_events)
@require_http_methods(["GET", "POST"])
def staff_minutes(request, pk):
    event = found_or_404(selectors.staff_event(pk))
    form = MinutesForm(
        request.POST or None,
        initial={"minutes_sv": event.minutes_sv, "minutes_en": event.minutes_en},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_save(event=event, actor=request.user, **form.cleaned_data)
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The minutes are published on the meeting's page."))
            return redirect("events:staff_event", pk=event.pk)
    return render(
        request,
        "events/staff/minutes.html",
        {"event": event, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@requires(can_manage_events)
@require_http_methods(["GET", "POST"])
def staff_invite(request, pk):
    event = found_or_404(selectors.staff_event(pk))
    form = InviteForm(request.POST or None, pool=selectors.pool())
    if request.method == "POST" and form.is_valid():
        people = list(form.cleaned_data["people"])
        if form.cleaned_data["focus_area"]:
            people += list(selectors.pool(form.cleaned_data["focus_area"]))
        try:
            invited = services.invite_resources(
                event=event, actor=request.user, people={p.pk: p for p in people}.values()
            )
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request,
                ngettext("%(n)d resource invited.", "%(n)d resources invited.", invited)
                % {"n": invited},
            )
            return redirect("events:staff_event", pk=event.pk)
    return render(
        request,
        "events/staff/invite.html",
        {"event": event, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _export_rows(event):
    header = [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Status"),
        _("Member"),
        _("Registered"),
        _("Present"),
    ]
    rows = [
        [
            r.name,
            r.email,
            r.organisation,
            r.get_status_display(),
            _("yes") if r.user_id else _("no"),
            r.created_at,
            _("yes") if r.attended else _("no"),
        ]
        for r in selectors.registrations(event)
    ]
    return header, rows


@requires(can_manage_events)
@require_GET
def staff_export_xlsx(request, pk):
    event = found_or_404(selectors.staff_event(pk))
    header, rows = _export_rows(event)
    return xlsx_response(f"{event.slug}.xlsx", _("Registrations"), header, rows)


@requires(can_manage_events)
@require_GET
def staff_export_csv(request, pk):
    event = found_or_404(selectors.staff_event(pk))
    header, rows = _export_rows(event)
    return csv_response(
        f"{event.slug}.csv",
        header,
        rows,
        bom=True,
        dialect=dialect_for(translation.get_language()),
    )
