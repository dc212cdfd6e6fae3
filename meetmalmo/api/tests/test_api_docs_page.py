import re

import pytest

from meetmalmo.api.api import api

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_endpoint_of_the_openapi_document_is_described(client, language):
    answer = client.get(f"/{language}/open-data/api/")
    assert answer.status_code == 200
    page = answer.content.decode()
    assert len(re.findall(r"<h1[ >]", page)) == 1
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert len(paths) == 8
    for path, operations in paths.items():
        for method, operation in operations.items():
            assert f"<code>{method.upper()} {path}</code>" in page, path
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    assert f"<code>{parameter['name']}</code>" in page, parameter["name"]
    assert 'href="/api/v1/openapi.json"' in page


def test_it_states_the_rate_limit_in_force(client, settings):
    settings.API_RATE_LIMIT = 120
    assert "120 requests a minute" in client.get("/en/open-data/api/").content.decode()


def test_the_statuses_and_focus_areas_it_lists_are_the_real_ones(client):
    page = client.get("/en/open-data/api/").content.decode()
    for status in ("starting", "running", "completed", "discontinued"):
        assert f"<code>{status}</code>" in page
    assert "<code>youth-employment</code>" in page


def test_the_api_has_no_swagger_page_and_says_what_it_is(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Meet Malmö open data API"
    assert schema["info"]["version"] == "1"
    assert schema["info"]["license"]["identifier"] == "CC0-1.0"
    assert api.docs_url is None
    for operations in schema["paths"].values():
        for operation in operations.values():
            assert operation["summary"] and operation["description"]
            assert "schema" in operation["responses"]["200"]["content"]["application/json"]
