"""Every move of SPEC §4 with every role: allowed moves change the case, write the case event
and send their notice; forbidden ones are refused by the service and change nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory
from meetmalmo.core.errors import Refused
from meetmalmo.initiatives.models import CaseEvent, Initiative
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import TRANSITIONS, State

pytestmark = pytest.mark.django_db

ROLES = ["submitter", "process_manager", "other_member", "administrator", "visitor"]

# Who may make each move (and nobody else): the table the tests hold the workflow to.
ALLOWED = {
    "submit": {"submitter", "process_manager"},
    "take": {"process_manager"},
    "adopt": {"process_manager"},
    "decline": {"process_manager"},
    "refer": {"process_manager"},
    "withdraw": {"submitter"},
    "form_group": {"process_manager"},
    "activate": {"process_manager"},
    "complete": {"process_manager"},
    "discontinue": {"process_manager"},
}
NOTICE_SUBJECT = {
    "submit": "We have received your initiative",
    "adopt": "Meet Malmö adopts your initiative",
    "decline": "Decision on your initiative",
    "refer": "Decision on your initiative",
    "discontinue": "has been discontinued",
}


def person(role, initiative):
    from django.contrib.auth.models import AnonymousUser

    return {
        "submitter": lambda: initiative.submitter,
        "process_manager": ProcessManagerFactory,
        "other_member": UserFactory,
        "administrator": lambda: UserFactory(is_staff=True, is_superuser=True),
        "visitor": AnonymousUser,
    }[role]()


def arguments(name):
    if name in ("decline", "discontinue"):
        return {"reason": "Det finns redan en liknande satsning."}
    if name == "refer":
        return {"referred_to": InitiativeFactory(state=State.ACTIVE), "reason": "Se projektet."}
    return {}


def case_in(state):
    submitter = UserFactory(language="en")
    initiative = InitiativeFactory(submitter=submitter, state=state)
    if state != State.DRAFT:
        initiative.start_clock(timezone.now() - timedelta(days=3))
        initiative.save()
    return initiative


MOVES = [(name, source) for name, t in TRANSITIONS.items() for source in sorted(t.sources)]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "source"), MOVES)
def test_each_move_is_allowed_to_exactly_its_roles(
    name, source, role, django_capture_on_commit_callbacks
):
    initiative = case_in(source)
    actor = person(role, initiative)
    mail.outbox.clear()

    if role in ALLOWED[name]:
        with django_capture_on_commit_callbacks(execute=True):
            event = perform_transition(
                initiative=initiative, name=name, actor=actor, **arguments(name)
            )
        initiative.refresh_from_db()
        assert initiative.state == TRANSITIONS[name].target
        assert (event.actor, event.from_state, event.to_state) == (
            actor,
            source,
            TRANSITIONS[name].target,
        )
        assert event.reason == arguments(name).get("reason", "")
        if name in NOTICE_SUBJECT:
            assert len(mail.outbox) == 1
            assert mail.outbox[0].to == [initiative.submitter.email]
            assert NOTICE_SUBJECT[name] in mail.outbox[0].subject
        else:
            assert mail.outbox == []
    else:
        with pytest.raises(Refused):
            perform_transition(initiative=initiative, name=name, actor=actor, **arguments(name))
        initiative.refresh_from_db()
        assert initiative.state == source
        assert not CaseEvent.objects.filter(initiative=initiative).exists()


IMPOSSIBLE_MOVES = [
    (name, state)
    for name, t in TRANSITIONS.items()
    for state in State.values
    if state not in t.sources
]


# The refusal is read in the language of the page the move is made from; here, English.
@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(("name", "state"), IMPOSSIBLE_MOVES)
def test_a_move_from_a_state_it_does_not_leave_is_refused(name, state):
    initiative = case_in(state)
    manager = ProcessManagerFactory()
    with pytest.raises(Refused, match="not possible"):
        perform_transition(initiative=initiative, name=name, actor=manager, **arguments(name))
    assert Initiative.objects.get(pk=initiative.pk).state == state


@pytest.mark.usefixtures("english")
def test_a_member_cannot_adopt_their_own_initiative():
    initiative = case_in(State.IN_REVIEW)
    with pytest.raises(Refused, match="may not"):
        perform_transition(initiative=initiative, name="adopt", actor=initiative.submitter)


def test_a_withdrawn_case_cannot_be_decided():
    initiative = case_in(State.WITHDRAWN)
    with pytest.raises(Refused):
        perform_transition(initiative=initiative, name="adopt", actor=ProcessManagerFactory())


@pytest.mark.parametrize("name", ["decline", "discontinue"])
@pytest.mark.parametrize("reason", ["", "   \n "])
def test_declining_or_discontinuing_needs_a_reason(name, reason):
    source = sorted(TRANSITIONS[name].sources)[0]
    initiative = case_in(source)
    with pytest.raises(Refused) as refused:
        perform_transition(
            initiative=initiative, name=name, actor=ProcessManagerFactory(), reason=reason
        )
    assert refused.value.field == "reason"
    assert Initiative.objects.get(pk=initiative.pk).state == source


def test_referring_needs_the_work_it_is_referred_to():
    initiative = case_in(State.IN_REVIEW)
    manager = ProcessManagerFactory()
    with pytest.raises(Refused) as refused:
        perform_transition(initiative=initiative, name="refer", actor=manager)
    assert refused.value.field == "referred_to"
    with pytest.raises(Refused):
        perform_transition(
            initiative=initiative, name="refer", actor=manager, referred_to=initiative
        )
    draft = InitiativeFactory(state=State.DRAFT)
    with pytest.raises(Refused):
        perform_transition(initiative=initiative, name="refer", actor=manager, referred_to=draft)


def test_referring_records_which_work(django_capture_on_commit_callbacks):
    initiative = case_in(State.IN_REVIEW)
    earlier = InitiativeFactory(state=State.ACTIVE, title="Hej Framtid")
    with django_capture_on_commit_callbacks(execute=True):
        perform_transition(
            initiative=initiative, name="refer", actor=ProcessManagerFactory(), referred_to=earlier
        )
    initiative.refresh_from_db()
    assert initiative.referred_to == earlier
    assert '"Hej Framtid"' in mail.outbox[0].body


def test_submitting_starts_the_21_day_clock_and_the_receipt_promises_the_date(
    django_capture_on_commit_callbacks,
):
    initiative = InitiativeFactory(state=State.DRAFT, submitter=UserFactory(language="sv"))
    with django_capture_on_commit_callbacks(execute=True):
        perform_transition(initiative=initiative, name="submit", actor=initiative.submitter)
    initiative.refresh_from_db()
    assert initiative.decision_due - initiative.submitted_at == timedelta(days=21)
    due = timezone.localdate(initiative.decision_due)
    assert f"{due.day} " in mail.outbox[0].body
    assert "Vi har tagit emot" in mail.outbox[0].subject


@pytest.mark.parametrize("name", ["adopt", "decline", "refer"])
def test_a_decision_stops_the_clock(name):
    initiative = case_in(State.IN_REVIEW)
    perform_transition(
        initiative=initiative, name=name, actor=ProcessManagerFactory(), **arguments(name)
    )
    initiative.refresh_from_db()
    assert initiative.decided_at is not None


def test_taking_a_case_assigns_it_to_whoever_takes_it():
    initiative = case_in(State.SUBMITTED)
    manager = ProcessManagerFactory()
    event = perform_transition(initiative=initiative, name="take", actor=manager)
    initiative.refresh_from_db()
    assert initiative.assigned_to == manager
    assert event.assigned_to == manager


def test_the_case_history_cannot_be_changed_or_removed():
    initiative = case_in(State.SUBMITTED)
    event = perform_transition(initiative=initiative, name="take", actor=ProcessManagerFactory())
    event.reason = "ändrad"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        CaseEvent.objects.filter(pk=event.pk).update(reason="x")
    with pytest.raises(TypeError):
        CaseEvent.objects.filter(pk=event.pk).delete()
    assert CaseEvent.objects.get(pk=event.pk).reason == ""
