"""Whatever a client sends as parameters or addresses, the API answers with JSON and a status
it documents, never with a server error."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetmalmo.api.tests.builders import draft_project, running_project
from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

EXPECTED = {200, 304, 404, 422}
TRICKY = [
    "running",
    "youth-employment",
    "sommarjobb",
    "2025-01-31",
    "2025-01-31T12:00:00+01:00",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00+14:00",
    "1",
    "100",
    "101",
    "0",
    "-1",
    "1e3",
    " 5 ",
    "٣",
    "' OR 1=1 --",
    "1; DROP TABLE publishing_project",
    "<script>alert(1)</script>",
    "\x00",
    "\r\n",
    "../../etc/passwd",
    "9" * 5000,
]
VALUES = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
PARAMETERS = st.dictionaries(
    st.sampled_from(["status", "focus_area", "updated_since", "page", "page_size", "project"]),
    VALUES,
    max_size=6,
)
CHECKS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    database=None,  # no example files left in the working tree
)


@pytest.fixture
def content(settings):
    settings.API_RATE_LIMIT = 0
    project = running_project()
    draft_project()
    ArticleFactory(slug="om-sommarjobb", project=project)
    ArticleFactory.create_batch(3)


def assert_json_answer(answer):
    assert answer.status_code in EXPECTED, (answer.status_code, answer.content[:300])
    if answer.status_code != 304:
        assert answer["Content-Type"].startswith("application/json")
        answer.json()


@CHECKS
@given(
    path=st.sampled_from(["/api/v1/projects", "/api/v1/news"]),
    params=PARAMETERS,
    etag=st.none() | st.text(max_size=20),
)
def test_a_list_answers_any_parameters_with_json(client, content, path, params, etag):
    headers = {} if etag is None else {"If-None-Match": etag}
    assert_json_answer(client.get(path, params, headers=headers))


@CHECKS
@given(
    kind=st.sampled_from(["projects", "news"]),
    slug=st.one_of(st.sampled_from(TRICKY), st.text(min_size=1, max_size=60)),
)
def test_an_address_answers_any_slug_with_json(client, content, kind, slug):
    assert_json_answer(client.get(f"/api/v1/{kind}/{quote(slug, safe='')}"))
