"""A process manager's calendar as iCalendar: the decision deadlines of the open cases they are
assigned and the milestones of the groups they give process support, as all-day events that
Outlook and other calendars subscribe to. Each event keeps its UID when the case or group
changes, so a calendar moves the event rather than adding another."""

from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from meetmalmo.core.mail import link_for

# How often a calendar should fetch the feed again (Outlook reads REFRESH-INTERVAL).
REFRESH = timedelta(hours=1)


def _event(*, uid: str, day: date, summary: str, url: str, stamp) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)  # a date alone: an all-day event
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("url", url)
    event.add("description", url)  # Outlook shows the description, not the URL property
    event.add("transp", "TRANSPARENT")  # a deadline does not make the person busy
    return event


def feed(person, deadlines, milestones, *, now=None) -> bytes:
    """The iCalendar file of a person's deadlines and milestones, in their language."""
    now = now or timezone.now()
    host = urlsplit(settings.SITE_URL).hostname or "meetmalmo"
    calendar = Calendar()
    calendar.add("prodid", "-//Malmö stad//Meet Malmö//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    with translation.override(person.language):
        calendar.add("x-wr-calname", _("Meet Malmö: %(name)s") % {"name": person.name})
        for case in deadlines:
            calendar.add_component(
                _event(
                    uid=f"case-{case.pk}-decision@{host}",
                    day=timezone.localdate(case.decision_due),
                    summary=_("Decision due: %(title)s") % {"title": case.title},
                    url=link_for(person, "initiatives:case", case.pk),
                    stamp=now,
                )
            )
        for milestone in milestones:
            calendar.add_component(
                _event(
                    uid=f"milestone-{milestone.pk}@{host}",
                    day=milestone.due,
                    summary=_("Milestone: %(milestone)s (%(title)s)")
                    % {"milestone": milestone.title, "title": milestone.group.initiative.title},
                    url=link_for(person, "groups:workspace", milestone.group_id),
                    stamp=now,
                )
            )
    return calendar.to_ical()
