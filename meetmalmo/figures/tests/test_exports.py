"""The office's downloads as people open them: the export of initiatives with its clock, its
decision and the promise, as a Swedish CSV and as an Excel workbook; every table as Excel."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.core.models import Sphere
from meetmalmo.figures.selectors import Period, public_promise, table
from meetmalmo.groups.models import Membership
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.selectors import promise
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Outcome, Report

pytestmark = pytest.mark.django_db
MALMO = ZoneInfo("Europe/Stockholm")
URL = "/sv/staff/figures/"


def case(at, state=State.IN_REVIEW, *, decided_after=None, **extra):
    initiative = InitiativeFactory(state=state, **extra)
    initiative.start_clock(at)
    if decided_after is not None:
        initiative.decided_at = at + decided_after
    initiative.save()
    return initiative


def sv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


def the_promise_cases():
    """Decided on day 21 and on day 22, undecided on day 25 and on day 10."""
    received = timezone.now() - timedelta(days=25)
    kept = case(received, State.ADOPTED, decided_after=timedelta(days=21), title="Dag 21")
    case(received, State.DECLINED, decided_after=timedelta(days=22), title="Dag 22")
    case(received, title="Obeslutad dag 25")
    case(timezone.now() - timedelta(days=10), title="Obeslutad dag 10")
    return kept


def test_the_swedish_export_is_semicolons_and_decimal_commas_with_the_promise(
    client, process_manager
):
    kept = the_promise_cases()
    kept.assigned_to = process_manager
    kept.save()
    client.force_login(process_manager)
    response = client.get(URL + "initiatives.csv")
    assert 'filename="meetmalmo-initiatives-all.csv"' in response["Content-Disposition"]
    rows = {row["Rubrik"]: row for row in sv_rows(response)}
    day21, day22 = rows["Dag 21"], rows["Dag 22"]
    assert (day21["Dagar till beslut"], day21["Beslutade inom 21 dagar"], day21["Löftet"]) == (
        "21,0",
        "ja",
        "hållet",
    )
    assert (day21["Processledare"], day21["Beslut"]) == (process_manager.name, "Antaget")
    assert (day22["Dagar till beslut"], day22["Löftet"], day22["Beslut"]) == (
        "22,0",
        "missat",
        "Ej antaget",
    )
    assert (rows["Obeslutad dag 25"]["Löftet"], rows["Obeslutad dag 25"]["Beslut"]) == (
        "missat",
        "",
    )
    assert rows["Obeslutad dag 10"]["Löftet"] == "pågår"
    assert rows["Obeslutad dag 10"]["Beslutade inom 21 dagar"] == ""


def test_the_export_the_figures_and_the_public_figures_agree_on_the_promise(
    client, process_manager
):
    the_promise_cases()
    client.force_login(process_manager)
    exported = sv_rows(client.get(URL + "initiatives.csv"))
    counted = {
        outcome: sum(1 for row in exported if row["Löftet"] == outcome)
        for outcome in ("hållet", "missat", "pågår")
    }
    quarters = table("decisions", Period()).rows
    # Quarter, kept (%), kept, missed, pending, median, decisions.
    figures = tuple(sum(row[column] for row in quarters) for column in (2, 3, 4))
    whole = promise()
    assert (counted["hållet"], counted["missat"], counted["pågår"]) == figures == (1, 2, 1)
    assert (whole.kept, whole.missed, whole.pending) == figures
    assert public_promise() == whole
    page = client.get("/sv/figures/").content.decode()
    assert "33 % av löftena hållna: 1 av 3 initiativ" in page


def test_the_export_names_the_spheres_of_the_group_and_the_published_outcomes(
    client, process_manager
):
    group = forming_group(process_manager)
    Membership.objects.create(
        group=group, user=UserFactory(organisation=OrganisationFactory(sphere=Sphere.ACADEMIA))
    )
    initiative = group.initiative
    initiative.start_clock(timezone.now() - timedelta(days=30))
    initiative.decided_at = timezone.now() - timedelta(days=20)
    initiative.save()
    published = Report.objects.create(
        initiative=initiative,
        summary="Klart",
        state=Report.State.PUBLISHED,
        published_at=timezone.now(),
    )
    Outcome.objects.create(report=published, label="Sommarjobb", number="30.00", unit="jobb")
    Outcome.objects.create(report=published, label="Timmar", number="12.50", unit="timmar")
    draft = Report.objects.create(initiative=initiative, summary="Utkast")
    Outcome.objects.create(report=draft, label="Hemligt", number=9, unit="st")
    client.force_login(process_manager)
    (row,) = sv_rows(client.get(URL + "initiatives.csv"))
    assert row["Arbetsgruppens samhällssfärer"] == "Näringsliv; Akademi"
    assert row["Publicerade resultat"] == "Sommarjobb: 30 jobb; Timmar: 12,5 timmar"
    assert row["Status"] == "Arbetsgrupp bildas" and row["Beslut"] == "Antaget"


def test_the_excel_export_keeps_numbers_dates_and_hostile_text_as_they_are(client, process_manager):
    at = datetime(2026, 2, 2, 10, tzinfo=MALMO)
    case(
        at,
        State.ADOPTED,
        decided_after=timedelta(days=21),
        title='=HYPERLINK("http://evil.example","klicka")',
    )
    case(at + timedelta(days=1), title="x;=cmd|' /C calc'!A0")
    client.force_login(process_manager)
    response = client.get("/en/staff/figures/initiatives.xlsx", {"start": "2026-02-01"})
    assert (
        'filename="meetmalmo-initiatives-from-2026-02-01.xlsx"' in (response["Content-Disposition"])
    )
    sheet = workbook(response)
    assert sheet.title == "Initiatives"
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    first = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    second = dict(zip(header, [cell.value for cell in sheet[3]], strict=True))
    assert isinstance(first["Number"], int)
    assert first["Title"] == '=HYPERLINK("http://evil.example","klicka")'
    assert sheet.cell(row=2, column=header.index("Title") + 1).data_type == "s"
    assert first["Submitted"] == datetime(2026, 2, 2) and first["Decided"] == datetime(2026, 2, 23)
    assert sheet.cell(row=2, column=header.index("Decided") + 1).is_date
    # A number, not the text "21.0" (the file stores 21.0 as 21).
    assert first["Days to decision"] == 21 and isinstance(first["Days to decision"], int | float)
    assert (first["The promise"], first["Decision"]) == ("kept", "Adopted")
    assert second["Title"] == "x;=cmd|' /C calc'!A0"
    assert (second["Decided"], second["Days to decision"], second["The promise"]) == (
        None,
        None,
        "missed",
    )


def test_every_table_downloads_as_excel_with_its_numbers(client, process_manager):
    at = datetime(2026, 1, 5, 9, tzinfo=MALMO)
    case(at, State.ADOPTED, decided_after=timedelta(days=10))
    case(at)
    client.force_login(process_manager)
    page = client.get("/en/staff/figures/").content.decode()
    assert page.count("as Excel</a>") == 10
    assert "/en/staff/figures/initiatives.xlsx" in page
    sheet = workbook(client.get("/en/staff/figures/decisions.xlsx", {"start": "2026-01-01"}))
    assert sheet.title == "The promise of an answer within"  # 31 letters at most
    assert [cell.value for cell in sheet[2]] == ["2026 Q1", 50, 1, 1, 0, 10.0, 1]
    states = workbook(client.get("/sv/staff/figures/states.xlsx"))
    assert [cell.value for cell in states[1]] == ["Status", "Initiativ"]
    assert ["Antaget", 1] in [[cell.value for cell in row] for row in states.iter_rows()]
    assert client.get("/en/staff/figures/nothing.xlsx").status_code == 404


def test_a_bad_period_gives_no_workbook(client, process_manager):
    client.force_login(process_manager)
    for path in ("initiatives.xlsx", "states.xlsx"):
        response = client.get(URL + path, {"start": "2026-05-01", "end": "2026-04-01"})
        assert response.status_code == 400
        assert "Den sista dagen kan inte komma före den första." in response.content.decode()


EXPECTED = {"visitor": 302, "member": 403, "administrator": 403, "process_manager": 200}


@pytest.mark.parametrize("path", ["initiatives.xlsx", "outcomes.xlsx"])
@pytest.mark.parametrize("role", EXPECTED)
def test_the_workbooks_are_for_process_managers_only(client, request, role, path):
    case(timezone.now(), title="Hemlig plan för hamnen")
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    response = client.get(URL + path)
    assert response.status_code == EXPECTED[role]
    if role == "process_manager":
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    else:
        assert b"Hemlig plan" not in response.content
