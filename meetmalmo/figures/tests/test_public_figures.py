"""Meet Malmö in numbers: what anyone may see, counted by hand."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.core.models import Sphere
from meetmalmo.figures.selectors import public_figures
from meetmalmo.groups.models import Handover, Membership
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Outcome, Report
from meetmalmo.publishing.services import project_open

pytestmark = pytest.mark.django_db


@pytest.fixture
def achieved(settings):
    """Two groups brought to life, one published report and one that is not."""
    settings.START_YEAR = 2016
    now = timezone.now()
    running = forming_group(title="Sommarjobb på hotell")  # business submitter and manager
    running.initiative.state = State.ACTIVE
    running.initiative.submitted_at = now
    running.initiative.save()
    academia = OrganisationFactory(name="Malmö universitet", sphere=Sphere.ACADEMIA)
    Membership.objects.create(group=running, user=UserFactory(organisation=academia))
    project_open(running.initiative, None).published_at = now - timedelta(days=1)
    running.initiative.project.save()

    done = forming_group(title="Hemligt och opublicerat")
    done.initiative.state = State.COMPLETED
    done.initiative.submitted_at = now
    done.initiative.save()
    project_open(done.initiative, None)  # a draft: not on the public site
    city = OrganisationFactory(name="Stadsfastigheter", sphere=Sphere.CITY)
    Handover.objects.create(
        group=done,
        organisation=city,
        person=UserFactory(organisation=city),
        date=now.date(),
        accepted_at=now,
    )
    # Recorded but not accepted: not (yet) involved.
    Handover.objects.create(
        group=done,
        organisation=OrganisationFactory(sphere=Sphere.CIVIL_SOCIETY),
        person=UserFactory(),
        date=now.date(),
    )
    published = Report.objects.create(
        initiative=running.initiative, summary="Klart", state="published", published_at=now
    )
    Outcome.objects.create(report=published, label="Sommarjobb", number=38, unit="jobb")
    Outcome.objects.create(report=published, label="sommarjobb", number=2, unit="jobb")
    draft = Report.objects.create(initiative=done.initiative, summary="Utkast", state="submitted")
    Outcome.objects.create(report=draft, label="hemliga resultat", number=5, unit="st")

    for state in (State.SUBMITTED, State.DECLINED, State.WITHDRAWN):
        case = InitiativeFactory(state=state, title="Ett hemligt förslag")
        case.submitted_at = now
        case.save()
    InitiativeFactory(state=State.DRAFT)
    return running, done


def test_the_public_figures_count_what_has_been_brought_in_and_to_life(achieved):
    figures = public_figures()
    assert figures == {
        "since": 2016,
        "initiatives_brought_in": 5,
        "initiatives_brought_to_life": 2,
        "projects_running": 1,
        "projects_completed": 0,  # completed, but its project page is not published
        # Two submitters' companies, two managers' organisations, the university, the City.
        "organisations_involved": 6,
        "spheres_involved": ["business", "city", "academia"],
        "outcomes": [
            {"label": "Sommarjobb", "language": "sv", "unit": "jobb", "total": 40, "reports": 1}
        ],
    }


def test_the_public_page_shows_numbers_but_no_person_or_unpublished_initiative(client, achieved):
    page = client.get("/en/figures/").content.decode()
    assert "<h1>Meet Malmö in numbers</h1>" in page and page.count("<h1") == 1
    assert "<strong>5</strong> initiatives brought in" in page
    assert "<strong>2</strong> initiatives brought to life since 2016" in page
    assert "<strong>1</strong> project running" in page
    assert "6 organisations take part" in page
    assert "<li>Academia</li>" in page and "<li>Civil society</li>" not in page
    assert '<th scope="row">Sommarjobb</th><td class="number">40</td>' in page
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    for secret in ("Hemligt", "hemliga resultat", "hemligt förslag", "Malmö universitet"):
        assert secret not in main
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", main)
    assert "Person Nummer" not in main


def test_the_home_page_shows_the_headline_figures_in_swedish(client, achieved):
    page = client.get("/sv/").content.decode()
    assert "<strong>2</strong> initiativ har fått liv sedan 2016" in page
    assert "<strong>5</strong> inlämnade initiativ" in page
    assert 'href="/sv/figures/"' in page


def test_the_public_figures_tell_the_promise_as_the_office_counts_it(client):
    from datetime import timedelta

    from django.utils import timezone, translation

    from meetmalmo.initiatives.tests.factories import InitiativeFactory
    from meetmalmo.initiatives.workflow import State

    received = timezone.now() - timedelta(days=25)
    for state, after in ((State.ADOPTED, 21), (State.DECLINED, 22), (State.IN_REVIEW, None)):
        initiative = InitiativeFactory(state=state)
        initiative.start_clock(received)
        if after:
            initiative.decided_at = received + timedelta(days=after)
        initiative.save()
    with translation.override("en"):
        page = client.get("/en/figures/").content.decode()
    assert "33 % of the promises kept: 1 of 3 initiatives were decided within 21 days" in page
    assert "2 were not decided in time" in page
