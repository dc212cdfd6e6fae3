"""Requests generated from the API's own OpenAPI document: for every operation, valid and
invalid parameters alike, the answer is never a server error and always matches the document
(status, content type, body schema). The number of examples is bounded to keep CI short."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from meetmalmo.api.tests.builders import draft_project, running_project
from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
EXAMPLES = 25  # per operation


# The document is read once, through the application as a client reads it.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def connection_kept():
    """The application is called as a server would call it, and a server closes the database
    connection after each request, which inside the test's transaction (on PostgreSQL) would
    end the test's connection; Django's own test client keeps it open the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def content(settings):
    # Generated requests come fast from one address; the limit has its own tests.
    settings.API_RATE_LIMIT = 1_000_000
    running_project()
    draft_project()
    ArticleFactory()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_as_its_document_says(case):
    # Every check but one: a well-formed value that names nothing (an unknown focus area or
    # project, a page past the last) is answered 422 with its reason, as the document says,
    # where this check expects any well-formed value to be accepted.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
