"""The newsletter's reads: issues with their counts, what to pick for an issue, subscribers."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from meetmalmo.newsletter.models import Issue
from meetmalmo.newsletter.subscribers import confirmed
from meetmalmo.publishing.models import NewsArticle, Project

RECENT = timedelta(days=90)
PICK_AT_MOST = 30


def issues():
    return Issue.objects.annotate(
        sent=Count("deliveries", filter=Q(deliveries__sent_at__isnull=False)),
        failed=Count("deliveries", filter=Q(deliveries__failed_at__isnull=False)),
        waiting=Count(
            "deliveries",
            filter=Q(deliveries__sent_at__isnull=True, deliveries__failed_at__isnull=True),
        ),
    )


def issue(pk: int) -> Issue | None:
    return issues().filter(pk=pk).first()


def articles_to_pick(chosen: Issue | None):
    since = timezone.now() - RECENT
    recent = NewsArticle.objects.published().filter(publish_at__gte=since)
    ids = list(recent.values_list("id", flat=True)[:PICK_AT_MOST])
    if chosen is not None:
        ids += list(chosen.articles.values_list("id", flat=True))
    return NewsArticle.objects.filter(id__in=ids).order_by("-publish_at", "-id")


def projects_to_pick(chosen: Issue | None):
    ids = list(
        Project.objects.published()
        .order_by("-published_at")
        .values_list("id", flat=True)[:PICK_AT_MOST]
    )
    if chosen is not None:
        ids += list(chosen.projects.values_list("id", flat=True))
    return Project.objects.filter(id__in=ids).order_by("-published_at", "-id")


def subscribers():
    return confirmed()


def subscriber_count() -> int:
    return confirmed().count()
