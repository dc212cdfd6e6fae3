"""The message after each move says only what happened: the new state, an assignment when
there was one, and an e-mail to the submitter only when one really is on its way."""

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import TRANSITIONS, State

pytestmark = pytest.mark.django_db

NOT_TOLD = "No e-mail was sent to the submitter."


def make(client, initiative, name, capture, **data):
    fields = {f"{name}-{key}": value for key, value in data.items()}
    post = {"move": name, **fields}
    if TRANSITIONS[name].second_look:
        post.update(confirm="1", state=initiative.state)
    with capture(execute=True):
        response = client.post(f"/en/staff/cases/{initiative.pk}/move/", post, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    return messages[0]


@pytest.mark.parametrize(
    ("name", "start", "data", "said", "emailed"),
    [
        ("take", State.SUBMITTED, {}, "Done: the case is now in review. It is assigned to you.", 0),
        ("adopt", State.IN_REVIEW, {"reason": "Välkomna"}, "Done: the case is now adopted.", 1),
        ("decline", State.IN_REVIEW, {"reason": "Nej"}, "Done: the case is now declined.", 1),
        ("form_group", State.ADOPTED, {}, "Done: the case is now forming a working group.", 0),
        ("activate", State.GROUP_FORMING, {}, "Done: the case is now active.", 0),
        ("complete", State.ACTIVE, {}, "Done: the case is now completed.", 0),
        ("discontinue", State.ACTIVE, {"reason": "Slut"}, "Done: the case is now discontinued.", 1),
    ],
)
def test_each_moves_message_matches_the_outbox(
    client, process_manager, django_capture_on_commit_callbacks, name, start, data, said, emailed
):
    submitter = UserFactory(name="Kajsa Holm")
    initiative = InitiativeFactory(state=start, submitter=submitter)
    initiative.start_clock(timezone.now())
    initiative.save()
    client.force_login(process_manager)
    message = make(client, initiative, name, django_capture_on_commit_callbacks, **data)
    to_submitter = [m for m in mail.outbox if m.to == [submitter.email]]
    assert message.startswith(said)
    assert len(to_submitter) == emailed
    if emailed:
        assert message.endswith("An e-mail about it is on its way to Kajsa Holm.")
    else:
        assert message.endswith(NOT_TOLD) and "has been told" not in message


def test_a_case_taken_by_someone_already_assigned_does_not_say_it_is_yours(
    client, process_manager, django_capture_on_commit_callbacks
):
    colleague = UserFactory(is_process_manager=True)
    initiative = InitiativeFactory(state=State.SUBMITTED, assigned_to=colleague)
    client.force_login(process_manager)
    message = make(client, initiative, "take", django_capture_on_commit_callbacks)
    assert message == f"Done: the case is now in review. {NOT_TOLD}"


def test_a_decision_without_a_submitter_says_nobody_was_e_mailed(
    client, process_manager, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(state=State.IN_REVIEW)
    initiative.submitter = None  # the account was deleted
    initiative.save()
    client.force_login(process_manager)
    message = make(client, initiative, "adopt", django_capture_on_commit_callbacks, reason="")
    assert message.endswith("Nobody was e-mailed: the submitter has deleted their account.")
    assert not mail.outbox
