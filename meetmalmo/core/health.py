"""What `/healthz` tells a load balancer or a monitor: whether the portal's own database
answers with its tables (a server that reaches an empty database would answer every page with
500), and how long the oldest task ready to run has waited (e-mail goes through the task queue,
so a growing age means no worker is running)."""

from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Case, F, Min, When
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max


class DatabaseEmpty(Exception):
    """The database answers but holds none of the portal's tables."""


def check_database() -> None:
    """Read a real table: the record of applied migrations, there once `migrate` has run."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table() or not recorder.migration_qs.exists():
        raise DatabaseEmpty


def oldest_ready_task_seconds() -> int | None:
    """Seconds since the oldest task ready to run became due, or None with none waiting. A task
    without a time to wait for is due from when it was queued."""
    due = DBTaskResult.objects.ready().aggregate(
        first=Min(
            Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))
        )
    )["first"]
    if due is None:
        return None
    return max(0, int((timezone.now() - due).total_seconds()))
