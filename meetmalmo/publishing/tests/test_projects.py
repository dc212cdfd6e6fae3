from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import (
    OrganisationFactory,
    ProcessManagerFactory,
    UserFactory,
)
from meetmalmo.core import public_cache
from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import Membership, Milestone
from meetmalmo.groups.services import handover_accept, handover_record
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Outcome, Project, Report, SlugRedirect

pytestmark = pytest.mark.django_db


def adopted(title="Sommarjobb på hotell", **extra):
    manager = ProcessManagerFactory()
    case = InitiativeFactory(title=title, state=State.IN_REVIEW, **extra)
    perform_transition(initiative=case, name="adopt", actor=manager)
    return case, manager


def publish(project, **changes):
    for name, value in {"published_at": timezone.now() - timedelta(hours=1), **changes}.items():
        setattr(project, name, value)
    project.save()
    return project


def test_adopting_an_initiative_drafts_its_project_page(client):
    case, _manager = adopted()
    project = Project.objects.get(initiative=case)
    assert (project.slug, project.title_sv, project.published_at) == (
        "sommarjobb-pa-hotell",
        "Sommarjobb på hotell",
        None,
    )
    assert client.get(f"/en/projects/{project.slug}/").status_code == 404
    assert "Sommarjobb" not in client.get("/en/projects/").content.decode()
    publish(project)
    public_cache.clear()
    page = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert '<h1 lang="sv">Sommarjobb på hotell</h1>' in page
    assert "This page is only available in Swedish." in page
    project.published_at = None
    project.save()
    public_cache.clear()
    assert "Sommarjobb" not in client.get("/en/projects/feed/").content.decode()
    second, _ = adopted()
    assert second.project.slug == "sommarjobb-pa-hotell-2"


def test_a_published_project_shows_status_owner_spheres_and_milestones(client):
    case, manager = adopted(organisation=OrganisationFactory(name="Visita"))
    case.focus_areas.set(FocusArea.objects.filter(code="youth-employment"))
    perform_transition(initiative=case, name="form_group", actor=manager)
    perform_transition(initiative=case, name="activate", actor=manager)
    group = case.group
    Membership.objects.create(
        group=group, user=UserFactory(organisation=OrganisationFactory(sphere="academia"))
    )
    Milestone.objects.create(group=group, title="Första mötet", due="2026-10-01", done=True)
    Milestone.objects.create(group=group, title="Ej klart", due="2027-10-01")
    company = OrganisationFactory(name="Hotell Kockums Brygga AB")
    person = UserFactory(organisation=company)
    handover = handover_record(
        group=group, actor=manager, organisation=company, person=person, date="2026-11-01"
    )
    handover_accept(handover=handover, user=person)
    project = publish(case.project, title_en="Summer jobs in hotels", body_en="**Hotels** hire.")
    page = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert "Summer jobs in hotels" in page and "<strong>Hotels</strong>" in page
    assert "Running" in page and "Hotell Kockums Brygga AB" in page and "Youth employment" in page
    assert "Academia" in page and "Första mötet" in page and "Ej klart" not in page
    assert 'property="og:title" content="Summer jobs in hotels"' in page
    assert "Running" in client.get("/en/projects/", {"status": "running"}).content.decode()
    assert (
        "Summer jobs" not in client.get("/en/projects/", {"status": "completed"}).content.decode()
    )


def test_a_published_projects_old_address_redirects(client, process_manager):
    case, _ = adopted()
    project = publish(case.project)
    client.force_login(process_manager)
    response = client.post(
        f"/en/staff/projects/{project.pk}/",
        {
            "slug": "sommarjobb",
            "title_sv": "Sommarjobb",
            "body_sv": "Text",
            "published_at": timezone.localtime(project.published_at).strftime("%Y-%m-%dT%H:%M"),
            "action": "save",
        },
    )
    assert response.status_code == 302
    assert SlugRedirect.objects.get(project=project).old_slug == "sommarjobb-pa-hotell"
    moved = client.get("/en/projects/sommarjobb-pa-hotell/")
    assert moved.status_code == 301 and moved.url == "/en/projects/sommarjobb/"


def test_the_projects_feed_is_atom_with_published_projects_only(client):
    published, _ = adopted("Publicerat")
    publish(published.project)
    adopted("Utkastet")
    feed = client.get("/sv/projects/feed/").content.decode()
    assert "<feed" in feed and 'xml:lang="sv"' in feed
    assert "Publicerat" in feed and "Utkastet" not in feed
    assert "http://testserver/sv/projects/publicerat/" in feed


@pytest.mark.parametrize("params", [{"status": "odd"}, {"focus_area": "x"}, {"page": "999"}])
def test_bad_filters_answer_sensibly(client, params):
    assert client.get("/en/projects/", params).status_code == 200


EXPECTED = {"visitor": 302, "member": 403, "administrator": 403}


@pytest.mark.parametrize("role", EXPECTED)
def test_project_editing_is_for_process_managers_only(client, request, role):
    case, _ = adopted()
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    assert client.get("/en/staff/projects/").status_code == EXPECTED[role]
    url = f"/en/staff/projects/{case.project.pk}/"
    assert client.get(url).status_code == EXPECTED[role]
    client.post(url, {"slug": "kapad", "title_sv": "Kapad", "body_sv": "x", "action": "save"})
    case.project.refresh_from_db()
    assert case.project.slug == "sommarjobb-pa-hotell"


def test_the_project_list_and_page_keep_their_number_of_queries_from_10_to_5000(
    client, django_assert_num_queries, django_assert_max_num_queries
):
    from meetmalmo.initiatives.models import Initiative

    case, manager = adopted()
    perform_transition(initiative=case, name="form_group", actor=manager)
    project = publish(case.project)
    report = Report.objects.create(initiative=case, summary="Klart", state="published")
    Outcome.objects.create(report=report, label="unga", number=10, unit="personer")

    def bulk(count, prefix):
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
        new = Initiative.objects.filter(title__startswith=f"{prefix} ")
        Project.objects.bulk_create(
            Project(initiative=i, slug=f"{prefix}-{i.pk}", title_sv=i.title, published_at=when)
            for i in new
        )

    bulk(9, "liten")
    with django_assert_max_num_queries(30) as small_list:
        client.get("/en/projects/")
    with django_assert_max_num_queries(30) as small_page:
        client.get(f"/en/projects/{project.slug}/")
    bulk(4990, "stor")
    for i in range(8):
        Milestone.objects.create(group=case.group, title=f"M{i}", due="2026-01-01", done=True)
        Membership.objects.create(group=case.group, user=UserFactory())
        Outcome.objects.create(report=report, label=f"utfall {i}", number=i, unit="st")
    public_cache.clear()  # measure the page, not the cache of public pages
    # The newest twelve now have no groups, so their prefetches are not even needed.
    with django_assert_max_num_queries(len(small_list.captured_queries)):
        assert "stor " in client.get("/en/projects/").content.decode()
    with django_assert_num_queries(len(small_page.captured_queries)):
        client.get(f"/en/projects/{project.slug}/")


def test_the_home_page_shows_projects_in_progress(client):
    running, manager = adopted("Pågående projekt")
    perform_transition(initiative=running, name="form_group", actor=manager)
    perform_transition(initiative=running, name="activate", actor=manager)
    publish(running.project)
    starting, _ = adopted("Nystartat projekt")
    publish(starting.project)
    page = client.get("/en/").content.decode()
    assert "Projects in progress" in page and "Pågående projekt" in page
    assert "Nystartat projekt" not in page


def test_the_latest_activity_in_a_group_brings_its_project_first(client, process_manager):
    from meetmalmo.groups.services import update_post

    quiet, manager = adopted("Tyst projekt")
    perform_transition(initiative=quiet, name="form_group", actor=manager)
    publish(quiet.project)
    busy, _ = adopted("Livligt projekt")
    publish(busy.project)
    page = client.get("/en/projects/").content.decode()
    assert page.index("Livligt projekt") < page.index("Tyst projekt")
    update_post(group=quiet.group, actor=process_manager, body="Nytt möte")
    public_cache.clear()
    page = client.get("/en/projects/").content.decode()
    assert page.index("Tyst projekt") < page.index("Livligt projekt")
