"""`requeue_stale_tasks`: an e-mail task left running by a worker that died goes back in the
queue and is sent by the next worker; a task that keeps killing its workers is given up."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from meetmalmo.core.tasks import MAX_CLAIMS

pytestmark = [
    # The worker closes a connection that is inside a transaction, as a test's would be.
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("queued_mail"),
]


@pytest.fixture
def queued_mail():
    with override_settings(
        EMAIL_BACKEND="meetmalmo.core.mail.TaskEmailBackend",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    ):
        yield


def claimed(worker_id: str, minutes_ago: float, earlier_workers: int = 0) -> DBTaskResult:
    """A message whose worker claimed it and then (perhaps) died."""
    send_mail("Beslut om ditt initiativ", "Hej!", None, ["sara@example.se"])
    result = DBTaskResult.objects.latest("enqueued_at")
    result.worker_ids = [f"dead-{n}" for n in range(earlier_workers)]
    result.claim(worker_id)
    DBTaskResult.objects.filter(pk=result.pk).update(
        started_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return result


def requeue(*args) -> str:
    out = StringIO()
    call_command("requeue_stale_tasks", *args, stdout=out)
    return out.getvalue()


def work():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_a_message_left_running_by_a_dead_worker_is_sent_by_the_next_one():
    claimed("worker-1", minutes_ago=20)
    work()  # a new worker alone does not see it: the queue still thinks it is running
    assert mail.outbox == []

    assert requeue() == "Tasks put back in the queue: 1; given up as failed: 0.\n"
    work()
    assert [m.subject for m in mail.outbox] == ["Beslut om ditt initiativ"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_task_a_live_worker_runs_now_is_left_alone():
    task = claimed("worker-1", minutes_ago=1)
    assert requeue().startswith("Tasks put back in the queue: 0;")
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_the_tasks_of_a_worker_known_to_be_dead_go_back_at_once():
    mine = claimed("host-tasks", minutes_ago=0)
    other = claimed("other-host-tasks", minutes_ago=0)
    assert requeue("--worker-id", "host-tasks").startswith("Tasks put back in the queue: 1;")
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.status, other.status) == ("READY", "RUNNING")


def test_a_task_whose_workers_keep_dying_is_given_up_and_kept():
    task = claimed("worker-5", minutes_ago=20, earlier_workers=MAX_CLAIMS - 1)
    assert requeue() == "Tasks put back in the queue: 0; given up as failed: 1.\n"
    task.refresh_from_db()
    assert task.status == "FAILED" and task.finished_at is not None
    assert "stopped 5 times" in task.traceback
    work()
    assert mail.outbox == []


def test_finished_and_waiting_tasks_are_not_touched():
    send_mail("Väntar", "Hej!", None, ["a@example.se"])
    work()
    send_mail("Väntar också", "Hej!", None, ["b@example.se"])
    assert requeue("--minutes", "0").startswith("Tasks put back in the queue: 0;")
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == ["READY", "SUCCESSFUL"]
