from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.api.tests.builders import draft_project, running_project, scheduled_project
from meetmalmo.publishing.models import Project, SlugRedirect
from meetmalmo.publishing.tests.test_projects import adopted, publish

pytestmark = pytest.mark.django_db


def test_it_lists_published_projects_with_their_facts(client, settings):
    settings.SITE_URL = "https://meetmalmo.example.se"
    running_project()
    answer = client.get("/api/v1/projects")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/json; charset=utf-8"
    body = answer.json()
    assert {k: body[k] for k in ("count", "page", "page_size", "pages", "next", "previous")} == {
        "count": 1,
        "page": 1,
        "page_size": 20,
        "pages": 1,
        "next": None,
        "previous": None,
    }
    [item] = body["items"]
    assert item["slug"] == "sommarjobb"
    assert item["title"] == {"sv": "Sommarjobb på hotell", "en": "Summer jobs in hotels"}
    assert item["lead"] == {
        "sv": "Unga får sitt första jobb.",
        "en": "Young people get their first job.",
    }
    assert item["status"] == "running"
    assert item["focus_areas"] == [
        {
            "code": "youth-employment",
            "name": {"sv": "Ungas sysselsättning", "en": "Youth employment"},
        }
    ]
    assert item["owner_organisation"] == "Visita"
    assert item["spheres"] == ["business", "academia"]
    assert item["outcomes"] == [
        {"label": "unga som nåddes", "number": 1000, "unit": "personer"},
        {"label": "timmar", "number": 12.5, "unit": "timmar"},
    ]
    assert item["url_sv"] == "https://meetmalmo.example.se/sv/projects/sommarjobb/"
    assert item["url_en"] == "https://meetmalmo.example.se/en/projects/sommarjobb/"
    assert item["image"] is None
    assert item["published"].endswith("Z") and item["updated"]
    assert "body" not in item


def test_one_project_adds_its_text_milestones_and_reports(client):
    running_project()
    answer = client.get("/api/v1/projects/sommarjobb")
    assert answer.status_code == 200
    item = answer.json()
    assert item["body"] == {"sv": "**Hotell** anställer.", "en": ""}
    assert item["milestones"] == [{"title": "Första mötet", "date": "2026-10-01"}]
    [report] = item["reports"]
    assert report["kind"] == "final" and report["summary"] == "Tusen unga mötte arbetsgivare."
    assert [o["label"] for o in report["outcomes"]] == ["unga som nåddes", "timmar"]


def test_drafts_and_scheduled_projects_are_never_shown(client):
    running_project()
    draft_project()
    scheduled_project()
    slugs = [item["slug"] for item in client.get("/api/v1/projects").json()["items"]]
    assert slugs == ["sommarjobb"]
    for slug in ("utkast", "framtida"):
        answer = client.get(f"/api/v1/projects/{slug}")
        assert answer.status_code == 404
        assert answer.json() == {"detail": "No published project has this address."}


def test_an_unknown_project_is_a_json_404(client):
    answer = client.get("/api/v1/projects/finns-inte")
    assert answer.status_code == 404
    assert answer.json()["detail"]


def test_an_old_address_redirects_to_the_new_one(client):
    project = running_project()
    SlugRedirect.objects.create(old_slug="gammal", project=project)
    answer = client.get("/api/v1/projects/gammal")
    assert answer.status_code == 301 and answer["Location"] == "/api/v1/projects/sommarjobb"


def test_it_filters_by_status_and_focus_area(client):
    running_project()
    starting, _ = adopted("Nystartat")
    publish(starting.project, slug="nystartat")

    def slugs(**params):
        return [item["slug"] for item in client.get("/api/v1/projects", params).json()["items"]]

    assert slugs(status="running") == ["sommarjobb"]
    assert slugs(status="starting") == ["nystartat"]
    assert slugs(status="completed") == []
    assert slugs(focus_area="youth-employment") == ["sommarjobb"]
    assert sorted(slugs(status="")) == ["nystartat", "sommarjobb"]


def test_updated_since_finds_changed_and_newly_published_projects(client):
    old = running_project()
    Project.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - timedelta(days=10),
        published_at=timezone.now() - timedelta(days=10),
    )
    fresh, _ = adopted("Nytt")
    publish(fresh.project, slug="nytt")
    since = (timezone.now() - timedelta(days=1)).isoformat()

    def slugs(value):
        answer = client.get("/api/v1/projects", {"updated_since": value})
        return [item["slug"] for item in answer.json()["items"]]

    assert slugs(since) == ["nytt"]
    assert sorted(slugs("2000-01-01")) == ["nytt", "sommarjobb"]
    assert slugs("2999-01-01") == []


def test_pages_link_to_each_other_with_absolute_addresses(client, settings):
    settings.SITE_URL = "https://meetmalmo.example.se"
    for n in range(3):
        case, _ = adopted(f"Projekt {n}")
        publish(case.project, slug=f"projekt-{n}")
    first = client.get("/api/v1/projects", {"page_size": 2, "status": "starting"}).json()
    assert (first["count"], first["pages"], len(first["items"])) == (3, 2, 2)
    assert first["previous"] is None
    assert first["next"] == (
        "https://meetmalmo.example.se/api/v1/projects?page_size=2&status=starting&page=2"
    )
    second = client.get(first["next"].removeprefix("https://meetmalmo.example.se")).json()
    assert len(second["items"]) == 1 and second["next"] is None
    assert second["previous"].endswith("page=1")


def test_page_one_of_an_empty_list_is_empty(client):
    answer = client.get("/api/v1/projects")
    assert answer.status_code == 200
    assert answer.json()["items"] == [] and answer.json()["pages"] == 1


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"status": "paused"}, "status"),
        ({"focus_area": "no-such-area"}, "focus_area"),
        ({"focus_area": "<script>"}, "focus_area"),
        ({"page": "2"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page": "x"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"updated_since": "31/01/2025"}, "updated_since"),
        ({"updated_since": "2025-02-30"}, "updated_since"),
    ],
)
def test_a_bad_parameter_is_a_422_naming_it(client, params, parameter):
    running_project()
    answer = client.get("/api/v1/projects", params)
    assert answer.status_code == 422
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["query", parameter]
    assert problem["msg"] and problem["type"]
