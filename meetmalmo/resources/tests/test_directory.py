import pytest

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import Membership
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.resources.models import SpokenLanguage
from meetmalmo.resources.tests.factories import ResourceFactory, bulk_resources

pytestmark = pytest.mark.django_db
URL = "/en/staff/resources/"


@pytest.fixture
def pool(process_manager):
    hanna = ResourceFactory(
        user=UserFactory(name="Hanna Hotell", email="hanna@hotell.se"),
        competences=["hotellrekrytering"],
        focus_areas=["youth-employment"],
        languages=["sv", "ar"],
        industry="I",
        hours_per_month=12,
    )
    ResourceFactory(
        user=UserFactory(name="Sam Spel", organisation=OrganisationFactory(sphere="academia")),
        competences=["spelutveckling"],
        focus_areas=["industry-development"],
        industry="J",
        hours_per_month=4,
        active=False,
    )
    Membership.objects.create(group=forming_group(process_manager), user=hanna.user)
    return hanna


def rows(client, **params):
    return client.get(URL, params).content.decode()


def test_staff_see_the_pool_with_contacts_load_and_paused_profiles(client, process_manager, pool):
    client.force_login(process_manager)
    page = rows(client)
    assert "2 resources" in page and "Hanna Hotell" in page and "hanna@hotell.se" in page
    assert "Sam Spel" in page and "paused" in page
    assert "<td>1</td>" in page  # Hanna sits in one group


@pytest.mark.parametrize(
    "params, shown",
    [
        ({"competence": "rekryt"}, "Hanna Hotell"),
        ({"industry": "J"}, "Sam Spel"),
        ({"min_hours": "10"}, "Hanna Hotell"),
        ({"sphere": "academia"}, "Sam Spel"),
    ],
)
def test_filters_narrow_the_list(client, process_manager, pool, params, shown):
    client.force_login(process_manager)
    page = rows(client, **params)
    other = {"Hanna Hotell", "Sam Spel"} - {shown}
    assert shown in page and other.pop() not in page


def test_focus_area_and_language_filters(client, process_manager, pool):
    client.force_login(process_manager)
    youth = FocusArea.objects.get(code="youth-employment")
    arabic = SpokenLanguage.objects.get(code="ar")
    assert "Sam Spel" not in rows(client, focus_area=youth.pk)
    assert "Sam Spel" not in rows(client, language=arabic.pk)


def test_bad_filters_are_explained(client, process_manager, pool):
    client.force_login(process_manager)
    page = rows(client, min_hours="300", industry="Z")
    assert 'id="id_min_hours_error"' in page and 'id="id_industry_error"' in page


EXPECTED = {"visitor": 302, "member": 403, "administrator": 403, "process_manager": 200}


@pytest.mark.parametrize("role", EXPECTED)
def test_the_directory_is_for_process_managers_only(client, request, role, pool):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    response = client.get(URL)
    assert response.status_code == EXPECTED[role]
    if role != "process_manager":
        assert "hanna@hotell.se" not in response.content.decode()


def test_the_directory_keeps_its_number_of_queries_from_10_to_1000_resources(
    client, process_manager, django_assert_num_queries, django_assert_max_num_queries
):
    bulk_resources(10, "small")
    client.force_login(process_manager)
    with django_assert_max_num_queries(40) as small:
        client.get(URL)
    bulk_resources(990, "large")
    with django_assert_num_queries(len(small.captured_queries)):
        assert "1000 resources" in client.get(URL).content.decode()
