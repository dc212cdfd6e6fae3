import pytest
from django.core.cache import cache
from django.utils import translation

from meetmalmo.accounts.tests.factories import (
    OrganisationFactory,
    ProcessManagerFactory,
    UserFactory,
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, and the rows its migrations wrote (the focus areas, the languages, the
    glossary) kept aside: the flush after every transactional test takes them, and a test that
    builds its world from them writes them back with `migration_rows`."""
    from django.db import connection

    with django_db_blocker.unblock():
        _MIGRATION_ROWS.append(connection.creation.serialize_db_to_string())


_MIGRATION_ROWS: list[str] = []


@pytest.fixture
def migration_rows(transactional_db):
    """Writes the rows of the migrations back when an earlier transactional test took them."""
    from django.db import connection

    from meetmalmo.core.models import FocusArea

    if not FocusArea.objects.exists():
        connection.creation.deserialize_db_from_string(_MIGRATION_ROWS[0])


@pytest.fixture(autouse=True)
def _migration_rows_for_transactional_tests(request):
    """A transactional test (a browser test with its live server) finds the rows of the
    migrations whatever test flushed the database before it."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("migration_rows")


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """Each test starts as a new process does, with no language active, and leaves none behind:
    a request to an English page in one test never decides what the next one reads."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def english():
    """The portal's messages read in English outside a request (a request sets its own)."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Login and sign-up rate limits count in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def member(db):
    return UserFactory()


@pytest.fixture
def other_member(db):
    return UserFactory()


@pytest.fixture
def process_manager(db):
    return ProcessManagerFactory()


@pytest.fixture
def administrator(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def group(process_manager, member):
    """A working group forming for the member's initiative, the process manager its support."""
    from meetmalmo.groups.tests.factories import forming_group

    return forming_group(process_manager, submitter=member)


@pytest.fixture
def group_member(group):
    """A plain member of that group."""
    from meetmalmo.groups.models import Membership

    person = UserFactory()
    Membership.objects.create(group=group, user=person, role="member")
    return person
