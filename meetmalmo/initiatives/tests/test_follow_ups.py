"""Other apps act on the workflow's moves by subscribing to them: the workflow itself names no
app above it, and what follows a move happens with the move or not at all."""

import pytest

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.groups.models import WorkingGroup
from meetmalmo.initiatives import workflow
from meetmalmo.initiatives.models import CaseEvent, Initiative
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribed():
    """Subscribes a follow-up for the test's length only."""
    added = []

    def subscribe(name, then):
        workflow.follow(name, then)
        added.append((name, then))

    yield subscribe
    for name, then in added:
        workflow._FOLLOW_UPS[name].remove(then)


def case_in(state):
    return InitiativeFactory(state=state)


def test_the_apps_above_subscribe_to_the_moves_they_act_on():
    names = {
        name: [f.__module__ for f in workflow.follow_ups(name)] for name in workflow.TRANSITIONS
    }
    assert names["adopt"] == ["meetmalmo.publishing.services"]
    assert names["form_group"] == ["meetmalmo.groups.services"]
    assert names["complete"] == names["discontinue"] == ["meetmalmo.groups.services"]
    assert names["take"] == names["decline"] == []


def test_adopting_drafts_the_project_page_and_forming_opens_the_group():
    manager = ProcessManagerFactory()
    case = case_in(State.IN_REVIEW)
    perform_transition(initiative=case, name="adopt", actor=manager)
    assert Project.objects.get(initiative=case).published_at is None
    perform_transition(initiative=case, name="form_group", actor=manager)
    assert WorkingGroup.objects.filter(initiative=case).exists()


def test_a_follow_up_gets_the_case_and_its_event(subscribed):
    seen = []
    subscribed("take", lambda initiative, event: seen.append((initiative.state, event.to_state)))
    perform_transition(
        initiative=case_in(State.SUBMITTED), name="take", actor=ProcessManagerFactory()
    )
    assert seen == [(State.IN_REVIEW, State.IN_REVIEW)]


def test_a_failing_follow_up_undoes_the_move(subscribed):
    def broken(initiative, event):
        raise RuntimeError("the project page could not be drafted")

    subscribed("take", broken)
    case = case_in(State.SUBMITTED)
    with pytest.raises(RuntimeError):
        perform_transition(initiative=case, name="take", actor=ProcessManagerFactory())
    assert Initiative.objects.get(pk=case.pk).state == State.SUBMITTED
    assert not CaseEvent.objects.filter(initiative=case).exists()


def test_a_follow_up_is_subscribed_once_and_only_to_a_move_that_exists(subscribed):
    def once(initiative, event):
        pass

    subscribed("take", once)
    workflow.follow("take", once)
    assert workflow.follow_ups("take").count(once) == 1
    with pytest.raises(ValueError, match="No move is called 'approve'"):
        workflow.follow("approve", once)
