"""Meet Malmö in the period: the printable summary for the politicians and its PDF, counted by
hand on a small period; its period checked like the figures' own; for process managers only."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from pypdf import PdfReader

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.core.models import Sphere
from meetmalmo.groups.models import Membership
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Outcome, Report

pytestmark = pytest.mark.django_db
MALMO = ZoneInfo("Europe/Stockholm")
URL = "/sv/staff/figures/summary/"
PERIOD = {"start": "2026-01-01", "end": "2026-03-31"}


def case(at, state=State.IN_REVIEW, *, decided_after=None, **extra):
    initiative = InitiativeFactory(state=state, **extra)
    initiative.start_clock(at)
    if decided_after is not None:
        initiative.decided_at = at + decided_after
    initiative.save()
    return initiative


@pytest.fixture
def first_quarter(process_manager):
    """Three cases of the first quarter of 2026 (one kept, one late, one never decided), one
    group of three spheres formed in it, one report with two outcomes published in it, and
    one case of another year."""
    january = datetime(2026, 1, 12, 9, tzinfo=MALMO)
    case(january, State.ADOPTED, decided_after=timedelta(days=5), title="Sommarjobb på hotell")
    case(january, State.DECLINED, decided_after=timedelta(days=30))
    case(january)
    case(datetime(2025, 5, 5, 9, tzinfo=MALMO), State.ADOPTED, decided_after=timedelta(days=3))
    group = forming_group(process_manager, title="Kafé och bageri för nyanlända")
    group.created_at = datetime(2026, 2, 1, 9, tzinfo=MALMO)
    group.save()
    for sphere in (Sphere.ACADEMIA, Sphere.CITY):
        Membership.objects.create(
            group=group, user=UserFactory(organisation=OrganisationFactory(sphere=sphere))
        )
    report = Report.objects.create(
        initiative=group.initiative,
        summary="Klart",
        state=Report.State.PUBLISHED,
        published_at=datetime(2026, 3, 1, 9, tzinfo=MALMO),
    )
    Outcome.objects.create(report=report, label="Sommarjobb", number=1200, unit="jobb")
    Outcome.objects.create(report=report, label="Timmar", number="12.5", unit="timmar")
    return group


def test_the_summary_tells_the_promise_adoptions_groups_and_results(
    client, process_manager, first_quarter
):
    client.force_login(process_manager)
    with timezone.override(MALMO):
        page = client.get(URL, PERIOD).content.decode()
    assert page.count("<h1") == 1 and "<h1>Meet Malmö under perioden</h1>" in page
    assert "Från 1 januari 2026 till 31 mars 2026" in page
    assert "33 % av löftena hållna: 1 av 3 initiativ beslutades inom 21 dagar" in page
    assert "; 2 gjorde det inte." in page
    assert "3 initiativ kom in under perioden." in page and "1 initiativ antogs." in page
    assert "Sommarjobb på hotell" in page
    assert "1 arbetsgrupp bildades; 1 av dem samlar minst tre samhällssfärer." in page
    assert "1 rapport publicerades." in page
    assert '<th scope="row">Sommarjobb</th><td>1\xa0200</td><td>jobb</td>' in page
    assert "<td>12,5</td>" in page
    assert 'href="/sv/staff/figures/summary.pdf?start=2026-01-01&amp;end=2026-03-31"' in page


def test_the_pdf_holds_the_same_figures(client, process_manager, first_quarter):
    client.force_login(process_manager)
    with translation.override("en"), timezone.override(MALMO):
        response = client.get("/en/staff/figures/summary.pdf", PERIOD)
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="meetmalmo-summary-2026-01-01_2026-03-31.pdf"'
        in (response["Content-Disposition"])
    )
    assert response.content.startswith(b"%PDF")
    text = " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Meet Malmö in the period" in text
    assert "From 1 January 2026 to 31 March 2026" in text
    assert "33 % of the promises kept: 1 of 3 initiatives were decided within 21 days" in text
    assert "1 initiative adopted." in text and "Sommarjobb på hotell" in text
    assert "1 working group formed; 1 of them bring together at least three spheres" in text
    assert "Sommarjobb 1,200 jobb" in text and "Timmar 12.5 timmar" in text


def test_text_the_pdf_fonts_cannot_hold_is_replaced_not_an_error(client, process_manager):
    case(
        datetime(2026, 1, 12, 9, tzinfo=MALMO),
        State.ADOPTED,
        decided_after=timedelta(days=2),
        title="Unga – “framtiden” 🚀 بكرة",
    )
    client.force_login(process_manager)
    response = client.get("/sv/staff/figures/summary.pdf", PERIOD)
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert 'Unga - "framtiden" ?' in text


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"start": "2026-02-30"}, "start", "Skriv datumet som ÅÅÅÅ-MM-DD"),
        ({"end": "<script>alert(1)</script>"}, "end", "Skriv datumet som ÅÅÅÅ-MM-DD"),
        ({"start": "2014-12-31"}, "start", "Välj ett datum mellan 2015 och 2099."),
        ({"start": "2026-05-01", "end": "2026-04-01"}, "end", "Den sista dagen kan inte komma"),
        ({"start": "x" * 10_000}, "start", "Skriv datumet som ÅÅÅÅ-MM-DD"),
    ],
)
def test_a_bad_period_is_explained_beside_its_field_and_kept(
    client, process_manager, params, field, message
):
    client.force_login(process_manager)
    page = client.get(URL, params).content.decode()
    assert f'id="id_{field}_error"' in page and message in page
    assert "<script>alert" not in page
    assert "Rätta perioden för att se sammanfattningen." in page
    assert "summary.pdf" not in page
    typed = params[field]
    if len(typed) < 100 and "<" not in typed:
        assert f'value="{typed}"' in page
    response = client.get("/sv/staff/figures/summary.pdf", params)
    assert response.status_code == 400 and message in response.content.decode()


EXPECTED = {"visitor": 302, "member": 403, "administrator": 403, "process_manager": 200}


@pytest.mark.parametrize("path", ["summary/", "summary.pdf"])
@pytest.mark.parametrize("role", EXPECTED)
def test_the_summary_is_for_process_managers_only(client, request, role, path):
    case(
        timezone.now() - timedelta(days=3),
        State.ADOPTED,
        decided_after=timedelta(days=1),
        title="Hemlig plan för hamnen",
    )
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    response = client.get("/sv/staff/figures/" + path)
    assert response.status_code == EXPECTED[role]
    if role == "visitor":
        assert response["Location"].startswith("/sv/accounts/login/")
    if role != "process_manager":
        assert b"Hemlig plan" not in response.content
    else:
        assert b"Hemlig plan" in response.content or response.content.startswith(b"%PDF")


def test_the_figures_page_links_to_the_summary_of_its_period(client, process_manager):
    client.force_login(process_manager)
    page = client.get("/sv/staff/figures/", PERIOD).content.decode()
    assert 'href="/sv/staff/figures/summary/?start=2026-01-01&amp;end=2026-03-31"' in page
