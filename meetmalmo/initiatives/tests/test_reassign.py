"""Handing a process manager's open cases to a colleague, all at once or those chosen, each
move an assignment in the case's history."""

import re

import pytest
from django.core import mail

from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory
from meetmalmo.accounts.tests.two_factor import give_two_factor
from meetmalmo.core.errors import Refused
from meetmalmo.initiatives.models import CaseEvent, Initiative
from meetmalmo.initiatives.services import assign, reassign_open_cases
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def away():
    return ProcessManagerFactory(name="Semester Svensson")


@pytest.fixture
def cover():
    return ProcessManagerFactory(name="Vikarie Andersson")


def held_by(person, title, state=State.IN_REVIEW):
    return InitiativeFactory(title=title, state=state, assigned_to=person)


def test_every_open_case_moves_and_each_move_is_in_its_history(
    process_manager, away, cover, django_capture_on_commit_callbacks
):
    first, second = held_by(away, "Ett"), held_by(away, "Två")
    decided = held_by(away, "Beslutat", State.ADOPTED)
    someone_elses = held_by(process_manager, "Mitt eget")

    with django_capture_on_commit_callbacks(execute=True):
        moved = reassign_open_cases(from_user=away, to_user=cover, actor=process_manager)

    assert moved == 2
    assert set(Initiative.objects.filter(assigned_to=cover)) == {first, second}
    assert Initiative.objects.get(pk=decided.pk).assigned_to == away
    assert Initiative.objects.get(pk=someone_elses.pk).assigned_to == process_manager
    events = CaseEvent.objects.filter(kind="assignment", assigned_to=cover)
    assert {event.initiative for event in events} == {first, second}
    assert {event.actor for event in events} == {process_manager}
    assert {message.to[0] for message in mail.outbox} == {cover.email}


def test_only_the_chosen_cases_move(process_manager, away, cover):
    first, second = held_by(away, "Ett"), held_by(away, "Två")
    not_theirs = held_by(process_manager, "Mitt eget")

    moved = reassign_open_cases(
        from_user=away, to_user=cover, actor=process_manager, initiatives=[second, not_theirs]
    )

    assert moved == 1
    assert Initiative.objects.get(pk=first.pk).assigned_to == away
    assert Initiative.objects.get(pk=second.pk).assigned_to == cover
    assert Initiative.objects.get(pk=not_theirs.pk).assigned_to == process_manager


@pytest.mark.parametrize("target", ["member", "same", "nobody"])
def test_cases_go_only_to_another_process_manager(process_manager, away, target):
    case = held_by(away, "Ett")
    to_user = {"member": UserFactory(), "same": away, "nobody": None}[target]
    with pytest.raises(Refused) as refused:
        reassign_open_cases(from_user=away, to_user=to_user, actor=process_manager)
    assert refused.value.field == "to_user"
    assert Initiative.objects.get(pk=case.pk).assigned_to == away
    assert not CaseEvent.objects.filter(kind="assignment").exists()


def test_a_member_cannot_reassign(member, away, cover):
    held_by(away, "Ett")
    with pytest.raises(Refused):
        reassign_open_cases(from_user=away, to_user=cover, actor=member)
    assert not Initiative.objects.filter(assigned_to=cover).exists()


def test_the_page_ticks_every_open_case_and_hands_them_over(client, process_manager, away, cover):
    first, second = held_by(away, "Första ärendet"), held_by(away, "Andra ärendet")
    client.force_login(process_manager)
    page = client.get(f"/en/staff/reassign/{away.pk}/").content.decode()
    assert "<h1>Hand over Semester Svensson's cases</h1>" in page
    assert page.count('type="checkbox" name="cases"') == 2
    assert page.count("checked") == 2
    assert "Vikarie Andersson" in page

    response = client.post(
        f"/en/staff/reassign/{away.pk}/", {"cases": [first.pk], "to_user": cover.pk}, follow=True
    )
    assert "1 case handed over to Vikarie Andersson." in response.content.decode()
    assert response.redirect_chain[-1][0] == "/en/staff/?for=office"
    assert Initiative.objects.get(pk=first.pk).assigned_to == cover
    assert Initiative.objects.get(pk=second.pk).assigned_to == away


def test_the_page_explains_a_missing_choice_beside_the_field(client, process_manager, away):
    case = held_by(away, "Första ärendet")
    client.force_login(process_manager)
    response = client.post(f"/sv/staff/reassign/{away.pk}/", {"cases": [case.pk]})
    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="id_to_user_error"' in content and "Välj vem som tar över ärendena." in content
    assert re.search(rf'value="{case.pk}" [^>]*checked', content)  # what was ticked stays
    response = client.post(f"/sv/staff/reassign/{away.pk}/", {"to_user": process_manager.pk})
    assert response.status_code == 400
    assert "Välj minst ett ärende." in response.content.decode()
    assert Initiative.objects.get(pk=case.pk).assigned_to == away


def test_the_page_refuses_a_target_who_is_not_a_process_manager(
    client, process_manager, away, member
):
    case = held_by(away, "Ett")
    client.force_login(process_manager)
    response = client.post(
        f"/en/staff/reassign/{away.pk}/", {"cases": [case.pk], "to_user": member.pk}
    )
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert Initiative.objects.get(pk=case.pk).assigned_to == away


def test_someone_who_is_not_a_process_manager_has_no_such_page(client, process_manager, member):
    client.force_login(process_manager)
    assert client.get(f"/en/staff/reassign/{member.pk}/").status_code == 404
    assert client.get("/en/staff/reassign/999999/").status_code == 404


@pytest.mark.parametrize("who, status", [(None, 302), ("member", 403)])
def test_only_process_managers_reassign(client, member, away, cover, who, status):
    case = held_by(away, "Ett")
    if who:
        client.force_login(member)
    url = f"/en/staff/reassign/{away.pk}/"
    assert client.get(url).status_code == status
    assert client.post(url, {"cases": [case.pk], "to_user": cover.pk}).status_code == status
    assert Initiative.objects.get(pk=case.pk).assigned_to == away


def test_the_page_says_when_there_is_nothing_to_hand_over(client, process_manager, away):
    client.force_login(process_manager)
    content = client.get(f"/en/staff/reassign/{away.pk}/").content.decode()
    assert "Semester Svensson has no open cases." in content


def test_a_case_may_be_given_to_a_colleague_who_has_still_to_set_up_two_factor(settings):
    actor, colleague = ProcessManagerFactory(), ProcessManagerFactory()
    give_two_factor(actor)
    settings.MFA_REQUIRED_FOR_STAFF = True
    initiative = InitiativeFactory(state=State.IN_REVIEW)
    assign(initiative=initiative, assignee=colleague, actor=actor)
    initiative.refresh_from_db()
    assert initiative.assigned_to == colleague
