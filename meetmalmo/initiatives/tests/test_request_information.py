import pytest
from django.core import mail

from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory
from meetmalmo.core.errors import Refused
from meetmalmo.initiatives.models import CaseEvent
from meetmalmo.initiatives.services import answer_request, request_information
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db


def test_a_question_reaches_the_submitter_and_the_answer_the_process_manager(
    django_capture_on_commit_callbacks,
):
    manager = ProcessManagerFactory(language="en")
    initiative = InitiativeFactory(
        state=State.IN_REVIEW, assigned_to=manager, submitter=UserFactory(language="sv")
    )
    with django_capture_on_commit_callbacks(execute=True):
        request_information(initiative=initiative, actor=manager, text="Vilka hotell är med?")
    assert mail.outbox[0].to == [initiative.submitter.email]
    assert "En fråga om ditt initiativ" in mail.outbox[0].subject
    assert "Vilka hotell är med?" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        answer_request(initiative=initiative, actor=initiative.submitter, text="Tre hotell.")
    assert mail.outbox[1].to == [manager.email]
    assert "Tre hotell." in mail.outbox[1].body
    kinds = list(initiative.events.public().values_list("kind", flat=True))
    assert kinds == [CaseEvent.Kind.QUESTION, CaseEvent.Kind.ANSWER]
    initiative.refresh_from_db()
    assert initiative.state == State.IN_REVIEW


@pytest.mark.parametrize("state", [State.DRAFT, State.ADOPTED, State.DECLINED, State.WITHDRAWN])
def test_questions_are_only_asked_before_the_decision(state):
    initiative = InitiativeFactory(state=state)
    with pytest.raises(Refused):
        request_information(initiative=initiative, actor=ProcessManagerFactory(), text="?")


def test_members_cannot_ask_and_others_cannot_answer():
    initiative = InitiativeFactory(state=State.IN_REVIEW)
    with pytest.raises(Refused):
        request_information(initiative=initiative, actor=UserFactory(), text="?")
    request_information(initiative=initiative, actor=ProcessManagerFactory(), text="?")
    with pytest.raises(Refused):
        answer_request(initiative=initiative, actor=UserFactory(), text="Svar")
    assert initiative.events.count() == 1


def test_there_must_be_a_question_to_answer_and_an_answer_to_send():
    initiative = InitiativeFactory(state=State.IN_REVIEW)
    with pytest.raises(Refused):
        answer_request(initiative=initiative, actor=initiative.submitter, text="Svar")
    request_information(initiative=initiative, actor=ProcessManagerFactory(), text="?")
    with pytest.raises(Refused) as refused:
        answer_request(initiative=initiative, actor=initiative.submitter, text="  ")
    assert refused.value.field == "text"
