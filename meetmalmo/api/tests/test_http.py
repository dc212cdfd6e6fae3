"""What every client of the API and the open-data files notices: caching headers and 304,
CORS for any origin, a rate limit per address, HEAD, and JSON errors."""

import pytest
from django.core.cache import cache

from meetmalmo.core import public_cache
from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

MACHINE_PATHS = ["/api/v1/news", "/api/v1/openapi.json", "/open-data/projects.csv"]


@pytest.mark.parametrize("path", MACHINE_PATHS)
def test_answers_carry_an_etag_and_may_be_cached_for_a_minute(client, path):
    answer = client.get(path)
    assert answer.status_code == 200
    assert answer["ETag"].startswith('"')
    assert answer["Cache-Control"] == "public, max-age=60"


@pytest.mark.parametrize("path", MACHINE_PATHS)
def test_a_conditional_request_for_unchanged_data_is_304_without_a_body(client, path):
    ArticleFactory()
    etag = client.get(path)["ETag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_change_gives_a_new_etag(client):
    etag = client.get("/api/v1/news")["ETag"]
    ArticleFactory()
    public_cache.clear()  # as publishing through the portal does
    assert client.get("/api/v1/news", headers={"If-None-Match": etag}).status_code == 200


@pytest.mark.parametrize("path", [*MACHINE_PATHS, "/api/v1/news/none", "/open-data/catalog.rdf"])
def test_any_origin_may_read(client, path):
    answer = client.get(path, headers={"Origin": "https://example.org"})
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in answer["Access-Control-Expose-Headers"]
    assert "Retry-After" in answer["Access-Control-Expose-Headers"]


@pytest.mark.parametrize("path", ["/api/v1/projects", "/open-data/outcomes.csv"])
def test_a_preflight_request_is_answered_204(client, path):
    answer = client.options(
        path,
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert answer.status_code == 204
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert answer["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert answer["Access-Control-Allow-Headers"] == "If-None-Match, If-Modified-Since"


def test_pages_for_people_are_not_opened_to_other_origins(client):
    answer = client.get("/en/open-data/", headers={"Origin": "https://example.org"})
    assert "Access-Control-Allow-Origin" not in answer


def test_head_answers_the_headers_of_get_without_a_body(client):
    ArticleFactory()
    got = client.get("/api/v1/news")
    head = client.head("/api/v1/news")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == got["ETag"]
    assert head["Content-Type"] == "application/json; charset=utf-8"


def test_a_client_over_the_limit_waits_for_the_next_minute(client, settings):
    settings.API_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/v1/focus-areas").status_code == 200
    refused = client.get("/open-data/projects.csv")
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("Too many requests")
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Access-Control-Allow-Origin"] == "*"
    other = client.get("/api/v1/focus-areas", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
    assert client.get("/en/open-data/").status_code == 200  # pages for people are not counted
    cache.clear()  # a new window
    assert client.get("/api/v1/focus-areas").status_code == 200


def test_a_limit_of_zero_turns_the_limit_off(client, settings):
    settings.API_RATE_LIMIT = 0
    for _ in range(5):
        assert client.get("/api/v1/focus-areas").status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/nothing", "/api/v2/projects", "/api/v1/docs"])
def test_an_unknown_api_address_is_a_json_404(client, path):
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer.json() == {"detail": "Not Found"}


def test_writing_is_refused_with_json(client):
    answer = client.post("/api/v1/projects", {"title": "x"})
    assert answer.status_code == 405
    assert answer.json() == {"detail": "Method Not Allowed"}
    assert "GET" in answer["Allow"]


def test_behind_a_trusted_proxy_each_visitor_has_a_limit_of_their_own(client, settings):
    settings.API_RATE_LIMIT = 1
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}

    def ask(visitor):
        return client.get("/api/v1/focus-areas", HTTP_X_FORWARDED_FOR=visitor, **proxy)

    assert ask("192.0.2.1").status_code == 200
    assert ask("192.0.2.2").status_code == 200  # another visitor through the same proxy
    assert ask("192.0.2.1").status_code == 429
