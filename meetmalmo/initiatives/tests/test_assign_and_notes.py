import pytest
from django.core import mail

from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory
from meetmalmo.core.errors import Refused
from meetmalmo.initiatives.models import CaseEvent
from meetmalmo.initiatives.services import add_note, assign
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db


def test_reassigning_records_it_and_tells_the_new_process_manager(
    django_capture_on_commit_callbacks,
):
    initiative = InitiativeFactory(state=State.IN_REVIEW)
    first, second = ProcessManagerFactory(), ProcessManagerFactory(language="en")
    assign(initiative=initiative, assignee=first, actor=first)
    with django_capture_on_commit_callbacks(execute=True):
        assign(initiative=initiative, assignee=second, actor=first)
    initiative.refresh_from_db()
    assert initiative.assigned_to == second
    events = CaseEvent.objects.filter(initiative=initiative, kind=CaseEvent.Kind.ASSIGNMENT)
    assert [e.assigned_to for e in events] == [first, second]
    assert mail.outbox[-1].to == [second.email]
    assert "You have been assigned" in mail.outbox[-1].subject


def test_only_process_managers_assign_and_only_to_process_managers(member):
    initiative = InitiativeFactory(state=State.SUBMITTED)
    manager = ProcessManagerFactory()
    with pytest.raises(Refused):
        assign(initiative=initiative, assignee=manager, actor=member)
    with pytest.raises(Refused):
        assign(initiative=initiative, assignee=member, actor=manager)
    assert not CaseEvent.objects.exists()


def test_internal_notes_are_staff_only_and_kept_out_of_the_public_history():
    initiative = InitiativeFactory(state=State.IN_REVIEW)
    note = add_note(initiative=initiative, actor=ProcessManagerFactory(), text=" Ring Visita. ")
    assert note.internal and note.reason == "Ring Visita."
    assert not initiative.events.public().exists()


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_note_is_refused(text):
    with pytest.raises(Refused) as refused:
        add_note(initiative=InitiativeFactory(), actor=ProcessManagerFactory(), text=text)
    assert refused.value.field == "text"


def test_a_member_cannot_write_internal_notes():
    initiative = InitiativeFactory()
    with pytest.raises(Refused):
        add_note(initiative=initiative, actor=UserFactory(), text="x")
