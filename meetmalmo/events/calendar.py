"""Meetings as iCalendar: one file per meeting (the "Add to calendar" link and the confirmation
e-mail's attachment) and the feed of every upcoming one. A meeting keeps its UID through every
change and raises its SEQUENCE, so a calendar moves or cancels the event it already has."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from meetmalmo.core.mail import absolute


def uid(event) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "meetmalmo"
    return f"event-{event.pk}@{host}"


def _component(event, *, stamp) -> CalendarEvent:
    url = absolute(event.get_absolute_url())
    item = CalendarEvent()
    item.add("uid", uid(event))
    item.add("dtstamp", stamp)
    item.add("last-modified", event.updated_at)
    item.add("sequence", event.sequence)
    # Local times with their zone: a calendar shows 08.00 in Malmö whatever the season.
    item.add("dtstart", timezone.localtime(event.starts_at))
    item.add("dtend", timezone.localtime(event.ends_at))
    item.add("summary", event.text("title").value)
    item.add("description", f"{event.text('lead').value}\n\n{url}".strip())
    item.add("url", url)
    location = ", ".join(part for part in (event.venue, event.address) if part)
    if location:
        item.add("location", location)
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return item


def calendar(events, *, name: str = "") -> bytes:
    """The iCalendar file of `events`, in the active language."""
    stamp = timezone.now()
    cal = Calendar()
    cal.add("prodid", "-//Malmö stad//Meet Malmö//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(_component(event, stamp=stamp))
    cal.add_missing_timezones()
    return cal.to_ical()
