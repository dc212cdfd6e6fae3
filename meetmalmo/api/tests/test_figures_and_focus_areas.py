import pytest

from meetmalmo.api.tests.builders import running_project
from meetmalmo.core.models import FocusArea

pytestmark = pytest.mark.django_db


def test_the_figures_are_the_public_figures(client, settings):
    settings.START_YEAR = 2015
    running_project()
    figures = client.get("/api/v1/figures").json()
    assert figures["since"] == 2015
    assert figures["initiatives_brought_to_life"] == 1
    assert figures["projects_running"] == 1 and figures["projects_completed"] == 0
    assert figures["spheres_involved"] == ["business", "academia"]
    assert {"label": "unga som nåddes", "unit": "personer", "total": 1000, "reports": 1} in (
        figures["outcomes"]
    )


def test_the_focus_areas_come_in_the_offices_order_with_both_names(client):
    FocusArea.objects.filter(code="youth-employment").update(active=False)
    areas = client.get("/api/v1/focus-areas").json()
    assert [area["code"] for area in areas] == list(
        FocusArea.objects.values_list("code", flat=True)
    )
    youth = next(area for area in areas if area["code"] == "youth-employment")
    assert youth == {
        "code": "youth-employment",
        "name": {"sv": "Ungas sysselsättning", "en": "Youth employment"},
        "active": False,
    }


def test_the_index_links_to_every_endpoint(client, settings):
    settings.SITE_URL = "https://meetmalmo.example.se"
    index = client.get("/api/v1/").json()
    assert index["projects"] == "https://meetmalmo.example.se/api/v1/projects"
    assert index["openapi"] == "https://meetmalmo.example.se/api/v1/openapi.json"
    assert index["documentation"] == {
        "sv": "https://meetmalmo.example.se/sv/open-data/api/",
        "en": "https://meetmalmo.example.se/en/open-data/api/",
    }
    assert index["licence"] == "http://creativecommons.org/publicdomain/zero/1.0/"
