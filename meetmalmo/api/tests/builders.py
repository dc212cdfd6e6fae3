"""Published, draft and scheduled projects and articles for the API's tests."""

from datetime import timedelta

from django.utils import timezone

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import Membership, Milestone
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.publishing.models import Outcome, Report
from meetmalmo.publishing.tests.factories import ArticleFactory
from meetmalmo.publishing.tests.test_projects import adopted, publish


def running_project(slug="sommarjobb", title="Sommarjobb på hotell", **page):
    """A published, running project with a working group from two spheres, a milestone
    reached and a published report with two outcomes."""
    case, manager = adopted(title, organisation=OrganisationFactory(name="Visita"))
    case.focus_areas.set(FocusArea.objects.filter(code="youth-employment"))
    perform_transition(initiative=case, name="form_group", actor=manager)
    perform_transition(initiative=case, name="activate", actor=manager)
    Membership.objects.create(
        group=case.group,
        user=UserFactory(organisation=OrganisationFactory(sphere="academia")),
    )
    Milestone.objects.create(group=case.group, title="Första mötet", due="2026-10-01", done=True)
    report = Report.objects.create(
        initiative=case,
        summary="Tusen unga mötte arbetsgivare.",
        state=Report.State.PUBLISHED,
        published_at=timezone.now() - timedelta(days=2),
    )
    Outcome.objects.create(report=report, label="unga som nåddes", number=1000, unit="personer")
    Outcome.objects.create(report=report, label="timmar", number="12.50", unit="timmar")
    fields = {
        "slug": slug,
        "title_en": "Summer jobs in hotels",
        "lead_sv": "Unga får sitt första jobb.",
        "lead_en": "Young people get their first job.",
        "body_sv": "**Hotell** anställer.",
        **page,
    }
    return publish(case.project, **fields)


def draft_project(slug="utkast", title="Hemligt utkast"):
    case, _manager = adopted(title)
    project = case.project
    project.slug = slug
    project.save()
    return project


def scheduled_project(slug="framtida", title="Framtida projekt"):
    case, _manager = adopted(title)
    return publish(case.project, slug=slug, published_at=timezone.now() + timedelta(days=3))


def draft_article(slug="utkastnyhet"):
    return ArticleFactory(slug=slug, title_sv="Hemlig nyhet", publish_at=None)


def scheduled_article(slug="framtida-nyhet"):
    return ArticleFactory(
        slug=slug, title_sv="Framtida nyhet", publish_at=timezone.now() + timedelta(days=3)
    )
