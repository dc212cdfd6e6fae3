"""Every page type keeps its number of database queries as the data grows: rendered on the
demo, then again after `seed_demo --scale` has added hundreds of initiatives, people, groups,
efforts, news and projects around the same objects. A page whose count follows the data has
a query in a loop, which is what makes a portal slow after a few years."""

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetmalmo.accounts.models import User
from meetmalmo.accounts.services import calendar_feed_create
from meetmalmo.events.models import Event
from meetmalmo.groups.models import WorkingGroup
from meetmalmo.initiatives.models import Initiative
from meetmalmo.initiatives.services import message_send
from meetmalmo.inventory.models import Effort, GlossaryEntry
from meetmalmo.notifications.models import Notification
from meetmalmo.publishing.models import NewsArticle, Project, Report

pytestmark = pytest.mark.django_db(transaction=False)


def _pages():
    """(who, address) for every kind of page, on objects the demo always has."""
    member = User.objects.get(email="hotell@demo.meetmalmo.se")
    case = Initiative.objects.filter(submitter=member).exclude(state="draft").order_by("id")[0]
    group = WorkingGroup.objects.filter(memberships__user=member).order_by("id")[0]
    report = Report.objects.order_by("id")[0]
    article = NewsArticle.objects.published().order_by("id")[0]
    project = Project.objects.published().order_by("id")[0]
    event = Event.objects.get(slug="meet-malmo-frukost")
    past_event = Event.objects.get(slug="forummote-norra-hamnen")
    public = [
        "/sv/events/",
        "/sv/events/?kind=breakfast",
        f"/sv/events/{event.slug}/",
        f"/sv/events/{past_event.slug}/",
        f"/sv/events/{event.slug}/event.ics",
        "/sv/events/feed.ics",
        "/sv/events/feed/",
        "/api/v1/events",
        "/open-data/events.csv",
        "/sv/",
        "/sv/how-it-works/",
        "/sv/contact/",
        "/sv/news/",
        f"/sv/news/{article.slug}/",
        "/sv/news/feed/",
        "/sv/projects/",
        "/sv/projects/?status=running",
        f"/sv/projects/{project.slug}/",
        "/sv/projects/feed/",
        "/sitemap.xml",
        "/sv/figures/",
        "/sv/open-data/",
        "/sv/open-data/api/",
        "/open-data/projects.csv",
        "/open-data/outcomes.csv",
        "/open-data/figures.csv",
        "/open-data/catalog.rdf",
        "/api/v1/projects",
        f"/api/v1/projects/{project.slug}",
        "/api/v1/news",
        f"/api/v1/news/{article.slug}",
        "/api/v1/figures",
        "/api/v1/focus-areas",
        "/healthz",
    ]
    members = [
        "/sv/my/",
        f"/sv/my/initiatives/{case.pk}/",
        "/sv/initiatives/new/",
        "/sv/resources/join/",
        f"/sv/groups/{group.pk}/",
        f"/sv/events/{event.slug}/",
        "/sv/notifications/",
        "/sv/notifications/settings/",
    ]
    manager = User.objects.get(email="processledare@demo.meetmalmo.se")
    staff = [
        "/sv/staff/",
        "/sv/staff/?for=office",
        f"/sv/staff/reassign/{manager.pk}/",
        "/sv/staff/queue/",
        "/sv/staff/?tab=new",
        "/sv/staff/?tab=open",
        "/sv/staff/?tab=decided",
        "/sv/staff/?tab=open&q=sommarjobb",
        "/sv/staff/?tab=open&q=hotellet+hotell@demo.meetmalmo.se",
        f"/sv/staff/cases/{case.pk}/",
        "/sv/staff/record/",
        "/sv/staff/efforts/",
        f"/sv/staff/efforts/{Effort.objects.order_by('id')[0].pk}/",
        "/sv/staff/glossary/",
        f"/sv/staff/glossary/{GlossaryEntry.objects.order_by('id')[0].pk}/",
        "/sv/staff/resources/",
        f"/sv/staff/groups/{group.pk}/match/",
        f"/sv/groups/{group.pk}/",
        f"/sv/groups/{report.initiative.group.pk}/reports/{report.pk}/",
        "/sv/staff/news/",
        f"/sv/staff/news/{article.pk}/",
        "/sv/staff/comments/",
        "/sv/staff/projects/",
        f"/sv/staff/projects/{project.pk}/",
        "/sv/staff/figures/",
        "/sv/staff/figures/states.csv",
        "/sv/staff/figures/decisions.xlsx",
        "/sv/staff/figures/initiatives.csv",
        "/sv/staff/figures/initiatives.xlsx",
        "/sv/staff/figures/summary/",
        "/sv/staff/figures/summary/?start=2025-01-01&end=2025-12-31",
        "/sv/staff/figures/summary.pdf",
        "/sv/staff/templates/",
        "/sv/staff/focus-areas/",
        "/sv/staff/calendar/",
        "/sv/staff/events/",
        f"/sv/staff/events/{event.pk}/",
        f"/sv/staff/events/{event.pk}/edit/",
        f"/sv/staff/events/{event.pk}/attendance/",
        f"/sv/staff/events/{event.pk}/invite/",
        f"/sv/staff/events/{event.pk}/registrations.xlsx",
        f"/sv/staff/events/{past_event.pk}/minutes/",
    ]
    manager = User.objects.get(email="processledare@demo.meetmalmo.se")
    # The calendar feed is fetched without a session, as a calendar client does.
    public.append(f"/calendar/{calendar_feed_create(user=manager)}.ics")
    return (
        [(None, p) for p in public] + [(member, p) for p in members] + [(manager, p) for p in staff]
    )


def _count(client, pages) -> dict:
    counts = {}
    for user, path in pages:
        client.logout()
        if user:
            client.force_login(user)
        client.get(path)  # warms what a running portal keeps in memory, such as the glossary
        cache.clear()  # the public page cache would hide the queries
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts[path] = len(queries)
    return counts


def _talk(count: int) -> None:
    """Messages both ways on the demo member's case, each with a file, and a notification of
    each for the member: the conversation and the list of notifications grow with the data."""
    member = User.objects.get(email="hotell@demo.meetmalmo.se")
    case = Initiative.objects.filter(submitter=member).exclude(state="draft").order_by("id")[0]
    manager = User.objects.get(email="processledare@demo.meetmalmo.se")
    for n in range(count):
        writer = member if n % 2 else manager
        pdf = SimpleUploadedFile(f"bilaga-{n}.pdf", b"%PDF-1.7\n%%EOF\n")
        message_send(
            initiative=case,
            actor=writer,
            text=f"Meddelande {n}",
            attachments=[(pdf, "application/pdf")],
        )
        Notification.objects.create(
            recipient=member, kind="case_message", text=f"Meddelande {n}", path="/sv/my/"
        )


def test_no_page_makes_more_queries_when_there_is_more_data(client):
    call_command("seed_demo", stdout=io.StringIO())
    _talk(2)
    pages = _pages()
    demo = _count(client, pages)
    call_command("seed_demo", "--scale", "400", stdout=io.StringIO())
    _talk(60)
    grown = _count(client, pages)
    changed = {path: (demo[path], grown[path]) for path in demo if demo[path] != grown[path]}
    assert not changed, f"queries (demo, scaled) differ: {changed}"
