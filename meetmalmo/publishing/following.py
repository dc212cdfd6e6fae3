"""What can be followed of what the office publishes, and telling its followers: the news as
a whole and each published project, by anyone (a visitor by a confirmed address); a focus area,
by members. Followers hear of a news article once it is published (the hourly job), and of a
project's report when the office publishes it."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils.translation import gettext_lazy

from meetmalmo.core.models import FocusArea
from meetmalmo.notifications.follows import Followable, tell
from meetmalmo.publishing.models import NewsArticle, Project

NEWS = "news"
# An article published before the job first ran (or while it was down for long) is old news.
TELL_WITHIN = timedelta(days=2)


def _project_title(pk: int) -> str | None:
    found = Project.objects.published().filter(pk=pk).first()
    return found.text("title").value if found else None


def _news_title(pk: int) -> str | None:
    return str(gettext_lazy("The news of Meet Malmö")) if pk == 0 else None


def _focus_area_title(pk: int) -> str | None:
    found = FocusArea.objects.filter(pk=pk, active=True).first()
    return str(found) if found else None


FOLLOWABLE = (
    Followable("project", _project_title),
    Followable(NEWS, _news_title),
    Followable("focus_area", _focus_area_title, visitors=False),
)


def _targets_of(project) -> list[tuple[str, int]]:
    if project is None:
        return []
    areas = project.initiative.focus_areas.values_list("pk", flat=True)
    return [("project", project.pk), *(("focus_area", pk) for pk in areas)]


def tell_news(now: datetime) -> int:
    """Tell the followers of the news, and of an article's project and its focus areas, of each
    article published since the last run: once each, the article marked told in the same
    transaction."""
    told = 0
    due = NewsArticle.objects.published(now).filter(
        followers_told_at=None, publish_at__gte=now - TELL_WITHIN
    )
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            article = (
                NewsArticle.objects.select_for_update(of=("self",))
                .filter(pk=pk, followers_told_at=None)
                .select_related("project__initiative")
                .first()
            )
            if article is None:
                continue
            NewsArticle.objects.filter(pk=pk).update(followers_told_at=now)
            told += tell(
                targets=[(NEWS, 0), *_targets_of(article.project)],
                template="publishing/email/followed_news",
                context={"article": article},
                page=("publishing:article", article.slug),
            )
    return told


def tell_report(report) -> int:
    """The followers of the report's project hear that it is published."""
    project = Project.objects.published().filter(initiative_id=report.initiative_id).first()
    if project is None:
        return 0
    return tell(
        targets=[("project", project.pk)],
        template="publishing/email/followed_report",
        context={"project": project, "report": report},
        page=("publishing:project", project.slug),
    )


def meeting_projects(event) -> list[tuple[str, int]]:
    """A meeting's targets here: the published projects of the initiatives it relates to."""
    projects = Project.objects.published().filter(initiative__related_events=event)
    return [("project", pk) for pk in projects.values_list("pk", flat=True)]


def hourly(now: datetime) -> str:
    """Following's part of `send_reminders` (registered in apps.py)."""
    return f"{tell_news(now)} followers told of news"
