"""The library of results and lessons: every published report whose project page is public,
filtered by focus area, sphere, year and outcome, with its outcomes summed by the one function
the figures use (`publishing.reports.outcome_totals`), and the lessons gathered per focus area,
for the pages, the Atom feed and the open-data file."""

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import Membership
from meetmalmo.publishing.models import Outcome, Report
from meetmalmo.publishing.reports import outcome_totals


def published_reports(now=None):
    """Published reports of published project pages, the latest first."""
    return Report.objects.filter(
        state=Report.State.PUBLISHED,
        initiative__project__published_at__lte=now or timezone.now(),
    ).order_by("-published_at", "-id")


def _shown(reports):
    return reports.select_related("initiative__project").prefetch_related(
        "initiative__focus_areas", Prefetch("outcomes", queryset=Outcome.objects.order_by("id"))
    )


def filtered(*, focus_area=None, sphere: str = "", year: int | None = None, outcome: str = ""):
    reports = published_reports()
    if focus_area:
        reports = reports.filter(initiative__focus_areas=focus_area)
    if sphere:
        reports = reports.filter(
            Exists(
                Membership.objects.filter(
                    group__initiative=OuterRef("initiative"), user__organisation__sphere=sphere
                )
            )
        )
    if year:
        reports = reports.filter(published_at__year=year)
    if outcome:
        reports = reports.filter(
            Exists(Outcome.objects.filter(report=OuterRef("pk"), label__iexact=outcome))
        )
    return reports


def library(**criteria) -> dict:
    """The reports that match, ready to show, and their outcomes summed by label."""
    reports = filtered(**criteria)
    return {
        "reports": _shown(reports),
        "totals": outcome_totals(Outcome.objects.filter(report__in=reports.values("pk"))),
    }


def years() -> list[int]:
    return sorted({d.year for d in published_reports().dates("published_at", "year")}, reverse=True)


def outcome_labels() -> list[str]:
    return list(
        Outcome.objects.filter(report__in=published_reports().values("pk"))
        .order_by("label")
        .values_list("label", flat=True)
        .distinct()[:300]
    )


def with_lessons(focus_area: FocusArea | None = None):
    """The published reports that tell their lessons, of one focus area or all."""
    reports = published_reports().exclude(lessons="")
    if focus_area is not None:
        reports = reports.filter(initiative__focus_areas=focus_area)
    return _shown(reports)


def focus_area(code: str) -> FocusArea | None:
    return FocusArea.objects.filter(code=code, active=True).first()


def lesson_areas() -> list[FocusArea]:
    """The focus areas with lessons to read, in the office's order."""
    reports = published_reports().exclude(lessons="")
    return list(
        FocusArea.objects.filter(active=True, initiatives__reports__in=reports.values("pk"))
        .distinct()
        .order_by("position", "code")
    )
