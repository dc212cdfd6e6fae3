import pytest

from meetmalmo.initiatives.models import CaseEvent, InventoryEntry
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.tests.factories import EffortFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    case = InitiativeFactory(title="Sommarjobb på hotell för unga", state=State.DRAFT)
    perform_transition(initiative=case, name="submit", actor=case.submitter)
    return case


@pytest.fixture
def effort():
    return EffortFactory(
        title="Sommarjobb för unga i Malmö stad",
        description="Staden erbjuder ungdomar sommarjobb.",
        owner_org="Arbetsmarknadsförvaltningen",
    )


def add(client, case, **data):
    return client.post(f"/en/staff/cases/{case.pk}/inventory/", data)


def test_the_case_page_suggests_related_work_with_the_words_in_common(
    client, process_manager, case, effort
):
    client.force_login(process_manager)
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert "Suggested related work" in page
    assert effort.title in page and "Arbetsmarknadsförvaltningen" in page
    assert "In common:" in page and "sommarjobb" in page
    assert "Add to the inventory" in page


def test_staff_search_the_register_from_the_case(client, process_manager, case, effort):
    other = EffortFactory(title="Läxhjälp i Rosengård", description="Studenter hjälper elever.")
    client.force_login(process_manager)
    page = client.get(f"/en/staff/cases/{case.pk}/", {"inventory_q": "läxhjälp"}).content.decode()
    assert "Found for “läxhjälp”" in page and other.title in page
    empty = client.get(f"/en/staff/cases/{case.pk}/", {"inventory_q": "x" * 5000})
    assert empty.status_code == 200


def test_a_process_manager_links_an_effort_with_a_note(client, process_manager, case, effort):
    client.force_login(process_manager)
    response = add(
        client, case, kind="effort", target=effort.pk, note="Samma målgrupp", action="add"
    )
    assert response.status_code == 302
    entry = InventoryEntry.objects.get()
    assert (entry.effort, entry.note, entry.dismissed) == (effort, "Samma målgrupp", False)
    event = CaseEvent.objects.filter(kind="inventory").get()
    assert event.internal and "Sommarjobb för unga i Malmö stad" in event.reason
    perform_transition(initiative=case, name="take", actor=process_manager)
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert "Linked work" in page and "Samma målgrupp" in page
    # Linked work is no longer suggested, and it can be chosen for a referral.
    assert page.count(f'name="target" value="{effort.pk}"') == 0
    assert f'value="effort:{effort.pk}"' in page
    # The submitter never sees the inventory.
    client.force_login(case.submitter)
    mine = client.get(f"/en/my/initiatives/{case.pk}/").content.decode()
    assert "Samma målgrupp" not in mine and "Sommarjobb för unga i Malmö stad" not in mine


def test_an_earlier_initiative_is_linked_and_the_case_itself_is_not(client, process_manager, case):
    earlier = InitiativeFactory(title="Hotelljobb för unga", state=State.DRAFT)
    perform_transition(initiative=earlier, name="submit", actor=earlier.submitter)
    draft = InitiativeFactory(title="Utkast om hotell", state=State.DRAFT)
    client.force_login(process_manager)
    add(client, case, kind="initiative", target=earlier.pk, action="add")
    for target in (case.pk, draft.pk, 999_999):
        response = add(client, case, kind="initiative", target=target, action="add")
        assert response.status_code == 302
    assert [e.related_initiative for e in InventoryEntry.objects.all()] == [earlier]
    follow = add(client, case, kind="initiative", target=draft.pk, action="add")
    assert "does not exist" in client.get(follow.url).content.decode()


def test_dismissed_work_is_no_longer_suggested_until_taken_back(
    client, process_manager, case, effort
):
    client.force_login(process_manager)
    add(client, case, kind="effort", target=effort.pk, action="dismiss")
    entry = InventoryEntry.objects.get()
    assert entry.dismissed
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert f'name="target" value="{effort.pk}"' not in page
    assert "Marked as not related (1)" in page
    client.post(f"/en/staff/cases/{case.pk}/inventory/{entry.pk}/remove/")
    assert not InventoryEntry.objects.exists()
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert f'name="target" value="{effort.pk}"' in page
    assert list(CaseEvent.objects.filter(kind="inventory").values_list("reason", flat=True)) == [
        "Not related: Sommarjobb för unga i Malmö stad",
        "Taken off the inventory: Sommarjobb för unga i Malmö stad",
    ]


def test_work_the_case_is_referred_to_stays_in_the_inventory(client, process_manager, case, effort):
    entry = InventoryEntry.objects.create(initiative=case, effort=effort)
    perform_transition(initiative=case, name="take", actor=process_manager)
    perform_transition(
        initiative=case, name="refer", actor=process_manager, referred_to_effort=effort
    )
    client.force_login(process_manager)
    response = client.post(f"/en/staff/cases/{case.pk}/inventory/{entry.pk}/remove/", follow=True)
    assert "The case is referred to this work" in response.content.decode()
    assert InventoryEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "effort", "target": "abc", "action": "add"},
        {"kind": "robot", "target": "1", "action": "add"},
        {"kind": "effort", "target": "1", "action": "delete-all"},
        {"kind": "effort", "target": "-1", "action": "add"},
    ],
)
def test_bad_requests_change_nothing(client, process_manager, case, effort, data):
    client.force_login(process_manager)
    response = add(client, case, **data)
    assert response.status_code == 302
    assert not InventoryEntry.objects.exists()


def test_a_note_too_long_is_refused_with_a_message(client, process_manager, case, effort):
    client.force_login(process_manager)
    response = client.post(
        f"/en/staff/cases/{case.pk}/inventory/",
        {"kind": "effort", "target": effort.pk, "note": "x" * 2001, "action": "add"},
        follow=True,
    )
    assert "at most 2000 characters" in response.content.decode()
    assert not InventoryEntry.objects.exists()


EXPECTED = {"visitor": 302, "member": 403, "other_member": 403, "administrator": 403}


@pytest.mark.parametrize("role", EXPECTED)
def test_only_process_managers_keep_the_inventory(client, request, role, case, effort):
    entry = InventoryEntry.objects.create(initiative=case, effort=effort, note="Hemlig")
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    if role == "member":
        client.force_login(case.submitter)  # even the case's own submitter
    added = add(client, case, kind="effort", target=effort.pk, action="dismiss")
    removed = client.post(f"/en/staff/cases/{case.pk}/inventory/{entry.pk}/remove/")
    assert (added.status_code, removed.status_code) == (EXPECTED[role],) * 2
    entry.refresh_from_db()
    assert (entry.dismissed, entry.note) == (False, "Hemlig")


def test_an_entry_of_another_case_is_not_found(client, process_manager, case, effort):
    other_case = InitiativeFactory()
    entry = InventoryEntry.objects.create(initiative=other_case, effort=effort)
    client.force_login(process_manager)
    response = client.post(f"/en/staff/cases/{case.pk}/inventory/{entry.pk}/remove/")
    assert response.status_code == 404
    assert InventoryEntry.objects.filter(pk=entry.pk).exists()
    assert client.post("/en/staff/cases/999999/inventory/", {}).status_code == 404
