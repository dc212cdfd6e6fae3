"""Following what the office publishes: a member follows a project (never an unpublished one)
and hears of its news and its report in their notifications; a visitor follows the news by an
address confirmed through a link before anything else is sent to it, and stops with one
click."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.notifications.models import Follow, Notification
from meetmalmo.publishing.following import tell_news, tell_report
from meetmalmo.publishing.models import Report
from meetmalmo.publishing.services import project_open
from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def project(db):
    group = forming_group(title="Sommarjobb på hotell")
    found = project_open(group.initiative, None)
    found.published_at = timezone.now() - timedelta(days=3)
    found.save()
    return found


def started() -> str:
    with mock.patch("time.time", return_value=time.time() - 30):
        return signing.TimestampSigner(salt="notifications.follow").sign("follow")


def visitor_follows_the_news(client, email="karin@example.se"):
    return client.post(
        "/en/follow/news/0/email/",
        {"email": email, "website": "", "started": started(), "next": "/en/news/"},
    )


def test_a_member_follows_a_project_and_hears_of_its_news_and_report(
    client, member, project, django_capture_on_commit_callbacks
):
    client.force_login(member)
    response = client.post(f"/en/follow/project/{project.pk}/", {"next": "/en/projects/"})
    assert response["Location"] == "/en/projects/"
    assert Follow.objects.filter(user=member, target="project", target_id=project.pk).exists()
    page = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert "Stop following" in page
    ArticleFactory(project=project, title_en="Hotels meet the young", publish_at=timezone.now())
    assert tell_news(timezone.now() + timedelta(minutes=1)) == 1
    assert tell_news(timezone.now() + timedelta(minutes=2)) == 0  # told once
    (news,) = Notification.objects.filter(recipient=member, kind="following")
    assert "Hotels meet the young" in news.text or "Nyhet" in news.text
    report = Report.objects.create(
        initiative=project.initiative, kind=Report.Kind.FINAL, summary="Tusen unga."
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert tell_report(report) == 1
    assert Notification.objects.filter(recipient=member, kind="following").count() == 2
    client.post(f"/en/follow/project/{project.pk}/", {"next": "https://evil.example/"})
    assert not Follow.objects.filter(user=member).exists()


def test_an_unpublished_project_cannot_be_followed(client, member, project):
    project.published_at = None
    project.save()
    client.force_login(member)
    response = client.post(f"/en/follow/project/{project.pk}/", follow=True)
    assert "This cannot be followed." in response.content.decode()
    assert not Follow.objects.exists()
    client.post("/en/follow/nothing/1/")
    client.post("/en/follow/focus_area/999999/")
    assert not Follow.objects.exists()


def test_a_visitor_confirms_once_then_gets_the_news_and_stops_with_one_click(client):
    response = visitor_follows_the_news(client)
    assert response["Location"] == "/en/news/"
    (confirm_mail,) = mail.outbox
    link = re.search(r"http://testserver/en/follow/confirm/[-0-9a-f]+/", confirm_mail.body).group()
    ArticleFactory(publish_at=timezone.now())
    assert tell_news(timezone.now() + timedelta(minutes=1)) == 0  # not confirmed: nothing
    assert "Confirm" in client.get(link).content.decode()
    assert Follow.objects.get().confirmed_at is None  # opening the link confirms nothing
    assert "your address is confirmed" in client.post(link).content.decode()
    assert "used already" in client.post(link).content.decode()
    ArticleFactory(title_en="The second day", publish_at=timezone.now())
    assert tell_news(timezone.now() + timedelta(minutes=1)) == 1
    news = mail.outbox[-1]
    assert news.to == ["karin@example.se"]
    assert "The second day" in news.subject
    assert re.search(r"http://testserver/en/news/[-\w]+/", news.body)
    stop = news.extra_headers["List-Unsubscribe"].strip("<>")
    assert news.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    Client(enforce_csrf_checks=True).post(stop)
    assert not Follow.objects.exists()


def test_an_address_already_following_is_sent_nothing_more_and_told_the_same(client):
    visitor_follows_the_news(client)
    second = visitor_follows_the_news(client)
    assert second.status_code == 302 and len(mail.outbox) == 1
    other = visitor_follows_the_news(client, "KARIN@example.se")
    assert other.status_code == 302 and len(mail.outbox) == 1


@pytest.mark.parametrize(
    "email, error",
    [
        ("", "This field is required."),
        ("karin@", "Enter a valid email address."),
        ("k" * 250 + "@example.se", "Ensure this value has at most 254 characters"),
        ("<script>@x.se", "Enter a valid email address."),
    ],
)
def test_a_wrong_address_is_refused_beside_the_field_keeping_it(client, email, error):
    response = visitor_follows_the_news(client, email)
    assert response.status_code == 400
    page = response.content.decode()
    assert error in page and 'id="id_email_error"' in page
    if email == "karin@":
        assert 'value="karin@"' in page
    assert not Follow.objects.exists() and mail.outbox == []


def test_a_focus_area_is_for_members_only(client):
    from meetmalmo.core.models import FocusArea

    area = FocusArea.objects.filter(active=True).first() or FocusArea.objects.create(
        code="newcomers", name_sv="Etablering", name_en="Newcomers"
    )
    response = client.post(
        f"/en/follow/focus_area/{area.pk}/email/",
        {"email": "karin@example.se", "website": "", "started": started()},
        follow=True,
    )
    assert "This cannot be followed." in response.content.decode()
    assert not Follow.objects.exists()
