"""The demo's meetings: past ones with minutes and who came, the breakfast the news invites
to, and a full workshop with a waitlist."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from meetmalmo.events.models import Event, Registration
from meetmalmo.publishing.models import NewsArticle

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def demo_events():
    return Event.objects.exclude(slug__startswith="skalmote-")


def test_past_meetings_have_minutes_attendance_and_initiatives_brought_in():
    assert "5 meetings" in run()
    past = demo_events().filter(ends_at__lt=timezone.now())
    assert past.count() == 3
    for event in past:
        assert event.minutes_published_at and event.minutes_sv and event.minutes_en
        assert event.registrations.filter(attended=True).exists()
        assert event.brought_in.exists()


def test_the_news_invites_to_the_breakfast_which_has_registrations(client):
    run()
    article = NewsArticle.objects.get(slug="valkommen-till-meet-malmo-frukost")
    assert article.event.kind == "breakfast" and article.event.starts_at > timezone.now()
    assert article.event.registrations.filter(status="confirmed", user__isnull=True).exists()
    page = client.get(f"/sv/news/{article.slug}/").content.decode()
    assert f'href="/sv/events/{article.event.slug}/"' in page


def test_one_upcoming_meeting_is_full_with_a_waitlist():
    run()
    full = demo_events().get(slug="workshop-unga-och-sommarjobb")
    seated = full.registrations.filter(status=Registration.Status.CONFIRMED).count()
    assert seated == full.capacity
    assert full.registrations.filter(status=Registration.Status.WAITLISTED).count() == 2


def test_running_it_twice_and_scaling_adds_meetings_once():
    run()
    before = Event.objects.count()
    run()
    assert Event.objects.count() == before
    run("--scale", "40")
    assert Event.objects.filter(slug__startswith="skalmote-").count() == 10
    run("--scale", "40")
    assert Event.objects.filter(slug__startswith="skalmote-").count() == 10
