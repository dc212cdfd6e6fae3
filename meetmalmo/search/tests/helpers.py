"""Published content for the search's and the library's tests, indexed as the portal indexes it:
by the commit of the change that published it."""

from datetime import timedelta

from django.utils import timezone

from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.models import GlossaryEntry
from meetmalmo.publishing.models import Outcome, Project, Report

NAMES = {
    "youth-employment": ("Ungas sysselsättning", "Youth employment"),
    "competence-supply": ("Kompetensförsörjning", "Competence supply"),
    "tourism-events": ("Turism och evenemang", "Tourism and events"),
}


def focus_area(code: str) -> FocusArea:
    """The migrations' focus area, written again when a transactional test (a browser's) has
    flushed the database before."""
    sv, en = NAMES[code]
    return FocusArea.objects.get_or_create(code=code, defaults={"name_sv": sv, "name_en": en})[0]


def glossary() -> None:
    """The migrations' entry for summer jobs, likewise."""
    GlossaryEntry.objects.get_or_create(
        swedish="sommarjobb|feriejobb|feriepraktik",
        defaults={"english": "summer job|summer jobs|summer internship|summer placement"},
    )


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
        case.focus_areas.add(focus_area(code))
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
