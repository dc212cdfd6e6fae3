"""Published content for the search's and the library's tests, indexed as the portal indexes it:
by the commit of the change that published it."""

from datetime import timedelta

from django.utils import timezone

from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Outcome, Project, Report


def project(
    slug,
    *,
    title_sv="",
    title_en="",
    lead_sv="",
    lead_en="",
    body_sv="",
    body_en="",
    published=True,
    state=State.ACTIVE,
    language="sv",
    focus=(),
):
    case = InitiativeFactory(title=title_sv or title_en, state=state, language=language)
    for code in focus:
        case.focus_areas.add(FocusArea.objects.get(code=code))
    return Project.objects.create(
        initiative=case,
        slug=slug,
        title_sv=title_sv,
        title_en=title_en,
        lead_sv=lead_sv,
        lead_en=lead_en,
        body_sv=body_sv,
        body_en=body_en,
        published_at=timezone.now() - timedelta(days=2) if published else None,
    )


def report(
    page,
    *,
    summary="Vi gjorde det.",
    lessons="",
    outcomes=(),
    published=True,
    kind=Report.Kind.FINAL,
):
    found = Report.objects.create(
        initiative=page.initiative,
        kind=kind,
        summary=summary,
        lessons=lessons,
        state=Report.State.PUBLISHED if published else Report.State.SUBMITTED,
        published_at=timezone.now() - timedelta(days=1) if published else None,
    )
    for label, number, unit in outcomes:
        Outcome.objects.create(report=found, label=label, number=number, unit=unit)
    return found
