"""The case keeps the moment of its latest request for information and of the submitter's
latest answer, for the desk's lists: after every kind of event they are what the case's
history says, and the migration that added them filled them in from that history."""

import importlib

import pytest
from django.apps import apps
from django.db.models import Max, Q

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.initiatives.models import CaseEvent, Initiative
from meetmalmo.initiatives.services import (
    add_note,
    answer_request,
    assign,
    mark_read,
    message_send,
    perform_transition,
    request_information,
)
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.site.desk import desk

pytestmark = pytest.mark.django_db


def recounted(initiative) -> tuple:
    """The latest question and answer as the case's history has them."""
    found = initiative.events.aggregate(
        question=Max("created_at", filter=Q(kind=CaseEvent.Kind.QUESTION)),
        answer=Max("created_at", filter=Q(kind=CaseEvent.Kind.ANSWER)),
    )
    return found["question"], found["answer"]


def kept(initiative) -> tuple:
    fresh = Initiative.objects.get(pk=initiative.pk)
    return fresh.last_question_at, fresh.last_answer_at


def titles(listed) -> list[str]:
    return [row.title for row in listed.rows]


def test_the_kept_times_equal_the_history_after_every_kind_of_event():
    manager = ProcessManagerFactory()
    colleague = ProcessManagerFactory()
    case = InitiativeFactory(title="Hotellen", state=State.SUBMITTED)
    steps = [
        lambda: perform_transition(initiative=case, name="take", actor=manager),
        lambda: request_information(initiative=case, actor=manager, text="Vilka hotell?"),
        lambda: add_note(initiative=case, actor=manager, text="Ringde dem."),
        lambda: answer_request(initiative=case, actor=case.submitter, text="Tre hotell."),
        lambda: message_send(
            initiative=case, actor=case.submitter, text="Och ett till.", attachments=[]
        ),
        lambda: assign(initiative=case, assignee=colleague, actor=manager),
        lambda: request_information(initiative=case, actor=colleague, text="Vilket?"),
        lambda: answer_request(initiative=case, actor=case.submitter, text="Savoy."),
        lambda: request_information(initiative=case, actor=colleague, text="När?"),
        lambda: perform_transition(
            initiative=case, name="decline", actor=colleague, reason="Inte i år."
        ),
    ]
    seen = set()
    for step in steps:
        event = step()
        seen.add(event.kind if isinstance(event, CaseEvent) else None)
        assert kept(case) == recounted(case), event
    # A question, an answer and the other kinds of event were all among the steps.
    assert {CaseEvent.Kind.QUESTION, CaseEvent.Kind.ANSWER, CaseEvent.Kind.NOTE} <= seen
    assert None not in kept(case)


def test_the_desk_follows_the_kept_times(process_manager):
    case = InitiativeFactory(title="Hotellen", state=State.IN_REVIEW, assigned_to=process_manager)
    case.start_clock(case.created_at)
    case.save()

    def lists():
        found = desk(process_manager, office=False)
        return titles(found["waiting"]), titles(found["unread"])

    assert lists() == ([], [])
    request_information(initiative=case, actor=process_manager, text="Vilka hotell?")
    assert lists() == (["Hotellen"], [])
    answer_request(initiative=case, actor=case.submitter, text="Tre hotell.")
    assert lists() == ([], ["Hotellen"])
    mark_read(initiative=case, user=process_manager)
    assert lists() == ([], [])
    request_information(initiative=case, actor=process_manager, text="Vilka tre?")
    assert lists() == (["Hotellen"], [])
    # Decided, the case leaves the desk whatever it was waiting for.
    perform_transition(initiative=case, name="decline", actor=process_manager, reason="Nej.")
    assert lists() == ([], [])


def test_the_migration_fills_the_times_from_the_history():
    manager = ProcessManagerFactory()
    asked = InitiativeFactory(state=State.IN_REVIEW)
    request_information(initiative=asked, actor=manager, text="Vilka hotell?")
    request_information(initiative=asked, actor=manager, text="Och när?")
    answered = InitiativeFactory(state=State.IN_REVIEW)
    request_information(initiative=answered, actor=manager, text="Vilka hotell?")
    answer_request(initiative=answered, actor=answered.submitter, text="Tre.")
    never = InitiativeFactory(state=State.IN_REVIEW)
    Initiative.objects.update(last_question_at=None, last_answer_at=None)

    migration = importlib.import_module(
        "meetmalmo.initiatives.migrations.0016_latest_question_and_answer"
    )
    migration.fill_latest(apps, None)

    for case in (asked, answered, never):
        assert kept(case) == recounted(case)
    assert kept(asked)[0] is not None and kept(asked)[1] is None
    assert None not in kept(answered)
    assert kept(never) == (None, None)
