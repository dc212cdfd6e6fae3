"""The office's figures, counted by hand against small fixtures; the page, its CSV files and
who may see them."""

import csv
import io
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.core.models import FocusArea, Sphere
from meetmalmo.figures.selectors import Period, table
from meetmalmo.groups.models import Membership
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Outcome, Report
from meetmalmo.resources.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db
MALMO = ZoneInfo("Europe/Stockholm")
URL = "/sv/staff/figures/"


def case(at, state=State.SUBMITTED, *, decided_after=None, areas=(), **extra):
    """An initiative brought in at `at`; decided `decided_after` (a timedelta) later."""
    initiative = InitiativeFactory(state=state, **extra)
    initiative.start_clock(at)
    if decided_after is not None:
        initiative.decided_at = at + decided_after
    initiative.save()
    initiative.focus_areas.set(FocusArea.objects.filter(code__in=areas))
    return initiative


SINCE_THE_START = Period()


def rows(key, period=SINCE_THE_START):
    """A figure's rows by their label: the number, or the numbers when there are several."""
    return {row[0]: row[1:] if len(row) > 2 else row[1] for row in table(key, period).rows}


def test_initiatives_by_state_count_what_was_brought_in_during_the_period():
    case(datetime(2026, 1, 1, 0, 0, tzinfo=MALMO), State.ADOPTED)  # first minute of the period
    case(datetime(2026, 3, 31, 23, 59, tzinfo=MALMO), State.ADOPTED)  # last minute
    case(datetime(2026, 4, 1, 0, 0, tzinfo=MALMO), State.DECLINED)  # the day after
    case(datetime(2025, 12, 31, 23, 59, tzinfo=MALMO), State.IN_REVIEW)  # the day before
    InitiativeFactory(state=State.DRAFT)  # never brought in
    with timezone.override("Europe/Stockholm"):
        counted = rows("states", Period(date(2026, 1, 1), date(2026, 3, 31)))
    assert counted["Antaget"] == 2
    assert counted["Ej antaget"] == counted["Under granskning"] == 0
    assert "Utkast" not in counted
    everything = rows("states")
    assert (everything["Antaget"], everything["Ej antaget"], everything["Under granskning"]) == (
        2,
        1,
        1,
    )
    assert sum(everything.values()) == 4


def test_initiatives_by_focus_area_channel_and_sphere():
    at = timezone.now() - timedelta(days=3)
    city = OrganisationFactory(sphere=Sphere.CITY)
    case(at, areas=["youth-employment", "tourism-events"], channel="meeting")
    case(at, areas=["youth-employment"], channel="phone", organisation=city)
    case(at, channel="phone", organisation=city)
    areas = rows("focus-areas")
    assert (areas["Ungas sysselsättning"], areas["Turism och evenemang"]) == (2, 1)
    assert areas["Investeringar"] == 0
    channels = rows("channels")
    assert (channels["Möte"], channels["Telefon"], channels["Portalen"]) == (1, 2, 0)
    spheres = rows("spheres")
    # The factory's submitter works for a business; two cases are the City's own.
    assert (spheres["Malmö stad"], spheres["Näringsliv"], spheres["Akademi"]) == (2, 1, 0)


def test_initiatives_per_month_include_months_with_none():
    case(datetime(2026, 1, 31, 23, 30, tzinfo=MALMO))  # still January in Malmö
    case(datetime(2026, 3, 1, 0, 30, tzinfo=MALMO))
    case(datetime(2026, 3, 15, 12, 0, tzinfo=MALMO))
    counted = table("months", Period(date(2026, 1, 1), date(2026, 4, 30))).rows
    assert counted == [
        ("januari 2026", 1),
        ("februari 2026", 0),
        ("mars 2026", 2),
        ("april 2026", 0),
    ]


def test_decisions_per_quarter_count_the_promise_kept_and_missed():
    january = datetime(2026, 1, 5, 9, 0, tzinfo=MALMO)
    case(january, State.ADOPTED, decided_after=timedelta(days=10))
    case(january, State.DECLINED, decided_after=timedelta(days=21))  # exactly 21 days: kept
    case(january, State.REFERRED, decided_after=timedelta(days=21, seconds=1))  # one second late
    case(january, State.ADOPTED, decided_after=timedelta(days=30))
    case(january, State.IN_REVIEW)  # never decided: missed when its deadline passed
    # Received in the first quarter, decided in the second, in time: kept where it was decided.
    case(datetime(2026, 3, 25, 9, 0, tzinfo=MALMO), State.ADOPTED, decided_after=timedelta(days=8))
    counted = rows("decisions")
    # Quarter: kept (%), kept, missed, pending, median days, decisions.
    assert counted["2026 Q1"] == (40, 2, 3, 0, 21.0, 4)
    assert counted["2026 Q2"] == (100, 1, 0, 0, 8.0, 1)
    only_second = rows("decisions", Period(date(2026, 4, 1), None))
    assert list(only_second) == ["2026 Q2"]


def test_working_groups_are_counted_by_the_spheres_of_their_members():
    one = forming_group()  # the submitter (business) and the process manager (business)
    two = forming_group()
    Membership.objects.create(
        group=two, user=UserFactory(organisation=OrganisationFactory(sphere=Sphere.ACADEMIA))
    )
    Membership.objects.create(
        group=two, user=UserFactory(organisation=OrganisationFactory(sphere=Sphere.CITY))
    )
    Membership.objects.create(group=two, user=UserFactory(organisation=None))  # no sphere
    assert one.memberships.count() == 2
    counted = rows("groups")
    assert (counted["1"], counted["3"], counted["0"], counted["2"]) == (1, 1, 0, 0)


def test_resources_in_the_pool_available_and_working_in_a_group():
    group = forming_group()
    working = ResourceFactory()
    Membership.objects.create(group=group, user=working.user)
    ResourceFactory()
    ResourceFactory(active=False)
    ResourceFactory(consent=False)
    counted = rows("resources")
    assert (counted["I resurspoolen"], counted["Tillgängliga"], counted["I en arbetsgrupp"]) == (
        4,
        2,
        1,
    )


def test_outcomes_are_summed_by_label_from_reports_published_in_the_period():
    group = forming_group()

    def report(state, published_at, *outcomes):
        made = Report.objects.create(
            initiative=group.initiative,
            summary="Sammanfattning",
            state=state,
            published_at=published_at,
        )
        for label, number, unit in outcomes:
            Outcome.objects.create(report=made, label=label, number=number, unit=unit)

    june = datetime(2026, 6, 1, 12, tzinfo=MALMO)
    report(
        Report.State.PUBLISHED,
        june,
        ("Sommarjobb", 30, "jobb"),
        ("unga som nåddes", 500, "personer"),
    )
    report(Report.State.PUBLISHED, june, ("sommarjobb", "8.5", "Jobb"))
    report(Report.State.SUBMITTED, None, ("sommarjobb", 1000, "jobb"))  # not published
    report(Report.State.PUBLISHED, datetime(2025, 6, 1, tzinfo=MALMO), ("sommarjobb", 7, "jobb"))
    counted = table("outcomes", Period(date(2026, 1, 1), date(2026, 12, 31))).rows
    assert counted == [
        ("Sommarjobb", Decimal("38.5"), "Jobb", 2),
        ("unga som nåddes", Decimal("500"), "personer", 1),
    ]


# The page ---------------------------------------------------------------------------------


EXPECTED = {"visitor": 302, "member": 403, "administrator": 403, "process_manager": 200}


@pytest.mark.parametrize("path", ["", "states.csv", "initiatives.csv"])
@pytest.mark.parametrize("role", EXPECTED)
def test_figures_and_exports_are_for_process_managers_only(client, request, role, path):
    case(timezone.now(), title="Hemlig plan för hamnen")
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    response = client.get(URL + path)
    assert response.status_code == EXPECTED[role]
    if role == "visitor":
        assert response["Location"].startswith("/sv/accounts/login/")
    if role != "process_manager":
        assert "Hemlig plan" not in response.content.decode()


def test_every_chart_is_a_described_picture_with_its_numbers_in_a_table(client, process_manager):
    case(timezone.now(), State.ADOPTED, decided_after=timedelta(days=2))
    client.force_login(process_manager)
    page = client.get("/en/staff/figures/").content.decode()
    assert page.count('<svg class="chart" role="img"') == 9  # every figure but the outcomes
    assert page.count("<title id=") == page.count("<desc id=") == 9
    assert "Bar chart of initiatives. Submitted: 0; In review: 0; Adopted: 1;" in page
    assert page.count('<table class="table figure-table">') == 10
    assert page.count("as CSV</a>") == 10
    assert "<h1>Figures</h1>" in page and page.count("<h1") == 1


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"start": "2026-02-30"}, "start", "Skriv datumet som ÅÅÅÅ-MM-DD"),
        ({"end": "<script>alert(1)</script>"}, "end", "Skriv datumet som ÅÅÅÅ-MM-DD"),
        ({"start": "9999-01-01"}, "start", "Välj ett datum mellan 2000 och 2099."),
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
    assert "Rätta perioden för att se siffrorna." in page
    typed = params[field]
    if len(typed) < 100 and "<" not in typed:
        assert f'value="{typed}"' in page
    response = client.get(URL + "states.csv", params)
    assert response.status_code == 400 and message in response.content.decode()


def test_a_table_downloads_as_csv_with_the_period_in_its_name(client, process_manager):
    case(datetime(2026, 2, 10, 12, tzinfo=MALMO), State.ADOPTED)
    client.force_login(process_manager)
    response = client.get(URL + "states.csv", {"start": "2026-01-01", "end": "2026-03-31"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "meetmalmo-states-2026-01-01_2026-03-31.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # so that Excel reads å, ä and ö
    # The Swedish page's files are for Excel set to Swedish: semicolons between the cells.
    read = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert read[0] == ["Status", "Initiativ"]
    assert ["Antaget", "1"] in read
    assert client.get(URL + "nothing.csv").status_code == 404


def test_the_export_lists_initiatives_with_dates_days_and_is_safe_in_a_spreadsheet(
    client, process_manager
):
    hostile = OrganisationFactory(name="@SUM(1+1)*cmd|' /C calc'!A0", sphere=Sphere.ACADEMIA)
    at = datetime(2026, 2, 2, 10, tzinfo=MALMO)
    case(
        at,
        State.ADOPTED,
        decided_after=timedelta(days=21),
        title='=HYPERLINK("http://evil.example","klicka")',
        organisation=hostile,
        areas=["youth-employment", "newcomers"],
        channel="meeting",
    )
    case(at + timedelta(days=1), State.IN_REVIEW, title="-2+3 sätt att anställa unga")
    client.force_login(process_manager)
    response = client.get("/en/staff/figures/initiatives.csv", {"start": "2026-02-01"})
    read = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(read) == 2
    first, second = read
    assert first["Title"] == """'=HYPERLINK("http://evil.example","klicka")"""
    assert first["Organisation"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert (first["Sphere"], first["State"], first["Channel"]) == ("Academia", "Adopted", "Meeting")
    assert first["Focus areas"] == "Establishment of newcomers; Youth employment"
    assert (first["Submitted"], first["Decision due"], first["Decided"]) == (
        "2026-02-02",
        "2026-02-23",
        "2026-02-23",
    )
    assert (first["Days to decision"], first["Decided within 21 days"]) == ("21.0", "yes")
    assert second["Title"] == "'-2+3 sätt att anställa unga"
    assert (second["Decided"], second["Days to decision"]) == ("", "")
    assert "meetmalmo-initiatives-from-2026-02-01.csv" in response["Content-Disposition"]


def test_the_page_keeps_its_number_of_queries_however_many_initiatives(
    client, process_manager, django_assert_num_queries, django_assert_max_num_queries
):
    at = timezone.now() - timedelta(days=40)
    case(at, State.ADOPTED, decided_after=timedelta(days=3), areas=["investment"])
    client.force_login(process_manager)
    with django_assert_max_num_queries(40) as few:
        client.get(URL)
    for n in range(60):
        case(
            at - timedelta(days=n * 9),
            State.DECLINED,
            decided_after=timedelta(days=n % 30),
            areas=["investment", "newcomers"],
            channel="email",
        )
        forming_group()
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(URL)
