"""Reads of meetings and registrations for the pages, the feeds, the API and the figures."""

from datetime import timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from meetmalmo.core.models import FocusArea
from meetmalmo.events import tokens
from meetmalmo.events.models import Event, EventInitiative, Kind, Registration

Status = Registration.Status


def _listed(rows):
    return rows.annotate(
        # Distinct: another count joined to the same rows would multiply this one.
        seats_taken=Count(
            "registrations",
            filter=Q(registrations__status=Status.CONFIRMED),
            distinct=True,
        )
    ).prefetch_related(Prefetch("focus_areas", queryset=FocusArea.objects.order_by("position")))


def _filtered(rows, *, kind: str = "", focus_area: str = ""):
    if kind:
        rows = rows.filter(kind=kind)
    if focus_area:
        rows = rows.filter(focus_areas__code=focus_area)
    return rows


def focus_areas():
    return list(FocusArea.objects.filter(active=True))


def upcoming(*, kind: str = "", focus_area: str = "", now=None):
    rows = _filtered(Event.objects.published().upcoming(now), kind=kind, focus_area=focus_area)
    return _listed(rows).order_by("starts_at", "id")


def past(*, kind: str = "", focus_area: str = "", now=None):
    rows = _filtered(Event.objects.published().past(now), kind=kind, focus_area=focus_area)
    return _listed(rows).order_by("-starts_at", "-id")


def next_events(count: int = 3):
    """The home page's next meetings, cancelled ones left out."""
    return upcoming().filter(state=Event.State.PUBLISHED)[:count]


def feed_events():
    """Every upcoming published meeting, cancelled ones too, so calendars learn of it."""
    return Event.objects.published().upcoming().order_by("starts_at", "id")


def published_events():
    """For open data: every published meeting, no registrant."""
    return _listed(Event.objects.published()).order_by("-starts_at", "-id")


def event(slug: str, *, staff: bool = False) -> Event | None:
    rows = Event.objects.all() if staff else Event.objects.published()
    return (
        _listed(rows)
        .select_related("organiser")
        .annotate(initiatives_brought=Count("brought_in", distinct=True))
        .filter(slug=slug)
        .first()
    )


def staff_event(pk: int) -> Event | None:
    return _listed(Event.objects.select_related("organiser")).filter(pk=pk).first()


def staff_events():
    return (
        _listed(Event.objects.select_related("organiser"))
        .annotate(waiting=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)))
        .order_by("-starts_at", "-id")
    )


def own_registration(event: Event, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(event=event, user=user).exclude(status=Status.CANCELLED).first()
    )


def registrations(event: Event):
    """Seats first, in the order taken, then the waitlist in its order, then the rest."""
    return Registration.objects.filter(event=event).order_by(
        "status", "confirmed_at", "waitlisted_at", "id"
    )


def counts(event: Event) -> dict[str, int]:
    found = dict(
        Registration.objects.filter(event=event)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    return {status: found.get(status, 0) for status in Status.values} | {
        "attended": Registration.objects.filter(event=event, attended=True).count()
    }


def seated(event: Event):
    return Registration.objects.filter(event=event, status=Status.CONFIRMED).order_by("name", "id")


def registration_by_token(purpose: str, token: str) -> Registration | None:
    found = tokens.read(purpose, token)
    if found is None:
        return None
    return Registration.objects.select_related("event").filter(pk=found[0]).first()


def invitation(token: str):
    """The meeting and the person an invitation link was made for."""
    from meetmalmo.accounts.models import User

    found = tokens.read("invite", token, count=2)
    if found is None:
        return None
    event_pk, user_pk = found
    found_event = Event.objects.published().filter(pk=event_pk).first()
    person = User.objects.filter(pk=user_pk, is_active=True).first()
    return (found_event, person) if found_event and person else None


def brought_in(event: Event):
    """The initiatives recorded as brought in at the meeting, for the office."""
    return (
        EventInitiative.objects.filter(event=event)
        .select_related("initiative")
        .order_by("initiative__created_at")
    )


def initiatives_per_kind(initiatives=None) -> list[tuple[str, int]]:
    """How many initiatives (of `initiatives`, or all) came in at each kind of meeting, for the
    figures."""
    links = EventInitiative.objects.all()
    if initiatives is not None:
        links = links.filter(initiative__in=initiatives)
    found = dict(links.values_list("event__kind").annotate(n=Count("id")).order_by())
    return [(label, found.get(value, 0)) for value, label in Kind.choices]


def events_for_initiative(initiative_pk: int):
    """Published meetings related to a project's initiative, for its project page."""
    return (
        Event.objects.published().filter(related_initiatives=initiative_pk).order_by("-starts_at")
    )


def recent_for_origin(now=None):
    """The meetings an initiative recorded now can have come from: the last year's."""
    now = now or timezone.now()
    return (
        Event.objects.exclude(state=Event.State.DRAFT)
        .filter(starts_at__lte=now, starts_at__gte=now - timedelta(days=365))
        .order_by("-starts_at")
    )


def pool(focus_area=None):
    """The resources who may be contacted, all or those interested in one focus area."""
    from meetmalmo.accounts.models import User
    from meetmalmo.resources.models import ResourceProfile

    profiles = ResourceProfile.objects.available()
    if focus_area is not None:
        profiles = profiles.filter(focus_areas=focus_area)
    return User.objects.filter(pk__in=profiles.values("user_id")).order_by("name", "id")
