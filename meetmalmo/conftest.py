import pytest
from django.core.cache import cache

from meetmalmo.accounts.tests.factories import (
    OrganisationFactory,
    ProcessManagerFactory,
    UserFactory,
)


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
