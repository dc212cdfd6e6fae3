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
