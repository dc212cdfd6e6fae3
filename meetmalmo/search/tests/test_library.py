import csv
import io
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.core.models import Sphere
from meetmalmo.figures.selectors import public_figures
from meetmalmo.groups.models import Membership, WorkingGroup
from meetmalmo.publishing.models import Report
from meetmalmo.search import library
from meetmalmo.search.tests.helpers import project, report

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def reports():
    hotels = project(
        "hotell",
        title_sv="Sommarjobb på hotell",
        title_en="Summer jobs in hotels",
        focus=["competence-supply"],
    )
    harbour = project("hamn", title_sv="Hamnen som mötesplats", focus=["tourism-events"])
    secret = project("hemlig", title_sv="Hemligt projekt", published=False)
    one = report(
        hotels,
        summary="Tusen unga mötte hotellen.",
        lessons="Mentorer behövs från första dagen.",
        outcomes=[("Sommarjobb", 38, "jobb"), ("unga som nåddes", 1000, "personer")],
    )
    two = report(
        harbour,
        summary="Hamnen fylldes.",
        lessons="Ljus och bänkar lockar fler besökare.",
        outcomes=[("sommarjobb", 2, "jobb")],
        kind=Report.Kind.YEARLY,
    )
    report(secret, lessons="Hemliga lärdomar.", outcomes=[("hemliga resultat", 5, "st")])
    report(hotels, lessons="Ett utkast till lärdomar.", published=False)
    return one, two


def test_the_library_shows_published_reports_linking_to_their_projects(client, reports):
    page = client.get("/sv/results/").content.decode()
    assert "Mentorer behövs från första dagen." in page
    assert "Ljus och bänkar lockar fler besökare." in page
    assert 'href="/sv/projects/hotell/"' in page
    assert "Hemliga lärdomar" not in page and "Ett utkast till lärdomar" not in page
    assert "2 rapporter" in page


def test_the_library_totals_equal_the_figures(client, reports):
    figures = {(o["label"].lower(), o["unit"]): o["total"] for o in public_figures()["outcomes"]}
    totals = library.library()["totals"]
    shown = {(o["label"].lower(), o["unit"]): o["total"] for o in totals}
    assert shown == figures
    assert shown[("sommarjobb", "jobb")] == 40


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"focus_area": "competence-supply"}, ["hotell"]),
        ({"outcome": "Unga som nåddes"}, ["hotell"]),
        ({"sphere": Sphere.ACADEMIA}, ["hamn"]),
        ({"year": str(timezone.now().year)}, ["hotell", "hamn"]),
        ({"year": "2001"}, []),
    ],
)
def test_the_library_filters(client, reports, criteria, expected):
    harbour = reports[1].initiative
    group = WorkingGroup.objects.create(initiative=harbour)
    academia = OrganisationFactory(sphere=Sphere.ACADEMIA)
    Membership.objects.create(group=group, user=UserFactory(organisation=academia))
    if criteria.get("year") == "2001":
        Report.objects.update(published_at=timezone.now() - timedelta(days=365 * 30))
        criteria = {"year": str((timezone.now() - timedelta(days=365 * 30)).year)}
        expected = ["hotell", "hamn"]
    response = client.get("/sv/results/", criteria)
    assert response.status_code == 200
    page = response.content.decode()
    for slug in ("hotell", "hamn"):
        assert (f'href="/sv/projects/{slug}/#report-title"' in page) == (slug in expected)


def test_the_filtered_totals_sum_only_the_reports_shown(reports):
    totals = library.library(outcome="sommarjobb")["totals"]
    assert {(o["label"].lower(), o["total"]) for o in totals} == {
        ("sommarjobb", 40),
        ("unga som nåddes", 1000),
    }


@pytest.mark.parametrize(
    "params",
    [{"year": "abc"}, {"sphere": "<script>"}, {"focus_area": "x" * 5000}, {"page": "-1"}],
)
def test_bad_filters_answer_with_the_library(client, reports, params):
    response = client.get("/en/results/", params)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_a_focus_areas_lessons_page_gathers_its_lessons(client, reports):
    page = client.get("/en/results/lessons/competence-supply/").content.decode()
    assert "What we have learned about competence supply" in page
    assert "Mentorer behövs från första dagen." in page
    assert "Ljus och bänkar" not in page
    assert client.get("/en/results/lessons/no-such-area/").status_code == 404


def test_the_lessons_feed_is_atom_of_published_lessons(client, reports):
    response = client.get("/en/results/lessons/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    body = response.content.decode()
    assert "Hemliga lärdomar" not in body and "utkast" not in body
    assert "http://testserver/en/projects/hotell/#lessons" in body


def test_a_lessons_updated_time_changes_only_when_the_report_changes(client, reports):
    def updated():
        feed = ET.fromstring(client.get("/en/results/lessons/feed/").content)  # noqa: S314
        return {
            entry.find(f"{ATOM}link").get("href"): entry.find(f"{ATOM}updated").text
            for entry in feed.findall(f"{ATOM}entry")
        }

    before = updated()
    assert updated() == before  # asking again changes nothing
    one = reports[0]
    one.lessons = "Mentorer behövs från första dagen, och en fadder."
    one.save()
    after = updated()
    changed = [link for link in after if after[link] != before[link]]
    assert changed == ["http://testserver/en/projects/hotell/#lessons"]


def test_the_lessons_are_open_data(client, reports):
    response = client.get("/open-data/lessons.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["project"] for row in rows} == {"hotell", "hamn"}
    hotell = next(row for row in rows if row["project"] == "hotell")
    assert hotell["lessons"] == "Mentorer behövs från första dagen."
    assert hotell["focus_areas"] == "competence-supply"
    assert hotell["url"].endswith("/sv/projects/hotell/#lessons")
