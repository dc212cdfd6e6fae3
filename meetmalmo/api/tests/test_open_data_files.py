import csv
import io

import pytest

from meetmalmo.api.tests.builders import draft_project, running_project, scheduled_project
from meetmalmo.publishing.models import Outcome, Report
from meetmalmo.publishing.tests.test_projects import adopted, publish

pytestmark = pytest.mark.django_db


def download(client, name):
    answer = client.get(f"/open-data/{name}.csv")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    assert answer["Content-Disposition"] == f'attachment; filename="{name}.csv"'
    assert not answer.content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(answer.content.decode("utf-8"))))


def test_the_projects_file_lists_exactly_the_published_projects(client, settings):
    settings.SITE_URL = "https://meetmalmo.example.se"
    running_project()
    draft_project()
    scheduled_project()
    rows = download(client, "projects")
    assert [row["slug"] for row in rows] == ["sommarjobb"]
    [row] = rows
    assert row["title_sv"] == "Sommarjobb på hotell" and row["title_en"] == "Summer jobs in hotels"
    assert row["status"] == "running"
    assert row["focus_areas"] == "youth-employment"
    assert row["owner_organisation"] == "Visita"
    assert row["spheres"] == "business;academia"
    assert row["url_en"] == "https://meetmalmo.example.se/en/projects/sommarjobb/"
    assert row["published"].startswith("20") and row["image_url"] == ""


def test_the_outcomes_file_has_a_row_per_outcome_of_a_published_report(client):
    project = running_project()
    Report.objects.create(initiative=project.initiative, summary="Utkast", state="draft")
    Outcome.objects.create(
        report=Report.objects.get(state="draft"), label="hemligt", number=1, unit="st"
    )
    hidden, _ = adopted("Opublicerat")
    secret = Report.objects.create(initiative=hidden, summary="x", state="published")
    Outcome.objects.create(report=secret, label="dolt", number=5, unit="st")
    rows = download(client, "outcomes")
    assert [(r["project"], r["report_kind"], r["label"], r["number"], r["unit"]) for r in rows] == [
        ("sommarjobb", "final", "unga som nåddes", "1000", "personer"),
        ("sommarjobb", "final", "timmar", "12.5", "timmar"),
    ]
    assert rows[0]["report_published"].startswith("20")


def test_the_figures_file_has_the_headline_figures_and_the_outcome_sums(client, settings):
    settings.START_YEAR = 2015
    running_project()
    rows = download(client, "figures")
    by_figure = {row["figure"]: row for row in rows if row["figure"] != "outcome"}
    assert by_figure["since"]["value"] == "2015"
    assert by_figure["initiatives_brought_to_life"]["value"] == "1"
    assert by_figure["projects_running"]["value"] == "1"
    assert by_figure["spheres_involved"]["label"] == "business;academia"
    assert by_figure["spheres_involved"]["value"] == "2"
    outcomes = [
        (r["label"], r["value"], r["unit"], r["reports"]) for r in rows if r["figure"] == "outcome"
    ]
    assert ("unga som nåddes", "1000", "personer", "1") in outcomes


def test_a_title_that_looks_like_a_formula_is_written_as_text(client):
    case, _ = adopted('=HYPERLINK("https://example.org")')
    publish(case.project, slug="formel")
    [row] = download(client, "projects")
    assert row["title_sv"] == '\'=HYPERLINK("https://example.org")'


def test_an_empty_portal_gives_files_with_only_a_header(client):
    for name in ("projects", "outcomes"):
        answer = client.get(f"/open-data/{name}.csv").content.decode()
        assert len(list(csv.reader(io.StringIO(answer)))) == 1


def test_an_unknown_file_is_not_found(client):
    assert client.get("/open-data/people.csv").status_code == 404
    assert client.get("/sv/open-data/projects.csv").status_code == 404
