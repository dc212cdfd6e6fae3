import pytest

from meetmalmo.inventory.models import GlossaryEntry
from meetmalmo.inventory.related import related
from meetmalmo.inventory.tests.factories import EffortFactory

pytestmark = pytest.mark.django_db


def test_the_starting_glossary_covers_the_domain():
    words = " ".join(GlossaryEntry.objects.values_list("swedish", flat=True))
    for word in ("sommarjobb", "nyanländ", "kompetensförsörjning", "besöksnäring", "hamn"):
        assert word in words
    assert GlossaryEntry.objects.count() >= 60


def test_a_process_manager_adds_an_entry_that_search_uses_at_once(client, process_manager):
    effort = EffortFactory(title="Cirkulära kontor", description="Återbruk av möbler.")
    assert not related("upcycling")
    client.force_login(process_manager)
    response = client.post(
        "/en/staff/glossary/new/", {"swedish": "återbruk, cirkulär", "english": "upcycling, reuse"}
    )
    assert response.status_code == 302
    assert related("upcycling")[0].title == effort.title
    assert "upcycling, reuse" in client.get("/en/staff/glossary/").content.decode()


def test_an_entry_is_edited_and_removed(client, process_manager):
    entry = GlossaryEntry.objects.create(swedish="läxhjälp", english="homework club")
    client.force_login(process_manager)
    client.post(f"/en/staff/glossary/{entry.pk}/", {"swedish": "läxhjälp", "english": "tutoring"})
    entry.refresh_from_db()
    assert entry.english == "tutoring"
    client.post(f"/en/staff/glossary/{entry.pk}/delete/")
    assert not GlossaryEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    "data, field, message, kept",
    [
        ({"swedish": "", "english": "reuse"}, "swedish", "This field is required.", "reuse"),
        ({"swedish": " , ,", "english": "reuse"}, "swedish", "Write at least one word.", "reuse"),
        ({"swedish": "återbruk", "english": "x" * 301}, "english", "at most 300", "återbruk"),
    ],
)
def test_bad_entries_are_refused_beside_the_field_keeping_what_was_typed(
    client, process_manager, data, field, message, kept
):
    count = GlossaryEntry.objects.count()
    client.force_login(process_manager)
    response = client.post("/en/staff/glossary/new/", data)
    content = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in content and message in content
    assert f'value="{kept}"' in content
    assert GlossaryEntry.objects.count() == count


def test_the_glossary_page_answers_in_swedish(client, process_manager):
    client.force_login(process_manager)
    page = client.get("/sv/staff/glossary/").content.decode()
    assert "Ordlista" in page and "Nytt ord" in page


EXPECTED = {"visitor": 302, "member": 403, "administrator": 403}


@pytest.mark.parametrize("role", EXPECTED)
def test_the_glossary_is_for_process_managers_only(client, request, role):
    entry = GlossaryEntry.objects.create(swedish="läxhjälp", english="homework club")
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    for url in [
        "/en/staff/glossary/",
        "/en/staff/glossary/new/",
        f"/en/staff/glossary/{entry.pk}/",
    ]:
        assert client.get(url).status_code == EXPECTED[role], url
    client.post(f"/en/staff/glossary/{entry.pk}/", {"swedish": "kapad", "english": "hijacked"})
    client.post(f"/en/staff/glossary/{entry.pk}/delete/")
    entry.refresh_from_db()
    assert entry.swedish == "läxhjälp"
