"""The lists read a fixed number of queries whether the portal has 10 or 5 000 items."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.api.tests.builders import running_project
from meetmalmo.core import public_cache
from meetmalmo.groups.models import Membership, Milestone
from meetmalmo.initiatives.models import Initiative
from meetmalmo.publishing.models import NewsArticle, Outcome, Project, Report
from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def bulk_projects(template: Project, count: int, prefix: str) -> None:
    case = template.initiative
    when = timezone.now() - timedelta(days=1)
    Initiative.objects.bulk_create(
        Initiative(
            title=f"{prefix} {i}",
            summary="s",
            description="d",
            challenge="c",
            benefit_city="b",
            benefit_business="b",
            state="active",
            submitter=case.submitter,
            organisation=case.organisation,
        )
        for i in range(count)
    )
    Project.objects.bulk_create(
        Project(initiative=i, slug=f"{prefix}-{i.pk}", title_sv=i.title, published_at=when)
        for i in Initiative.objects.filter(title__startswith=f"{prefix} ")
    )
    # The full project stays first, so both pages hold one project with a group and reports.
    Project.objects.filter(pk=template.pk).update(updated_at=timezone.now())


def test_the_project_list_keeps_its_queries_from_10_to_5000(
    client, settings, django_assert_num_queries, django_assert_max_num_queries
):
    settings.API_RATE_LIMIT = 0
    project = running_project()
    bulk_projects(project, 9, "liten")
    with django_assert_max_num_queries(20) as small:
        assert client.get("/api/v1/projects?page_size=100").json()["count"] == 10
    bulk_projects(project, 4990, "stor")
    group = project.initiative.group
    report = Report.objects.get(initiative=project.initiative)
    for i in range(8):
        Milestone.objects.create(group=group, title=f"M{i}", due="2026-01-01", done=True)
        Membership.objects.create(group=group, user=UserFactory())
        Outcome.objects.create(report=report, label=f"utfall {i}", number=i, unit="st")
    public_cache.clear()  # the bulk inserts above bypass publishing, which clears it
    with django_assert_num_queries(len(small.captured_queries)):
        answer = client.get("/api/v1/projects?page_size=100").json()
    assert answer["count"] == 5000 and len(answer["items"]) == 100
    assert answer["items"][0]["slug"] == "sommarjobb" and len(answer["items"][0]["outcomes"]) == 10


def test_the_news_list_keeps_its_queries_from_10_to_5000(
    client, settings, django_assert_num_queries, django_assert_max_num_queries
):
    settings.API_RATE_LIMIT = 0
    project = running_project()
    ArticleFactory(project=project)
    ArticleFactory.create_batch(9)
    with django_assert_max_num_queries(10) as small:
        assert client.get("/api/v1/news?page_size=100").json()["count"] == 10
    when = timezone.now() - timedelta(days=2)
    NewsArticle.objects.bulk_create(
        NewsArticle(
            slug=f"massa-{i}", title_sv=f"Massa {i}", byline="x", publish_at=when, project=project
        )
        for i in range(4990)
    )
    public_cache.clear()
    with django_assert_num_queries(len(small.captured_queries)):
        answer = client.get("/api/v1/news?page_size=100").json()
    assert answer["count"] == 5000 and len(answer["items"]) == 100
