"""Following meetings: a meeting series is every meeting of one kind (all breakfast meetings,
all workshops), followed by members. When a meeting is published, the hourly job tells once
the followers of its series, of its focus areas and of what the apps above register as its
targets (`register_targets`: publishing adds the projects of its related initiatives)."""

from collections.abc import Callable
from datetime import datetime

from django.db import transaction

from meetmalmo.events.models import Event, Kind
from meetmalmo.notifications.follows import Followable, tell

SERIES = "meeting_series"
# A series' id in a follow: the kind's place among the kinds, which only grow at the end.
_SERIES_IDS = {kind: number for number, kind in enumerate(Kind.values, start=1)}


def series_of(kind: str) -> int:
    return _SERIES_IDS[kind]


def series_title(pk: int) -> str | None:
    kinds = dict(zip(_SERIES_IDS.values(), Kind.labels, strict=True))
    return str(kinds[pk]) if pk in kinds else None


FOLLOWABLE = Followable(SERIES, series_title, visitors=False)

Targets = Callable[[Event], list[tuple[str, int]]]
_TARGETS: list[Targets] = []


def register_targets(targets: Targets) -> None:
    if targets not in _TARGETS:
        _TARGETS.append(targets)


def _targets_of(event: Event) -> list[tuple[str, int]]:
    found = [(SERIES, series_of(event.kind))]
    found += [("focus_area", pk) for pk in event.focus_areas.values_list("pk", flat=True)]
    for targets in _TARGETS:
        found += targets(event)
    return found


def tell_meetings(now: datetime) -> int:
    """Tell the followers of each meeting published since the last run and still to come: once
    each, the meeting marked told in the same transaction."""
    told = 0
    due = Event.objects.filter(state=Event.State.PUBLISHED, followers_told_at=None, ends_at__gt=now)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            event = Event.objects.select_for_update().filter(pk=pk, followers_told_at=None).first()
            if event is None:
                continue
            Event.objects.filter(pk=pk).update(followers_told_at=now)
            told += tell(
                targets=_targets_of(event),
                template="events/email/followed",
                context={"event": event},
                page=("events:detail", event.slug),
            )
    return told


def hourly(now: datetime) -> str:
    """Following's part of `send_reminders` (registered in apps.py)."""
    return f"{tell_meetings(now)} followers told of meetings"
