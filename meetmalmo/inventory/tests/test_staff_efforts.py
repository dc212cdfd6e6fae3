import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetmalmo.inventory.models import Effort
from meetmalmo.inventory.tests.test_import_efforts import GOOD, HEADER

pytestmark = pytest.mark.django_db


@pytest.fixture
def effort():
    return Effort.objects.create(
        title="Hej Framtid",
        description="Unga möter besöksnäringen.",
        owner_org="Visita",
        sphere="industry_org",
    )


EXPECTED = {"visitor": 302, "member": 403, "administrator": 403, "process_manager": 200}


@pytest.mark.parametrize("role", EXPECTED)
def test_the_register_is_for_process_managers_only(client, request, role, effort):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    for url in [
        "/en/staff/efforts/",
        "/en/staff/efforts/new/",
        "/en/staff/efforts/import/",
        f"/en/staff/efforts/{effort.pk}/",
    ]:
        assert client.get(url).status_code == EXPECTED[role], url
    if role != "process_manager":
        client.post(f"/en/staff/efforts/{effort.pk}/archive/")
        client.post(f"/en/staff/efforts/{effort.pk}/", {"title": "Kapad"})
        effort.refresh_from_db()
        assert (effort.archived, effort.title) == (False, "Hej Framtid")


def test_staff_search_filter_and_archive(client, process_manager, effort):
    Effort.objects.create(
        title="Sommarjobb", description="d", owner_org="Malmö stad", sphere="city"
    )
    client.force_login(process_manager)
    assert "Sommarjobb" not in client.get("/en/staff/efforts/", {"q": "framtid"}).content.decode()
    assert (
        "Hej Framtid" not in client.get("/en/staff/efforts/", {"sphere": "city"}).content.decode()
    )
    client.post(f"/en/staff/efforts/{effort.pk}/archive/")
    effort.refresh_from_db()
    assert effort.archived
    assert "Hej Framtid" not in client.get("/en/staff/efforts/").content.decode()
    assert "Hej Framtid" in client.get("/en/staff/efforts/", {"archived": "on"}).content.decode()


def test_search_finds_other_forms_of_a_word(client, process_manager):
    from meetmalmo.inventory.tests.factories import EffortFactory

    EffortFactory(title="Restauranger i Malmö", description="Kockar utbildas.")
    client.force_login(process_manager)
    found = client.get("/en/staff/efforts/", {"q": "restaurangerna"}).content.decode()
    assert "Restauranger i Malmö" in found
    missing = client.get("/en/staff/efforts/", {"q": "restaurangerna hamn"}).content.decode()
    assert "Restauranger i Malmö" not in missing


def test_a_new_city_effort_is_internal_and_bad_input_is_explained(client, process_manager):
    client.force_login(process_manager)
    bad = client.post(
        "/en/staff/efforts/new/",
        {
            "title": "Läxhjälp",
            "description": "",
            "owner_org": "Malmö stad",
            "sphere": "city",
            "url": "javascript:alert(1)",
            "status": "active",
            "language": "sv",
        },
    )
    content = bad.content.decode()
    assert 'id="id_description_error"' in content and 'id="id_url_error"' in content
    assert 'value="Läxhjälp"' in content and not Effort.objects.exists()
    client.post(
        "/en/staff/efforts/new/",
        {
            "title": "Läxhjälp",
            "description": "Läxhjälp för unga.",
            "owner_org": "Malmö stad",
            "sphere": "city",
            "status": "active",
            "language": "sv",
        },
    )
    assert Effort.objects.get().internal


def test_an_upload_with_bad_lines_shows_them_in_a_table(client, process_manager):
    client.force_login(process_manager)
    upload = SimpleUploadedFile("e.csv", (HEADER + "X,,Y,mafia,,,,active\n").encode())
    response = client.post("/sv/staff/efforts/import/", {"file": upload}, follow=True)
    content = response.content.decode()
    assert "<td>2</td>" in content and "mafia" in content
    assert "Inget importerades" in content
    assert not Effort.objects.exists()


def test_an_upload_dry_run_then_import(client, process_manager):
    client.force_login(process_manager)
    dry = client.post(
        "/en/staff/efforts/import/",
        {"file": SimpleUploadedFile("e.csv", GOOD.encode()), "dry_run": "on"},
        follow=True,
    )
    assert "2 would be created" in dry.content.decode() and not Effort.objects.exists()
    done = client.post(
        "/en/staff/efforts/import/",
        {"file": SimpleUploadedFile("e.csv", GOOD.encode())},
        follow=True,
    )
    assert "Imported: 2 created, 0 updated." in done.content.decode()
    assert Effort.objects.count() == 2


def test_the_list_keeps_a_fixed_number_of_queries(
    client, process_manager, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(process_manager)
    for i in range(5):
        Effort.objects.create(title=f"E{i}", description="d", owner_org="O", sphere="business")
    with django_assert_max_num_queries(20) as small:
        client.get("/en/staff/efforts/")
    for i in range(5, 120):
        Effort.objects.create(title=f"E{i}", description="d", owner_org="O", sphere="business")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/en/staff/efforts/")
