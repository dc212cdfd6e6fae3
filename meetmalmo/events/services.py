"""Changes to meetings and their registrations. Seats are counted with the meeting's row locked
(PostgreSQL) or with writes taking turns (SQLite), so concurrent registrations never take more
seats than there are; the waitlist moves up in the same transaction as the cancellation that
frees a seat."""

import random
import time
from datetime import timedelta

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetmalmo.core import public_cache
from meetmalmo.core.errors import Refused
from meetmalmo.core.images import resized
from meetmalmo.core.mail import link_for
from meetmalmo.events import tokens
from meetmalmo.events.models import Event, EventInitiative, Registration
from meetmalmo.events.notices import invite, tell_registrant
from meetmalmo.events.permissions import can_manage_events

Status = Registration.Status
# SQLite answers "database is locked" to a writer that waited longer than its busy timeout, or
# at once between connections to one in-memory database (the tests): such a registration is
# tried again, on a fresh connection, rather than refused.
ATTEMPTS = 50


def _taking_turns(work):
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return work()
        except OperationalError as error:
            retry = "locked" in str(error) and not connection.in_atomic_block
            if not retry or attempt == ATTEMPTS - 1:
                raise
            # A failed BEGIN can leave the connection half in a transaction.
            connection.close()
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
    raise AssertionError("unreachable")


def _locked(event: Event) -> Event:
    """The meeting's row again, locked until the transaction ends, so seats are counted by one
    registration at a time. SQLite has no row locks; there the IMMEDIATE transaction already
    lets one writer in at a time."""
    rows = Event.objects.all()
    if connection.features.has_select_for_update:
        rows = rows.select_for_update(of=("self",))
    return rows.get(pk=event.pk)


def _seats_taken(event: Event) -> int:
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).count()


def _has_seat(event: Event) -> bool:
    return event.capacity is None or _seats_taken(event) < event.capacity


def _check_open(event: Event, now=None) -> None:
    now = now or timezone.now()
    if event.state == Event.State.DRAFT:
        raise Refused(_("This meeting is not published."))
    if event.is_cancelled:
        raise Refused(_("This meeting has been cancelled."))
    if event.starts_at <= now:
        raise Refused(_("This meeting has already taken place."))
    if event.registration_opens_at and event.registration_opens_at > now:
        opens = date_format(timezone.localtime(event.registration_opens_at), "j F Y H:i")
        raise Refused(_("Registration opens on %(date)s.") % {"date": opens})
    if event.closes_at <= now:
        raise Refused(_("Registration for this meeting has closed."))


def closed_reason(event: Event) -> str:
    """Why registration for the meeting is closed now, or nothing when it is open."""
    try:
        _check_open(event)
    except Refused as refused:
        return refused.message
    return ""


def _already(event: Event, email: str) -> bool:
    return (
        Registration.objects.filter(event=event, email=email).exclude(status=Status.CANCELLED)
    ).exists()


def _already_registered() -> str:
    return _("You are already registered for this meeting.")


def _take_place(registration: Registration, event: Event, now) -> None:
    """A seat if one is free, otherwise the end of the waitlist; the person is told which."""
    if _has_seat(event):
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        tell_registrant("registered", registration, attach=True)
    else:
        registration.status = Status.WAITLISTED
        registration.waitlisted_at = now
        registration.save(update_fields=["status", "waitlisted_at"])
        tell_registrant("waitlisted", registration)


def register_member(*, event: Event, user) -> Registration:
    """A signed-in member registers in one step: a seat, or the waitlist when it is full."""

    def work():
        locked = _locked(event)
        _check_open(locked)
        email = user.email.lower()
        if _already(locked, email):
            raise Refused(_already_registered())
        now = timezone.now()
        registration = Registration.objects.create(
            event=locked,
            user=user,
            name=user.name,
            email=email,
            organisation=user.organisation.name if user.organisation_id else "",
            language=user.language,
        )
        _take_place(registration, locked, now)
        return registration

    try:
        return _taking_turns(work)
    except IntegrityError:
        raise Refused(_already_registered()) from None


def register_visitor(
    *, event: Event, name: str, email: str, organisation: str, language: str
) -> Registration:
    """A visitor without an account: nothing is held until they confirm by the link e-mailed
    to them, so nobody can register someone else's address."""

    def work():
        _check_open(event)
        address = email.lower()
        if _already(event, address):
            raise Refused(_already_registered(), field="email")
        registration = Registration.objects.create(
            event=event,
            name=name,
            email=address,
            organisation=organisation,
            language=language,
            status=Status.PENDING,
        )
        tell_registrant(
            "confirm",
            registration,
            confirm_link=link_for(
                registration, "events:confirm", tokens.make("confirm", registration.pk)
            ),
        )
        return registration

    try:
        return _taking_turns(work)
    except IntegrityError:
        raise Refused(_already_registered(), field="email") from None


def confirm_visitor(*, registration: Registration) -> Registration:
    """The visitor's link: a seat or the waitlist, once. Used again, it changes nothing."""

    def work():
        event = _locked(registration.event)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Status.CANCELLED:
            raise Refused(_("This registration has been cancelled."))
        if current.status != Status.PENDING:
            raise Refused(_("You have already confirmed this registration."))
        _check_open(event)
        current.event = event
        _take_place(current, event, timezone.now())
        return current

    return _taking_turns(work)


def _promote(event: Event, now) -> list[Registration]:
    """Free seats go to the waitlist in the order people joined it."""
    promoted = []
    waiting = Registration.objects.filter(event=event, status=Status.WAITLISTED).order_by(
        "waitlisted_at", "id"
    )
    for registration in waiting:
        if not _has_seat(event):
            break
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        registration.event = event
        tell_registrant("promoted", registration, attach=True)
        promoted.append(registration)
    return promoted


def cancel_registration(*, registration: Registration) -> Registration:
    """The person gives up their place; a seat it frees goes to the first on the waitlist."""

    def work():
        event = _locked(registration.event)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Status.CANCELLED:
            raise Refused(_("This registration is already cancelled."))
        held_seat = current.status == Status.CONFIRMED
        now = timezone.now()
        current.status = Status.CANCELLED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        if held_seat and not event.is_cancelled and event.ends_at > now:
            _promote(event, now)
        return current

    return _taking_turns(work)


def _require_staff(actor) -> None:
    if not can_manage_events(actor):
        raise Refused(_("Only the office manages meetings."))


@transaction.atomic
def event_save(*, form, actor) -> Event:
    """A new meeting (a draft) or a change to one; calendars are told of the change, and
    seats added to a full meeting go to its waitlist."""
    _require_staff(actor)
    event = form.save(commit=False)
    created = event.pk is None
    if "image" in form.changed_data and event.image:
        event.image = resized(form.cleaned_data["image"])
    if not created:
        event.sequence = F("sequence") + 1
    event.save()
    form.save_m2m()
    event.refresh_from_db()
    if not created and event.state == Event.State.PUBLISHED and event.ends_at > timezone.now():
        _promote(_locked(event), timezone.now())
    public_cache.clear()
    return event


@transaction.atomic
def event_publish(*, event: Event, actor) -> Event:
    _require_staff(actor)
    event = _locked(event)
    if event.state != Event.State.DRAFT:
        raise Refused(_("Only a draft is published."))
    event.state = Event.State.PUBLISHED
    event.sequence += 1
    event.save(update_fields=["state", "sequence", "updated_at"])
    public_cache.clear()
    return event


def registrants(event: Event):
    """Everyone holding a seat or waiting for one."""
    return Registration.objects.filter(
        event=event, status__in=(Status.CONFIRMED, Status.WAITLISTED)
    ).select_related("event", "user")


@transaction.atomic
def event_cancel(*, event: Event, actor, reason: str) -> Event:
    """The meeting is off: it says why, calendars mark it cancelled, every registrant is told."""
    _require_staff(actor)
    event = _locked(event)
    if event.is_cancelled:
        raise Refused(_("This meeting is already cancelled."))
    if not reason.strip():
        raise Refused(_("Say why the meeting is cancelled."), field="reason")
    event.state = Event.State.CANCELLED
    event.cancel_reason = reason
    event.sequence += 1
    event.save(update_fields=["state", "cancel_reason", "sequence", "updated_at"])
    for registration in registrants(event):
        registration.event = event
        tell_registrant("cancelled", registration, attach=True)
    public_cache.clear()
    return event


@transaction.atomic
def message_registrants(*, event: Event, actor, subject: str, body: str) -> int:
    """A message from the office to everyone registered or waiting; how many it went to."""
    _require_staff(actor)
    sent = 0
    for registration in registrants(event):
        tell_registrant("message", registration, subject=subject, body=body, sender=actor)
        sent += 1
    return sent


@transaction.atomic
def attendance_set(*, registration: Registration, actor, attended: bool) -> Registration:
    _require_staff(actor)
    event = registration.event
    if timezone.localdate(event.starts_at) > timezone.localdate():
        raise Refused(_("Attendance is marked on the day of the meeting."))
    if registration.status != Status.CONFIRMED:
        raise Refused(_("Only those with a seat are marked as present."))
    registration.attended = attended
    registration.save(update_fields=["attended"])
    return registration


@transaction.atomic
def minutes_save(*, event: Event, actor, minutes_sv: str, minutes_en: str) -> Event:
    """What was discussed, decided and comes next, published on the meeting's page."""
    _require_staff(actor)
    if event.starts_at > timezone.now():
        raise Refused(_("Minutes are written once the meeting has begun."))
    event.minutes_sv = minutes_sv
    event.minutes_en = minutes_en
    event.minutes_published_at = timezone.now() if (minutes_sv or minutes_en) else None
    event.save(update_fields=["minutes_sv", "minutes_en", "minutes_published_at", "updated_at"])
    public_cache.clear()
    return event


def invite_resources(*, event: Event, actor, people) -> int:
    """Resources from the pool get an invitation with a link that registers them in one click;
    those already registered are left out. How many were invited."""
    _require_staff(actor)
    _check_open(event)
    invited = 0
    with transaction.atomic():
        for person in people:
            if _already(event, person.email.lower()):
                continue
            invite(event, person)
            invited += 1
    return invited


def remind_day_before(now) -> str:
    """The hourly job's part for meetings: everyone with a seat hears once, the day before."""
    due = Registration.objects.filter(
        status=Status.CONFIRMED,
        reminded_at__isnull=True,
        event__state=Event.State.PUBLISHED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + timedelta(days=1),
    ).select_related("event", "user")
    reminded = 0
    for registration in due:
        with transaction.atomic():
            # Marked and queued together, and only by the run that marks it.
            if Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(
                reminded_at=now
            ):
                tell_registrant("reminder", registration)
                reminded += 1
    return f"{reminded} meeting reminders sent"


@transaction.atomic
def prune_visitors(*, now, days: int) -> int:
    """Visitors' registrations (name, address, organisation) of meetings that ended more than
    `days` days ago are deleted; members' stay with their account."""
    deleted, _rows = Registration.objects.filter(
        user__isnull=True, event__ends_at__lt=now - timedelta(days=days)
    ).delete()
    return deleted


@transaction.atomic
def initiative_came_from(*, initiative, value: Event) -> EventInitiative:
    """The meeting an initiative recorded by the office was brought in at."""
    link, _created = EventInitiative.objects.update_or_create(
        initiative=initiative, defaults={"event": value}
    )
    return link
