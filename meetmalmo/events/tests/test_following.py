"""Following meetings: a member follows a series (every meeting of one kind) from the events
list or a meeting's page and hears once, under Notiser and by e-mail as they chose, of each new
meeting of it; a project's followers hear of a meeting about its initiative, a focus area's of
a meeting in it."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.core.models import FocusArea
from meetmalmo.events import services
from meetmalmo.events.following import series_of, tell_meetings
from meetmalmo.events.models import Event
from meetmalmo.events.tests.factories import EventFactory
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.notifications.models import Follow, Notification, Preference
from meetmalmo.publishing.services import project_open

pytestmark = pytest.mark.django_db
BREAKFASTS = series_of("breakfast")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://portal.example"


def publish(**fields) -> Event:
    draft = EventFactory(state=Event.State.DRAFT, **fields)
    return services.event_publish(event=draft, actor=ProcessManagerFactory())


def follows_breakfasts(member) -> None:
    Follow.objects.create(
        user=member,
        language="sv",
        target="meeting_series",
        target_id=BREAKFASTS,
        confirmed_at=timezone.now(),
    )


def test_a_member_follows_breakfasts_and_hears_of_the_next_one_once(client, member):
    client.force_login(member)
    page = client.get("/sv/events/?kind=breakfast").content.decode()
    assert f'action="/sv/follow/meeting_series/{BREAKFASTS}/"' in page
    assert "Följ serien: Frukostmöte" in page
    client.post(f"/sv/follow/meeting_series/{BREAKFASTS}/", {"next": "/sv/events/"})
    assert Follow.objects.filter(user=member, target="meeting_series").exists()

    meeting = publish(kind="breakfast", title_sv="Frukost om sommarjobb")
    publish(kind="workshop")  # another series
    assert tell_meetings(timezone.now()) == 1
    assert tell_meetings(timezone.now()) == 0  # told once
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert f"http://portal.example/sv/events/{meeting.slug}/" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    page = client.get("/sv/notifications/").content.decode()
    assert "Frukost om sommarjobb" in page
    notification = Notification.objects.get(recipient=member)
    opened = client.get(f"/sv/notifications/{notification.pk}/")
    assert opened["Location"] == f"/sv/events/{meeting.slug}/"


def test_the_meetings_page_offers_its_series_to_members_only(client, member):
    meeting = EventFactory(kind="workshop")
    assert "meeting_series" not in client.get(f"/en/events/{meeting.slug}/").content.decode()
    client.force_login(member)
    page = client.get(f"/en/events/{meeting.slug}/").content.decode()
    assert "Follow the series: Workshop" in page
    assert "Hear of each new meeting of this kind" in page
    assert f'action="/en/follow/meeting_series/{series_of("workshop")}/"' in page


def test_a_series_that_does_not_exist_cannot_be_followed(client, member):
    client.force_login(member)
    client.post("/en/follow/meeting_series/99/", {"next": "/en/events/"})
    assert not Follow.objects.exists()


def test_with_following_switched_off_it_is_only_under_notiser(member):
    follows_breakfasts(member)
    Preference.objects.create(user=member, kind="following", frequency="off")
    publish(kind="breakfast")
    assert tell_meetings(timezone.now()) == 1
    assert mail.outbox == []
    assert Notification.objects.get(recipient=member).kind == "following"


def test_drafts_cancelled_and_past_meetings_are_not_told(member):
    follows_breakfasts(member)
    EventFactory(kind="breakfast", state=Event.State.DRAFT)
    EventFactory(kind="breakfast", state=Event.State.CANCELLED)
    assert tell_meetings(timezone.now()) == 0
    assert not Notification.objects.exists()


def test_a_projects_and_a_focus_areas_followers_hear_of_a_meeting_about_them(member, other_member):
    group = forming_group(title="Sommarjobb på hotell")
    project = project_open(group.initiative, None)
    project.published_at = timezone.now()
    project.save()
    area = FocusArea.objects.filter(active=True).first() or FocusArea.objects.create(
        code="jobb", name_sv="Jobb", name_en="Jobs", active=True
    )
    Follow.objects.create(
        user=member,
        language="en",
        target="project",
        target_id=project.pk,
        confirmed_at=timezone.now(),
    )
    Follow.objects.create(
        user=other_member,
        language="sv",
        target="focus_area",
        target_id=area.pk,
        confirmed_at=timezone.now(),
    )
    Follow.objects.create(  # a visitor following the project too
        email="karin@example.se",
        language="sv",
        target="project",
        target_id=project.pk,
        confirmed_at=timezone.now(),
    )
    draft = EventFactory(state=Event.State.DRAFT, kind="forum")
    draft.related_initiatives.add(group.initiative)
    draft.focus_areas.add(area)
    services.event_publish(event=draft, actor=ProcessManagerFactory())
    assert tell_meetings(timezone.now()) == 3
    assert {tuple(message.to) for message in mail.outbox} == {
        (member.email,),
        (other_member.email,),
        ("karin@example.se",),
    }
    (visitor,) = [message for message in mail.outbox if message.to == ["karin@example.se"]]
    stop = visitor.extra_headers["List-Unsubscribe"].strip("<>")
    assert re.match(r"http://portal\.example/sv/follow/stop/", stop)
    assert f"http://portal.example/sv/events/{draft.slug}/" in visitor.body
